// Site assembly never loses a site to a polygon-clipping failure, and screening never lets a
// parcel pass whose overlap polygon-clipping could not measure.
//
// At 1,000,000 synthetic parcels the bench/jobs.ts study failed: its largest site (the road grid
// and the public lots along it, ≈1.5M segments) did not dissolve by shared edges (road edges run
// past lot corners: T-junctions), and polygon-clipping's union then threw "Infinite loop when
// putting segment endpoints in a priority queue (queue size too big)" — its guard against more
// than POLYGON_CLIPPING_MAX_QUEUE_SIZE (default 1,000,000) sweep events. The library reads that
// cap when it loads, so this file lowers it to 1,000 events: the same failure on a small piece of
// the same fabric (fixtures/assembly/road-grid-site.geojson, 962 segments).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { beforeAll, describe, expect, it } from 'vitest';
import { ringLength, ringSignedArea } from './planar.js';
import { PolygonBuilder, type PolygonStore, parcelPolygons } from './store.js';

process.env.POLYGON_CLIPPING_MAX_QUEUE_SIZE = '1000';
// Imported after the cap is set (static imports would load polygon-clipping first).
let assembleMod: typeof import('./assemble.js');
let screenMod: typeof import('./screen.js');
let union: (...polys: never[]) => unknown;
let intersection: (...polys: never[]) => unknown;
beforeAll(async () => {
  ({ union, intersection } = (await import('polygon-clipping')).default);
  assembleMod = await import('./assemble.js');
  screenMod = await import('./screen.js');
});

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../testing/fixtures/assembly/road-grid-site.geojson'), 'utf8')) as FeatureCollection<MultiPolygon> & {
  expected: { parts: number; rings: number; area: number; perimeter: number };
};
const storeOf = (geoms: MultiPolygon[]): PolygonStore => {
  const b = new PolygonBuilder();
  for (const g of geoms) b.add(g);
  return b.finish();
};
const square = (x: number, y: number, size: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]] });
const outlineArea = (o: Position[][][]) => o.reduce((a, p) => a + p.reduce((x, r) => x + ringSignedArea(r), 0), 0);
const outlineLength = (o: Position[][][]) => o.reduce((a, p) => a + p.reduce((x, r) => x + ringLength(r), 0), 0);
const all = (s: PolygonStore) => new Uint8Array(s.count).fill(1);

describe('site assembly at the size where polygon-clipping gives up', () => {
  it('reproduces the failure: the union of the road-grid site throws the queue-size error', () => {
    const s = storeOf(fixture.features.map((f) => f.geometry));
    const polys = Array.from({ length: s.count }, (_, p) => parcelPolygons(s, p));
    expect(() => union(...(polys as never[]))).toThrow(/Infinite loop when putting segment endpoints in a priority queue/);
  });

  it('dissolves the road-grid site by shared edges across its T-junctions, as polygon-clipping would with no cap', () => {
    const s = storeOf(fixture.features.map((f) => f.geometry));
    const { sites } = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' });
    expect(sites).toHaveLength(1);
    const site = sites[0];
    expect(site.dissolve).toBe('shared-edges');
    expect(site.parcels).toHaveLength(fixture.features.length);
    // Same parts, rings, area and perimeter as the uncapped union (recorded in the fixture).
    expect(site.outline).toHaveLength(fixture.expected.parts);
    expect(site.outline.flat()).toHaveLength(fixture.expected.rings);
    expect(outlineArea(site.outline)).toBeCloseTo(fixture.expected.area, 2);
    expect(site.perimeter).toBeCloseTo(fixture.expected.perimeter, 2);
    // Every ring simple: no vertex repeated inside a ring (rings touching at a point are split).
    for (const ring of site.outline.flat()) expect(new Set(ring.slice(1).map((p) => `${p[0]},${p[1]}`)).size).toBe(ring.length - 1);
    // The area comes from the parcels.
    let planar = 0;
    for (let p = 0; p < s.count; p++) planar += s.area[p];
    expect(site.area).toBe(planar);
  });

  it('is deterministic: the same parcels give the same outline', () => {
    const s = storeOf(fixture.features.map((f) => f.geometry));
    const a = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' });
    const b = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' });
    expect(b.sites).toEqual(a.sites);
  });
});

