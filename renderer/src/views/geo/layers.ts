// The map's layer list (top first) and how each kind is drawn. Shipped layers come as small
// GeoJSON; imported files, study parcels and sites come as vector tiles from the backend.
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { AttributeStyle, ShippedLayerView } from '../../../../electron/api/map-methods.js';
import { tileUrl } from '../../api/tiles.js';
import { LABEL_FONT } from './mapStyle.js';

export type LayerKind = 'shipped' | 'import' | 'run' | 'sites';
export type Geometry = 'polygon' | 'point' | 'line';

/**
 * Style by attribute (categories: value → colour, `other` when more values exist, drawn grey as
 * 기타; graduated: ascending breaks with a colour each, `method` and the field's `max`). The same
 * shape for imported and shipped layers; saved with the layer (map.layers.setStyle).
 */
export type { AttributeStyle };

export interface MapLayer {
  id: string;
  kind: LayerKind;
  /** Tile layer key (run:<study>, sites:<study>, import:<id>) or the shipped layer id. */
  source: string;
  title: string;
  geometry: Geometry;
  visible: boolean;
  opacity: number;
  color: string;
  labelField?: string;
  attribution?: string;
  style?: AttributeStyle;
  /** Shipped layers: field labels (ko/en) for feature info, and what the layer covers. */
  fields?: Record<string, { ko: string; en: string }>;
  scope?: string;
  /** Imported layers: the file's attribute fields (for styling by attribute). */
  attributeFields?: string[];
  /** Study parcels: the failing-constraint codes, each with its own colour. */
  resultCodes?: string[];
}

export const FAIL_COLORS = ['#9ca3af', '#60a5fa', '#a78bfa', '#f472b6', '#34d399', '#94a3b8', '#c4b5fd', '#7dd3fc'];
export const SCORE_BREAKS = [0, 0.2, 0.4, 0.6, 0.8];

