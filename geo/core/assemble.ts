// Site assembly: adjacency among surviving parcels (spatial-index prefilter, then a within-
// tolerance boundary test), optionally bridged across narrow road parcels, union-find into
// components, then one dissolve per component. Parcels of one cadastral fabric share edges, so the
// dissolve first cancels shared edges (fast, exact), splitting edges where a neighbour's vertex
// lies on them (T-junctions); when the result does not check out (overlapping parcels, open
// chains) it falls back to polygon-clipping's union, then to a union on a 1 mm grid in small
// groups, and last to the parcels' own polygons — so a site is never lost to a clipping failure
// (see `Dissolve`).
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import { pointInPolygons, pointInRing, ringLength, ringSignedArea, segDist2, segmentsIntersect } from './planar.js';
import { type PolygonStore, adjacent, parcelPolygons } from './store.js';
import { SNAP_GRID, snapPolygons } from './clip.js';

export interface AssemblyOptions {
  snapTolerance: number;
  /** Road parcels (1 = may be crossed); survivors touching the same one are merged. */
  crossable?: Uint8Array;
  /** Ledger areas (NaN where missing); used when areaSource is 'ledger'. */
  ledger?: Float64Array;
  areaSource: 'ledger' | 'planar';
}

export interface Site {
  id: number;
  parcels: number[];
  /** Official area: ledger sum where every parcel has one, else planar. */
  area: number;
  areaSource: 'ledger' | 'planar';
  planarArea: number;
  ledgerArea: number | null;
  perimeter: number;
  compactness: number;
  /** Merged outline in the working CRS (MultiPolygon coordinates). */
  outline: Position[][][];
  dissolve: Dissolve;
}

/**
 * How a site's outline was formed:
 * - 'shared-edges': boundary edges left after cancelling edges shared by two parcels (exact);
 * - 'polygon-clipping': polygon-clipping's union of the parcels;
 * - 'polygon-clipping-snapped': the union retried on coordinates rounded to 1 mm, in groups of
 *   16, after the plain union threw (its known robustness failures, or its 1,000,000-event cap);
 * - 'parcels': both unions threw; the outline is the parcels' own polygons (a MultiPolygon, not
 *   dissolved) and the perimeter is the length of the unshared edges.
 * Area always comes from the parcels, never from the outline.
 */
export type Dissolve = 'shared-edges' | 'polygon-clipping' | 'polygon-clipping-snapped' | 'parcels';

