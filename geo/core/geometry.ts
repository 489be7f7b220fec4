// Validation and safe repair of imported geometry. Safe repairs: closing rings, dropping
// duplicate consecutive vertices, fixing ring orientation (RFC 7946: outer counter-clockwise),
// splitting rings that touch themselves at a vertex. Anything else (NaN coordinates, rings with
// fewer than three distinct vertices, crossing edges) skips the feature with a reason.
import Flatbush from 'flatbush';
import type { Geometry, Position } from 'geojson';
import type { Msg } from './messages.js';
import { edgesConflict, pointInRing, ringSignedArea } from './planar.js';

export { pointInRing, ringSignedArea };
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

export type XY = [number, number];
export type RepairKind = 'closed-ring' | 'duplicate-vertex' | 'orientation' | 'self-touching-ring' | 'dropped-degenerate-ring';

export interface SkipReason extends Msg {
  code: 'nan-coordinate' | 'empty-geometry' | 'degenerate-ring' | 'self-intersection' | 'unsupported-geometry' | 'malformed-geometry';
}

export type Checked = { ok: true; geometry: Geometry; repairs: RepairKind[] } | { ok: false; reason: SkipReason };

const SKIP: Record<SkipReason['code'], Msg> = {
  'nan-coordinate': { ko: '좌표에 숫자가 아닌 값(NaN/무한대)이 있습니다', en: 'a coordinate is not a finite number (NaN/Infinity)' },
  'empty-geometry': { ko: '도형이 비어 있습니다', en: 'the geometry is empty' },
  'degenerate-ring': { ko: '고리(ring)의 서로 다른 꼭짓점이 3개 미만입니다', en: 'a ring has fewer than three distinct vertices' },
  'self-intersection': { ko: '경계선이 스스로 교차합니다(안전하게 고칠 수 없음)', en: 'the boundary crosses itself (cannot be repaired safely)' },
  'unsupported-geometry': { ko: '지원하지 않는 도형 유형입니다', en: 'unsupported geometry type' },
  'malformed-geometry': { ko: '도형의 좌표 구조가 유형과 맞지 않습니다', en: 'the coordinates do not have the structure of the geometry type' },
};
const skip = (code: SkipReason['code']): Checked => ({ ok: false, reason: { code, ...SKIP[code] } });

const finite = (r: Position[]) => r.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));

/** Removes consecutive duplicates and closes the ring; returns undefined when degenerate. */
function cleanRing(input: Position[], repairs: Set<RepairKind>): Position[] | undefined {
  let clean = input.length >= 4 && same(input[0], input[input.length - 1]);
  for (let i = 1; clean && i < input.length; i++) if (same(input[i], input[i - 1])) clean = false;
  if (clean) return ringSignedArea(input) !== 0 ? input : undefined;
  const r: Position[] = [];
  for (const p of input) {
    const q = r[r.length - 1];
    if (q && q[0] === p[0] && q[1] === p[1]) {
      repairs.add('duplicate-vertex');
      continue;
    }
    r.push([p[0], p[1]]);
  }
  if (r.length && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) {
    if (input.length >= 3 && input[0] !== undefined) repairs.add('closed-ring');
    r.push([r[0][0], r[0][1]]);
  }
  return r.length >= 4 && ringSignedArea(r) !== 0 ? r : undefined;
}

/** Splits a ring at vertices it visits twice (a self-touching "pinch") into simple rings. */
function splitPinches(r: Position[], repairs: Set<RepairKind>): Position[][] {
  if (r.length <= 48) {
    // Small rings (nearly every parcel): a direct scan beats hashing.
    let pinch = false;
    for (let i = 1; i < r.length - 1 && !pinch; i++) for (let j = 0; j < i; j++) if (r[i][0] === r[j][0] && r[i][1] === r[j][1]) { pinch = true; break; }
    if (!pinch) return [r];
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < r.length - 1; i++) {
    const k = `${r[i][0]},${r[i][1]}`;
    const j = seen.get(k);
    if (j !== undefined) {
      repairs.add('self-touching-ring');
      const loop = r.slice(j, i + 1);
      const rest = [...r.slice(0, j), ...r.slice(i)];
      return [...splitPinches(loop, repairs), ...splitPinches(rest, repairs)].filter((x) => x.length >= 4 && ringSignedArea(x) !== 0);
    }
    seen.set(k, i);
  }
  return [r];
}

function edgesAdjacent(i: number, j: number, n: number): boolean {
  return Math.abs(i - j) <= 1 || (i === 0 && j === n - 1) || (j === 0 && i === n - 1);
}

/** True when two non-adjacent edges of a ring cross or overlap (touching at shared vertices is fine). */
export function ringSelfIntersects(r: Position[]): boolean {
  const n = r.length - 1;
  if (n < 4) return false;
  if (n <= 64) {
    for (let i = 0; i < n; i++) for (let j = i + 2; j < n; j++) if (!edgesAdjacent(i, j, n) && edgesConflict(r[i], r[i + 1], r[j], r[j + 1])) return true;
    return false;
  }
  const idx = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    idx.add(Math.min(r[i][0], r[i + 1][0]), Math.min(r[i][1], r[i + 1][1]), Math.max(r[i][0], r[i + 1][0]), Math.max(r[i][1], r[i + 1][1]));
  }
  idx.finish();
  for (let i = 0; i < n; i++) {
    const hits = idx.search(Math.min(r[i][0], r[i + 1][0]), Math.min(r[i][1], r[i + 1][1]), Math.max(r[i][0], r[i + 1][0]), Math.max(r[i][1], r[i + 1][1]));
    for (const j of hits) if (j > i && !edgesAdjacent(i, j, n) && edgesConflict(r[i], r[i + 1], r[j], r[j + 1])) return true;
  }
  return false;
}

