// A map drawn straight into a PDF page as vectors (pdf-lib paths, the shipped font for labels):
// no browser, no raster, no system fonts. Used by the site-study report and reusable by any
// report that shows a place and its surroundings (e.g. a listing's 입지 안내 section):
//
//   writer.ensureSpace(h); drawMap(writer, { top: writer.cursor, height: h, bbox, layers, attributions }); writer.space(h);
//
// Geometry is WGS84 (GeoJSON); the map is drawn in EPSG:5186 metres, so distances and the scale
// bar are true. Everything outside the frame is clipped.
import { clip, endPath, popGraphicsState, pushGraphicsState, rectangle, rgb, type RGB } from 'pdf-lib';
import type { Geometry, Position } from 'geojson';
import { transformer } from '../../../geo/core/crs.js';
import { A4, COLORS, type ReportWriter } from './layout.js';

export interface MapStyle {
  stroke?: RGB;
  fill?: RGB;
  /** Line width in points. */
  width?: number;
  opacity?: number;
  /** Point marker radius in points (points only). */
  radius?: number;
  dash?: number[];
}

export interface MapLayer {
  geometries: Geometry[];
  style: MapStyle;
  /** Text drawn beside points or at a polygon's first vertex (short: names, numbers). */
  labels?: { at: Position; text: string }[];
}

export interface MapOptions {
  /** Left edge (default: the writer's left margin) and top (distance from the page top), points. */
  x?: number;
  top: number;
  width?: number;
  height: number;
  /** [minLon, minLat, maxLon, maxLat] to fit (kept square in metres, padded). */
  bbox: [number, number, number, number];
  layers: MapLayer[];
  /** Source lines printed in the map's bottom-left corner (e.g. data/layers attributionsFor()). */
  attributions: string[];
  /** Adds a north arrow and a scale bar (default true). */
  furniture?: boolean;
}

const toTm = transformer(4326, 5186);

