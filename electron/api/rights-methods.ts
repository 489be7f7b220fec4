// API methods of the rights module: method name → input schema, and their result types.
// Merged into the one allow-listed map in methods.ts.
import { z } from 'zod';
import { calculatorNames, type CalculatorName, type NamedCalculatorResult } from '../../checklists/calculators/index.js';
import type { RegistryAnalysis } from '../../checklists/rights/analyze.js';
import type { RegistryDoc } from '../../checklists/rights/registry-doc.js';
import type { BaseRateVersion } from '../../data/reference/index.js';
import { amount, date, id } from './schemas.js';
import { bilingualIssue, bilingualMessage } from './errors.js';

const text = (max: number) => z.string().trim().max(max, bilingualIssue(`${max}자 이하로 입력하세요.`, `Enter at most ${max} characters.`));
const optDate = date.nullable().default(null);
const optAmount = amount.nullable().default(null);
const optBool = z.boolean().nullable().default(null);

/**
 * 열람/발급 일시: a date, a date-time from a date-time field ("2026-11-27T10:00") or full ISO 8601.
 * Stored with the +09:00 offset, so the day it was read is the Seoul day.
 */
const issuedAt = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, bilingualIssue('열람 일시는 2026-11-27 또는 2026-11-27T10:00 형식입니다.', 'The viewing time is 2026-11-27 or 2026-11-27T10:00.'))
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00+09:00` : s)), bilingualIssue('있을 수 없는 날짜·시각입니다.', 'Not a real date and time.'))
  .transform((s) => (s.length === 10 || /(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s.length === 16 ? `${s}:00` : s}+09:00`))
  .nullable()
  .default(null);

const registryEntry = z.object({
  rank: text(12).refine((s) => s === '' || /^\d+(-\d+)*$/.test(s), bilingualIssue('순위번호는 1 또는 1-1처럼 씁니다.', 'The rank is written like 1 or 1-1.')).default(''),
  purpose: text(100).default(''),
  receivedAt: optDate,
  receiptNo: text(30).nullable().default(null),
  cause: text(200).nullable().default(null),
  holders: z.array(text(100)).max(30).default([]),
  maxClaim: optAmount,
  cancelled: z.boolean().default(false),
});

const payment = z.object({ amount: optAmount, date: optDate }).default({ amount: null, date: null });

/** The registry document as the form saves it (see checklists/rights/registry-doc.ts). */
export const registryDoc = z
  .object({
    certificate: z.object({ issuedAt, collective: optBool }).default({ issuedAt: null, collective: null }),
    gapgu: z.array(registryEntry).max(300).default([]),
    eulgu: z.array(registryEntry).max(300).default([]),
    landlord: z
      .object({
        actingAsAgent: optBool,
        agentDocumentsChecked: optBool,
        trustConsent: optBool,
        taxArrears: optBool,
        seniorDeposits: optAmount,
        seniorDepositsDisclosed: optBool,
      })
      .prefault({}),
    buildingRegister: z.object({ checked: z.boolean().default(false), violation: optBool, mainUse: text(60).nullable().default(null) }).prefault({}),
    contract: z
      .object({
        contractDate: optDate,
        downPayment: payment,
        interimPayment: payment,
        balance: payment,
        moveInDate: optDate,
        fixedDate: optDate,
        endDate: optDate,
        loanOrGuarantee: optBool,
      })
      .prefault({}),
  })
  .superRefine((d, ctx) => {
    const c = d.contract;
    const after = (path: string[], later: string | null, earlier: string | null, ko: string, en: string) => {
      if (later && earlier && later < earlier) ctx.addIssue({ code: 'custom', path, ...bilingualMessage(ko, en) });
    };
    for (const key of ['downPayment', 'interimPayment', 'balance'] as const) {
      after(['contract', key, 'date'], c[key].date, c.contractDate, '지급일이 계약일보다 빠릅니다.', 'The payment date is before the contract date.');
    }
    after(['contract', 'balance', 'date'], c.balance.date, c.interimPayment.date, '잔금일이 중도금일보다 빠릅니다.', 'The balance date is before the interim payment.');
    after(['contract', 'moveInDate'], c.moveInDate, c.contractDate, '입주일이 계약일보다 빠릅니다.', 'The move-in date is before the contract date.');
    after(['contract', 'endDate'], c.endDate, c.moveInDate, '계약 종료일이 입주일보다 빠릅니다.', 'The end date is before the move-in date.');
    after(['contract', 'fixedDate'], c.fixedDate, c.contractDate, '확정일자가 계약일보다 빠릅니다.', 'The fixed date is before the contract date.');
  });

