// Handlers of the lease module (electron/api/lease-methods.ts): the case's lease facts and its
// timeline (with the latest registry re-check as a 위험 step when it made the lease riskier), step
// ticks, the tenant's handout (PDF, .ics), the listings' registry snapshots and their diff, and
// the desk's home screen.
import { ApiError } from '../../api/errors.js';
import type { LeaseResults, LeaseView, SnapshotDiffView, SnapshotView } from '../../api/lease-methods.js';
import { leaseTimeline, withProgress, type LeaseFacts } from '../../../checklists/lease/timeline.js';
import { diffRegistry, registryChangeStep } from '../../../checklists/rights/diff.js';
import { emptyRegistryDoc, toRegistryInput, type RegistryDoc } from '../../../checklists/rights/registry-doc.js';
import { getCase } from '../../../data/repos/cases.js';
import { listListings } from '../../../data/repos/listings.js';
import { getRegistry } from '../../../data/repos/registry.js';
import { addSnapshot, getLease, listSnapshots, saveLease, stepTicks, tickStep, writeSteps, type Snapshot } from '../../../data/repos/lease.js';
import type { HandlerContext, HandlerMap } from '../context.js';
import { listingFacts } from '../services/rights-analysis.js';
import { deskHome } from '../lease/home.js';
import { leaseHandoutIcs, leaseHandoutPdf } from '../lease/handout.js';