describe('shared-edge dissolve on fabrics that are not one clean survey', () => {
  it('keeps lots 0.2 m apart (joined by the 0.3 m tolerance) as separate parts, without a union', () => {
    const geoms: MultiPolygon[] = [];
    for (let j = 0; j < 30; j++) for (let i = 0; i < 30; i++) geoms.push(square(200_000 + 20.2 * i, 550_000 + 20.2 * j, 20));
    const s = storeOf(geoms);
    const [site] = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' }).sites;
    expect(site.parcels).toHaveLength(900);
    expect(site.dissolve).toBe('shared-edges');
    expect(site.outline).toHaveLength(900);
    expect(site.perimeter).toBeCloseTo(900 * 80, 6);
  });

  it('puts a hole in its outer and an island in the hole as its own part', () => {
    // Eight 10 m lots in a ring around a 10 m hole; a 9.6 m lot inside the hole, 0.2 m from the ring.
    const geoms: MultiPolygon[] = [];
    for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) if (i !== 1 || j !== 1) geoms.push(square(200_000 + 10 * i, 550_000 + 10 * j, 10));
    geoms.push(square(200_010.2, 550_010.2, 9.6));
    const s = storeOf(geoms);
    const [site] = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' }).sites;
    expect(site.dissolve).toBe('shared-edges');
    expect(site.outline.map((p) => p.length)).toEqual([2, 1]); // the ring with its hole, then the island
    expect(outlineArea(site.outline)).toBeCloseTo(800 + 9.6 * 9.6, 6);
    expect(site.perimeter).toBeCloseTo(120 + 40 + 4 * 9.6, 6);
  });
  it('dissolves lots whose corners differ by under 1 mm across grid cells (no T-junction there), as polygon-clipping does', () => {
    // From the 1M bench study's road-grid site: the upper lot's bottom edge ends 0.97 mm to the right
    // of the lower lot's top-right corner (two vertices within 1 mm, in different 1 mm cells). Split at
    // each other, the two corners left a 1 mm zigzag whose corner lies within 1 mm of its long edge;
    // the check took that for a T-junction left over and the 380,029-parcel site fell to the snapped
    // union (43 s instead of 10 s).
    const x0 = 186_500, y0 = 562_400;
    const poly = (pts: [number, number][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[...pts, pts[0]].map(([x, y]) => [x0 + x, y0 + y])]] });
    const lower = poly([[-3.09513, 44.74916], [11.95986, 44.74916], [11.95986, 84.64152], [-3.09513, 84.64152]]);
    const upper = poly([[-9.17317, 84.64152], [-3.09513, 84.64152], [11.95986, 84.64152], [11.96083, 84.64152], [11.96083, 122.40813], [-9.17317, 122.40813]]);
    const s = storeOf([lower, upper]);
    const [site] = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' }).sites;
    expect(site.dissolve).toBe('shared-edges');
    const exact = union(...([lower, upper].map((g) => g.coordinates) as never[])) as Position[][][];
    expect(site.outline).toHaveLength(exact.length);
    expect(site.outline.flat()).toHaveLength(exact.flat().length);
    expect(outlineArea(site.outline)).toBeCloseTo(outlineArea(exact), 6);
    expect(site.perimeter).toBeCloseTo(outlineLength(exact), 3);
  });

  it('does not pass lots overlapping by 0.7 mm (corners in other grid cells) as two parts: one outline, as the union gives', () => {
    // Their edges along x = 10 are left uncancelled, 0.7 mm apart: no vertex lies inside the other's
    // edge, but the two run along each other, which a closed outline never does.
    const sq = (x0: number, x1: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x0, 550_000], [x1, 550_000], [x1, 550_010], [x0, 550_010], [x0, 550_000]]]] });
    const s = storeOf([sq(200_000, 200_010), sq(200_009.9993, 200_020)]);
    const [site] = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' }).sites;
    expect(site.outline).toHaveLength(1);
    expect(site.perimeter).toBeCloseTo(60, 3);
  });
});

