// How a listing is named on screens, calendars and reports: its address with 동·호.
// The address columns are encrypted: open them first (`listingAddress(openAddress(ctx.cipher, row))`).
import type { ListingAddress } from '../../../data/repos/listings.js';

export function listingAddress(l: ListingAddress): string {
  return [l.road_address ?? l.jibun_address ?? '(주소 없음)', l.dong, l.ho].filter(Boolean).join(' ');
}
