import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { synthesize } from './synth.js';
import { ahp } from '../core/ahp.js';
import { assemble, cancelSharedEdges } from '../core/assemble.js';
import { runStudy, writeStudyOutputs } from './run.js';
import { combine, resolveWeights } from '../core/score.js';
import { overlapShares } from '../core/screen.js';
import { sensitivity } from '../core/sensitivity.js';
import { PolygonBuilder, stripWidth } from '../core/store.js';
import { makeTransform } from '../core/transforms.js';
import Flatbush from 'flatbush';

type R = [number, number][];
const rect = (x0: number, y0: number, x1: number, y1: number, extra: R = []): R => [[x0, y0], [x1, y0], ...extra, [x1, y1], [x0, y1], [x0, y0]];
const storeOf = (rings: R[]) => {
  const b = new PolygonBuilder();
  for (const r of rings) b.add({ type: 'Polygon', coordinates: [r] });
  return b.finish();
};

describe('AHP', () => {
  it('gives exact weights and CR 0 for a consistent matrix', () => {
    const r = ahp([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]);
    r.weights.forEach((w, i) => expect(w).toBeCloseTo([4 / 7, 2 / 7, 1 / 7][i], 9));
    expect(r.lambdaMax).toBeCloseTo(3, 9);
    expect(r.cr).toBeCloseTo(0, 9);
    expect(r.consistent).toBe(true);
  });
  it("matches the eigenvector solution for Saaty's 3×3 example (CR ≈ 0.046)", () => {
    const r = ahp([[1, 1 / 3, 1 / 2], [3, 1, 3], [2, 1 / 3, 1]]);
    // Independently: numpy.linalg.eig → [0.15706, 0.59363, 0.24931], λmax 3.05362
    r.weights.forEach((w, i) => expect(w).toBeCloseTo([0.157056, 0.593634, 0.249311][i], 5));
    expect(r.lambdaMax).toBeCloseTo(3.053622, 5);
    expect(r.cr).toBeCloseTo(0.046225, 5);
    expect(r.consistent).toBe(true);
  });
  it('flags a cyclic (inconsistent) matrix with CR > 0.10', () => {
    const r = ahp([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]);
    expect(r.cr).toBeCloseTo(6.130268, 4);
    expect(r.consistent).toBe(false);
  });
  it('rejects a non-reciprocal matrix', () => {
    expect(() => ahp([[1, 2], [2, 1]])).toThrow(/reciprocal/);
  });
});

describe('transformations and scoring', () => {
  it('piecewise station distance: 1 within 250 m, 0.6 at 500 m, 0 from 1 km', () => {
    const f = makeTransform({ type: 'piecewise', points: [[250, 1], [500, 0.6], [1000, 0]] });
    [1, 1, 0.8, 0.6, 0.3, 0, 0].forEach((v, i) => expect(f([100, 250, 375, 500, 750, 1000, 2000][i])).toBeCloseTo(v, 12));
  });
  it('linear (inverted), MSSmall, MSLarge, gaussian, near, categorical', () => {
    expect(makeTransform({ type: 'linear', min: 1000, max: 3000, invert: true })(1500)).toBeCloseTo(0.75);
    const small = makeTransform({ type: 'msSmall', mean: 100, sd: 50, a: 1, b: 1 });
    expect(small(80)).toBe(1);
    expect(small(150)).toBeCloseTo(0.5); // b·s/(x − a·m + b·s) = 50/100
    const large = makeTransform({ type: 'msLarge', mean: 100, sd: 50, a: 1, b: 1 });
    expect(large(150)).toBeCloseTo(0.5);
    expect(large(90)).toBe(0);
    expect(makeTransform({ type: 'gaussian', mid: 10, spread: 2 })(12)).toBeCloseTo(Math.exp(-0.5));
    expect(makeTransform({ type: 'near', mid: 10, spread: 2 })(12)).toBeCloseTo(0.5);
    const cat = makeTransform({ type: 'categorical', table: { 광대한면: 1, 맹지: 0 }, default: 0.3 });
    expect([cat('광대한면'), cat('맹지'), cat('세로한면(가)'), cat(null)]).toEqual([1, 0, 0.3, 0.3]);
    expect(makeTransform({ type: 'linear', min: 0, max: 10, invert: false })(null)).toBe(0);
  });
  it('renormalises real weights; weighted sum vs weighted product (a zero vetoes)', () => {
    const w = resolveWeights({ criteria: [1, 0.5, 0.5].map((weight, i) => ({ id: `c${i}`, weight, source: { type: 'siteArea' as const } })) });
    expect(w.weights).toEqual([0.5, 0.25, 0.25]);
    expect(combine([1, 0.4, 0], w.weights, 'weightedSum')).toBeCloseTo(0.6);
    expect(combine([1, 0.4, 0], w.weights, 'weightedProduct')).toBe(0);
    expect(combine([1, 0.4, 0.4], w.weights, 'weightedProduct')).toBeCloseTo(0.4 ** 0.5);
  });
});

