import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { synthesize } from '../../../geo/io/synth.js';
import { signedIn, type Harness } from './harness.js';
import { FIXTURES } from '../../../geo/testing/oracle.js';

let h: Harness;
afterEach(async () => h?.backend.close());



function fabric() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-geo-api-'));
  synthesize({ parcels: 600, seed: 7, outDir: dir });
  return dir;
}

const studyFor = (dir: string) => ({
  layers: { parcels: { path: path.join(dir, 'parcels.shp') } },
  constraints: [{ type: 'attribute', code: 'NOT_PUBLIC', field: '소유구분', in: ['2', '4', '5'] }],
  criteria: [{ id: 'area', source: { type: 'siteArea' } }, { id: 'compact', source: { type: 'compactness' } }],
  assembly: { minArea: 0 },
  sensitivity: { draws: 20 },
});

describe('site studies through the API', () => {
  it('saves a study, runs it, and keeps the run summary with the study', async () => {
    h = await signedIn();
    const dir = fabric();
    const saved = await h.api('geo.studies.save', { name: '공공부지 1차 검토', study: studyFor(dir) });
    expect(saved.lastRun).toBeNull();
    const run = await h.api('geo.studies.run', { id: saved.id });
    const summary = run.summary as { parcels: { total: number; passed: number; failures: Record<string, number> } };
    expect(summary.parcels.total).toBe(600);
    expect(summary.parcels.failures.NOT_PUBLIC).toBe(600 - summary.parcels.passed);
    expect(run.sites.length).toBeGreaterThan(0);
    expect(run.sites[0].rank).toBe(1);
    for (const f of Object.values(run.outputs)) expect(existsSync(f)).toBe(true);
    const again = await h.api('geo.studies.get', { id: saved.id });
    expect(again.lastRun).toEqual(run);
    expect((await h.api('geo.studies.list')).map((s) => s.name)).toEqual(['공공부지 1차 검토']);
    // Changing the document clears the stale run.
    const edited = await h.api('geo.studies.save', { id: saved.id, name: '공공부지 2차 검토', study: studyFor(dir) });
    expect(edited.lastRun).toBeNull();
  });

  it('refuses an invalid study document, naming the field', async () => {
    h = await signedIn();
    const r = await h.raw('geo.studies.save', { name: 'x', study: { layers: {}, criteria: [] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields!.map((f) => f.path)).toEqual(expect.arrayContaining(['study.criteria']));
  });

  it('inspects a real CP949 Shapefile and asks for the CRS when 5174 and 5181 cannot be told apart', async () => {
    h = await signedIn();
    const shp = path.join(FIXTURES, 'boundaries/kostat-2013/shp-original-bessel-cp949/seoul_municipalities.shp');
    const ok = await h.api('geo.import.inspect', { path: shp });
    expect(ok.report).toMatchObject({ features: 25, crs: 'EPSG:5174', encoding: 'CP949' });
    expect(existsSync(ok.output)).toBe(true);
    const csv = path.join(FIXTURES, 'amenities/seoul_hospital_permits.cp949.csv');
    const ask = await h.raw('geo.import.inspect', { path: csv });
    expect(ask.ok).toBe(false);
    if (ask.ok) return;
    expect(ask.error.fields?.[0].path).toBe('crs');
    expect(`${ask.error.message.ko} ${ask.error.message.en}`).toMatch(/5174/);
    const given = await h.api('geo.import.inspect', { path: csv, crs: 'EPSG:5174' });
    expect(given.report).toMatchObject({ crs: 'EPSG:5174', crsSource: 'given' });
  });
});
