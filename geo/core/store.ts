// Parcels in planar EPSG:5186 kept flat (one Float64Array of vertices, ring offsets) so a million
// parcels fit in a few hundred MB instead of ~450 MB of GeoJSON objects; only the attribute columns
// the study uses are kept, with repeated strings interned.
import type { Geometry, Position } from 'geojson';

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
    const { xy, vStart, ringOf } = s;
    for (let p = 0; p < n; p++) {
      let A = 0, Cx = 0, Cy = 0, P = 0;
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (let r = ringOf[p]; r < ringOf[p + 1]; r++) {
        // Shift to the ring's first vertex so the shoelace sums keep precision at 5186 magnitudes.
        const ox = xy[vStart[r] * 2], oy = xy[vStart[r] * 2 + 1];
        let ringA = 0;
        for (let v = vStart[r]; v < vStart[r + 1] - 1; v++) {
          const ax = xy[v * 2], ay = xy[v * 2 + 1], bx = xy[v * 2 + 2], by = xy[v * 2 + 3];
          const axr = ax - ox, ayr = ay - oy, bxr = bx - ox, byr = by - oy;
          const c = axr * byr - bxr * ayr;
          ringA += c;
          Cx += (axr + bxr) * c;
          Cy += (ayr + byr) * c;
          P += Math.hypot(bx - ax, by - ay);
          if (ax < x0) x0 = ax; if (ax > x1) x1 = ax; if (ay < y0) y0 = ay; if (ay > y1) y1 = ay;
        }
        // Back to absolute coordinates: the moment of a ring about the origin adds 3·ox·Σc.
        A += ringA;
        Cx += 3 * ox * ringA;
        Cy += 3 * oy * ringA;
      }
      s.area[p] = A / 2;
      s.cx[p] = A ? Cx / (3 * A) : x0;
      s.cy[p] = A ? Cy / (3 * A) : y0;
      s.perimeter[p] = P;
      s.minX[p] = x0; s.minY[p] = y0; s.maxX[p] = x1; s.maxY[p] = y1;
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
  for (const ring of parcelRings(s, p)) {
    let a = 0;
    for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    if (a > 0 || !polys.length) polys.push([ring]);
    else polys[polys.length - 1].push(ring);
  }
  return polys;
}

/** Squared distance from (px,py) to segment (ax,ay)-(bx,by). */
export function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Whether any vertex of parcel a lies within tol of an edge of parcel b (one direction). */
function vertexNearEdges(s: PolygonStore, a: number, b: number, tol2: number): boolean {
  const { xy, vStart, ringOf } = s;
  for (let ra = ringOf[a]; ra < ringOf[a + 1]; ra++) {
    for (let v = vStart[ra]; v < vStart[ra + 1] - 1; v++) {
      const px = xy[v * 2], py = xy[v * 2 + 1];
      for (let rb = ringOf[b]; rb < ringOf[b + 1]; rb++) {
        for (let w = vStart[rb]; w < vStart[rb + 1] - 1; w++) {
          if (segDist2(px, py, xy[w * 2], xy[w * 2 + 1], xy[w * 2 + 2], xy[w * 2 + 3]) <= tol2) return true;
        }
      }
    }
  }
  return false;
}

function pointInParcel(s: PolygonStore, p: number, x: number, y: number): boolean {
  const { xy, vStart, ringOf } = s;
  let inside = false;
  for (let r = ringOf[p]; r < ringOf[p + 1]; r++) {
    for (let i = vStart[r], j = vStart[r + 1] - 1; i < vStart[r + 1]; j = i++) {
      const xi = xy[i * 2], yi = xy[i * 2 + 1], xj = xy[j * 2], yj = xy[j * 2 + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Parcels a and b are adjacent when their boundaries come within `tol` metres (the snapping
 * tolerance: neighbouring cadastral edges need not share vertices) or one overlaps the other.
 * Equivalent to ST_DWithin(a, b, tol) for polygons.
 */
export function adjacent(s: PolygonStore, a: number, b: number, tol: number): boolean {
  const tol2 = tol * tol;
  if (vertexNearEdges(s, a, b, tol2) || vertexNearEdges(s, b, a, tol2)) return true;
  // Crossing edges without nearby vertices, or containment.
  const v0 = s.vStart[s.ringOf[a]], w0 = s.vStart[s.ringOf[b]];
  return pointInParcel(s, b, s.xy[v0 * 2], s.xy[v0 * 2 + 1]) || pointInParcel(s, a, s.xy[w0 * 2], s.xy[w0 * 2 + 1]) || edgesCross(s, a, b);
}

function edgesCross(s: PolygonStore, a: number, b: number): boolean {
  const { xy, vStart, ringOf } = s;
  const o = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  for (let ra = ringOf[a]; ra < ringOf[a + 1]; ra++) {
    for (let v = vStart[ra]; v < vStart[ra + 1] - 1; v++) {
      const ax = xy[v * 2], ay = xy[v * 2 + 1], bx = xy[v * 2 + 2], by = xy[v * 2 + 3];
      for (let rb = ringOf[b]; rb < ringOf[b + 1]; rb++) {
        for (let w = vStart[rb]; w < vStart[rb + 1] - 1; w++) {
          const cx = xy[w * 2], cy = xy[w * 2 + 1], dx = xy[w * 2 + 2], dy = xy[w * 2 + 3];
          if (o(ax, ay, bx, by, cx, cy) * o(ax, ay, bx, by, dx, dy) < 0 && o(cx, cy, dx, dy, ax, ay) * o(cx, cy, dx, dy, bx, by) < 0) return true;
        }
      }
    }
  }
  return false;
}

/** Width of a strip-like parcel from area and perimeter (exact for rectangles). */
export function stripWidth(area: number, perimeter: number): number {
  const h = perimeter / 2;
  const disc = h * h - 4 * area;
  return disc > 0 ? (h - Math.sqrt(disc)) / 2 : h / 2;
}
