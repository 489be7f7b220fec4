// 입지 안내: what is near a listing — the nearest subway stations (straight line and an estimated
// walk), hospitals, parks and the center's other layers within radii the manager chooses.
// WGS84 measurements with Turf (great-circle distance, radius circle, bounding box); pure, no I/O.
import distance from '@turf/distance';
import circle from '@turf/circle';
import bbox from '@turf/bbox';
import { point } from '@turf/helpers';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';

/**
 * Walking distance is estimated as the straight line times a route (detour) factor: streets are
 * not straight lines. 1.3 is the usual urban value in walkability studies (about 1.2–1.4 in grid
 * and irregular street networks); shown beside every estimate so nobody reads it as a route.
 */
export const WALK_FACTOR = 1.3;
/** Walking speed for the minutes shown: 4 km/h, about 67 m a minute. */
export const WALK_M_PER_MIN = 4000 / 60;

export interface Place {
  name: string;
  /** Straight-line (great-circle) distance in metres. */
  distance: number;
  /** Estimated walk: distance × WALK_FACTOR, in metres, and minutes at WALK_M_PER_MIN. */
  walk: number;
  walkMinutes: number;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
}

export interface SurroundingsLayer {
  id: string;
  /** Point features (WGS84); polygons are measured from their first vertex ring's centre. */
  features: Feature[];
  radius: number;
  /** Only the nearest `limit` within the radius are listed (count is of all within it). */
  limit?: number;
}

export interface Surroundings {
  at: { lon: number; lat: number };
  layers: { id: string; radius: number; count: number; nearest: Place[] }[];
  /** The largest radius circle and the box around it, for the map image. */
  circle: Feature<Polygon>;
  bbox: [number, number, number, number];
  walkFactor: number;
  walkMetresPerMinute: number;
}

function pointOf(f: Feature): [number, number] | null {
  const g = f.geometry;
  if (!g) return null;
  if (g.type === 'Point') return g.coordinates as [number, number];
  if (g.type === 'MultiPoint') return (g.coordinates[0] as [number, number]) ?? null;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const [w, s, e, n] = bbox(f);
    return [(w + e) / 2, (s + n) / 2];
  }
  return null;
}

export function surroundings(lon: number, lat: number, layers: SurroundingsLayer[]): Surroundings {
  const here = point([lon, lat]);
  const out: Surroundings['layers'] = [];
  let maxR = 0;
  for (const l of layers) {
    maxR = Math.max(maxR, l.radius);
    const within: Place[] = [];
    for (const f of l.features) {
      const p = pointOf(f);
      if (!p) continue;
      const d = distance(here, point(p), { units: 'meters' });
      if (d > l.radius) continue;
      // The walk is derived from the distance as shown, so the two always agree on screen.
      const walk = Math.round(Math.round(d) * WALK_FACTOR);
      within.push({ name: String(f.properties?.name ?? f.properties?.['사업장명'] ?? ''), distance: Math.round(d), walk, walkMinutes: Math.max(1, Math.round(walk / WALK_M_PER_MIN)), lon: p[0], lat: p[1], properties: f.properties ?? {} });
    }
    within.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'ko'));
    out.push({ id: l.id, radius: l.radius, count: within.length, nearest: within.slice(0, l.limit ?? 10) });
  }
  const c = circle([lon, lat], Math.max(maxR, 1), { units: 'meters', steps: 64 }) as Feature<Polygon>;
  return { at: { lon, lat }, layers: out, circle: c, bbox: bbox(c) as [number, number, number, number], walkFactor: WALK_FACTOR, walkMetresPerMinute: WALK_M_PER_MIN };
}

export type { FeatureCollection, Point };
