// A walking order for a viewing's listings: nearest neighbour from the first stop, by
// great-circle distance (@turf/distance). The first stop stays first (the manager chooses
// where the walk starts, usually nearest the meeting place); stops without coordinates
// keep their relative order at the end. Nearest neighbour is not the shortest tour, but
// for the 2–6 stops of a viewing it is what a person would walk, and it is predictable.
import distance from '@turf/distance';

export interface RoutePoint {
  id: string;
  lat: number | null;
  lon: number | null;
}

export interface SuggestedRoute {
  /** Ids in the suggested order. */
  order: string[];
  /** Metres walked between consecutive located stops in that order (straight line). */
  legsM: number[];
  /** Ids that have no coordinates (placed last, in their given order). */
  unlocated: string[];
}

const located = (p: RoutePoint): p is RoutePoint & { lat: number; lon: number } =>
  p.lat !== null && p.lon !== null && Number.isFinite(p.lat) && Number.isFinite(p.lon);

const metres = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  Math.round(distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' }));

export function suggestWalkingOrder(points: RoutePoint[]): SuggestedRoute {
  const withXY = points.filter(located);
  const unlocated = points.filter((p) => !located(p)).map((p) => p.id);
  if (withXY.length === 0) return { order: points.map((p) => p.id), legsM: [], unlocated };
  const rest = withXY.slice(1);
  const route = [withXY[0]];
  const legsM: number[] = [];
  while (rest.length) {
    const here = route[route.length - 1];
    let best = 0;
    for (let i = 1; i < rest.length; i++) if (metres(here, rest[i]) < metres(here, rest[best])) best = i;
    legsM.push(metres(here, rest[best]));
    route.push(rest.splice(best, 1)[0]);
  }
  return { order: [...route.map((p) => p.id), ...unlocated], legsM, unlocated };
}
