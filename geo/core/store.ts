// Parcels in planar EPSG:5186 kept flat (one Float64Array of vertices, ring offsets) so a million
// parcels fit in a few hundred MB instead of ~450 MB of GeoJSON objects; only the attribute columns
// the study uses are kept, with repeated strings interned.
import type { Geometry, Position } from 'geojson';
import { type PolygonStats, flatPolygonStats, flatRingSignedArea, flatRingsIntersect, flatVertexNearEdges, pointInFlatRings, segDist2, stripWidth } from './planar.js';

export { segDist2, stripWidth };

export class GrowF64 {
  a: Float64Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Float64Array(cap);
  }
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Float64Array {
    return this.a.subarray(0, this.n);
  }
}
export class GrowU32 {
  a: Uint32Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Uint32Array(cap);
  }
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Uint32Array {
    return this.a.subarray(0, this.n);
  }
}

export type Column = Float64Array | (string | null)[];

/** Flat polygons: parcel p has rings ringOf[p]..ringOf[p+1]-1; ring r has vertices vStart[r]..vStart[r+1]-1 (closed). */
export interface PolygonStore {
  count: number;
  xy: Float64Array; // x0,y0,x1,y1,…
  vStart: Uint32Array; // per ring, plus a sentinel
  ringOf: Uint32Array; // per parcel, plus a sentinel
  area: Float64Array; // planar m²
  perimeter: Float64Array;
  cx: Float64Array; // area centroid
  cy: Float64Array;
  minX: Float64Array;
  minY: Float64Array;
  maxX: Float64Array;
  maxY: Float64Array;
}

export class PolygonBuilder {
  private xy = new GrowF64(1 << 16);
  private vStart = new GrowU32(1 << 12);
  private ringOf = new GrowU32(1 << 12);
  count = 0;

  /** Adds a Polygon/MultiPolygon already in the working CRS. */
  add(g: Geometry, t?: (x: number, y: number) => [number, number]): void {
    this.ringOf.push(this.vStart.n);
    const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
    for (const r of rings) {
      this.vStart.push(this.xy.n / 2);
      for (const p of r) {
        if (t) {
          const [x, y] = t(p[0], p[1]);
          this.xy.push(x);
          this.xy.push(y);
        } else {
          this.xy.push(p[0]);
          this.xy.push(p[1]);
        }
      }
    }
    this.count++;
  }

  finish(): PolygonStore {
    this.ringOf.push(this.vStart.n);
    this.vStart.push(this.xy.n / 2);
    const n = this.count;
    const s: PolygonStore = {
      count: n, xy: this.xy.done().slice(), vStart: this.vStart.done().slice(), ringOf: this.ringOf.done().slice(),
      area: new Float64Array(n), perimeter: new Float64Array(n), cx: new Float64Array(n), cy: new Float64Array(n),
      minX: new Float64Array(n), minY: new Float64Array(n), maxX: new Float64Array(n), maxY: new Float64Array(n),
    };
    const st: PolygonStats = { area: 0, cx: 0, cy: 0, perimeter: 0, minX: 0, minY: 0, maxX: 0, maxY: 0 };
    for (let p = 0; p < n; p++) {
      flatPolygonStats(s.xy, s.vStart, s.ringOf[p], s.ringOf[p + 1], st);
      s.area[p] = st.area;
      s.cx[p] = st.cx;
      s.cy[p] = st.cy;
      s.perimeter[p] = st.perimeter;
      s.minX[p] = st.minX; s.minY[p] = st.minY; s.maxX[p] = st.maxX; s.maxY[p] = st.maxY;
    }
    return s;
  }
}

/** The parcel as GeoJSON-style rings (for polygon-clipping and output). */
export function parcelRings(s: PolygonStore, p: number): Position[][] {
  const out: Position[][] = [];
  for (let r = s.ringOf[p]; r < s.ringOf[p + 1]; r++) {
    const ring: Position[] = [];
    for (let v = s.vStart[r]; v < s.vStart[r + 1]; v++) ring.push([s.xy[v * 2], s.xy[v * 2 + 1]]);
    out.push(ring);
  }
  return out;
}

/** Parcel rings grouped into polygons (outer CCW then its holes), as polygon-clipping wants. */
export function parcelPolygons(s: PolygonStore, p: number): Position[][][] {
  const polys: Position[][][] = [];
  const rings = parcelRings(s, p);
  rings.forEach((ring, k) => {
    const r = s.ringOf[p] + k;
    if (flatRingSignedArea(s.xy, s.vStart[r], s.vStart[r + 1]) > 0 || !polys.length) polys.push([ring]);
    else polys[polys.length - 1].push(ring);
  });
  return polys;
}

/** Even-odd point in polygon p of a store. */
export function pointInStore(s: PolygonStore, p: number, x: number, y: number): boolean {
  return pointInFlatRings(s.xy, s.vStart, s.ringOf[p], s.ringOf[p + 1], x, y);
}

/**
 * Parcels a and b are adjacent when their boundaries come within `tol` metres (the snapping
 * tolerance: neighbouring cadastral edges need not share vertices) or one overlaps the other.
 * Equivalent to ST_DWithin(a, b, tol) for polygons.
 */
export function adjacent(s: PolygonStore, a: number, b: number, tol: number): boolean {
  const tol2 = tol * tol;
  const { xy, vStart, ringOf } = s;
  if (flatVertexNearEdges(xy, vStart, ringOf[a], ringOf[a + 1], xy, vStart, ringOf[b], ringOf[b + 1], tol2) ||
      flatVertexNearEdges(xy, vStart, ringOf[b], ringOf[b + 1], xy, vStart, ringOf[a], ringOf[a + 1], tol2)) return true;
  // Crossing edges without nearby vertices, or containment.
  const v0 = vStart[ringOf[a]], w0 = vStart[ringOf[b]];
  return pointInStore(s, b, xy[v0 * 2], xy[v0 * 2 + 1]) || pointInStore(s, a, xy[w0 * 2], xy[w0 * 2 + 1]) ||
    flatRingsIntersect(xy, vStart, ringOf[a], ringOf[a + 1], xy, vStart, ringOf[b], ringOf[b + 1], 'proper');
}