describe('site assembly', () => {
  it('dissolves three lots sharing edges into one 300×100 outline (P = 800, Polsby–Popper 0.589)', () => {
    const s = storeOf([rect(0, 0, 100, 100), rect(100, 0, 200, 100), rect(200, 0, 300, 100)]);
    const out = cancelSharedEdges(s, [0, 1, 2])!;
    expect(out).toHaveLength(1);
    const { sites } = assemble(s, new Uint8Array([1, 1, 1]), { snapTolerance: 0.3, areaSource: 'planar' });
    expect(sites).toHaveLength(1);
    expect(sites[0].area).toBeCloseTo(30000, 6);
    expect(sites[0].perimeter).toBeCloseTo(800, 6);
    expect(sites[0].compactness).toBeCloseTo((4 * Math.PI * 30000) / 800 ** 2, 9);
    expect(sites[0].dissolve).toBe('shared-edges');
  });

  it('joins a lot 0.2 m away within a 0.3 m tolerance but not with 0.1 m, and dissolves across T-junctions', () => {
    // B's left edge has no vertex where C1/C2 meet (a T-junction): exact edge matching fails.
    const s = storeOf([rect(0, 0, 100, 100), rect(100.2, 0, 200, 50), rect(100.2, 50, 200, 100), rect(0, 100, 100, 200, [])]);
    const all = new Uint8Array([1, 1, 1, 1]);
    const wide = assemble(s, all, { snapTolerance: 0.3, areaSource: 'planar' });
    expect(wide.sites).toHaveLength(1);
    expect(wide.sites[0].area).toBeCloseTo(10000 * 2 + 99.8 * 100, 6);
    const narrow = assemble(s, all, { snapTolerance: 0.1, areaSource: 'planar' });
    expect(narrow.sites.map((x) => x.parcels.length).sort()).toEqual([2, 2]);
    // The T-junction site: A's right edge runs past the corner where C1/C2 meet; split there, it
    // cancels against both, leaving the 200×100 outline.
    const tj = storeOf([rect(0, 0, 100, 100), rect(100, 0, 200, 50), rect(100, 50, 200, 100)]);
    const ring = cancelSharedEdges(tj, [0, 1, 2])!;
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(1);
    const u = assemble(tj, new Uint8Array([1, 1, 1]), { snapTolerance: 0.3, areaSource: 'planar' }).sites[0];
    expect(u.dissolve).toBe('shared-edges');
    expect(u.perimeter).toBeCloseTo(600, 6);
    // Across the 0.2 m gap the edges cannot cancel: two parts, as the union has.
    expect(wide.sites[0].dissolve).toBe('shared-edges');
    expect(wide.sites[0].outline).toHaveLength(2);
  });

  it('merges across a road parcel narrower than N m only when asked, and uses ledger area when every parcel has one', () => {
    const s = storeOf([rect(0, 0, 100, 100), rect(110, 0, 210, 100), rect(100, 0, 110, 100)]); // lot, lot, 10 m road
    expect(stripWidth(s.area[2], s.perimeter[2])).toBeCloseTo(10, 9);
    const surv = new Uint8Array([1, 1, 0]);
    expect(assemble(s, surv, { snapTolerance: 0.3, areaSource: 'planar' }).sites).toHaveLength(2);
    const crossed = assemble(s, surv, { snapTolerance: 0.3, areaSource: 'ledger', crossable: new Uint8Array([0, 0, 1]), ledger: new Float64Array([9990, 10010, NaN]) });
    expect(crossed.sites).toHaveLength(1);
    expect(crossed.sites[0].area).toBe(20000);
    expect(crossed.sites[0].areaSource).toBe('ledger');
    expect(crossed.sites[0].planarArea).toBeCloseTo(20000, 6);
    expect(crossed.sites[0].outline).toHaveLength(2); // two parts either side of the road
  });
});

