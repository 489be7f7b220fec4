// Hard constraints: attribute filters, overlap share with constraint polygons, distance limits.
// Each failure records the constraint's reason code on the parcel.
import { intersectionOrSnapped } from './clip.js';
import { type ParcelLayer, type PointLayer, type PolygonLayer, attrPredicate, testAttr } from './layers.js';
import type { AttrTest, Constraint } from './schema.js';
import { flatRingsIntersect, polygonsArea } from './planar.js';
import { type PolygonStore, parcelPolygons, pointInStore } from './store.js';

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
      const share = overlapShares(parcels.store, attrPass, layer, c.where, c.per);
      for (let p = 0; p < n; p++) {
        if (!attrPass[p]) continue;
        // An overlap that could not be measured never passes silently: the parcel fails with its
        // own reason code, so a planner sees which parcels to check by hand.
        if (Number.isNaN(share[p])) flag(p, unmeasuredCode(c.code));
        else if (share[p] > c.maxShare) flag(p, c.code);
      }
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

/** Reason code of a parcel whose overlap with constraint `code`'s layer could not be computed. */
export const unmeasuredCode = (code: string) => `${code}:UNMEASURED`;

/**
 * Share of each (selected) parcel's planar area inside the layer's polygons: summed over the
 * polygons it meets (per 'layer': SUM(ST_Area(ST_Intersection(p, c))) / ST_Area(p), capped at 1), or
 * the largest single polygon's share (per 'feature': MAX(…) / ST_Area(p)).
 * Cheap vertex/edge tests decide the clear cases; polygon-clipping handles the rest, retried on a
 * 1 mm grid when it throws. NaN where even the retry threw (a per-layer sum or a per-feature maximum
 * that includes an unmeasurable part is itself unmeasurable).
 */
export function overlapShares(s: PolygonStore, selected: Uint8Array, layer: PolygonLayer, where?: AttrTest, per: 'layer' | 'feature' = 'layer'): Float64Array {
  const share = new Float64Array(s.count);
  const cs = layer.store;
  const use = layer.props.map((pr) => !where || testAttr(pr[where.field], where));
  for (let c = 0; c < cs.count; c++) {
    if (!use[c]) continue;
    const cPoly = parcelPolygons(cs, c);
    // Parcels whose boxes meet this constraint polygon: search the parcels' own boxes.
    for (let p = 0; p < s.count; p++) {
      if (!selected[p] || s.maxX[p] < cs.minX[c] || s.minX[p] > cs.maxX[c] || s.maxY[p] < cs.minY[c] || s.minY[p] > cs.maxY[c]) continue;
      const f = intersectionShare(s, p, cs, c, cPoly);
      if (per === 'layer' || Number.isNaN(f)) share[p] += f;
      else if (f > share[p]) share[p] = f;
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
  // Touching counts as crossing here so borderline cases go to exact clipping.
  if (!flatRingsIntersect(s.xy, s.vStart, s.ringOf[p], s.ringOf[p + 1], cs.xy, cs.vStart, cs.ringOf[c], cs.ringOf[c + 1], 'closed')) {
    if (inside === total) return 1;
    if (inside === 0 && !pointInStore(s, p, cs.xy[cs.vStart[cs.ringOf[c]] * 2], cs.xy[cs.vStart[cs.ringOf[c]] * 2 + 1])) return 0;
  }
  const parts = intersectionOrSnapped(parcelPolygons(s, p), cPoly);
  return parts ? polygonsArea(parts) / s.area[p] : NaN;
}

