// polygon-clipping with a retry on a 1 mm grid. The library throws on some near-degenerate inputs
// (its issues #95, #153: "Infinite loop …", "Unable to pop() SweepEvent …") and past its
// 1,000,000-event cap; rounding coordinates to 1 mm (the working CRS is EPSG:5186, metres) clears
// most precision failures while moving no point by more than 0.7 mm.
import type { Position } from 'geojson';
import polygonClipping from 'polygon-clipping';

/** The grid, in metres, that retries snap to (and that edge matching keys on). */
export const SNAP_GRID = 1e-3;

/** Polygons rounded to the grid; repeated vertices and rings left with under 3 corners dropped. */
export function snapPolygons(polys: Position[][][]): Position[][][] {
  const k = 1 / SNAP_GRID;
  return polys.map((poly) => poly.map((ring) => {
    const out: Position[] = [];
    for (const [x, y] of ring) {
      const px = Math.round(x * k) / k, py = Math.round(y * k) / k, last = out[out.length - 1];
      if (!last || last[0] !== px || last[1] !== py) out.push([px, py]);
    }
    return out;
  }).filter((ring) => ring.length >= 4)).filter((poly) => poly.length > 0);
}

/**
 * Intersection of two (multi)polygons: as given, else snapped to the grid; undefined when both
 * throw, so the caller decides what an unmeasurable overlap means.
 */
export function intersectionOrSnapped(a: Position[][][], b: Position[][][]): Position[][][] | undefined {
  try {
    return polygonClipping.intersection(a as never, b as never) as Position[][][];
  } catch {
    // retried below
  }
  try {
    return polygonClipping.intersection(snapPolygons(a) as never, snapPolygons(b) as never) as Position[][][];
  } catch {
    return undefined;
  }
}