describe('screening', () => {
  it('measures the share of a parcel inside constraint polygons', () => {
    const parcels = storeOf([rect(0, 0, 100, 100), rect(200, 0, 300, 100), rect(400, 0, 500, 100)]);
    const cstore = storeOf([rect(50, -10, 250, 110), rect(390, -10, 510, 110)]);
    const index = new Flatbush(2);
    for (let i = 0; i < 2; i++) index.add(cstore.minX[i], cstore.minY[i], cstore.maxX[i], cstore.maxY[i]);
    index.finish();
    const share = overlapShares(parcels, new Uint8Array([1, 1, 1]), { store: cstore, props: [{ k: 'GB' }, { k: 'river' }], index, report: {} as never }, { field: 'k', in: ['GB'] });
    expect(share[0]).toBeCloseTo(0.5, 9);
    expect(share[1]).toBeCloseTo(0.5, 9);
    expect(share[2]).toBe(0); // inside a polygon that the filter excludes
  });
});

describe('sensitivity', () => {
  it('a dominant site keeps first place in every draw; two mirror sites split the draws about evenly', () => {
    const dom = sensitivity([[1, 1], [0, 0]], [0.5, 0.5], 'weightedSum', { draws: 500, perturbation: 0.2, top: 1, seed: 3 });
    expect(dom[0]).toEqual({ topShare: 1, meanRank: 1, minRank: 1, maxRank: 1 });
    expect(dom[1].topShare).toBe(0);
    const mirror = sensitivity([[1, 0], [0, 1]], [0.5, 0.5], 'weightedSum', { draws: 2000, perturbation: 0.2, top: 1, seed: 3 });
    expect(mirror[0].topShare).toBeGreaterThan(0.45);
    expect(mirror[0].topShare).toBeLessThan(0.55);
    expect(mirror[0].topShare + mirror[1].topShare).toBe(1);
  });
});

