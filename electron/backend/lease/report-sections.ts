// What the lease module adds to the tenant report (상담 결과 보고서): the registry re-check of
// the leased listing and, once the case's lease facts are saved, its dated timeline in place of
// the analysis's after-contract steps. Called from viewings/reports.ts in one marked line.
import type { AfterContractStep, ReportLocale, TenantReportModel } from '../reports/models.js';
import type { RegistryRecheckSection } from '../reports/registry-recheck.js';
import type { HandlerContext } from '../context.js';
import { getLease } from '../../../data/repos/lease.js';
import { latestRecheck, leaseView } from '../handlers/lease.js';

const STAGE: Record<string, { ko: string; en: string }> = {
  consultation: { ko: '첫 상담', en: 'first consultation' },
  contract: { ko: '계약일', en: 'contract day' },
  balance: { ko: '잔금일', en: 'balance day' },
  other: { ko: '기타', en: 'other' },
};

export async function leaseReportSections(ctx: HandlerContext, caseId: string, lc: ReportLocale): Promise<Partial<Pick<TenantReportModel, 'registryRecheck' | 'afterContractSteps'>>> {
  const saved = await getLease(ctx.db, ctx.cipher, caseId);
  if (!saved) return {};
  const out: Partial<Pick<TenantReportModel, 'registryRecheck' | 'afterContractSteps'>> = {};
  const r = await latestRecheck(ctx, saved.listingId);
  if (r) {
    const d = r.diff;
    const section: RegistryRecheckSection = {
      olderDate: r.older.takenOn, olderStage: STAGE[r.older.stage][lc],
      newerDate: r.newer.takenOn, newerStage: STAGE[r.newer.stage][lc],
      verdictBefore: d.verdictBefore, verdictAfter: d.verdictAfter, riskier: d.riskier,
      changes: [
        ...d.added.map((e) => ({ risk: e.risk, kind: 'added' as const, text: e.why[lc] })),
        ...d.changed.map((c) => ({ risk: c.risk, kind: 'changed' as const, text: c.why[lc] })),
        ...(d.ownerChanged ? [{ risk: 'danger' as const, kind: 'owner' as const, text: `${d.ownersBefore.join(', ')} → ${d.ownersAfter.join(', ')}` }] : []),
        ...d.cancelled.map((e) => ({ risk: e.risk, kind: 'cancelled' as const, text: e.why[lc] })),
      ].sort((a, b) => ['danger', 'caution', 'info'].indexOf(a.risk) - ['danger', 'caution', 'info'].indexOf(b.risk)),
      actions: d.actions.map((a) => a[lc]),
      clauses: d.clauses.map((c) => c.text[lc]),
    };
    out.registryRecheck = section;
  }
  const view = await leaseView(ctx, caseId);
  const steps: AfterContractStep[] = view.steps
    .filter((s) => s.progress !== 'inactive' && (s.date || s.window))
    .map((s) => ({
      title: s.window ? `${s.title[lc]} (~${s.window.to})` : s.title[lc],
      dueDate: s.window?.from ?? s.date!,
      detail: `${s.detail[lc]}${s.progress === 'done' && s.doneOn ? (lc === 'ko' ? ` (완료 ${s.doneOn})` : ` (done ${s.doneOn})`) : ''}`,
    }));
  if (steps.length) out.afterContractSteps = steps;
  return out;
}
