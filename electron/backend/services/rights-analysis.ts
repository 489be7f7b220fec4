// The rights module's shared work, called by its handlers and by the reports: the facts the
// analysis takes from a listing, and one listing's analysis (registry document + listing +
// the registry checklist's latest answers). No validation or session check here: the caller's
// own handler did both.
import { ApiError } from '../../api/errors.js';
import type { RightsAnalysisView } from '../../api/rights-methods.js';
import { analyzeListing } from '../../../checklists/rights/listing-analysis.js';
import { emptyRegistryDoc, type ListingFacts } from '../../../checklists/rights/registry-doc.js';
import { getListing, listingView } from '../../../data/repos/listings.js';
import { latestRunAnswers } from '../../../data/repos/checklist-runs.js';
import { getRegistry } from '../../../data/repos/registry.js';
import type { HandlerContext } from '../context.js';
import { referenceInUse, usedPack } from '../reference.js';

const REGISTRY_TEMPLATE = 'registry';

export async function listingFacts(ctx: HandlerContext, listingId: string): Promise<ListingFacts> {
  const row = await getListing(ctx.db, listingId);
  if (!row) {
    throw new ApiError('NOT_FOUND', { ko: '매물을 찾을 수 없습니다.', en: 'Listing not found.' }, [
      { path: 'listingId', message: { ko: '매물을 찾을 수 없습니다.', en: 'Listing not found.' } },
    ]);
  }
  const l = listingView(ctx.cipher, row);
  return {
    buildingType: l.buildingType ?? 'other',
    // A listing whose address was destroyed with its client (or never entered) still gets its analysis.
    address: [l.roadAddress || l.jibunAddress, l.dong, l.ho].filter(Boolean).join(' ') || '주소 없음 (No address)',
    deposit: l.deposit ?? 0,
    monthlyRent: l.monthlyRent ?? 0,
    marketValue: l.marketValue ?? null,
    marketValueSource: (l.marketValueSource as 'kb' | 'reb' | 'asking' | null) ?? null,
    officialPrice: l.officialPrice ?? null,
    landlordName: l.landlordName ?? null,
  };
}

/** One listing's registry analysis as of a date (default today in Seoul). */
export async function analyzeListingById(ctx: HandlerContext, listingId: string, asOf?: string): Promise<RightsAnalysisView> {
  const listing = await listingFacts(ctx, listingId);
  const saved = await getRegistry(ctx.db, ctx.cipher, listingId);
  const run = await latestRunAnswers(ctx.db, listingId, REGISTRY_TEMPLATE, ctx.cipher);
  const answers = Object.fromEntries((run?.answers ?? []).map((a) => [a.itemId, a.value]));
  const ref = await referenceInUse(ctx.db);
  const analysis = analyzeListing(saved?.doc ?? emptyRegistryDoc(), listing, answers, { asOf: asOf ?? ctx.today(), tables: ref.tables });
  return { ...analysis, pack: usedPack(ref.pack), listingId, checklist: run ? { runId: run.runId, completed: run.completed, answered: run.answers.length } : null };
}
