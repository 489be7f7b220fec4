import { describe, expect, it } from 'vitest';
import { buildStyle, CATEGORY_COLORS, GRADUATED_RAMP } from './attributeStyle.js';
import { colorExpression, type MapLayer } from './layers.js';
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
