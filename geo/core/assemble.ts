// Site assembly: adjacency among surviving parcels (spatial-index prefilter, then a within-
// tolerance boundary test), optionally bridged across narrow road parcels, union-find into
// components, then one dissolve per component. Parcels of one cadastral fabric share edges, so the
// dissolve first cancels shared edges (fast, exact); when edges do not match it falls back to
// polygon-clipping's union.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import { ringLength, ringSignedArea } from './planar.js';
import { type PolygonStore, adjacent, parcelPolygons } from './store.js';

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
  dissolve: 'shared-edges' | 'polygon-clipping';
}

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
  let outline = parcels.length === 1 ? parcelPolygons(s, parcels[0]) : cancelSharedEdges(s, parcels);
  let dissolve: Site['dissolve'] = 'shared-edges';
  if (!outline) {
    outline = polygonClipping.union(...(parcels.map((p) => parcelPolygons(s, p)) as [never, ...never[]])) as Position[][][];
    dissolve = 'polygon-clipping';
  }
  let perimeter = 0;
  for (const poly of outline) for (const ring of poly) perimeter += ringLength(ring);
  const useLedger = opts.areaSource === 'ledger' && ledgerAll;
  return {
    id, parcels, area: useLedger ? ledger : planar, areaSource: useLedger ? 'ledger' : 'planar', planarArea: planar,
    ledgerArea: ledgerAll ? ledger : null, perimeter, compactness: perimeter > 0 ? (4 * Math.PI * planar) / (perimeter * perimeter) : 0, outline, dissolve,
  };
}

/**
 * Dissolves parcels that share edges exactly: directed edges met in both directions are interior.
 * Returns undefined (→ polygon-clipping) unless the boundary closes into exactly one outer ring.
 */
export function cancelSharedEdges(s: PolygonStore, parcels: number[]): Position[][][] | undefined {
  const q = (v: number) => Math.round(v * 1000); // mm grid for matching
  const key = (ax: number, ay: number, bx: number, by: number) => `${q(ax)},${q(ay)},${q(bx)},${q(by)}`;
  const edges = new Map<string, [number, number, number, number]>();
  for (const p of parcels) {
    for (let r = s.ringOf[p]; r < s.ringOf[p + 1]; r++) {
      for (let v = s.vStart[r]; v < s.vStart[r + 1] - 1; v++) {
        const ax = s.xy[v * 2], ay = s.xy[v * 2 + 1], bx = s.xy[v * 2 + 2], by = s.xy[v * 2 + 3];
        const back = key(bx, by, ax, ay);
        if (edges.has(back)) edges.delete(back);
        else edges.set(key(ax, ay, bx, by), [ax, ay, bx, by]);
      }
    }
  }
  // Chain the remaining edges into rings.
  const from = new Map<string, [number, number, number, number][]>();
  for (const e of edges.values()) {
    const k = `${q(e[0])},${q(e[1])}`;
    let l = from.get(k);
    if (!l) from.set(k, (l = []));
    l.push(e);
  }
  const rings: Position[][] = [];
  for (const start of edges.values()) {
    const sk = `${q(start[0])},${q(start[1])}`;
    const list = from.get(sk);
    if (!list || !list.includes(start)) continue;
    const ring: Position[] = [[start[0], start[1]]];
    let e: [number, number, number, number] | undefined = start;
    while (e) {
      const l = from.get(`${q(e[0])},${q(e[1])}`)!;
      l.splice(l.indexOf(e), 1);
      ring.push([e[2], e[3]]);
      const nk: string = `${q(e[2])},${q(e[3])}`;
      if (nk === sk && ring.length > 3) break;
      e = from.get(nk)?.[0];
      if (!e) return undefined; // open chain: edges did not match
    }
    rings.push(ring);
  }
  const withArea = rings.map((r) => ({ r, a: ringSignedArea(r) }));
  const outers = withArea.filter((x) => x.a > 0);
  if (outers.length !== 1) return undefined;
  return [[outers[0].r, ...withArea.filter((x) => x.a < 0).map((x) => x.r)]];
}
