// Hard constraints: attribute filters, overlap share with constraint polygons, distance limits.
// Each failure records the constraint's reason code on the parcel.
import polygonClipping from 'polygon-clipping';
import { type ParcelLayer, type PointLayer, type PolygonLayer, attrPredicate, testAttr } from './layers.js';
import type { AttrTest, Constraint } from './schema.js';
import { type PolygonStore, parcelPolygons } from './store.js';

export interface ScreenResult {
  pass: Uint8Array;
  /** Reason codes per parcel (undefined when it passed). */
  reasons: (string[] | undefined)[];
  /** Number of parcels failing each constraint. */
  failures: Record<string, number>;
}

export interface ScreenLayers {
  points: Record<string, PointLayer>;
  polygons: Record<string, PolygonLayer>;
}

/** Planar distance from (x,y) to the nearest point of a layer. */
export function nearestDistance(l: PointLayer, x: number, y: number): number {
  const [i] = l.index.neighbors(x, y, 1);
  return i === undefined ? Infinity : Math.hypot(l.x[i] - x, l.y[i] - y);
}

export function screen(parcels: ParcelLayer, constraints: Constraint[], layers: ScreenLayers, onProgress?: (f: number) => void): ScreenResult {
  const n = parcels.store.count;
  const pass = new Uint8Array(n).fill(1);
  const reasons: (string[] | undefined)[] = new Array(n);
  const failures: Record<string, number> = {};
  const flag = (p: number, code: string) => {
    pass[p] = 0;
    (reasons[p] ??= []).push(code);
    failures[code] = (failures[code] ?? 0) + 1;
  };
  // Attribute constraints first, on every parcel; spatial ones only where those passed.
  const attrs = constraints.filter((c) => c.type === 'attribute');
  for (const c of attrs) {
    const col = parcels.columns[c.field];
    const ok = attrPredicate(c);
    for (let p = 0; p < n; p++) if (!ok(col[p])) flag(p, c.code);
  }
  onProgress?.(0.3);
  const attrPass = pass.slice();
  for (const c of constraints) {
    if (c.type === 'overlap') {
      const layer = layers.polygons[c.layer];
      const share = overlapShares(parcels.store, attrPass, layer, c.where);
      for (let p = 0; p < n; p++) if (attrPass[p] && share[p] > c.maxShare) flag(p, c.code);
    } else if (c.type === 'distance') {
      const layer = layers.points[c.layer];
      const { cx, cy } = parcels.store;
      for (let p = 0; p < n; p++) {
        if (!attrPass[p]) continue;
        if (c.max !== undefined) {
          if (!layer.index.neighbors(cx[p], cy[p], 1, c.max).length) flag(p, c.code);
        } else if (c.min !== undefined && nearestDistance(layer, cx[p], cy[p]) < c.min) flag(p, c.code);
      }
    }
  }
  onProgress?.(1);
  return { pass, reasons, failures };
}

/**
 * Share of each (selected) parcel's planar area inside the layer's polygons, summed over the
 * polygons it meets (like SUM(ST_Area(ST_Intersection(p, c))) / ST_Area(p)), capped at 1.
 * Cheap vertex/edge tests decide the clear cases; polygon-clipping handles the rest.
 */
export function overlapShares(s: PolygonStore, selected: Uint8Array, layer: PolygonLayer, where?: AttrTest): Float64Array {
  const share = new Float64Array(s.count);
  const cs = layer.store;
  const use = layer.props.map((pr) => !where || testAttr(pr[where.field], where));
  for (let c = 0; c < cs.count; c++) {
    if (!use[c]) continue;
    const cPoly = parcelPolygons(cs, c);
    // Parcels whose boxes meet this constraint polygon: search the parcels' own boxes.
    for (let p = 0; p < s.count; p++) {
      if (!selected[p] || s.maxX[p] < cs.minX[c] || s.minX[p] > cs.maxX[c] || s.maxY[p] < cs.minY[c] || s.minY[p] > cs.maxY[c]) continue;
      share[p] += intersectionShare(s, p, cs, c, cPoly);
    }
  }
  for (let p = 0; p < s.count; p++) if (share[p] > 1) share[p] = 1;
  return share;
}

function intersectionShare(s: PolygonStore, p: number, cs: PolygonStore, c: number, cPoly: ReturnType<typeof parcelPolygons>): number {
  const { xy, vStart, ringOf } = s;
  let inside = 0, total = 0;
  for (let v = vStart[ringOf[p]]; v < vStart[ringOf[p] + 1] - 1; v++) {
    total++;
    if (pointInStore(cs, c, xy[v * 2], xy[v * 2 + 1])) inside++;
  }
  if (!crosses(s, p, cs, c)) {
    if (inside === total) return 1;
    if (inside === 0 && !pointInStore(s, p, cs.xy[cs.vStart[cs.ringOf[c]] * 2], cs.xy[cs.vStart[cs.ringOf[c]] * 2 + 1])) return 0;
  }
  const parts = polygonClipping.intersection(parcelPolygons(s, p) as never, cPoly as never);
  let a = 0;
  for (const poly of parts) for (const ring of poly) {
    let r = 0;
    const ox = ring[0][0], oy = ring[0][1];
    for (let i = 0; i < ring.length - 1; i++) r += (ring[i][0] - ox) * (ring[i + 1][1] - oy) - (ring[i + 1][0] - ox) * (ring[i][1] - oy);
    a += r / 2;
  }
  return Math.abs(a) / s.area[p];
}

function pointInStore(s: PolygonStore, p: number, x: number, y: number): boolean {
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

function crosses(a: PolygonStore, p: number, b: PolygonStore, c: number): boolean {
  const o = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  for (let ra = a.ringOf[p]; ra < a.ringOf[p + 1]; ra++) {
    for (let v = a.vStart[ra]; v < a.vStart[ra + 1] - 1; v++) {
      const ax = a.xy[v * 2], ay = a.xy[v * 2 + 1], bx = a.xy[v * 2 + 2], by = a.xy[v * 2 + 3];
      const x0 = Math.min(ax, bx), x1 = Math.max(ax, bx), y0 = Math.min(ay, by), y1 = Math.max(ay, by);
      for (let rb = b.ringOf[c]; rb < b.ringOf[c + 1]; rb++) {
        for (let w = b.vStart[rb]; w < b.vStart[rb + 1] - 1; w++) {
          const cx = b.xy[w * 2], cy = b.xy[w * 2 + 1], dx = b.xy[w * 2 + 2], dy = b.xy[w * 2 + 3];
          if (Math.max(cx, dx) < x0 || Math.min(cx, dx) > x1 || Math.max(cy, dy) < y0 || Math.min(cy, dy) > y1) continue;
          // Touching counts as crossing here so borderline cases go to exact clipping.
          if (o(ax, ay, bx, by, cx, cy) * o(ax, ay, bx, by, dx, dy) <= 0 && o(cx, cy, dx, dy, ax, ay) * o(cx, cy, dx, dy, bx, by) <= 0) return true;
        }
      }
    }
  }
  return false;
}