class UnionFind {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(a: number): number {
    const p = this.parent;
    while (p[a] !== a) {
      p[a] = p[p[a]];
      a = p[a];
    }
    return a;
  }
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export function assemble(s: PolygonStore, survivors: Uint8Array, opts: AssemblyOptions, onProgress?: (f: number) => void): { sites: Site[]; siteOf: Int32Array } {
  const tol = opts.snapTolerance;
  const ids: number[] = [];
  for (let p = 0; p < s.count; p++) if (survivors[p]) ids.push(p);
  const siteOf = new Int32Array(s.count).fill(-1);
  if (!ids.length) return { sites: [], siteOf };
  const index = new Flatbush(ids.length);
  for (const p of ids) index.add(s.minX[p], s.minY[p], s.maxX[p], s.maxY[p]);
  index.finish();
  const uf = new UnionFind(s.count);
  for (let k = 0; k < ids.length; k++) {
    const p = ids[k];
    for (const j of index.search(s.minX[p] - tol, s.minY[p] - tol, s.maxX[p] + tol, s.maxY[p] + tol)) {
      const q = ids[j];
      if (q > p && uf.find(p) !== uf.find(q) && adjacent(s, p, q, tol)) uf.union(p, q);
    }
    if (onProgress && k % 20000 === 0) onProgress((0.5 * k) / ids.length);
  }
  if (opts.crossable) {
    for (let r = 0; r < s.count; r++) {
      if (!opts.crossable[r]) continue;
      let first = -1;
      for (const j of index.search(s.minX[r] - tol, s.minY[r] - tol, s.maxX[r] + tol, s.maxY[r] + tol)) {
        const q = ids[j];
        if (!adjacent(s, r, q, tol)) continue;
        if (first < 0) first = q;
        else uf.union(first, q);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const p of ids) {
    const root = uf.find(p);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(p);
  }
  const sites: Site[] = [];
  let done = 0;
  for (const parcels of groups.values()) {
    const id = sites.length;
    for (const p of parcels) siteOf[p] = id;
    sites.push(makeSite(s, id, parcels, opts));
    if (onProgress && ++done % 2000 === 0) onProgress(0.5 + (0.5 * done) / groups.size);
  }
  return { sites, siteOf };
}

function makeSite(s: PolygonStore, id: number, parcels: number[], opts: AssemblyOptions): Site {
  let planar = 0, ledger = 0, ledgerAll = !!opts.ledger;
  for (const p of parcels) {
    planar += s.area[p];
    const l = opts.ledger ? opts.ledger[p] : NaN;
    if (Number.isFinite(l)) ledger += l;
    else ledgerAll = false;
  }
  const { outline, dissolve, perimeter } = dissolveSite(s, parcels);
  const useLedger = opts.areaSource === 'ledger' && ledgerAll;
  return {
    id, parcels, area: useLedger ? ledger : planar, areaSource: useLedger ? 'ledger' : 'planar', planarArea: planar,
    ledgerArea: ledgerAll ? ledger : null, perimeter, compactness: perimeter > 0 ? (4 * Math.PI * planar) / (perimeter * perimeter) : 0, outline, dissolve,
  };
}

const outlineLength = (outline: Position[][][]) => {
  let l = 0;
  for (const poly of outline) for (const ring of poly) l += ringLength(ring);
  return l;
};

/** The site's outline, how it was formed and its perimeter. Deterministic for a parcel list. */
export function dissolveSite(s: PolygonStore, parcels: number[]): { outline: Position[][][]; dissolve: Dissolve; perimeter: number } {
  if (parcels.length === 1) {
    const outline = parcelPolygons(s, parcels[0]);
    return { outline, dissolve: 'shared-edges', perimeter: outlineLength(outline) };
  }
  const edges = dissolveEdges(s, parcels);
  if (edges.outline) return { outline: edges.outline, dissolve: 'shared-edges', perimeter: outlineLength(edges.outline) };
  const polys = parcels.map((p) => parcelPolygons(s, p));
  try {
    const outline = polygonClipping.union(...(polys as [never, ...never[]])) as Position[][][];
    return { outline, dissolve: 'polygon-clipping', perimeter: outlineLength(outline) };
  } catch {
    // polygon-clipping throws on some near-degenerate inputs and on more than 1,000,000 sweep events.
  }
  try {
    const outline = unionSnapped(polys);
    return { outline, dissolve: 'polygon-clipping-snapped', perimeter: outlineLength(outline) };
  } catch {
    // Last resort below: the parcels themselves.
  }
  let perimeter = edges.perimeter;
  if (!Number.isFinite(perimeter)) perimeter = parcels.reduce((sum, p) => sum + s.perimeter[p], 0); // no edges matched
  return { outline: polys.flat(), dissolve: 'parcels', perimeter };
}

const GRID = 1 / SNAP_GRID; // 1 mm grid for edge matching

/**
 * Union on a 1 mm grid, in groups of 16 and then their results in groups of 16 (a tree), so that no
 * single polygon-clipping call holds the whole component's edges. Throws when a group still fails.
 */
export function unionSnapped(polys: Position[][][][]): Position[][][] {
  let parts = polys.map(snapPolygons).filter((mp) => mp.length > 0);
  if (!parts.length) throw new Error('no polygon left after snapping');
  do {
    const next: Position[][][][] = [];
    for (let i = 0; i < parts.length; i += 16) {
      const group = parts.slice(i, i + 16);
      next.push(group.length === 1 ? group[0] : (polygonClipping.union(...(group as [never, ...never[]])) as Position[][][]));
    }
    parts = next;
  } while (parts.length > 1);
  return parts[0];
}

/** ax, ay, bx, by, then the ids of a and b (siteVertices). */
type Edge = [number, number, number, number, number, number];
const MM = (v: number) => Math.round(v * GRID); // mm grid for matching

/**
 * Dissolves parcels that share edges: directed edges met in both directions are interior.
 * Returns undefined (→ polygon-clipping) unless the boundary closes into rings that check out
 * (no crossing edges, the parcels' area, no outer inside another), so overlapping parcels never
 * pass as dissolved.
 */
export function cancelSharedEdges(s: PolygonStore, parcels: number[]): Position[][][] | undefined {
  return dissolveEdges(s, parcels).outline;
}

/**
 * Edge cancellation, first on the edges as they are; when what is left does not check out — a
 * T-junction (a boundary vertex within 1 mm of the inside of another boundary edge: a road edge
 * running past lot corners, whose two opposite, overlapping pieces cancel in area so no area test
 * sees them), crossing edges, or rings that do not close or do not add up — again with every edge
 * split where another vertex of the site lies within 1 mm of it.
 * Also returns the length of the edges left (the perimeter when no outline could be formed).
 */
function dissolveEdges(s: PolygonStore, parcels: number[]): { outline?: Position[][][]; perimeter: number } {
  let planar = 0;
  for (const p of parcels) planar += s.area[p];
  const v = siteVertices(s, parcels);
  if (!v) return { perimeter: NaN }; // 67 km or wider: left to polygon-clipping
  let edges = boundaryEdges(s, parcels, v, false);
  let outline = checkBoundary([...edges.values()], true) === 'ok' ? chainRings(edges, planar) : undefined;
  if (!outline) {
    // A T-junction, or what split edges may still clear: near-collinear edges past each other's
    // corners that cross, or chains that do not close.
    edges = boundaryEdges(s, parcels, v, true);
    outline = checkBoundary([...edges.values()], false) === 'ok' ? chainRings(edges, planar) : undefined;
  }
  let perimeter = 0;
  for (const e of edges.values()) perimeter += Math.hypot(e[2] - e[0], e[3] - e[1]);
  return { outline, perimeter };
}

const KEY = 2 ** 26; // ids and relative mm coordinates below 2^26, so two of them make one safe integer

/**
 * The site's distinct vertices on the mm grid, numbered: `id` per store vertex of the site's
 * parcels (in parcel order), `x`/`y` the first coordinates met per id. Numeric keys instead of
 * strings keep a million-edge site's cancellation fast. Undefined when the site spans 67 km or more.
 */
function siteVertices(s: PolygonStore, parcels: number[]): { id: Int32Array; x: number[]; y: number[] } | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, n = 0;
  for (const p of parcels) {
    if (s.minX[p] < x0) x0 = s.minX[p]; if (s.minY[p] < y0) y0 = s.minY[p];
    if (s.maxX[p] > x1) x1 = s.maxX[p]; if (s.maxY[p] > y1) y1 = s.maxY[p];
    n += s.vStart[s.ringOf[p + 1]] - s.vStart[s.ringOf[p]];
  }
  const mx = MM(x0) - 1, my = MM(y0) - 1;
  if (MM(x1) - mx >= KEY || MM(y1) - my >= KEY) return undefined;
  const id = new Int32Array(n), x: number[] = [], y: number[] = [], ids = new Map<number, number>();
  let k = 0;
  for (const p of parcels) {
    for (let v = s.vStart[s.ringOf[p]]; v < s.vStart[s.ringOf[p + 1]]; v++) {
      const vx = s.xy[v * 2], vy = s.xy[v * 2 + 1], key = (MM(vx) - mx) * KEY + (MM(vy) - my);
      let i = ids.get(key);
      if (i === undefined) {
        i = x.length;
        ids.set(key, i);
        x.push(vx);
        y.push(vy);
      }
      id[k++] = i;
    }
  }
  return { id, x, y };
}

function boundaryEdges(s: PolygonStore, parcels: number[], sv: NonNullable<ReturnType<typeof siteVertices>>, split: boolean): Map<number, Edge> {
  const edges = new Map<number, Edge>();
  const { id, x: vx, y: vy } = sv;
  const add = (ia: number, ib: number) => {
    if (ia === ib) return; // shorter than the grid
    const back = ib * KEY + ia;
    if (edges.has(back)) edges.delete(back);
    else edges.set(ia * KEY + ib, [vx[ia], vy[ia], vx[ib], vy[ib], ia, ib]);
  };
  let index: Flatbush | undefined;
  if (split) {
    index = new Flatbush(vx.length);
    for (let i = 0; i < vx.length; i++) index.add(vx[i], vy[i], vx[i], vy[i]);
    index.finish();
  }
  const eps = 1 / GRID, eps2 = eps * eps;
  let k = 0;
  for (const p of parcels) {
    for (let r = s.ringOf[p]; r < s.ringOf[p + 1]; r++) {
      const n = s.vStart[r + 1] - s.vStart[r];
      for (let j = 0; j < n - 1; j++) {
        const ia = id[k + j], ib = id[k + j + 1];
        if (!index) {
          add(ia, ib);
          continue;
        }
        const ax = vx[ia], ay = vy[ia], bx = vx[ib], by = vy[ib];
        const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        let on: [number, number][] | undefined; // [t along the edge, vertex id]
        for (const i of index.search(Math.min(ax, bx) - eps, Math.min(ay, by) - eps, Math.max(ax, bx) + eps, Math.max(ay, by) + eps)) {
          if (i === ia || i === ib || segDist2(vx[i], vy[i], ax, ay, bx, by) > eps2) continue;
          (on ??= []).push([((vx[i] - ax) * dx + (vy[i] - ay) * dy) / len2, i]);
        }
        if (!on) {
          add(ia, ib);
          continue;
        }
        on.sort((m, q) => m[0] - q[0] || m[1] - q[1]);
        let prev = ia;
        for (const [, i] of on) {
          add(prev, i);
          prev = i;
        }
        add(prev, ib);
      }
      k += n;
    }
  }
  return edges;
}

/**
 * Chains boundary edges into rings: outer rings (CCW) each with the holes inside it, provided the
 * rings' total area is `planar` (the parcels' sum); else undefined. Several outers arise where parcels
 * meet only at a corner or across the snap tolerance.
 */
function chainRings(edges: Map<number, Edge>, planar: number): Position[][][] | undefined {
  const from = new Map<number, Edge[]>();
  for (const e of edges.values()) {
    let l = from.get(e[4]);
    if (!l) from.set(e[4], (l = []));
    l.push(e);
  }
  // Walk each chain; where it comes back to a vertex it passed (rings touching at a point), the
  // loop since then is cut off as a ring of its own, so every ring is simple (as OGC wants).
  const rings: Position[][] = [];
  for (const start of edges.values()) {
    const sk = start[4];
    const list = from.get(sk);
    if (!list || !list.includes(start)) continue;
    const ring: Position[] = [[start[0], start[1]]];
    const at = new Map<number, number>([[sk, 0]]);
    const ids = [sk];
    let e: Edge | undefined = start;
    while (e) {
      const l = from.get(e[4])!;
      l.splice(l.indexOf(e), 1);
      const nk: number = e[5];
      const j = at.get(nk);
      if (j !== undefined) {
        const loop = ring.splice(j + 1);
        loop.unshift(ring[j]);
        loop.push([e[2], e[3]]);
        for (const id of ids.splice(j + 1)) at.delete(id);
        if (loop.length > 3) rings.push(loop);
        if (j === 0) break; // back at the start: the chain is closed
      } else {
        at.set(nk, ring.length);
        ring.push([e[2], e[3]]);
        ids.push(nk);
      }
      e = from.get(nk)?.[0];
      if (!e) return undefined; // open chain: edges did not match
    }
  }
  // Overlapping parcels (or edges matched across a gap) leave rings whose area is not the parcels'.
  let area = 0, length = 0;
  const withArea = rings.map((r) => {
    const a = ringSignedArea(r);
    area += a;
    length += ringLength(r);
    return { r, a, box: ringBox(r) };
  });
  if (Math.abs(area - planar) > 1e-6 * planar + 1e-3 * length) return undefined;
  const outers = withArea.filter((x) => x.a > 0).sort((x, y) => x.a - y.a); // smallest first
  if (!outers.length) return undefined;
  // Outers whose boxes hold a ring's box, smallest first (a site may have thousands of parts).
  let index: Flatbush | undefined;
  if (outers.length > 16) {
    index = new Flatbush(outers.length);
    for (const o of outers) index.add(o.box[0], o.box[1], o.box[2], o.box[3]);
    index.finish();
  }
  const holds = (i: number, h: (typeof withArea)[number]) => {
    const b = outers[i].box;
    return b[0] <= h.box[0] && b[1] <= h.box[1] && b[2] >= h.box[2] && b[3] >= h.box[3] && outers[i] !== h;
  };
  const holding = (h: (typeof withArea)[number]) =>
    (index ? index.search(h.box[0], h.box[1], h.box[2], h.box[3]).sort((i, j) => i - j) : outers.map((_, i) => i)).filter((i) => holds(i, h)).map((i) => outers[i]);
  const polys = new Map(outers.map((o) => [o, [o.r]]));
  for (const h of withArea) {
    if (h.a >= 0) continue;
    // The smallest outer that holds the hole (islands in a hole have their own, smaller outer).
    const candidates = holding(h);
    const o = candidates.length === 1 ? candidates[0] : candidates.find((o) => pointInRing(...insidePoint(h.r), o.r));
    if (!o) return undefined;
    polys.get(o)!.push(h.r);
  }
  // An outer inside another outer must lie in one of its holes (an island), else parcels overlap.
  if (outers.length > 1) for (const o of outers) {
    const [x, y] = insidePoint(o.r);
    for (const other of holding(o)) if (pointInPolygons(x, y, [polys.get(other)!])) return undefined;
  }
  // Largest part first (polygon-clipping orders its parts by position; both are valid).
  return outers.reverse().map((o) => polys.get(o)!);
}

function ringBox(r: Position[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of r) {
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/**
 * A point just inside the region a ring encloses (0.1 mm off the middle of its longest edge, on
 * the enclosed side: left of a counter-clockwise ring, right of a clockwise one), so it is never
 * on another ring that merely touches this one at a vertex.
 */
function insidePoint(r: Position[]): [number, number] {
  let best = 0, bl = -1;
  for (let i = 0; i + 1 < r.length; i++) {
    const l = Math.hypot(r[i + 1][0] - r[i][0], r[i + 1][1] - r[i][1]);
    if (l > bl) {
      bl = l;
      best = i;
    }
  }
  const [ax, ay] = r[best], [bx, by] = r[best + 1];
  const side = ringSignedArea(r) > 0 ? 1 : -1, d = 1e-4 / bl;
  return [(ax + bx) / 2 - side * (by - ay) * d, (ay + by) / 2 + side * (bx - ax) * d];
}

const dist2 = (x: number, y: number, u: number, v: number) => (x - u) * (x - u) + (y - v) * (y - v);

/**
 * Whether boundary edge f runs into or along edge e, which a closed outline never does: an end of
 * f within 1 mm of e's inside (a T-junction), or both ends within 1 mm of e with f longer than
 * 2 mm (the two lie along each other: overlapping lots whose corners are under 1 mm apart but in
 * different cells of the grid). "Inside" is more than 1 mm from e's ends: a vertex that near an
 * end is that corner drawn twice, and the mm-sized jog between the two corners is an outline.
 */
function runsAlong(e: Edge, f: Edge, eps2: number): boolean {
  const d0 = segDist2(f[0], f[1], e[0], e[1], e[2], e[3]), d1 = segDist2(f[2], f[3], e[0], e[1], e[2], e[3]);
  if (d0 > eps2 && d1 > eps2) return false;
  if (d0 <= eps2 && d1 <= eps2 && dist2(f[0], f[1], f[2], f[3]) > 4 * eps2) return true;
  const inside = (x: number, y: number) => dist2(x, y, e[0], e[1]) > eps2 && dist2(x, y, e[2], e[3]) > eps2;
  return (d0 <= eps2 && inside(f[0], f[1])) || (d1 <= eps2 && inside(f[2], f[3]));
}

/**
 * What is wrong with the edges left after cancellation, if anything: two that cross (overlapping
 * parcels), or one that runs into or along another (a T-junction; see `runsAlong`). Small sets are
 * compared pairwise, large ones through an index. With `stopAtTJunction` the first T-junction ends
 * the check (the edges are then split and checked again, crossings included).
 */
function checkBoundary(list: Edge[], stopAtTJunction: boolean): 'ok' | 'cross' | 'tjunction' {
  const eps = 1 / GRID, eps2 = eps * eps;
  let tjunction = false;
  const pair = (e: Edge, f: Edge): boolean => {
    if (segmentsIntersect(e[0], e[1], e[2], e[3], f[0], f[1], f[2], f[3], 'proper')) return true;
    if (runsAlong(e, f, eps2)) tjunction = true;
    return false;
  };
  const box = (e: Edge) => [Math.min(e[0], e[2]) - eps, Math.min(e[1], e[3]) - eps, Math.max(e[0], e[2]) + eps, Math.max(e[1], e[3]) + eps] as const;
  if (list.length <= 64) {
    for (let i = 0; i < list.length; i++) {
      const [x0, y0, x1, y1] = box(list[i]);
      for (let j = 0; j < list.length; j++) {
        const f = list[j];
        if (j === i || Math.max(f[0], f[2]) < x0 || Math.min(f[0], f[2]) > x1 || Math.max(f[1], f[3]) < y0 || Math.min(f[1], f[3]) > y1) continue;
        if (pair(list[i], f)) return 'cross';
        if (stopAtTJunction && tjunction) return 'tjunction';
      }
    }
  } else {
    const index = new Flatbush(list.length);
    for (const e of list) index.add(Math.min(e[0], e[2]), Math.min(e[1], e[3]), Math.max(e[0], e[2]), Math.max(e[1], e[3]));
    index.finish();
    for (let i = 0; i < list.length; i++) {
      for (const j of index.search(...box(list[i]))) {
        if (j !== i && pair(list[i], list[j])) return 'cross';
        if (stopAtTJunction && tjunction) return 'tjunction';
      }
    }
  }
  return tjunction ? 'tjunction' : 'ok';
}
