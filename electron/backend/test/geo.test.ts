import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { synthesize } from '../../../geo/io/synth.js';
import { openHarness, signedIn, type Harness } from './harness.js';
import { FIXTURES, hasTool } from '../../../geo/testing/oracle.js';
import type { ApiErrorBody } from '../../api/errors.js';
import type { GeoInspectView, GeoRunView } from '../../api/geo-methods.js';

/** Follows a job (jobs.status) to its end, as the UI does: its result, or its error. */
async function job(start: { ok: true; result: unknown } | { ok: false; error: ApiErrorBody }): Promise<{ ok: true; result: unknown } | { ok: false; error: ApiErrorBody }> {
  if (!start.ok) return start;
  const { jobId } = start.result as { jobId: string };
  for (;;) {
    const j = await h.api('jobs.status', { jobId });
    if (j.state === 'done') return { ok: true, result: j.result };
    if (j.state !== 'running') return { ok: false, error: j.error! };
    await new Promise((r) => setTimeout(r, 50));
  }
}
async function jobResult<T>(start: ReturnType<Harness['raw']>): Promise<T> {
  const r = await job(await start);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r.result as T;
}

const ARTIFACTS = path.join(os.tmpdir(), 'ansim-geo-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

let h: Harness;
afterEach(async () => h?.backend.close());

function fabric(origin?: [number, number]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-geo-api-'));
  synthesize({ parcels: 600, seed: 7, outDir: dir, origin });
  return dir;
}

/** Uploads a Shapefile set into one group, as the browser host does; returns the .shp's ref. */
async function uploadSet(base: string, group: string): Promise<string> {
  let ref = '';
  for (const ext of ['.shp', '.shx', '.dbf', '.prj', '.cpg']) {
    if (!existsSync(base + ext)) continue;
    const r = await h.backend.files.receive(group, path.basename(base) + ext, createReadStream(base + ext));
    if (ext === '.shp') ref = r.ref;
  }
  return ref;
}

const studyFor = (ref: string) => ({
  layers: { parcels: { ref } },
  constraints: [{ type: 'attribute', code: 'NOT_PUBLIC', field: '소유구분', in: ['2', '4', '5'] }],
  criteria: [{ id: 'area', source: { type: 'siteArea' } }, { id: 'compact', source: { type: 'compactness' } }],
  assembly: { minArea: 0 },
  sensitivity: { draws: 20 },
});

describe('site studies through the API', () => {
  it('saves a study whose layers are uploaded files, runs it, and keeps the run summary with the study', async () => {
    h = await signedIn();
    const ref = await uploadSet(path.join(fabric(), 'parcels'), 'g1');
    const saved = await h.api('geo.studies.save', { name: '공공부지 1차 검토', study: studyFor(ref) });
    expect(saved.lastRun).toBeNull();
    const run = await jobResult<GeoRunView>(h.raw('geo.studies.run', { id: saved.id }));
    expect(run.summary.parcels.total).toBe(600);
    expect(run.summary.parcels.failures.NOT_PUBLIC).toBe(600 - run.summary.parcels.passed);
    expect(run.sites.length).toBeGreaterThan(0);
    expect(run.sites[0].rank).toBe(1);
    expect(run.sites[0].siteId).toBe([...run.sites[0].parcelIds].sort()[0]);
    for (const f of Object.values(run.outputs)) expect(existsSync(f)).toBe(true);
    expect(run.outputs.parcels).toBeUndefined();
    const again = await h.api('geo.studies.get', { id: saved.id });
    expect(again.lastRun).toEqual(run);
    expect((await h.api('geo.studies.list')).map((s) => s.name)).toEqual(['공공부지 1차 검토']);
    const edited = await h.api('geo.studies.save', { id: saved.id, name: '공공부지 2차 검토', study: studyFor(ref) });
    expect(edited.lastRun).toBeNull();
  });

  it('keeps a layer picked in the desktop dialog across a restart; a moved file is asked for again', async () => {
    const first = await signedIn();
    h = first;
    const dir = h.dir;
    const fab = fabric();
    const [ref] = await h.backend.files.grant([path.join(fab, 'parcels.shp')]);
    // Picking the same file again gives the same ref (the saved study keeps working).
    expect(await h.backend.files.grant([path.join(fab, 'parcels.shp')])).toEqual([ref]);
    const saved = await h.api('geo.studies.save', { name: '대화상자 레이어', study: studyFor(ref.ref) });
    await h.backend.close();
    // The grant is stored sealed: the path is not in the database file as text.
    expect(readFileSync(path.join(dir, 'ansim.sqlite')).includes(Buffer.from(fab))).toBe(false);
    h = await openHarness({ dir });
    await h.api('session.start', { id: first.manager.id, pin: '1234' });
    const run = await jobResult<GeoRunView>(h.raw('geo.studies.run', { id: saved.id }));
    expect(run.summary.parcels.total).toBe(600);
    renameSync(path.join(fab, 'parcels.shp'), path.join(fab, 'moved.shp'));
    const r = await h.raw('geo.studies.run', { id: saved.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields?.[0]?.path).toBe('study.layers.parcels.ref');
    expect(r.error.message.ko).toMatch(/다시 선택/);
  });

  it('refuses an invalid study document, naming the field', async () => {
    h = await signedIn();
    const r = await h.raw('geo.studies.save', { name: 'x', study: { layers: {}, criteria: [] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields!.map((f) => f.path)).toEqual(expect.arrayContaining(['study.criteria']));
  });

  it('refuses raw paths and refs the user did not pick: in inspect and in study layers', async () => {
    h = await signedIn();
    for (const input of [{ path: '/etc/passwd' }, { file: { ref: '/etc/passwd' } }, { file: { ref: 'upload:../../etc/passwd' } }, { file: { ref: 'upload:g/../../x.csv' } }, { file: { ref: 'grant:made-up' } }]) {
      const r = await job(await h.raw('geo.import.inspect', input));
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    const withPath = await h.raw('geo.studies.save', { name: 'x', study: { ...studyFor('x'), layers: { parcels: { path: '/etc/hosts' } } } });
    expect(withPath.ok).toBe(false);
    if (!withPath.ok) expect(withPath.error.fields?.[0].path).toBe('study.layers.parcels.path');
    // A study referring to a file that was never uploaded fails when run, naming no path.
    const saved = await h.api('geo.studies.save', { name: 'y', study: studyFor('upload:nogroup/parcels.shp') });
    const run = await job(await h.raw('geo.studies.run', { id: saved.id }));
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.error.code).toBe('VALIDATION');
  });

  it('inspects a real CP949 Shapefile (granted as from the file dialog), asks for the CRS of a 5174/5181 CSV, and writes nothing', async () => {
    h = await signedIn();
    const [shp, csv] = await h.backend.files.grant([
      path.join(FIXTURES, 'boundaries/kostat-2013/shp-original-bessel-cp949/seoul_municipalities.shp'),
      path.join(FIXTURES, 'amenities/seoul_hospital_permits.cp949.csv'),
    ]);
    const ok = await jobResult<GeoInspectView>(h.raw('geo.import.inspect', { file: shp }));
    expect(ok.report).toMatchObject({ features: 25, crs: 'EPSG:5174', encoding: 'CP949' });
    expect(ok.preview.features).toHaveLength(20);
    expect(ok.preview.features[0].properties!.name).toMatch(/^[가-힣]+구$/);
    const ask = await job(await h.raw('geo.import.inspect', { file: csv }));
    expect(ask.ok).toBe(false);
    if (ask.ok) return;
    expect(ask.error.fields?.[0].path).toBe('crs');
    expect(`${ask.error.message.ko} ${ask.error.message.en}`).toMatch(/5174/);
    const given = await jobResult<GeoInspectView>(h.raw('geo.import.inspect', { file: csv, crs: 'EPSG:5174' }));
    expect(given.report).toMatchObject({ crs: 'EPSG:5174', crsSource: 'given' });
    // No temporary import output is left in the data folder.
    expect(existsSync(path.join(h.dir, 'geo', 'imports'))).toBe(false);
  });

  it('never quotes file content in an error', async () => {
    h = await signedIn();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-geo-api-'));
    const secret = '홍길동 010-1234-5678';
    const files = {
      'cols.csv': `${secret},memo\n1,2\n`,
      'bad.geojson': `{"type":"FeatureCollection","features":[${secret}]}`,
      'quote.csv': `x,y\n"${secret},1\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), text);
      const [ref] = await h.backend.files.grant([path.join(dir, name)]);
      const r = await job(await h.raw('geo.import.inspect', { file: ref }));
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      expect(JSON.stringify(r.error), name).not.toMatch(/홍길동|010-1234/);
    }
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('exports the last run: Shapefile zip, GeoJSON, xlsx, CSV and a site report PDF with a map drawn without a browser', async () => {
    h = await signedIn();
    // Near Seoul City Hall, so the shipped stations, hospitals, parks and 동 boundaries are drawn around it.
    const ref = await uploadSet(path.join(fabric([197600, 551200]), 'parcels'), 'g2');
    const saved = await h.api('geo.studies.save', { name: '후보지 보고', study: { ...studyFor(ref), assembly: { minArea: 2000 } } });
    const none = await h.raw('geo.export.report', { id: saved.id });
    expect(none.ok).toBe(false);
    const run = await jobResult<GeoRunView>(h.raw('geo.studies.run', { id: saved.id }));
    const shp = await h.api('geo.export.sites', { id: saved.id, format: 'shapefile' });
    expect(shp).toMatchObject({ fileName: '후보지_보고_sites_EPSG5186.zip', mime: 'application/zip' });
    const gj = await h.api('geo.export.sites', { id: saved.id, format: 'geojson' });
    expect(JSON.parse(Buffer.from(gj.dataBase64, 'base64').toString()).features).toHaveLength(run.summary.sites.total);
    const csv = await h.api('geo.export.ranking', { id: saved.id, format: 'csv' });
    expect(Buffer.from(csv.dataBase64, 'base64').toString().split('\r\n')[1].split(',')[1]).toBe(run.sites[0].siteId);
    const xlsx = await h.api('geo.export.ranking', { id: saved.id, format: 'xlsx' });
    expect(Buffer.from(xlsx.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const pdf = await h.api('geo.export.report', { id: saved.id, top: 2 });
    const bytes = Buffer.from(pdf.dataBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-geo-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), bytes);
    if (hasTool('pdftoppm', '-v')) {
      const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-']).toString();
      expect(text).toContain('부지 분석 보고서');
      expect(text).toContain(run.sites[0].siteId);
      expect(text).toMatch(/1위/);
      expect(text).toMatch(/NOT_PUBLIC/);
      expect(text).toMatch(/공공누리/);
      expect(text).toMatch(/seoul-maps/);
      expect(text).toMatch(/EPSG:5186/);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', path.join(dir, 'r.pdf'), path.join(ARTIFACTS, 'site-report')]);
      const fonts = execFileSync('pdffonts', [path.join(dir, 'r.pdf')]).toString();
      expect(fonts).toMatch(/NotoSansKR/);
      expect(fonts).not.toMatch(/Helvetica|Times|Arial/);
    }
  });
});
