// Site-level measures from a merged site outline (working CRS, metres) to a point layer — what a
// planner means by "how far is this site from the nearest station": from the outline, 0 when the
// point is inside or on it (PostGIS: ST_Distance(site, point), KNN ordered by geom <-> site).
import type { Position } from 'geojson';
import type { PointLayer } from './layers.js';
import { pointPolygonDistance } from './planar.js';

function bbox(outline: Position[][][]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const poly of outline) for (const p of poly[0]) {
    if (p[0] < x0) x0 = p[0]; if (p[0] > x1) x1 = p[0]; if (p[1] < y0) y0 = p[1]; if (p[1] > y1) y1 = p[1];
  }
  return [x0, y0, x1, y1];
}

/**
 * Distance from the outline to the nearest point of the layer. Searches the layer's index in a
 * box around the outline grown until it holds a point; any point outside box+r is farther than r
 * from the outline (which lies inside the box), so the nearest found within r is the nearest.
 */
export function siteNearestDistance(outline: Position[][][], layer: PointLayer): number {
  const [x0, y0, x1, y1] = bbox(outline);
  if (!layer.x.length) return Infinity;
  let r = 250;
  for (;;) {
    let best = Infinity;
    for (const i of layer.index.search(x0 - r, y0 - r, x1 + r, y1 + r)) {
      const d = pointPolygonDistance(layer.x[i], layer.y[i], outline);
      if (d < best) best = d;
    }
    if (best <= r) return best;
    // None within r (or only farther ones in the box corners): widen to what we found, or double.
    r = Number.isFinite(best) ? best : r * 2;
    if (r > 1e7) return best;
  }
}

/** Number of the layer's points within `radius` of the outline (inside counts as 0 m). */
export function siteCountWithin(outline: Position[][][], layer: PointLayer, radius: number): number {
  const [x0, y0, x1, y1] = bbox(outline);
  let n = 0;
  for (const i of layer.index.search(x0 - radius, y0 - radius, x1 + radius, y1 + radius)) {
    if (pointPolygonDistance(layer.x[i], layer.y[i], outline) <= radius) n++;
  }
  return n;
}
