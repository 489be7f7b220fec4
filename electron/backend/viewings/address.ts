// How a listing is named on screens, calendars and reports: its address with 동·호.
export function listingAddress(l: { road_address: string | null; jibun_address: string | null; dong: string | null; ho: string | null }): string {
  return [l.road_address ?? l.jibun_address ?? '(주소 없음)', l.dong, l.ho].filter(Boolean).join(' ');
}