/** Draws the map; returns the frame's box in points. */
export function drawMap(writer: ReportWriter, o: MapOptions): { x: number; top: number; width: number; height: number } {
  const page = writer.page;
  const x = o.x ?? writer.left;
  const width = o.width ?? writer.contentWidth;
  const { top, height } = o;
  // Metres → points: fit the bbox (projected) into the frame with a 6 % margin, same scale on both axes.
  const [a, b] = [toTm(o.bbox[0], o.bbox[1]), toTm(o.bbox[2], o.bbox[3])];
  const mw = Math.max(1, b[0] - a[0]), mh = Math.max(1, b[1] - a[1]);
  const scale = Math.min(width / mw, height / mh) * 0.94; // points per metre
  const cx = (a[0] + b[0]) / 2, cy = (a[1] + b[1]) / 2;
  /** Position in the frame, y measured downward from the frame's top (SVG-style). */
  const px = (lon: number, lat: number): [number, number] => {
    const [mx, my] = toTm(lon, lat);
    return [width / 2 + (mx - cx) * scale, height / 2 - (my - cy) * scale];
  };
  const yPdf = A4.height - top; // pdf-lib's y of the frame's top edge

  page.drawRectangle({ x, y: yPdf - height, width, height, color: rgb(0.985, 0.985, 0.975), borderColor: COLORS.rule, borderWidth: 0.8 });
  page.pushOperators(pushGraphicsState(), rectangle(x, yPdf - height, width, height), clip(), endPath());
  const f = (v: number) => v.toFixed(2);
  const ringPath = (r: Position[]) => r.map(([lon, lat], i) => { const [u, v] = px(lon, lat); return `${i ? 'L' : 'M'}${f(u)} ${f(v)}`; }).join(' ') + ' Z';
  const linePath = (l: Position[]) => l.map(([lon, lat], i) => { const [u, v] = px(lon, lat); return `${i ? 'L' : 'M'}${f(u)} ${f(v)}`; }).join(' ');
  for (const layer of o.layers) {
    const s = layer.style;
    const opts = { x, y: yPdf, borderColor: s.stroke, borderWidth: s.stroke ? s.width ?? 0.8 : 0, color: s.fill, opacity: s.opacity ?? 1, borderOpacity: s.opacity ?? 1, borderDashArray: s.dash };
    for (const g of layer.geometries) {
      switch (g.type) {
        case 'Polygon':
          page.drawSvgPath(g.coordinates.map(ringPath).join(' '), opts);
          break;
        case 'MultiPolygon':
          page.drawSvgPath(g.coordinates.flatMap((p) => p.map(ringPath)).join(' '), opts);
          break;
        case 'LineString':
          page.drawSvgPath(linePath(g.coordinates), { ...opts, color: undefined });
          break;
        case 'MultiLineString':
          for (const l of g.coordinates) page.drawSvgPath(linePath(l), { ...opts, color: undefined });
          break;
        case 'Point': {
          const [u, v] = px(g.coordinates[0], g.coordinates[1]);
          page.drawCircle({ x: x + u, y: yPdf - v, size: s.radius ?? 2.5, color: s.fill ?? s.stroke, borderColor: s.stroke ? COLORS.white : undefined, borderWidth: s.stroke ? 0.6 : 0, opacity: s.opacity ?? 1 });
          break;
        }
        default:
      }
    }
    for (const l of layer.labels ?? []) {
      const [u, v] = px(l.at[0], l.at[1]);
      if (u < 0 || v < 0 || u > width || v > height) continue;
      writer.drawLine(l.text, x + u + 4, top + v - 6, { size: 6.5, color: COLORS.text, leading: 1.2 }, page);
    }
  }
  page.pushOperators(popGraphicsState());

  if (o.furniture ?? true) {
    // Scale bar: a round number of metres near a fifth of the frame.
    const target = width / 5 / scale;
    const pow = 10 ** Math.floor(Math.log10(target));
    const metres = [1, 2, 5, 10].map((k) => k * pow).filter((m) => m <= target).pop() ?? pow;
    const len = metres * scale;
    const bx = x + width - len - 10, by = yPdf - height + 10;
    page.drawRectangle({ x: bx - 3, y: by - 3, width: len + 6, height: 17, color: COLORS.white, opacity: 0.8 });
    page.drawLine({ start: { x: bx, y: by }, end: { x: bx + len, y: by }, thickness: 1.5, color: COLORS.text });
    writer.drawLine(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, bx, A4.height - by - 14, { size: 6.5, color: COLORS.text, leading: 1.2 }, page);
    // North arrow (EPSG:5186 grid north is within 0.1° of true north over Seoul).
    const nx = x + width - 14, ny = yPdf - 10;
    page.drawSvgPath('M0 0 L4 10 L0 8 L-4 10 Z', { x: nx, y: ny, color: COLORS.text });
    writer.drawLine('N', nx - 2.5, A4.height - ny + 10, { size: 6.5, bold: true, leading: 1.2 }, page);
  }
  // Attributions, bottom-left, on a white band so they stay legible over the map.
  const lines = o.attributions.map((t) => writer.clean(t));
  lines.forEach((t, i) => {
    const tt = top + height - (lines.length - i) * 8.5 - 2;
    page.drawRectangle({ x: x + 2, y: A4.height - tt - 8.2, width: writer.measure(t, { size: 6 }) + 4, height: 8.2, color: COLORS.white, opacity: 0.85 });
    writer.drawLine(t, x + 4, tt, { size: 6, color: COLORS.muted, leading: 1.3 }, page);
  });
  return { x, top, width, height };
}

/** A bbox around geometries, padded by `metres` (for "the site and its surroundings"). */
export function bboxAround(geoms: Geometry[], metres: number): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const visit = (p: Position) => { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); };
  for (const g of geoms) {
    if (g.type === 'Point') visit(g.coordinates);
    else if (g.type === 'Polygon' || g.type === 'MultiLineString') g.coordinates.flat().forEach(visit);
    else if (g.type === 'MultiPolygon') g.coordinates.flat(2).forEach(visit);
    else if (g.type === 'LineString' || g.type === 'MultiPoint') g.coordinates.forEach(visit);
  }
  const dLat = metres / 111_000, dLon = metres / (111_000 * Math.cos(((y0 + y1) / 2) * (Math.PI / 180)));
  return [x0 - dLon, y0 - dLat, x1 + dLon, y1 + dLat];
}

/** Whether a geometry's bounding box meets a bbox (to pick the surroundings worth drawing). */
export function touchesBbox(g: Geometry, b: [number, number, number, number]): boolean {
  const [x0, y0, x1, y1] = bboxAround([g], 0);
  return x0 <= b[2] && x1 >= b[0] && y0 <= b[3] && y1 >= b[1];
}