describe('fallbacks when edges do not cancel (overlapping parcels)', () => {
  it('unions two overlapping lots with polygon-clipping; area stays the parcels\' sum', () => {
    const s = storeOf([square(0, 0, 100), square(50, 0, 100)]);
    const [site] = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' }).sites;
    expect(site.dissolve).toBe('polygon-clipping');
    expect(outlineArea(site.outline)).toBeCloseTo(15000, 6);
    expect(site.perimeter).toBeCloseTo(500, 6);
    expect(site.area).toBeCloseTo(20000, 6);
  });

  it('retries on a 1 mm grid in groups of 16 when the whole union throws', () => {
    // 20 × 15 squares of 10.5 m every 10 m: 2,400 sweep events, over the lowered cap.
    const geoms: MultiPolygon[] = [];
    for (let j = 0; j < 15; j++) for (let i = 0; i < 20; i++) geoms.push(square(200_000 + 10 * i + 0.0001, 550_000 + 10 * j, 10.5));
    const s = storeOf(geoms);
    const [site] = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' }).sites;
    expect(site.dissolve).toBe('polygon-clipping-snapped');
    expect(outlineArea(site.outline)).toBeCloseTo(200.5 * 150.5, 3);
    expect(site.perimeter).toBeCloseTo(2 * (200.5 + 150.5), 3);
    // Snapped to the mm grid.
    for (const p of site.outline.flat(2)) expect(Math.abs(p[0] * 1000 - Math.round(p[0] * 1000))).toBeLessThan(1e-6);
    expect(site.area).toBeCloseTo(300 * 10.5 * 10.5, 6);
  });

  it('keeps the parcels themselves as the outline when every union throws', () => {
    // 400 squares in a zig-zag row: the merged outline alone exceeds the lowered cap.
    const geoms = Array.from({ length: 400 }, (_, i) => square(200_000 + 10 * i, 550_000 + (i % 2) * 3, 10.5));
    const s = storeOf(geoms);
    const r1 = assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' });
    const [site] = r1.sites;
    expect(site.dissolve).toBe('parcels');
    expect(site.outline).toHaveLength(400);
    expect(outlineLength(site.outline)).toBeCloseTo(400 * 42, 6);
    expect(site.perimeter).toBeCloseTo(400 * 42, 6); // no edge is shared
    expect(site.area).toBeCloseTo(400 * 10.5 * 10.5, 6);
    expect(assembleMod.assemble(s, all(s), { snapTolerance: 0.3, areaSource: 'planar' }).sites).toEqual(r1.sites);
  });
});

describe('overlap screening when polygon-clipping throws', () => {
  // A parcel 100 m square and a zone: a regular n-gon of radius 80 m around the parcel's corner
  // (0, 0), so a quarter of the circle's area lies in the parcel.
  const ngon = (n: number, repeat = 1): Position[] => {
    const ring: Position[] = [];
    for (let i = 0; i < n; i++) {
      const t = (i / n) * 2 * Math.PI;
      // Digitised twice as densely as needed: copies within 0.01 mm of each vertex.
      for (let k = 0; k < repeat; k++) ring.push([200_000 + 80 * Math.cos(t) + k * 1e-5, 550_000 + 80 * Math.sin(t)]);
    }
    ring.push([...ring[0]]);
    return ring;
  };
  const layerOf = (rings: Position[][]) => {
    const store = storeOf(rings.map((r) => ({ type: 'MultiPolygon', coordinates: [[r]] })));
    const index = new Flatbush(store.count);
    for (let i = 0; i < store.count; i++) index.add(store.minX[i], store.minY[i], store.maxX[i], store.maxY[i]);
    index.finish();
    return { store, props: rings.map(() => ({})), index, report: {} as never };
  };
  const parcels = () => {
    const store = storeOf([square(200_000, 550_000, 100)]);
    return { store, ids: ['1'], columns: {}, report: {} as never, featureNo: new Uint32Array([1]) };
  };
  const ngonArea = (n: number) => (n / 2) * 80 * 80 * Math.sin((2 * Math.PI) / n);

  it('measures exactly when the zone is small enough', () => {
    const share = screenMod.overlapShares(parcels().store, new Uint8Array([1]), layerOf([ngon(200)]));
    expect(share[0]).toBeCloseTo(ngonArea(200) / 4 / 10000, 9);
  });

  it('retries on the 1 mm grid: densely digitised vertices collapse and the overlap is measured', () => {
    // 3 × 200 vertices: 1,200+ sweep events, over the lowered cap; snapped, 200 remain.
    const zones = layerOf([ngon(200, 3)]);
    expect(() => intersection(parcelPolygons(parcels().store, 0) as never, parcelPolygons(zones.store, 0) as never)).toThrow(/Infinite loop/);
    const share = screenMod.overlapShares(parcels().store, new Uint8Array([1]), zones);
    expect(share[0]).toBeCloseTo(ngonArea(200) / 4 / 10000, 5); // vertices moved ≤ 0.7 mm
  });

  it('fails the parcel with <code>:UNMEASURED, never passes it, when the overlap cannot be computed', () => {
    const zones = layerOf([ngon(700)]);
    const share = screenMod.overlapShares(parcels().store, new Uint8Array([1]), zones);
    expect(share[0]).toBeNaN();
    for (const per of ['layer', 'feature'] as const) {
      const r = screenMod.screen(parcels(), [{ type: 'overlap', code: 'GREENBELT', layer: 'zones', maxShare: 0.9, per }], { points: {}, polygons: { zones } });
      expect(r.pass[0]).toBe(0);
      expect(r.reasons[0]).toEqual(['GREENBELT:UNMEASURED']);
      expect(r.failures).toEqual({ 'GREENBELT:UNMEASURED': 1 });
    }
  });
});