// Compile-time check: what the schema produces is the stored document type.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _docMatches: SameShape<z.output<typeof registryDoc>, RegistryDoc> = true;
void _docMatches;

const baseRateInput = z.object({
  effectiveFrom: date,
  /** Percent, as the Bank of Korea announces it (2.5 = 2.50 %). */
  ratePercent: z
    .number(bilingualIssue('금리를 숫자로 입력하세요 (예: 2.5).', 'Enter the rate as a number (e.g. 2.5).'))
    .min(0, bilingualIssue('금리는 0 이상입니다.', 'The rate cannot be negative.'))
    .max(50, bilingualIssue('기준금리는 % 단위로 입력하세요 (예: 2.5).', 'Enter the base rate in percent (e.g. 2.5).'))
    .refine((x) => Number.isInteger(Math.round(x * 10000) / 100), bilingualIssue('소수점 둘째 자리까지 입력하세요.', 'Use at most two decimals.')),
  note: text(200).optional(),
});

export const rightsInputs = {
  'registry.get': z.object({ listingId: id }),
  'registry.save': z.object({ listingId: id, registry: registryDoc }),
  'rights.analyze': z.object({ listingId: id, asOf: date.optional() }),
  'calc.run': z.object({
    name: z.enum(calculatorNames as [CalculatorName, ...CalculatorName[]], bilingualIssue('알 수 없는 계산기입니다.', 'Unknown calculator.')),
    input: z.record(z.string(), z.unknown()),
  }),
  'baseRates.list': z.object({}).default({}),
  'baseRates.add': baseRateInput,
  // issue 11: a calculator result saved to a case (the backend recomputes it; the client's result is never trusted).
  // A retried save carries the transport's `requestId` (backend.ts: idempotent saves) and is stored once.
  'calc.save': z.object({
    caseId: id,
    name: z.enum(calculatorNames as [CalculatorName, ...CalculatorName[]], bilingualIssue('알 수 없는 계산기입니다.', 'Unknown calculator.')),
    input: z.record(z.string(), z.unknown()),
  }),
  'calc.listForCase': z.object({ caseId: id }),
  'calc.deleteSaved': z.object({ id }),
  'baseRates.remove': z.object({ id }),
} as const;

export interface RegistryView {
  listingId: string;
  registry: RegistryDoc;
  /** Null until first saved. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Which reference pack a result used (issue 13). */
export interface ReferencePackUsed {
  packVersion: string;
  verifiedOn: string;
  source: 'shipped' | 'loaded';
}

export interface RightsAnalysisView extends RegistryAnalysis {
  pack: ReferencePackUsed;
  listingId: string;
  /** The registry checklist run whose answers were read, if any. */
  checklist: { runId: string; completed: boolean; answered: number } | null;
}

/** A row of the base-rate series as used: shipped rows and the user's own (with their id). */
export interface BaseRateRowView extends BaseRateVersion {
  id?: string;
}

/** A calculator result saved to a case (issue 11): inputs, result and the reference pack (table date) used. */
export interface SavedCalcView {
  id: string;
  caseId: string;
  name: CalculatorName;
  /** Null when the client's key was destroyed. */
  input: Record<string, unknown> | null;
  result: NamedCalculatorResult['result'] | null;
  pack: ReferencePackUsed;
  savedAt: string;
  savedBy: string | null;
}

export interface RightsResults {
  'registry.get': RegistryView;
  'registry.save': RegistryView;
  'rights.analyze': RightsAnalysisView;
  /** `pack`: the reference pack (and its verification date) whose tables gave the result (issue 13). */
  'calc.run': NamedCalculatorResult & { pack: ReferencePackUsed };
  'baseRates.list': BaseRateRowView[];
  'baseRates.add': BaseRateRowView[];
  'baseRates.remove': BaseRateRowView[];
  'calc.save': SavedCalcView;
  'calc.listForCase': SavedCalcView[];
  'calc.deleteSaved': { id: string };
}