export const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b2df8a', '#fb9a99'];
export const SCORE_RAMP = ['#fff5d6', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'];

const SHIPPED_COLOR: Record<string, string> = { gu: '#4a5565', dong: '#8a93a3', subwayLines: '#3b82f6', stations: '#1d4ed8', hospitals: '#c2410c', parks: '#15803d' };
const GEOMETRY: Record<string, Geometry> = { Polygon: 'polygon', Point: 'point', LineString: 'line' };

export function shippedLayer(v: ShippedLayerView, lang: 'ko' | 'en'): MapLayer {
  return {
    id: `shipped:${v.id}`,
    kind: 'shipped',
    source: v.id,
    title: v.title[lang],
    geometry: GEOMETRY[v.geometry] ?? 'point',
    visible: v.id !== 'dong' && v.id !== 'parks',
    opacity: 1,
    color: SHIPPED_COLOR[v.id] ?? '#555',
    labelField: v.id === 'subwayLines' ? undefined : 'name',
    attribution: `${v.attribution} (${v.asOf})`,
    fields: v.fields,
    scope: v.scope[lang],
    style: v.style,
  };
}

/** Whether the layer is drawn by attribute (categories or graduated colours) rather than one colour. */
export const styled = (l: MapLayer) => !!l.style?.field && l.style.mode !== 'single';

/** A field's name as the planner reads it: a shipped layer's Korean (or English) label, else the file's own name. */
export function fieldLabel(l: MapLayer, name: string, lang: 'ko' | 'en'): string {
  return l.fields?.[name]?.[lang] ?? name;
}

/** Fill opacity before the layer's own opacity: shipped boundaries are near-transparent unless styled by attribute. */
export const baseFillOpacity = (l: MapLayer) => (l.kind === 'run' ? 0.75 : l.kind === 'shipped' && !styled(l) ? 0.04 : 0.45);

/** Colour expression for a layer's attribute style (single colour otherwise). */
export function colorExpression(l: MapLayer): ExpressionSpecification | string {
  if (l.kind === 'run') {
    const codes = l.resultCodes ?? [];
    const fail = codes.length ? ['match', ['get', 'reason'], ...codes.flatMap((c, i) => [c, FAIL_COLORS[i % FAIL_COLORS.length]]), '#d1d5db'] : '#d1d5db';
    const score = ['step', ['get', 'score'], SCORE_RAMP[0], ...SCORE_BREAKS.slice(1).flatMap((b, i) => [b, SCORE_RAMP[i + 1]])];
    return ['case', ['==', ['get', 'pass'], 0], fail, score] as unknown as ExpressionSpecification;
  }
  const st = l.style;
  if (!st || st.mode === 'single' || !st.field) return l.color;
  if (st.mode === 'categories' && st.categories?.length && st.list) {
    // A list field (a station's lines): the first coloured category the feature holds. The list
    // is matched as JSON text (`"2호선"` with its quotes), whether the source keeps it as an
    // array or as its JSON string, so '1호선' never matches '공항철도1호선'.
    const text = ['to-string', ['get', st.field]];
    return ['case', ...st.categories.flatMap((c) => [['in', JSON.stringify(c.value), text], c.color]), '#bdbdbd'] as unknown as ExpressionSpecification;
  }
  if (st.mode === 'categories' && st.categories?.length) {
    return ['match', ['to-string', ['get', st.field]], ...st.categories.flatMap((c) => [c.value, c.color]), '#bdbdbd'] as unknown as ExpressionSpecification;
  }
  if (st.mode === 'graduated' && st.breaks?.length) {
    return ['step', ['to-number', ['get', st.field], -1], st.breaks[0].color, ...st.breaks.slice(1).flatMap((b) => [b.min, b.color])] as unknown as ExpressionSpecification;
  }
  return l.color;
}

/** The style layers drawing one map layer (ids prefixed with the layer's id). */
export function styleLayers(l: MapLayer): LayerSpecification[] {
  const src = l.id;
  const vector = l.kind !== 'shipped';
  const sl = vector ? { 'source-layer': 'features' } : {};
  const label = (minzoom: number, size = 12): LayerSpecification[] =>
    l.labelField
      ? [{
          id: `${l.id}::label`, type: 'symbol', source: src, ...sl, minzoom,
          layout: { 'text-field': ['to-string', ['get', l.labelField]], 'text-font': [LABEL_FONT], 'text-size': size, 'text-padding': 2, 'text-max-width': 8, ...(l.geometry === 'point' ? { 'text-offset': [0, 0.9], 'text-anchor': 'top' } : {}) },
          paint: { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
        } as LayerSpecification]
      : [];
  const color = colorExpression(l);
  if (l.kind === 'run') {
    return [
      // Parcel outlines from z14 as the fill's own antialiased hairline, not a line layer: a line
      // layer tessellates every parcel ring again, and at 1,000,000 parcels that made one pan in
      // twenty take over 1.5 s to settle (bench/map-pan.ts).
      { id: `${l.id}::fill`, type: 'fill', source: src, ...sl, paint: { 'fill-color': color, 'fill-opacity': 0.75, 'fill-outline-color': ['step', ['zoom'], color, 14, '#ffffff'] } } as LayerSpecification,
      { id: `${l.id}::hl`, type: 'line', source: src, ...sl, filter: ['==', ['get', 'site'], -999], paint: { 'line-color': '#111827', 'line-width': 2 } } as LayerSpecification,
    ];
  }
  if (l.kind === 'sites') {
    return [
      { id: `${l.id}::line`, type: 'line', source: src, ...sl, paint: { 'line-color': '#111827', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 2] } } as LayerSpecification,
      { id: `${l.id}::label`, type: 'symbol', source: src, ...sl, filter: ['>', ['get', 'rank'], 0],
        layout: { 'text-field': ['concat', ['to-string', ['get', 'rank']]], 'text-font': [LABEL_FONT], 'text-size': 14, 'text-allow-overlap': true },
        paint: { 'text-color': '#111827', 'text-halo-color': '#fde68a', 'text-halo-width': 3 } } as LayerSpecification,
    ];
  }
  if (l.geometry === 'polygon') {
    const width = l.source === 'gu' ? 1.6 : 0.8;
    return [
      { id: `${l.id}::fill`, type: 'fill', source: src, ...sl, paint: { 'fill-color': color, 'fill-opacity': baseFillOpacity(l) } } as LayerSpecification,
      { id: `${l.id}::line`, type: 'line', source: src, ...sl, paint: { 'line-color': l.kind === 'shipped' ? l.color : '#374151', 'line-width': width } } as LayerSpecification,
      { id: `${l.id}::sel`, type: 'line', source: src, ...sl, paint: { 'line-color': '#f59e0b', 'line-width': 3, 'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0] } } as LayerSpecification,
      ...label(l.source === 'gu' ? 9 : 12.5, l.source === 'gu' ? 14 : 11),
    ];
  }
  if (l.geometry === 'line') {
    return [{ id: `${l.id}::line`, type: 'line', source: src, ...sl, paint: { 'line-color': lineColor(l), 'line-width': 2 } } as LayerSpecification];
  }
  return [
    { id: `${l.id}::circle`, type: 'circle', source: src, ...sl, paint: { 'circle-color': color, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 6], 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } } as LayerSpecification,
    { id: `${l.id}::sel`, type: 'circle', source: src, ...sl, paint: { 'circle-color': '#f59e0b', 'circle-radius': 9, 'circle-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0] } } as LayerSpecification,
    ...label(l.source === 'stations' ? 12 : 14, 11),
  ];
}

/** Subway lines draw in each line's own colour unless styled by attribute. */
function lineColor(l: MapLayer): ExpressionSpecification | string {
  return l.source === 'subwayLines' && !styled(l) ? (['coalesce', ['get', 'colour'], l.color] as unknown as ExpressionSpecification) : colorExpression(l);
}

const OPACITY_PROP: Record<string, string> = { fill: 'fill-opacity', line: 'line-opacity', circle: 'circle-opacity', symbol: 'text-opacity' };

/**
 * Makes the map show `layers` (top first): adds missing sources and style layers, removes
 * dropped ones, applies visibility, opacity and colour, and restacks them.
 */
export function syncLayers(map: MlMap, layers: MapLayer[], shippedData: Record<string, unknown>) {
  const want = new Set(layers.map((l) => l.id));
  for (const s of map.getStyle().layers) {
    const owner = s.id.split('::')[0];
    if (s.id.includes('::') && !want.has(owner)) map.removeLayer(s.id);
  }
  for (const id of Object.keys(map.getStyle().sources)) if (id !== 'basemap' && !want.has(id)) map.removeSource(id);
  for (const l of [...layers].reverse()) {
    if (!map.getSource(l.id)) {
      if (l.kind === 'shipped') {
        const data = shippedData[l.source];
        if (!data) continue;
        map.addSource(l.id, { type: 'geojson', data: data as GeoJSONSourceSpecification['data'], attribution: l.attribution, generateId: true });
      } else {
        // Study parcels come from z13 on (the backend cuts them from z13 buckets); sites and imports from z0.
        map.addSource(l.id, { type: 'vector', tiles: [tileUrl(l.source)], minzoom: l.kind === 'run' ? 13 : 0, maxzoom: 16, attribution: l.attribution });
      }
    }
    for (const spec of styleLayers(l)) {
      if (!map.getLayer(spec.id)) map.addLayer(spec);
      else map.moveLayer(spec.id);
      map.setLayoutProperty(spec.id, 'visibility', l.visible ? 'visible' : 'none');
      const kind = spec.type;
      const prop = OPACITY_PROP[kind];
      if (prop && kind !== 'symbol' && !spec.id.endsWith('::sel') && !spec.id.endsWith('::hl')) {
        const base = kind === 'fill' ? baseFillOpacity(l) : 1;
        map.setPaintProperty(spec.id, prop as 'fill-opacity', base * l.opacity);
      }
      if (spec.id.endsWith('::fill')) map.setPaintProperty(spec.id, 'fill-color', colorExpression(l));
      if (spec.id.endsWith('::line') && l.geometry === 'line') map.setPaintProperty(spec.id, 'line-color', lineColor(l));
      if (spec.id.endsWith('::circle')) map.setPaintProperty(spec.id, 'circle-color', colorExpression(l));
    }
  }
}
