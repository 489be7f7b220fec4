// The shipped Seoul layers match their metadata (counts, geometry, WGS84 over Seoul) and the
// station grouping keeps transfer stations as one point.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readSeoulLayer } from './files.js';
import { SEOUL_LAYERS, attributionsFor, seoulLayer } from './index.js';

const read = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8')) as FeatureCollection;

it('finds the shipped layers from the backend', () => expect(readSeoulLayer('hospitals').features).toHaveLength(544));

describe('shipped Seoul layers', () => {
  for (const info of SEOUL_LAYERS) {
    it(`${info.file}: ${info.features} ${info.geometry} features in WGS84 over Seoul, with scope, age and attribution`, () => {
      const fc = read(info.file);
      expect(fc.features.length).toBe(info.features);
      for (const f of fc.features) {
        expect(f.geometry.type.replace('Multi', '')).toBe(info.geometry);
        const c = JSON.stringify(f.geometry.type === 'Point' ? f.geometry.coordinates : (f.geometry as { coordinates: unknown }).coordinates).match(/-?\d+\.?\d*/g)!.map(Number);
        // Seoul; the OSM lines run on into the capital region.
        const [x0, x1, y0, y1] = info.id === 'subwayLines' ? [126.3, 127.8, 37.0, 38.2] : [126.7, 127.3, 37.4, 37.75];
        for (let i = 0; i < c.length; i += 2) {
          expect(c[i]).toBeGreaterThan(x0);
          expect(c[i]).toBeLessThan(x1);
          expect(c[i + 1]).toBeGreaterThan(y0);
          expect(c[i + 1]).toBeLessThan(y1);
        }
      }
      expect(info.scope.ko && info.scope.en && info.attribution && info.asOf).toBeTruthy();
    });
  }
  it('groups the 525 station-line rows into stations: transfers are one point with their lines', () => {
    const st = read('stations.geojson').features.map((f) => f.properties!);
    expect(st.reduce((s, p) => s + p.rows, 0)).toBe(525);
    const seoul = st.filter((p) => p.name === '서울역');
    expect(seoul).toHaveLength(1);
    expect(seoul[0].lines).toEqual(expect.arrayContaining(['1호선', '4호선', '공항철도1호선', '경의중앙선']));
    expect(seoul[0].transfer).toBe(true);
    expect(st.filter((p) => p.name === '신촌')).toHaveLength(2); // two different stations, 813 m apart
  });
  it("reads each park's 면적 text as square metres where it states one (for styling parks by area)", () => {
    const parks = new Map(read('parks.geojson').features.map((f) => [f.properties!.name, f.properties!]));
    expect(parks.get('남산공원')!.area_m2).toBe(2896887); // '2896887㎡ 임 야 : 2454140㎡ …'
    expect(parks.get('북한산국립공원')!.area_m2).toBeNull(); // the source's 77,334,000,000㎡ exceeds Seoul
    const known = [...parks.values()].filter((p) => p.area_m2 !== null);
    expect(known.length).toBeGreaterThanOrEqual(125);
    for (const p of known) expect(p.area_m2).toBeGreaterThan(0);
  });
  it('names each 자치구 by its 행안부 code, and the 동 codes start with their 구 code', () => {
    const gu = new Map(read('gu.geojson').features.map((f) => [f.properties!.code, f.properties!.name]));
    expect(gu.get('11740')).toBe('강동구');
    for (const d of read('dong.geojson').features) expect(gu.has(d.properties!.gu_code)).toBe(true);
  });
  it('gives one attribution line per source, ODbL for the OpenStreetMap lines', () => {
    expect(attributionsFor(['gu', 'dong'])).toHaveLength(1);
    expect(seoulLayer('subwayLines').license).toBe('ODbL-1.0');
    expect(attributionsFor(['subwayLines'])[0]).toMatch(/OpenStreetMap contributors/);
  });
});
