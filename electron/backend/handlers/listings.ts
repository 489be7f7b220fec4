import { ApiError } from '../../api/errors.js';
import type { ListingView } from '../../api/views.js';
import { getCase } from '../../../data/repos/cases.js';
import {
  createListing, deleteListing, getListing, listListings, listingView, restoreListing, setListingLocation, updateListing,
} from '../../../data/repos/listings.js';
import { viewEach } from '../unreadable.js';
import { ownerCipher } from '../../../data/privacy/owner.js';
import type { HandlerContext, HandlerMap } from '../context.js';

const notFound = () => new ApiError('NOT_FOUND', { ko: '매물을 찾을 수 없습니다.', en: 'Listing not found.' });

async function view(ctx: HandlerContext, id: string): Promise<ListingView> {
  const row = await getListing(ctx.db, id);
  if (!row) throw notFound();
  return listingView(ctx.cipher, row) as ListingView;
}

async function checkCase(ctx: HandlerContext, caseId: string) {
  if (!(await getCase(ctx.db, caseId))) {
    throw new ApiError('VALIDATION', { ko: 'caseId: 상담 건을 찾을 수 없습니다.', en: 'caseId: case not found.' }, [
      { path: 'caseId', message: { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' } },
    ]);
  }
}

export const listingHandlers: Pick<
  HandlerMap,
  'listings.list' | 'listings.get' | 'listings.create' | 'listings.update' | 'listings.delete' | 'listings.restore'
  | 'listings.setLocation' | 'listings.clearLocation'
> = {
  'listings.list': async (filter, ctx) => viewEach(ctx, 'listings', await listListings(ctx.db, filter, ctx.cipher), (r) => listingView(ctx.cipher, r) as ListingView),
  'listings.get': async ({ id }, ctx) => view(ctx, id),
  'listings.create': async (input, ctx) => {
    await checkCase(ctx, input.caseId);
    const cipher = await ownerCipher(ctx.db, ctx.keys, { caseId: input.caseId });
    const id = await ctx.db.tx((q) => createListing(q, cipher, ctx.actor(), input));
    return view(ctx, id);
  },
  'listings.update': async ({ id, ...input }, ctx) => {
    await checkCase(ctx, input.caseId);
    const cipher = await ownerCipher(ctx.db, ctx.keys, { caseId: input.caseId });
    if (!(await ctx.db.tx((q) => updateListing(q, cipher, ctx.actor(), id, input)))) throw notFound();
    return view(ctx, id);
  },
  'listings.setLocation': async ({ listingId, lon, lat, source }, ctx) => {
    const cipher = await ownerCipher(ctx.db, ctx.keys, { listingId });
    if (!(await ctx.db.tx((q) => setListingLocation(q, cipher, ctx.actor(), listingId, { lon, lat, source })))) throw notFound();
    return view(ctx, listingId);
  },
  'listings.clearLocation': async ({ listingId }, ctx) => {
    const cipher = await ownerCipher(ctx.db, ctx.keys, { listingId });
    if (!(await ctx.db.tx((q) => setListingLocation(q, cipher, ctx.actor(), listingId, null)))) throw notFound();
    return view(ctx, listingId);
  },
  'listings.delete': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => deleteListing(q, ctx.actor(), id)))) throw notFound();
    return { id };
  },
  'listings.restore': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => restoreListing(q, ctx.actor(), id)))) throw notFound();
    return view(ctx, id);
  },
};
