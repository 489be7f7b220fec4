import { describe, expect, it } from 'vitest';
import { buildStyle, CATEGORY_COLORS, GRADUATED_RAMP } from './attributeStyle.js';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { baseFillOpacity, colorExpression, fieldLabel, shippedLayer, styleLayers, type MapLayer } from './layers.js';
import type { ShippedLayerView } from '../../../../electron/api/map-methods.js';
import type { FieldSummary } from '../../../../electron/api/map-methods.js';

const layer = (style: MapLayer['style']): MapLayer => ({ id: 'import-x', kind: 'import', source: 'import:x', title: 'x', geometry: 'polygon', visible: true, opacity: 1, color: '#123456', style });

const text: FieldSummary = { name: '용도지역', type: 'string', values: Array.from({ length: 12 }, (_, i) => ({ value: `v${i}`, count: 20 - i })), distinct: 15, min: null, max: null, quantiles: null };
const area: FieldSummary = { name: '면적', type: 'number', values: [], distinct: 100, min: 0, max: 1000, quantiles: [100, 100, 400, 900] };

describe('style by attribute', () => {
  it('categories: 12 coloured values, the rest drawn grey and listed as 기타', () => {
    const st = buildStyle({ mode: 'categories', field: '용도지역' }, text);
    expect(st.categories?.map((c) => c.color)).toEqual(CATEGORY_COLORS);
    expect(st.other).toBe(true);
    expect(colorExpression(layer(st))).toEqual(['match', ['to-string', ['get', '용도지역']], ...text.values.flatMap((v, i) => [v.value, CATEGORY_COLORS[i]]), '#bdbdbd']);
    expect(buildStyle({ mode: 'categories', field: '용도지역' }, { ...text, distinct: 12 }).other).toBe(false);
  });

  it('graduated: equal interval gives 5 classes of equal width; equal quantiles collapse into one class', () => {
    const eq = buildStyle({ mode: 'graduated', field: '면적', method: 'equal' }, area);
    expect(eq.breaks?.map((b) => b.min)).toEqual([0, 200, 400, 600, 800]);
    expect(eq.breaks?.map((b) => b.color)).toEqual(GRADUATED_RAMP);
    const q = buildStyle({ mode: 'graduated', field: '면적', method: 'quantile' }, area);
    expect(q.breaks?.map((b) => b.min)).toEqual([0, 100, 400, 900]);
    expect(colorExpression(layer(q))).toEqual(['step', ['to-number', ['get', '면적'], -1], q.breaks![0].color, 100, q.breaks![1].color, 400, q.breaks![2].color, 900, q.breaks![3].color]);
    // A text field cannot be graduated: one colour.
    expect(buildStyle({ mode: 'graduated', field: '용도지역', method: 'equal' }, text)).toEqual({ mode: 'single' });
  });
});

/** The colour MapLibre paints for a feature with these properties (the style-spec evaluator MapLibre runs). */
function paint(l: MapLayer, properties: Record<string, unknown>): string {
  const e = expression.createExpression(colorExpression(l), { type: 'color' } as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return String(e.value.evaluate({ zoom: 14 }, { type: 1, properties } as never));
}

const view = (id: ShippedLayerView['id'], geometry: ShippedLayerView['geometry'], fields: ShippedLayerView['fields'], style?: ShippedLayerView['style']): ShippedLayerView => ({
  id, geometry, fields, style, available: true, features: 1, title: { ko: id, en: id }, scope: { ko: '', en: '' }, asOf: '2025', ageNote: { ko: '', en: '' }, source: { ko: '', en: '' }, attribution: 'a', license: 'KOGL-1',
});

describe('style by attribute on the shipped layers (the same code as imported layers)', () => {
  it('hospitals by 종류: each type painted its colour, other types grey; the field read in Korean', () => {
    const type: FieldSummary = { name: 'type', type: 'string', values: [{ value: '병원', count: 300 }, { value: '요양병원', count: 120 }, { value: '치과병원', count: 60 }], distinct: 6, min: null, max: null, quantiles: null };
    const l = shippedLayer(view('hospitals', 'Point', { name: { ko: '병원명', en: 'Name' }, type: { ko: '종류', en: 'Type' } }, buildStyle({ mode: 'categories', field: 'type' }, type)), 'ko');
    expect(paint(l, { type: '요양병원' })).toBe(CATEGORY_COLORS[1]);
    expect(paint(l, { type: '한방병원' })).toBe('#bdbdbd');
    expect(fieldLabel(l, 'type', 'ko')).toBe('종류');
    expect(fieldLabel(l, 'type', 'en')).toBe('Type');
    // The points are drawn with that expression.
    expect(styleLayers(l).find((s) => s.id.endsWith('::circle'))!.paint).toMatchObject({ 'circle-color': colorExpression(l) });
  });

  it('stations by line: a list field colours a station by the first coloured line it serves, never by a line whose name contains another', () => {
    const lines: FieldSummary = { name: 'lines', type: 'string', list: true, values: [{ value: '2호선', count: 50 }, { value: '5호선', count: 45 }, { value: '1호선', count: 10 }], distinct: 20, min: null, max: null, quantiles: null };
    const st = buildStyle({ mode: 'categories', field: 'lines' }, lines);
    expect(st).toMatchObject({ list: true, other: true });
    const l = shippedLayer(view('stations', 'Point', { lines: { ko: '노선', en: 'Lines' } }, st), 'ko');
    expect(paint(l, { lines: ['5호선'] })).toBe(CATEGORY_COLORS[1]);
    expect(paint(l, { lines: ['1호선', '2호선'] })).toBe(CATEGORY_COLORS[0]); // transfer: 2호선 is listed first
    expect(paint(l, { lines: ['공항철도1호선'] })).toBe('#bdbdbd');
    // A source that hands the list over as its JSON text paints the same.
    expect(paint(l, { lines: '["1호선"]' })).toBe(CATEGORY_COLORS[2]);
  });

  it('parks by area_m2 graduated; 자치구 boundaries by a field fill at 45 % instead of the 4 % outline wash', () => {
    const area: FieldSummary = { name: 'area_m2', type: 'number', values: [], distinct: 128, min: 1000, max: 11000, quantiles: null };
    const parks = shippedLayer(view('parks', 'Point', {}, buildStyle({ mode: 'graduated', field: 'area_m2', method: 'equal' }, area)), 'ko');
    expect(paint(parks, { area_m2: 1500 })).toBe(GRADUATED_RAMP[0]);
    expect(paint(parks, { area_m2: 10_999 })).toBe(GRADUATED_RAMP[4]);
    const plain = shippedLayer(view('gu', 'Polygon', {}), 'ko');
    expect(baseFillOpacity(plain)).toBe(0.04);
    const name: FieldSummary = { name: 'name', type: 'string', values: [{ value: '강남구', count: 1 }], distinct: 25, min: null, max: null, quantiles: null };
    const gu = shippedLayer(view('gu', 'Polygon', {}, buildStyle({ mode: 'categories', field: 'name' }, name)), 'ko');
    expect(baseFillOpacity(gu)).toBe(0.45);
    expect(styleLayers(gu).find((s) => s.id.endsWith('::fill'))!.paint).toMatchObject({ 'fill-color': colorExpression(gu), 'fill-opacity': 0.45 });
    expect(paint(gu, { name: '강남구' })).toBe(CATEGORY_COLORS[0]);
  });
});