const notFound = (what: 'case' | 'snapshot', path: string) =>
  new ApiError('NOT_FOUND', what === 'case' ? { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' } : { ko: '등기부 기록을 찾을 수 없습니다.', en: 'Registry snapshot not found.' }, [
    { path, message: what === 'case' ? { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' } : { ko: '등기부 기록을 찾을 수 없습니다.', en: 'Snapshot not found.' } },
  ]);

async function requireCase(ctx: HandlerContext, caseId: string) {
  const row = await getCase(ctx.db, caseId);
  if (!row) throw notFound('case', 'caseId');
  return row;
}

/** Facts suggested from the case's listing and its registry document, before any are saved. */
async function suggestedFacts(ctx: HandlerContext, caseId: string): Promise<{ listingId: string | null; facts: LeaseFacts }> {
  const listings = await listListings(ctx.db, { caseId }, ctx.cipher);
  let chosen: { id: string; doc: RegistryDoc | null } | null = null;
  for (const l of listings) {
    const saved = await getRegistry(ctx.db, ctx.cipher, l.id);
    if (saved?.doc.contract.contractDate) {
      chosen = { id: l.id, doc: saved.doc };
      break;
    }
    chosen ??= { id: l.id, doc: saved?.doc ?? null };
  }
  const empty: LeaseFacts = { leaseKind: null, sameAmounts: null, renewalRightUsed: null, contractDate: null, downPayment: null, interimPayment: null, balance: null, balanceDate: null, moveInDate: null, startDate: null, endDate: null, deposit: null, monthlyRent: null, address: null };
  if (!chosen) return { listingId: null, facts: empty };
  const l = await listingFacts(ctx, chosen.id);
  const c = chosen.doc?.contract;
  return {
    listingId: chosen.id,
    facts: {
      ...empty,
      contractDate: c?.contractDate ?? null,
      downPayment: c?.downPayment.date || c?.downPayment.amount ? c.downPayment : null,
      interimPayment: c?.interimPayment.date || c?.interimPayment.amount ? c.interimPayment : null,
      balance: c?.balance.date || c?.balance.amount ? c.balance : null,
      moveInDate: c?.moveInDate ?? null,
      endDate: c?.endDate ?? null,
      deposit: l.deposit,
      monthlyRent: l.monthlyRent,
      address: l.address || null,
    },
  };
}

function snapshotView(s: Snapshot): SnapshotView {
  return {
    id: s.id, listingId: s.listingId, stage: s.stage, takenOn: s.takenOn, supersedes: s.supersedes, supersededBy: s.supersededBy,
    createdAt: s.createdAt, createdBy: s.createdBy, entries: s.doc.gapgu.length + s.doc.eulgu.length, registry: s.doc,
  };
}

async function diffOf(ctx: HandlerContext, older: Snapshot, newer: Snapshot): Promise<SnapshotDiffView> {
  const facts = await listingFacts(ctx, newer.listingId);
  const toInput = (doc: RegistryDoc) => toRegistryInput(doc, facts).input;
  let diff;
  try {
    diff = diffRegistry(toInput(older.doc), toInput(newer.doc), { asOf: newer.takenOn });
  } catch (e) {
    throw new ApiError('VALIDATION', {
      ko: `두 등기부 기록을 비교할 수 없습니다. 빠진 항목을 확인하세요 (${(e as Error).message}).`,
      en: `The two readings cannot be compared; check for missing facts (${(e as Error).message}).`,
    });
  }
  const brief = (s: Snapshot) => ({ id: s.id, stage: s.stage, takenOn: s.takenOn });
  return { older: brief(older), newer: brief(newer), diff };
}

/** The latest re-check: the newest two readings that no correction replaced. */
export async function latestRecheck(ctx: HandlerContext, listingId: string | null): Promise<SnapshotDiffView | null> {
  if (!listingId) return null;
  const current = (await listSnapshots(ctx.db, ctx.cipher, listingId)).filter((s) => !s.supersededBy);
  if (current.length < 2) return null;
  try {
    return await diffOf(ctx, current[current.length - 2], current[current.length - 1]);
  } catch {
    return null; // an incomplete reading: the case screen shows the snapshots, the diff waits
  }
}

export async function leaseView(ctx: HandlerContext, caseId: string): Promise<LeaseView> {
  await requireCase(ctx, caseId);
  const saved = await getLease(ctx.db, ctx.cipher, caseId);
  const base = saved ? { listingId: saved.listingId, facts: saved.facts } : await suggestedFacts(ctx, caseId);
  const recheck = await latestRecheck(ctx, base.listingId);
  const extra = recheck ? registryChangeStep(recheck.diff, recheck.newer.takenOn) : null;
  const steps = leaseTimeline(base.facts, { extra: extra ? [extra] : [] });
  if (saved) {
    // Keep the dated index in step with snapshots taken since the facts were saved.
    await ctx.db.tx((q) => writeSteps(q, ctx.actor(), caseId, steps));
  }
  const ticks = saved ? await stepTicks(ctx.db, caseId) : {};
  const today = ctx.today();
  return { caseId, listingId: base.listingId, facts: base.facts, updatedAt: saved?.updatedAt ?? null, today, steps: withProgress(steps, ticks, today), recheck };
}

export const leaseHandlers: Pick<HandlerMap, keyof LeaseResults> = {
  'lease.get': async ({ caseId }, ctx) => leaseView(ctx, caseId),
  'lease.save': async ({ caseId, listingId, facts }, ctx) => {
    const row = await requireCase(ctx, caseId);
    if (listingId) {
      const l = await listingFacts(ctx, listingId);
      void l;
      const belongs = (await listListings(ctx.db, { caseId: row.id }, ctx.cipher)).some((x) => x.id === listingId);
      if (!belongs) throw new ApiError('VALIDATION', { ko: '이 상담 건의 매물이 아닙니다.', en: 'The listing is not part of this case.' }, [{ path: 'listingId', message: { ko: '이 상담 건의 매물이 아닙니다.', en: 'Not a listing of this case.' } }]);
    }
    const recheck = await latestRecheck(ctx, listingId);
    const extra = recheck ? registryChangeStep(recheck.diff, recheck.newer.takenOn) : null;
    const steps = leaseTimeline(facts, { extra: extra ? [extra] : [] });
    // Written under the client's own key: destroyed with the client (crypto-shredding).
    await ctx.db.tx((q) => saveLease(q, ctx.keys.cipherFor(row.client_id), ctx.actor(), caseId, listingId, facts, steps));
    return leaseView(ctx, caseId);
  },
  'lease.tick': async ({ caseId, stepKey, doneOn }, ctx) => {
    await requireCase(ctx, caseId);
    if (doneOn && doneOn > ctx.today()) {
      throw new ApiError('VALIDATION', { ko: '완료일은 오늘 이후일 수 없습니다.', en: 'The done date cannot be in the future.' }, [{ path: 'doneOn', message: { ko: '오늘 이후 날짜입니다.', en: 'In the future.' } }]);
    }
    const ok = await ctx.db.tx((q) => tickStep(q, ctx.actor(), caseId, stepKey, doneOn));
    if (!ok) {
      throw new ApiError('NOT_FOUND', { ko: '저장된 일정 단계가 없습니다. 계약 정보를 먼저 저장하세요.', en: 'No such saved step; save the lease facts first.' }, [{ path: 'stepKey', message: { ko: '없는 단계입니다.', en: 'Unknown step.' } }]);
    }
    return leaseView(ctx, caseId);
  },
  'lease.handout': async ({ caseId, format }, ctx) => {
    const view = await leaseView(ctx, caseId);
    const row = await requireCase(ctx, caseId);
    if (format === 'ics') {
      const content = leaseHandoutIcs(view, ctx.now());
      return { fileName: `계약일정_${view.today}.ics`, mime: 'text/calendar', dataBase64: Buffer.from(content, 'utf8').toString('base64') };
    }
    const pdf = await leaseHandoutPdf(view, { clientName: ctx.cipher.decrypt(row.client_name_enc) });
    return { fileName: `계약일정_${view.today}.pdf`, mime: 'application/pdf', dataBase64: Buffer.from(pdf).toString('base64') };
  },
  'snapshots.list': async ({ listingId }, ctx) => {
    await listingFacts(ctx, listingId);
    return (await listSnapshots(ctx.db, ctx.cipher, listingId)).map(snapshotView);
  },
  'snapshots.take': async ({ listingId, stage, takenOn, supersedes }, ctx) => {
    await listingFacts(ctx, listingId);
    const saved = await getRegistry(ctx.db, ctx.cipher, listingId);
    const doc = saved?.doc ?? emptyRegistryDoc();
    if (doc.gapgu.length + doc.eulgu.length === 0) {
      throw new ApiError('VALIDATION', { ko: '등기부 갑구·을구를 먼저 입력하세요. 빈 등기부는 기록하지 않습니다.', en: 'Enter the register’s entries first; an empty register is not recorded.' }, [{ path: 'listingId', message: { ko: '입력된 등기 사항이 없습니다.', en: 'No entries.' } }]);
    }
    const existing = await listSnapshots(ctx.db, ctx.cipher, listingId);
    if (supersedes) {
      const old = existing.find((s) => s.id === supersedes);
      if (!old) throw notFound('snapshot', 'supersedes');
      if (old.supersededBy) throw new ApiError('CONFLICT', { ko: '이미 정정된 기록입니다. 최신 기록을 정정하세요.', en: 'Already corrected; correct the latest one.' });
    }
    const day = takenOn ?? (doc.certificate.issuedAt ? doc.certificate.issuedAt.slice(0, 10) : ctx.today());
    if (day > ctx.today()) {
      throw new ApiError('VALIDATION', { ko: '열람일은 오늘 이후일 수 없습니다.', en: 'The reading date cannot be in the future.' }, [{ path: 'takenOn', message: { ko: '오늘 이후 날짜입니다.', en: 'In the future.' } }]);
    }
    const owner = await ctx.db.get<{ client_id: string }>('SELECT k.client_id FROM listings l JOIN cases k ON k.id = l.case_id WHERE l.id = ?', [listingId]);
    await ctx.db.tx((q) => addSnapshot(q, ctx.keys.cipherFor(owner!.client_id), ctx.actor(), { listingId, stage, takenOn: day, supersedes: supersedes ?? null, doc }));
    return (await listSnapshots(ctx.db, ctx.cipher, listingId)).map(snapshotView);
  },
  'snapshots.diff': async ({ olderId, newerId }, ctx) => {
    const find = async (id: string, path: string) => {
      const row = await ctx.db.get<{ listing_id: string }>('SELECT listing_id FROM registry_snapshots WHERE id = ?', [id]);
      if (!row) throw notFound('snapshot', path);
      const s = (await listSnapshots(ctx.db, ctx.cipher, row.listing_id)).find((x) => x.id === id)!;
      return s;
    };
    const older = await find(olderId, 'olderId');
    const newer = await find(newerId, 'newerId');
    if (older.listingId !== newer.listingId) {
      throw new ApiError('VALIDATION', { ko: '같은 매물의 기록끼리만 비교할 수 있습니다.', en: 'Only readings of the same listing can be compared.' }, [{ path: 'newerId', message: { ko: '다른 매물입니다.', en: 'Another listing.' } }]);
    }
    return diffOf(ctx, older, newer);
  },
  'desk.home': async ({ weekOf }, ctx) => deskHome(ctx, weekOf),
};
