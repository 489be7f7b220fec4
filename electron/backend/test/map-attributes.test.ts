// map.layers.fields / map.layers.features: an imported layer's field summaries and its attribute
// table, paged, sorted and filtered in the backend from the stored GeoJSON.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signedIn, type Harness } from './harness.js';
import type { MapLayerView } from '../../api/map-methods.js';

let h: Harness;
afterEach(async () => h?.backend.close());

const GU = ['강남구', '서초구', '송파구', '마포구'];

/** 30 points with Korean field names: 용도 (4 values, some empty), 면적 (numbers), 이름. */
function layerFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-attr-'));
  const features = Array.from({ length: 30 }, (_, i) => ({
    type: 'Feature',
    properties: { 이름: `필지${String(i).padStart(2, '0')}`, 용도: i % 7 === 6 ? null : GU[i % 4], 면적: (i * 37) % 30 * 10 + 5 },
    geometry: { type: 'Point', coordinates: [127 + i * 0.001, 37.5] },
  }));
  const file = path.join(dir, '필지.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

async function importLayer(): Promise<MapLayerView> {
  const [file] = await h.backend.files.grant([layerFile()]);
  const { jobId } = await h.api('map.layers.add', { file, name: '필지' });
  for (;;) {
    const j = await h.api('jobs.status', { jobId });
    if (j.state === 'done') return j.result as MapLayerView;
    if (j.state !== 'running') throw new Error(j.error?.message.en);
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('an imported layer’s attributes through the API', () => {
  it('summarises fields: distinct values up to the limit, numeric min/max and quantiles', async () => {
    h = await signedIn();
    const v = await importLayer();
    const fields = await h.api('map.layers.fields', { id: v.id });
    const by = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(Object.keys(by)).toEqual(['이름', '용도', '면적']);
    const count = (g: string) => Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 7 !== 6 && GU[i % 4] === g).length;
    const expected = GU.map((value) => ({ value, count: count(value) })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'ko'));
    expect(by['용도']).toMatchObject({ type: 'string', values: expected, distinct: 4, min: null });
    expect(by['면적'].type).toBe('number');
    const areas = Array.from({ length: 30 }, (_, i) => (i * 37) % 30 * 10 + 5);
    expect(by['면적'].min).toBe(Math.min(...areas));
    expect(by['면적'].max).toBe(Math.max(...areas));
    expect(by['면적'].quantiles).toHaveLength(4);
    // 30 distinct names: only the first 12 (all once, so by name) come back; the rest is 기타.
    expect(by['이름'].distinct).toBe(30);
    expect(by['이름'].values.map((x) => x.value)).toEqual(Array.from({ length: 12 }, (_, i) => `필지${String(i).padStart(2, '0')}`));
    expect((await h.api('map.layers.fields', { id: v.id, maxValues: 40 })).find((f) => f.name === '이름')!.values).toHaveLength(30);
  });

  it('pages, sorts (numbers numerically, empty last, both directions) and filters rows; the index is the tile feature id', async () => {
    h = await signedIn();
    const v = await importLayer();
    const p1 = await h.api('map.layers.features', { id: v.id, offset: 0, limit: 10 });
    expect(p1).toMatchObject({ total: 30, matched: 30 });
    expect(p1.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p1.rows[3].properties['이름']).toBe('필지03');
    expect(p1.rows[3].bbox).toEqual([127.003, 37.5, 127.003, 37.5]);
    const p3 = await h.api('map.layers.features', { id: v.id, offset: 25, limit: 10 });
    expect(p3.rows.map((r) => r.index)).toEqual([25, 26, 27, 28, 29]);

    const asc = await h.api('map.layers.features', { id: v.id, offset: 0, limit: 30, sort: { field: '면적' } });
    const a = asc.rows.map((r) => r.properties['면적'] as number);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(a[0]).toBe(5);
    const desc = await h.api('map.layers.features', { id: v.id, offset: 0, limit: 30, sort: { field: '용도', desc: true } });
    const d = desc.rows.map((r) => r.properties['용도']);
    expect(d.slice(-4)).toEqual([null, null, null, null]);
    const named = d.slice(0, -4) as string[];
    expect(named).toEqual([...named].sort((x, y) => y.localeCompare(x, 'ko')));

    const f = await h.api('map.layers.features', { id: v.id, offset: 0, limit: 5, filter: '송파', sort: { field: '이름' } });
    const songpa = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 4 === 2 && i % 7 !== 6);
    expect(f.matched).toBe(songpa.length);
    expect(f.rows.map((r) => r.index)).toEqual(songpa.slice(0, 5));
    expect(f.rows.every((r) => r.properties['용도'] === '송파구')).toBe(true);

    // A feature picked on the map: the page holding it, wherever the sort puts it.
    const pos = asc.rows.findIndex((r) => r.index === 17);
    const focused = await h.api('map.layers.features', { id: v.id, offset: 0, limit: 10, sort: { field: '면적' }, focus: 17 });
    expect(focused.offset).toBe(Math.floor(pos / 10) * 10);
    expect(focused.rows.map((r) => r.index)).toContain(17);
  });

  it('answers NOT_FOUND for a layer that does not exist and VALIDATION for a bad page', async () => {
    h = await signedIn();
    const missing = await h.raw('map.layers.features', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const bad = await h.raw('map.layers.features', { id: '00000000-0000-4000-8000-000000000000', limit: 0 });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
  });
});