describe('runStudy end to end on a synthetic fabric', () => {
  it('screens, scores, assembles and ranks consistently with the rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-study-'));
    synthesize({ parcels: 2500, seed: 5, outDir: dir, constraints: 8 });
    const run = await runStudy({
      layers: { parcels: { path: 'parcels.shp' }, zones: { path: 'constraints.shp' } },
      constraints: [
        { type: 'attribute', code: 'NOT_PUBLIC', field: '소유구분', in: ['2', '4', '5'] },
        { type: 'attribute', code: 'LAND_USE', field: '지목', notIn: ['도', '천', '구'] },
        { type: 'overlap', code: 'GREENBELT', layer: 'zones', maxShare: 0.05 },
      ],
      criteria: [
        { id: 'price', weight: 2, source: { type: 'attribute', field: '공시지가' }, transform: { type: 'linear', min: 0, max: 2e7, invert: true } },
        { id: 'area', weight: 1, source: { type: 'siteArea' } },
        { id: 'compact', weight: 1, source: { type: 'compactness' } },
      ],
      assembly: { minArea: 2000 },
      sensitivity: { draws: 200 },
    }, { baseDir: dir });
    const { summary, sites } = run;
    expect(summary.parcels.total).toBe(2500);
    expect(summary.weights).toEqual({ price: 0.5, area: 0.25, compact: 0.25 });
    expect(summary.parcels.passed).toBeGreaterThan(0);
    const out = join(dir, 'out');
    const files = writeStudyOutputs(run, out, { parcels: true });
    expect(files.parcels).toBe(join(out, 'parcels.geojson'));
    const parcels = (JSON.parse(readFileSync(join(out, 'parcels.geojson'), 'utf8')) as FeatureCollection).features;
    const byPnu = new Map(parcels.map((f) => [f.properties!.PNU, f.properties!]));
    for (const f of parcels) {
      const p = f.properties!;
      const ok = ['2', '4', '5'].includes(p.소유구분) && !['도', '천', '구'].includes(p.지목);
      if (!ok) expect(p.pass).toBe(false);
      expect(p.pass).toBe(p.reasons.length === 0);
    }
    const ranked = sites.filter((s) => s.rank !== null);
    expect(ranked.every((s) => s.area >= 2000)).toBe(true);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    // Site 1 checked by hand from its parcels: ledger area sum, area-weighted price, score formula.
    const s1 = ranked[0];
    const ps = s1.parcelIds.map((id) => byPnu.get(id)!);
    expect(ps.every((p) => p.pass && p.site === s1.id)).toBe(true);
    expect(s1.area).toBeCloseTo(ps.reduce((a, p) => a + p.토지면적, 0), 6);
    const wsum = ps.reduce((a, p) => a + p.area, 0);
    expect(s1.criteria.price.raw!).toBeCloseTo(ps.reduce((a, p) => a + p.area * p.공시지가, 0) / wsum, -1);
    expect(s1.criteria.area.score).toBeCloseTo(Math.min(1, s1.area / 100000), 9);
    expect(s1.score).toBeCloseTo(0.5 * s1.criteria.price.score + 0.25 * s1.criteria.area.score + 0.25 * s1.criteria.compact.score, 9);
    // Survivors: exactly the parcels that passed, with their site.
    const survivors = (JSON.parse(readFileSync(join(out, 'survivors.geojson'), 'utf8')) as FeatureCollection).features;
    expect(survivors.length).toBe(summary.parcels.passed);
    expect(survivors.every((f) => byPnu.get(f.properties!.PNU)!.pass)).toBe(true);
    const csv = readFileSync(join(out, 'ranking.csv'), 'utf8').split('\r\n');
    expect(csv[0].startsWith('\ufeffrank,site_id,site,score')).toBe(true);
    expect(csv.length - 2).toBe(ranked.length);
    // site_id is the smallest PNU of the site; rank is the row position.
    expect(csv[1].split(',').slice(0, 2)).toEqual(['1', [...s1.parcelIds].sort()[0]]);
  });

  it('reports an AHP weighting with its consistency ratio and flags CR > 0.10', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-study-'));
    synthesize({ parcels: 300, seed: 9, outDir: dir, constraints: 2 });
    const run = await runStudy({
      layers: { parcels: { path: join(dir, 'parcels.shp') } },
      criteria: [
        { id: 'a', source: { type: 'siteArea' } },
        { id: 'b', source: { type: 'compactness' } },
        { id: 'c', source: { type: 'attribute', field: '공시지가' }, transform: { type: 'linear', min: 0, max: 1e7, invert: true } },
      ],
      ahp: { criteria: ['a', 'b', 'c'], matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] },
      assembly: { minArea: 0 },
      sensitivity: { draws: 10 },
    });
    expect(run.summary.weightMethod).toBe('ahp');
    expect(run.summary.ahp!.consistent).toBe(false);
    expect(run.summary.ahp!.warning!.ko).toMatch(/CR/);
  });
});
