// The engine options a planner expects, each against brute force on a synthetic fabric:
// site-level distances and counts from the merged outline, per-feature overlap, deterministic ties.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { compareSites } from '../core/evaluate.js';
import { pointInPolygons, polygonsArea, segDist2 } from '../core/planar.js';
import { rng } from '../core/rng.js';
import { parcelPolygons } from '../core/store.js';
import { DbfWriter } from './dbf.js';
import { runStudy } from './run.js';
import { ShpWriter } from './shp.js';
import { synthesize } from './synth.js';

/** Brute force: distance from a point to a union of parcels = min over the parcels (0 inside any). */
function bruteDistance(x: number, y: number, parcels: Position[][][][]): number {
  let best = Infinity;
  for (const polys of parcels) {
    if (pointInPolygons(x, y, polys)) return 0;
    for (const poly of polys) for (const r of poly) for (let i = 0; i < r.length - 1; i++) best = Math.min(best, segDist2(x, y, r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]));
  }
  return Math.sqrt(best);
}

describe('site-level distance and count ("from": "site")', () => {
  it('measure from the merged outline: equal to brute force over the site parcels, 0 inside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-fid-'));
    const synth = synthesize({ parcels: 1500, seed: 5, outDir: dir, constraints: 3 });
    const [x0, y0, x1, y1] = synth.bbox;
    // Random facilities over the fabric and around it (EPSG:5186 X/Y CSV); some fall inside sites.
    const r = rng(11);
    const pts: [number, number][] = Array.from({ length: 60 }, () => [x0 - 300 + r() * (x1 - x0 + 600), y0 - 300 + r() * (y1 - y0 + 600)]);
    writeFileSync(join(dir, 'pts.csv'), `name,X,Y\n${pts.map(([x, y], i) => `p${i},${x},${y}`).join('\n')}\n`);
    const run = await runStudy({
      layers: { parcels: { path: 'parcels.shp' }, pts: { path: 'pts.csv', crs: 'EPSG:5186' } },
      constraints: [{ type: 'attribute', code: 'ROAD', field: '지목', notIn: ['도'] }],
      criteria: [
        { id: 'near', source: { type: 'distance', layer: 'pts', from: 'site' }, transform: { type: 'linear', min: 0, max: 2000, invert: true } },
        { id: 'count', source: { type: 'countWithin', layer: 'pts', radius: 150, from: 'site' }, transform: { type: 'linear', min: 0, max: 5 } },
        { id: 'nearParcel', source: { type: 'distance', layer: 'pts' }, transform: { type: 'linear', min: 0, max: 2000, invert: true } },
      ],
      assembly: { minArea: 0 },
      sensitivity: { draws: 0 },
    }, { baseDir: dir });
    const s = run.parcels.store;
    let inside = 0, multi = 0;
    for (const site of run.sites) {
      const parcels = site.parcels.map((p) => parcelPolygons(s, p));
      if (parcels.length > 1) multi++;
      const d = pts.map(([x, y]) => bruteDistance(x, y, parcels));
      const nearest = Math.min(...d);
      if (nearest === 0) inside++;
      expect(site.criteria.near.raw!).toBeCloseTo(nearest, 6);
      expect(site.criteria.count.raw).toBe(d.filter((v) => v <= 150).length);
      // The parcel-based default is an area-weighted mean of centroid distances: never below the outline's.
      expect(site.criteria.nearParcel.raw!).toBeGreaterThanOrEqual(nearest - 1e-6);
    }
    expect(multi).toBeGreaterThan(5);
    expect(inside).toBeGreaterThan(0);
  });
});

