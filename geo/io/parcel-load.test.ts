import { mkdtempSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLayer } from './import.js';
import { GeoInputError } from '../core/messages.js';
import { synthesize } from './synth.js';
import { joinChunks, loadParcelsParallel } from './parcel-load.js';

describe('parallel parcel loading', () => {
  it('gives exactly the same store, ids and columns split over worker threads as in one piece', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-par-'));
    synthesize({ parcels: 3000, seed: 11, outDir: dir, constraints: 1 });
    const plan = openLayer(join(dir, 'parcels.shp')).plan!;
    const job = { plan, fields: ['소유구분', '지목', '토지면적', '공시지가'], idField: 'PNU', workEpsg: 5186 };
    const one = joinChunks(await loadParcelsParallel(job, 1));
    const chunks = await loadParcelsParallel(job, 3, 0);
    expect(chunks).toHaveLength(3);
    const three = joinChunks(chunks);
    expect(three.store.count).toBe(3000);
    expect(three.ids).toEqual(one.ids);
    expect(Array.from(three.featureNo)).toEqual(Array.from(one.featureNo));
    for (const k of ['xy', 'vStart', 'ringOf', 'area', 'cx', 'maxY'] as const) expect(Array.from(three.store[k])).toEqual(Array.from(one.store[k]));
    expect(three.columns).toEqual(one.columns);
    expect(three.columns.지목).toContain('도');
  });

  it('passes a reader error from a worker back as the same {ko,en} GeoInputError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-par-'));
    synthesize({ parcels: 600, seed: 2, outDir: dir, constraints: 1 });
    const plan = openLayer(join(dir, 'parcels.shp')).plan!;
    truncateSync(join(dir, 'parcels.shp'), statSync(join(dir, 'parcels.shp')).size - 500);
    const err = await loadParcelsParallel({ plan, fields: ['지목'], idField: 'PNU', workEpsg: 5186 }, 2, 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GeoInputError);
    expect((err as GeoInputError).code).toBe('shp-truncated');
    expect((err as GeoInputError).msg.ko).toMatch(/잘렸습니다/);
  });
});