/**
 * Builds valid (Multi)Polygon coordinates from loose rings of any orientation: the largest rings are
 * outers, a ring inside an outer (and not inside one of its holes) is a hole.
 */
export function polygonFromRings(rings: Position[][], outerSign: 1 | -1 = 1): Checked {
  if (!rings.length || rings.every((r) => r.length === 0)) return skip('empty-geometry');
  if (!rings.every(finite)) return skip('nan-coordinate');
  const repairs = new Set<RepairKind>();
  const clean: Position[][] = [];
  for (const raw of rings) {
    const r = cleanRing(raw, repairs);
    if (!r) {
      repairs.add('dropped-degenerate-ring');
      continue;
    }
    clean.push(...splitPinches(r, repairs));
  }
  if (!clean.length) return skip('degenerate-ring');
  for (const r of clean) if (ringSelfIntersects(r)) return skip('self-intersection');
  const withArea = clean.map((r) => ({ r, a: ringSignedArea(r) })).sort((p, q) => Math.abs(q.a) - Math.abs(p.a));
  const polys: { outer: Position[]; holes: Position[][] }[] = [];
  for (const { r, a } of withArea) {
    const [x, y] = r[0];
    const host = polys.find((p) => pointInRing(x, y, p.outer) && !p.holes.some((h) => pointInRing(x, y, h)));
    // `outerSign` is the input convention (GeoJSON +1, shapefile -1); a ring against it is repaired.
    const asOuter = !host;
    if (Math.sign(a) !== (asOuter ? outerSign : -outerSign)) repairs.add('orientation');
    if (asOuter ? a < 0 : a > 0) r.reverse();
    if (host) host.holes.push(r);
    else polys.push({ outer: r, holes: [] });
  }
  const geometry: Geometry =
    polys.length === 1
      ? { type: 'Polygon', coordinates: [polys[0].outer, ...polys[0].holes] }
      : { type: 'MultiPolygon', coordinates: polys.map((p) => [p.outer, ...p.holes]) };
  return { ok: true, geometry, repairs: [...repairs] };
}

/** Shapefiles store outers clockwise and holes counter-clockwise. */
export const checkShapefilePolygon = (rings: XY[][]): Checked => polygonFromRings(rings, -1);

const isPos = (p: unknown) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
/** Arrays nested `depth` levels around positions (0 = a position), checked without recursion on the data. */
function shaped(v: unknown, depth: number): boolean {
  if (depth === 0) return isPos(v);
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!shaped(x, depth - 1)) return false;
  return true;
}
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** Whether an untrusted value is a geometry whose coordinates nest as its type says. */
export function wellShaped(g: unknown): g is Geometry {
  if (!g || typeof g !== 'object') return false;
  const t = (g as { type?: unknown }).type;
  return typeof t === 'string' && t in DEPTH && shaped((g as { coordinates?: unknown }).coordinates, DEPTH[t]);
}

/** Validates any GeoJSON geometry (polygons are repaired; points and lines checked for finiteness). */
export function checkGeometry(g: Geometry | null | undefined): Checked {
  if (!g) return skip('empty-geometry');
  if (typeof g !== 'object' || !(g.type in DEPTH)) return skip('unsupported-geometry');
  // Untrusted input (GeoJSON, WKT): the nesting must match the type before anything reads it.
  const coords = (g as { coordinates?: unknown }).coordinates;
  if (Array.isArray(coords) && coords.length === 0 && g.type !== 'Point') return skip('empty-geometry');
  if (!shaped(coords, DEPTH[g.type])) return skip('malformed-geometry');
  switch (g.type) {
    case 'Point':
      return g.coordinates.length >= 2 && finite([g.coordinates]) ? { ok: true, geometry: g, repairs: [] } : skip('nan-coordinate');
    case 'MultiPoint':
    case 'LineString':
      if (!g.coordinates.length) return skip('empty-geometry');
      return finite(g.coordinates) ? { ok: true, geometry: g, repairs: [] } : skip('nan-coordinate');
    case 'MultiLineString':
      if (!g.coordinates.length) return skip('empty-geometry');
      return g.coordinates.every(finite) ? { ok: true, geometry: g, repairs: [] } : skip('nan-coordinate');
    case 'Polygon':
      return polygonFromRings(g.coordinates);
    case 'MultiPolygon':
      return polygonFromRings(g.coordinates.flat());
    default:
      return skip('unsupported-geometry');
  }
}

/** Applies a point transform to every position of a geometry (returns a new geometry). */
export function mapCoords(g: Geometry, f: (x: number, y: number) => XY): Geometry {
  const m1 = (p: Position): Position => f(p[0], p[1]);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: m1(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(m1) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(m1)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(m1))) };
    default:
      return g;
  }
}

/** Visits every position (for bounds). */
export function eachCoord(g: Geometry, f: (x: number, y: number) => void): void {
  switch (g.type) {
    case 'Point':
      f(g.coordinates[0], g.coordinates[1]);
      break;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) f(p[0], p[1]);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) for (const p of r) f(p[0], p[1]);
      break;
    case 'MultiPolygon':
      for (const q of g.coordinates) for (const r of q) for (const p of r) f(p[0], p[1]);
      break;
    default:
  }
}