describe('per-feature overlap ("per": "feature")', () => {
  it('fails a parcel only when one zone covers more than maxShare of it; "layer" sums the zones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-fid-'));
    const sq = (x: number, y: number, w: number, h: number): [number, number][] => [[x, y], [x, y + h], [x + w, y + h], [x + w, y], [x, y]];
    const shp = new ShpWriter(join(dir, 'parcels'), 5);
    const dbf = new DbfWriter(join(dir, 'parcels.dbf'), [{ name: 'PNU', type: 'C', length: 19 }], 'CP949');
    for (let i = 0; i < 40; i++) {
      shp.write([sq(198000 + (i % 8) * 100, 551000 + Math.floor(i / 8) * 100, 100, 100)]);
      dbf.write([`1114010100100${String(i).padStart(2, '0')}0000`]);
    }
    shp.close();
    dbf.close();
    // Zones: random rectangles, several overlapping the same parcels.
    const r = rng(3);
    const zones = Array.from({ length: 25 }, () => sq(197950 + r() * 800, 550950 + r() * 500, 20 + r() * 120, 20 + r() * 120));
    const zs = new ShpWriter(join(dir, 'zones'), 5);
    const zd = new DbfWriter(join(dir, 'zones.dbf'), [{ name: 'k', type: 'C', length: 4 }], 'CP949');
    for (const z of zones) {
      zs.write([z]);
      zd.write(['z']);
    }
    zs.close();
    zd.close();
    const study = (per: 'layer' | 'feature') => ({
      layers: { parcels: { path: 'parcels.shp', crs: 'EPSG:5186' }, zones: { path: 'zones.shp', crs: 'EPSG:5186' } },
      constraints: [{ type: 'overlap' as const, code: 'Z', layer: 'zones', maxShare: 0.2, per }],
      criteria: [{ id: 'a', source: { type: 'siteArea' as const } }],
      assembly: { minArea: 0 }, sensitivity: { draws: 0 },
    });
    const byLayer = await runStudy(study('layer'), { baseDir: dir });
    const byFeature = await runStudy(study('feature'), { baseDir: dir });
    const s = byLayer.parcels.store;
    let differ = 0;
    for (let p = 0; p < s.count; p++) {
      const parcel = parcelPolygons(s, p);
      // polygon-clipping wants outer rings counter-clockwise: the zones were written clockwise.
      const shares = zones.map((z) => polygonsArea(polygonClipping.intersection(parcel as never, [[...z].reverse()] as never) as Position[][][]) / s.area[p]);
      const sum = Math.min(1, shares.reduce((a, b) => a + b, 0));
      const max = Math.max(...shares);
      expect(byLayer.screen.pass[p], `parcel ${p} per layer`).toBe(sum > 0.2 ? 0 : 1);
      expect(byFeature.screen.pass[p], `parcel ${p} per feature`).toBe(max > 0.2 ? 0 : 1);
      if (byLayer.screen.pass[p] !== byFeature.screen.pass[p]) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });
});

describe('deterministic ties', () => {
  it('orders by score rounded to 1e-9, then area, then site id as a string', () => {
    const a = { score: 0.5, area: 100, siteId: '1111010100100020000' };
    const b = { score: 0.5 + 1e-12, area: 100, siteId: '1111010100100010000' };
    const c = { score: 0.5, area: 101, siteId: '9' };
    const d = { score: 0.5000001, area: 1, siteId: '99' };
    expect([a, b, c, d].sort(compareSites)).toEqual([d, c, b, a]);
    // PNUs beyond 2^53 compare as text: these differ only in the last digit.
    expect(compareSites({ score: 1, area: 1, siteId: '1168010100100010001' }, { score: 1, area: 1, siteId: '1168010100100010002' })).toBeLessThan(0);
  });
  it('ranks identical sites by their smallest PNU, the same in every run and whatever the file order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-fid-'));
    const sq = (x: number, y: number): [number, number][] => [[x, y], [x, y + 100], [x + 100, y + 100], [x + 100, y], [x, y]];
    const write = (name: string, order: number[]) => {
      const shp = new ShpWriter(join(dir, name), 5);
      const dbf = new DbfWriter(join(dir, `${name}.dbf`), [{ name: 'PNU', type: 'C', length: 19 }, { name: '토지면적', type: 'N', length: 10, decimals: 1 }], 'CP949');
      // Six identical two-lot sites 500 m apart; PNUs deliberately not in file order.
      for (const i of order) for (const k of [0, 1]) {
        shp.write([sq(198000 + i * 500 + k * 100, 551000)]);
        dbf.write([`11140101001${String(9 - i).padStart(4, '0')}000${k}`, 10000]);
      }
      shp.close();
      dbf.close();
    };
    write('a', [0, 1, 2, 3, 4, 5]);
    write('b', [5, 3, 1, 0, 2, 4]);
    const study = (f: string) => ({ layers: { parcels: { path: `${f}.shp`, crs: 'EPSG:5186' } }, criteria: [{ id: 'area', source: { type: 'siteArea' as const } }, { id: 'c', source: { type: 'compactness' as const } }], assembly: { minArea: 0 }, sensitivity: { draws: 0 } });
    const ra = await runStudy(study('a'), { baseDir: dir });
    const rb = await runStudy(study('b'), { baseDir: dir });
    const ids = ra.sites.map((s) => s.siteId);
    expect(ids).toEqual([...ids].sort());
    expect(rb.sites.map((s) => s.siteId)).toEqual(ids);
    expect(ra.sites.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids[0]).toBe('1114010100100040000');
  });
});
