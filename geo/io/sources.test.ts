import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformer } from '../core/crs.js';
import { DbfWriter } from './dbf.js';
import { ShpWriter } from './shp.js';
import { runStudy } from './run.js';

// Two 100 m lots side by side (EPSG:5186, near Seoul City Hall) and one 300 m east, all public.
function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'geo-src-'));
  const shp = new ShpWriter(join(dir, 'parcels'), 5);
  const dbf = new DbfWriter(join(dir, 'parcels.dbf'), [{ name: 'PNU', type: 'C', length: 19 }, { name: 'JIBUN', type: 'C', length: 12 }, { name: '토지면적', type: 'N', length: 10, decimals: 1 }], 'CP949');
  const sq = (x: number, y: number): [number, number][] => [[x, y], [x, y + 100], [x + 100, y + 100], [x + 100, y], [x, y]];
  [[198000, 551800], [198100, 551800], [198400, 551800]].forEach(([x, y], i) => {
    shp.write([sq(x, y)]);
    dbf.write([`11140101001000${i + 1}0000`, `${i + 1}대`, 10000]);
  });
  shp.close();
  dbf.close();
  // District polygons (WGS84 GeoJSON): west half share 0.4, east half share 0.2, split at x = 198250.
  const toWgs = transformer(5186, 4326);
  const box = (x0: number, x1: number) => [[[x0, 551000], [x1, 551000], [x1, 552500], [x0, 552500], [x0, 551000]].map(([x, y]) => toWgs(x, y))];
  writeFileSync(join(dir, 'gu.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { share: 0.4 }, geometry: { type: 'Polygon', coordinates: box(197000, 198250) } },
    { type: 'Feature', properties: { share: 0.2 }, geometry: { type: 'Polygon', coordinates: box(198250, 199500) } },
  ] }));
  // Facilities as an X/Y CSV in EPSG:5186: two within 200 m of the first lot's centre (198050, 551850).
  writeFileSync(join(dir, 'soc.csv'), 'name,X,Y\n가,198050,551950\n나,198150,551850\n다,199500,551850\n');
  return dir;
}

describe('criterion sources on a hand-made fabric', () => {
  it('district values, counts within a radius and the 지목 derived from JIBUN, area-weighted into sites', async () => {
    const dir = fixture();
    const run = await runStudy({
      layers: { parcels: { path: 'parcels.shp' }, gu: { path: 'gu.geojson' }, soc: { path: 'soc.csv', crs: 'EPSG:5186' } },
      constraints: [{ type: 'attribute', code: 'LAND_USE', field: '지목', notIn: ['도'] }],
      criteria: [
        { id: 'single', source: { type: 'district', layer: 'gu', field: 'share' }, transform: { type: 'linear', min: 0, max: 0.5 } },
        { id: 'soc', source: { type: 'countWithin', layer: 'soc', radius: 200 }, transform: { type: 'linear', min: 0, max: 2 } },
      ],
      assembly: { minArea: 0, areaSource: 'ledger' },
      sensitivity: { draws: 0 },
    }, { baseDir: dir });
    expect(run.summary.parcels.passed).toBe(3);
    expect(run.sites).toHaveLength(2);
    const pair = run.sites.find((s) => s.parcels.length === 2)!;
    const lone = run.sites.find((s) => s.parcels.length === 1)!;
    expect(pair.area).toBe(20000);
    // Lots centred at x 198050 and 198150: both in the 0.4 district.
    expect(pair.criteria.single.raw).toBeCloseTo(0.4, 9);
    expect(pair.criteria.single.score).toBeCloseTo(0.8, 9);
    expect(lone.criteria.single.raw).toBeCloseTo(0.2, 9);
    // Within 200 m: lot 1 (198050,551850) sees 가 (100 m) and 나 (100 m); lot 2 (198150,551850) sees 가 (141 m) and 나 (0 m).
    expect(pair.criteria.soc.raw).toBeCloseTo(2, 9);
    expect(lone.criteria.soc.raw).toBeCloseTo(0, 9); // 나 is 300 m from (198450, 551850)
    expect(run.summary.top[0].site).toBe(pair.id);
  });
});
