// The policy tables in use: the catalogue and 기준 중위소득 of the reference pack in force (a pack a
// coordinator loaded, else the one shipped), checked by the pack's validators when loaded.
import {
  medianIncomeTable, medianIncomeTableSchema, programmesTable, programmesTableSchema, type MedianIncomeTable, type Programme, type ProgrammesTable,
} from '../../../data/reference/policy-tables.js';
import { referenceInUse } from '../reference.js';
import { matchProgrammes, versionAt, type MatchResult } from '../../../checklists/policy/match.js';
import type { HandlerContext } from '../context.js';
import type { CatalogueView, MatchView, ProgrammeView } from '../../api/policy-methods.js';

export async function policyTables(ctx: HandlerContext): Promise<{ programmes: ProgrammesTable; medianIncome: MedianIncomeTable }> {
  const t = (await referenceInUse(ctx.db)).tables as unknown as Record<string, unknown>;
  const p = t.programmes ? programmesTableSchema.safeParse(t.programmes) : null;
  const m = t.medianIncome ? medianIncomeTableSchema.safeParse(t.medianIncome) : null;
  return { programmes: p?.success ? p.data : programmesTable, medianIncome: m?.success ? m.data : medianIncomeTable };
}

export function programmeView(p: Programme): ProgrammeView {
  const { criteria: _c, recurring: _r, ...rest } = p;
  return rest;
}

export function catalogueView(t: { programmes: ProgrammesTable; medianIncome: MedianIncomeTable }, asOf: string): CatalogueView {
  const v = versionAt(t.programmes.versions, asOf) ?? t.programmes.versions[0];
  const m = versionAt(t.medianIncome.versions, asOf);
  return {
    effectiveFrom: v.effectiveFrom,
    checkedOn: t.programmes.checkedOn,
    title: t.programmes.title,
    source: t.programmes.source,
    programmes: v.programmes.filter((p) => p.validTo === null || p.validTo >= asOf).map(programmeView),
    medianIncome: m ? { effectiveFrom: m.effectiveFrom, notice: m.notice, monthlyByHouseholdSize: m.monthlyByHouseholdSize } : null,
  };
}

export function matchView(r: MatchResult): MatchView {
  return {
    asOf: r.asOf,
    catalogue: r.catalogue,
    medianIncome: r.medianIncome ?? null,
    matches: r.matches.map((m) => ({ id: m.id, name: m.name, status: m.status, reasons: m.reasons, missing: m.missing, nextWindow: m.nextWindow ?? null, unverified: m.unverified, programme: programmeView(m.programme) })),
  };
}

export { matchProgrammes };
