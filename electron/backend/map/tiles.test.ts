import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { TileService, TILE_LAYER } from './tiles.js';
import { decodeParcelResults, encodeParcelResults, reasonsOf } from './parcel-results.js';
import { PolygonBuilder } from '../../../geo/core/store.js';
import { transformer } from '../../../geo/core/crs.js';

/** Three square parcels near Seoul City Hall (EPSG:5186), one failing two constraints. */
function fakeRun() {
  const b = new PolygonBuilder();
  const [x0, y0] = transformer(4326, 5186)(126.978, 37.5665);
  for (let i = 0; i < 3; i++) {
    const x = x0 + i * 30;
    b.add({ type: 'Polygon', coordinates: [[[x, y0], [x + 20, y0], [x + 20, y0 + 20], [x, y0 + 20], [x, y0]]] });
  }
  return {
    parcels: { store: b.finish(), ids: ['1162010100100010000', '1162010100100020000', '1162010100100030000'] },
    screen: { pass: Uint8Array.from([1, 0, 1]), reasons: [undefined, ['NOT_PUBLIC', 'GREENBELT'], undefined], failures: { NOT_PUBLIC: 1, GREENBELT: 1 } },
    parcelScore: Float64Array.from([0.75, NaN, 0.5]),
    siteOf: Int32Array.from([1, -1, 2]),
    study: { idField: 'PNU' },
  };
}

function lonLatToTile(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { x, y };
}

describe('per-parcel results and vector tiles', () => {
  it('packs a run compactly and reads every parcel back unchanged', () => {
    const run = fakeRun();
    const r = decodeParcelResults(encodeParcelResults(run));
    expect(r.header.ids).toEqual(run.parcels.ids);
    expect([...r.pass]).toEqual([1, 0, 1]);
    expect(reasonsOf(r, 1).sort()).toEqual(['GREENBELT', 'NOT_PUBLIC']);
    expect(reasonsOf(r, 0)).toEqual([]);
    expect(r.score[0]).toBeCloseTo(0.75, 6);
    expect(Number.isNaN(r.score[1])).toBe(true);
    expect([...r.site]).toEqual([1, -1, 2]);
    expect([...r.xy]).toEqual([...run.parcels.store.xy.subarray(0, r.header.verts * 2)]);
  });

  it('serves a z14 tile with the parcels and their results, and an empty tile elsewhere; survives a restart', () => {
    const geoDir = mkdtempSync(path.join(os.tmpdir(), 'ansim-tiles-'));
    const runDir = path.join(geoDir, 'runs', 'study-1');
    mkdirSync(runDir, { recursive: true });
    const buf = encodeParcelResults(fakeRun());
    writeFileSync(path.join(runDir, 'parcels.bin'), new Uint8Array(buf));
    // A fresh service (as after a restart) reads the compact file, with no rerun.
    const tiles = new TileService({ geoDir });
    const { x, y } = lonLatToTile(126.978, 37.5665, 14);
    const bytes = tiles.tile('run:study-1', 14, x, y)!;
    expect(bytes.length).toBeGreaterThan(50);
    const layer = new VectorTile(new PbfReader(bytes) as never).layers[TILE_LAYER];
    expect(layer.length).toBe(3);
    // Features carry the parcel's index as id (the PNU is looked up on click, not shipped in tiles).
    const byId = new Map(Array.from({ length: 3 }, (_, i) => [layer.feature(i).id, layer.feature(i).properties]));
    expect(byId.get(0)).toMatchObject({ pass: 1, reason: '', score: 0.75, site: 1 });
    expect(byId.get(1)).toMatchObject({ pass: 0, reason: 'NOT_PUBLIC', score: -1, site: -1 });
    expect(tiles.parcel('study-1', 1)).toEqual({ pnu: '1162010100100020000', pass: false, reasons: ['NOT_PUBLIC', 'GREENBELT'], score: null, site: null });
    expect(layer.feature(0).type).toBe(3);
    expect(tiles.tile('run:study-1', 14, x + 50, y)!.length).toBe(0);
    expect(tiles.tile('run:missing', 14, x, y)).toBeNull();
  });
});
