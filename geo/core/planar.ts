// Planar geometry on coordinates in metres (EPSG:5186): the one place the engine's primitive tests
// live — orientation, segment intersection and distance, ring area and centroid, point in polygon,
// point-to-outline distance. Rings are closed (first vertex repeated last). Two layouts:
// GeoJSON-style `Position[]` rings, and the flat store (`xy` = x0,y0,x1,y1,…; a ring spans vertices
// from..to-1, the last one repeating the first). Fixtures in → out: planar.test.ts; speed:
// bench/geo/planar.ts.
import type { Position } from 'geojson';

/** Sign of the turn a→b→c: 1 counter-clockwise, -1 clockwise, 0 collinear. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): -1 | 0 | 1 {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) as -1 | 0 | 1;
}

/**
 * Whether segments ab and cd intersect. `proper`: their interiors cross at one point (touching at an
 * endpoint or running along each other does not count). `closed`: they share any point (touching,
 * endpoint on the other segment, collinear overlap).
 */
export function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, mode: 'proper' | 'closed'): boolean {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx) || Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by);
  if (mode === 'proper') return o1 * o2 < 0 && o3 * o4 < 0;
  // Closed: the boxes overlap (checked above), so collinear cases meet; otherwise straddling.
  return o1 * o2 <= 0 && o3 * o4 <= 0;
}

/**
 * Ring validity test for two edges: they cross, or overlap along a line (sharing more than an
 * endpoint). Edges that only share an endpoint, as consecutive edges do, are fine.
 */
export function edgesConflict(a: Position, b: Position, c: Position, d: Position): boolean {
  if (Math.max(a[0], b[0]) < Math.min(c[0], d[0]) || Math.max(c[0], d[0]) < Math.min(a[0], b[0]) ||
      Math.max(a[1], b[1]) < Math.min(c[1], d[1]) || Math.max(c[1], d[1]) < Math.min(a[1], b[1])) return false;
  const o1 = orient(a[0], a[1], b[0], b[1], c[0], c[1]), o2 = orient(a[0], a[1], b[0], b[1], d[0], d[1]);
  const o3 = orient(c[0], c[1], d[0], d[1], a[0], a[1]), o4 = orient(c[0], c[1], d[0], d[1], b[0], b[1]);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  if (o1 === 0 && o2 === 0) {
    const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];
    const on = (p: Position, q: Position, r: Position) => Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
    const shared = same(a, c) || same(a, d) || same(b, c) || same(b, d);
    const overlap = on(a, b, c) || on(a, b, d) || on(c, d, a) || on(c, d, b);
    if (overlap && !shared) return true;
    if (overlap && shared) {
      // Sharing one endpoint: they overlap only if they leave it in the same direction.
      const dot = (b[0] - a[0]) * (d[0] - c[0]) + (b[1] - a[1]) * (d[1] - c[1]);
      return same(a, c) || same(b, d) ? dot > 0 : dot < 0;
    }
  }
  return false;
}

/** Squared distance from (px,py) to the segment (ax,ay)-(bx,by). */
export function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Signed shoelace area of a closed ring (positive when counter-clockwise). Coordinates are taken
 * relative to the first vertex so the products keep their precision at EPSG:5186 magnitudes.
 */
export function ringSignedArea(r: Position[]): number {
  if (r.length < 4) return 0;
  const ox = r[0][0], oy = r[0][1];
  let s = 0;
  for (let i = 0, n = r.length - 1; i < n; i++) s += (r[i][0] - ox) * (r[i + 1][1] - oy) - (r[i + 1][0] - ox) * (r[i][1] - oy);
  return s / 2;
}

/** Signed area of a flat ring (vertices from..to-1, closed). */
export function flatRingSignedArea(xy: ArrayLike<number>, from: number, to: number): number {
  if (to - from < 4) return 0;
  const ox = xy[from * 2], oy = xy[from * 2 + 1];
  let s = 0;
  for (let v = from; v < to - 1; v++) s += (xy[v * 2] - ox) * (xy[v * 2 + 3] - oy) - (xy[v * 2 + 2] - ox) * (xy[v * 2 + 1] - oy);
  return s / 2;
}

/** Area (holes subtracted) of polygons given as [outer, ...holes] in any orientation. */
export function polygonsArea(polys: Position[][][]): number {
  let a = 0;
  for (const poly of polys) poly.forEach((ring, i) => (a += (i === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring))));
  return a;
}

/** Length of a closed ring's boundary. */
export function ringLength(r: Position[]): number {
  let p = 0;
  for (let i = 0; i < r.length - 1; i++) {
    const ex = r[i + 1][0] - r[i][0], ey = r[i + 1][1] - r[i][1];
    p += Math.sqrt(ex * ex + ey * ey);
  }
  return p;
}

/**
 * Area, area centroid, perimeter and bounding box of flat rings (one parcel: outer and holes with
 * opposite orientation, so signed areas add up). The centroid of a zero-area shape is its first vertex.
 */
export interface PolygonStats { area: number; cx: number; cy: number; perimeter: number; minX: number; minY: number; maxX: number; maxY: number }

/** (`out` is filled and returned when given, so a loop over a million parcels allocates nothing.) */
export function flatPolygonStats(xy: ArrayLike<number>, vStart: ArrayLike<number>, r0: number, r1: number, out?: PolygonStats): PolygonStats {
  let A = 0, Cx = 0, Cy = 0, P = 0;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let r = r0; r < r1; r++) {
    const ox = xy[vStart[r] * 2], oy = xy[vStart[r] * 2 + 1];
    let ringA = 0, rx = 0, ry = 0;
    for (let v = vStart[r]; v < vStart[r + 1] - 1; v++) {
      const ax = xy[v * 2], ay = xy[v * 2 + 1], bx = xy[v * 2 + 2], by = xy[v * 2 + 3];
      const axr = ax - ox, ayr = ay - oy, bxr = bx - ox, byr = by - oy;
      const c = axr * byr - bxr * ayr;
      ringA += c;
      rx += (axr + bxr) * c;
      ry += (ayr + byr) * c;
      const ex = bx - ax, ey = by - ay;
      P += Math.sqrt(ex * ex + ey * ey); // Math.hypot is several times slower in V8
      if (ax < x0) x0 = ax; if (ax > x1) x1 = ax; if (ay < y0) y0 = ay; if (ay > y1) y1 = ay;
    }
    // Back to absolute coordinates: the ring's first moment about the origin adds 3·o·Σc.
    A += ringA;
    Cx += rx + 3 * ox * ringA;
    Cy += ry + 3 * oy * ringA;
  }
  const o = out ?? ({} as PolygonStats);
  o.area = A / 2; o.cx = A ? Cx / (3 * A) : x0; o.cy = A ? Cy / (3 * A) : y0; o.perimeter = P;
  o.minX = x0; o.minY = y0; o.maxX = x1; o.maxY = y1;
  return o;
}

/** Even-odd point in ring (points exactly on the boundary may go either way: use distance for those). */
export function pointInRing(x: number, y: number, r: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const xi = r[i][0], yi = r[i][1], xj = r[j][0], yj = r[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd point in polygon(s) over all rings (outer rings and holes alike). */
export function pointInPolygons(x: number, y: number, polys: Position[][][]): boolean {
  let inside = false;
  for (const poly of polys) for (const r of poly) if (pointInRing(x, y, r)) inside = !inside;
  return inside;
}

/** Even-odd point in the flat rings r0..r1-1. */
export function pointInFlatRings(xy: ArrayLike<number>, vStart: ArrayLike<number>, r0: number, r1: number, x: number, y: number): boolean {
  let inside = false;
  for (let r = r0; r < r1; r++) {
    for (let i = vStart[r], j = vStart[r + 1] - 1; i < vStart[r + 1]; j = i++) {
      const xi = xy[i * 2], yi = xy[i * 2 + 1], xj = xy[j * 2], yj = xy[j * 2 + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance from (x,y) to the nearest point of the rings' boundaries. */
export function distanceToBoundary(x: number, y: number, polys: Position[][][]): number {
  let best = Infinity;
  for (const poly of polys) for (const r of poly) {
    for (let i = 0; i < r.length - 1; i++) {
      const d = segDist2(x, y, r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]);
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

/**
 * Distance from (x,y) to a (multi)polygon: 0 inside or on it, else to its nearest boundary point
 * (PostGIS ST_Distance(point, polygon)).
 */
export function pointPolygonDistance(x: number, y: number, polys: Position[][][]): number {
  const d = distanceToBoundary(x, y, polys);
  return d === 0 || pointInPolygons(x, y, polys) ? 0 : d;
}

/** Whether any edge of flat rings A (ra0..ra1-1) meets an edge of flat rings B (rb0..rb1-1). */
export function flatRingsIntersect(a: ArrayLike<number>, av: ArrayLike<number>, ra0: number, ra1: number, b: ArrayLike<number>, bv: ArrayLike<number>, rb0: number, rb1: number, mode: 'proper' | 'closed'): boolean {
  for (let ra = ra0; ra < ra1; ra++) {
    for (let v = av[ra]; v < av[ra + 1] - 1; v++) {
      const ax = a[v * 2], ay = a[v * 2 + 1], bx = a[v * 2 + 2], by = a[v * 2 + 3];
      for (let rb = rb0; rb < rb1; rb++) {
        for (let w = bv[rb]; w < bv[rb + 1] - 1; w++) {
          if (segmentsIntersect(ax, ay, bx, by, b[w * 2], b[w * 2 + 1], b[w * 2 + 2], b[w * 2 + 3], mode)) return true;
        }
      }
    }
  }
  return false;
}

/** Whether some vertex of flat rings A lies within √tol2 of an edge of flat rings B. */
export function flatVertexNearEdges(a: ArrayLike<number>, av: ArrayLike<number>, ra0: number, ra1: number, b: ArrayLike<number>, bv: ArrayLike<number>, rb0: number, rb1: number, tol2: number): boolean {
  for (let ra = ra0; ra < ra1; ra++) {
    for (let v = av[ra]; v < av[ra + 1] - 1; v++) {
      const px = a[v * 2], py = a[v * 2 + 1];
      for (let rb = rb0; rb < rb1; rb++) {
        for (let w = bv[rb]; w < bv[rb + 1] - 1; w++) {
          if (segDist2(px, py, b[w * 2], b[w * 2 + 1], b[w * 2 + 2], b[w * 2 + 3]) <= tol2) return true;
        }
      }
    }
  }
  return false;
}

/** Width of a strip-like polygon from its area and perimeter (exact for rectangles). */
export function stripWidth(area: number, perimeter: number): number {
  const h = perimeter / 2;
  const disc = h * h - 4 * area;
  return disc > 0 ? (h - Math.sqrt(disc)) / 2 : h / 2;
}
