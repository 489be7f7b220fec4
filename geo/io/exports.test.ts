// Exports read back by other tools: the Shapefile by GDAL (ogrinfo) and by our importer, the
// workbook by exceljs, the CSV as Excel opens it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../testing/oracle.js';
import { polygonsArea } from '../core/planar.js';
import { rankingCsv, rankingXlsx, readSites, sitesGeoJson, sitesShapefile } from './exports.js';
import { openLayer } from './import.js';
import { runStudy, writeStudyOutputs } from './run.js';
import { synthesize } from './synth.js';

async function runFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'geo-exp-'));
  synthesize({ parcels: 1200, seed: 4, outDir: dir, constraints: 2 });
  const run = await runStudy({
    name: '세대혼합형 주거타운 후보지',
    layers: { parcels: { path: 'parcels.shp' } },
    constraints: [{ type: 'attribute', code: 'ROAD', field: '지목', notIn: ['도'] }],
    criteria: [
      { id: 'price', weight: 2, source: { type: 'attribute', field: '공시지가' }, transform: { type: 'linear', min: 0, max: 2e7, invert: true } },
      { id: 'site_area_long_name', weight: 1, source: { type: 'siteArea' } },
    ],
    assembly: { minArea: 3000 },
    sensitivity: { draws: 50 },
  }, { baseDir: dir });
  const files = writeStudyOutputs(run, join(dir, 'out'));
  return { dir, run, sites: readSites(files.sites) };
}

describe('site and ranking exports', () => {
  it('writes a Shapefile in EPSG:5186 with short DBF names, a field map and a parcel table, read back by GDAL and by the importer', async () => {
    const { dir, run, sites } = await runFixture();
    const zip = await JSZip.loadAsync((await sitesShapefile(sites, run.summary, 'CP949')).bytes);
    const out = join(dir, 'shp');
    execFileSync('mkdir', ['-p', out]);
    for (const [name, f] of Object.entries(zip.files)) writeFileSync(join(out, name), await f.async('uint8array'));
    const base = join(out, '세대혼합형_주거타운_후보지_sites');
    const layer = openLayer(`${base}.shp`);
    const feats = [...layer.features()];
    expect(layer.report).toMatchObject({ crs: 'EPSG:5186', crsSource: 'prj', encoding: 'CP949', skipped: [] });
    expect(feats).toHaveLength(run.sites.length);
    const first = feats.find((f) => f.properties.RANK === 1)!;
    expect(first.properties.SITE_ID).toBe(run.sites[0].siteId);
    expect(first.properties.C2_RAW).toBeCloseTo(run.sites[0].criteria.site_area_long_name.raw!, 3);
    // Geometry back in EPSG:5186: the outline's planar area is the engine's (within a mm²-scale round trip).
    const polys = first.geometry.type === 'Polygon' ? [first.geometry.coordinates] : (first.geometry as { coordinates: number[][][][] }).coordinates;
    expect(polygonsArea(polys)).toBeCloseTo(run.sites[0].planarArea, 0);
    const map = (await zip.file('세대혼합형_주거타운_후보지_fields.csv')!.async('string'));
    expect(map).toMatch(/C2_RAW,site_area_long_name_raw/);
    if (hasTool('ogrinfo')) {
      const info = execFileSync('ogrinfo', ['-so', '-al', `${base}.shp`]).toString();
      expect(info).toMatch(new RegExp(`Feature Count: ${run.sites.length}`));
      expect(info).toMatch(/Korea.2000.*Central.Belt|EPSG.*5186/s);
      for (const n of ['RANK', 'SITE_ID', 'SCORE', 'AREA_M2', 'C1_CONT']) expect(info).toMatch(new RegExp(`^${n}: `, 'm'));
      const rows = execFileSync('ogrinfo', ['-al', '-q', join(out, '세대혼합형_주거타운_후보지_parcels.dbf')]).toString();
      const pnuRows = rows.match(/PNU \(String\) = \d{19}/g) ?? [];
      expect(pnuRows.length).toBe(run.sites.reduce((s, x) => s + x.parcels.length, 0));
    }
  });

  it('writes the ranking as xlsx (read back with exceljs) and as CSV with a BOM, and sites as WGS84 GeoJSON', async () => {
    const { run, sites } = await runFixture();
    const x = await rankingXlsx(sites, run.summary);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.bytes) as never);
    const ws = wb.getWorksheet('순위 Ranking')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['rank', 'site_id', 'score', 'price_contribution']));
    const ranked = run.sites.filter((s) => s.rank !== null);
    expect(ws.rowCount).toBe(ranked.length + 1);
    expect(ws.getRow(2).getCell(2).value).toBe(ranked[0].siteId);
    expect(ws.getRow(2).getCell(4).value).toBeCloseTo(ranked[0].score, 9);
    const ps = wb.getWorksheet('필지 Parcels')!;
    expect(ps.rowCount - 1).toBe(ranked.reduce((s, r) => s + r.parcels.length, 0));
    expect(typeof ps.getRow(2).getCell(3).value).toBe('string');
    const csv = Buffer.from(rankingCsv(sites, run.summary).bytes).toString('utf8');
    expect(csv.startsWith('\ufeffrank,site_id,site,score')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(ranked.length + 1);
    const gj = JSON.parse(Buffer.from(sitesGeoJson(sites, run.summary.name).bytes).toString('utf8'));
    expect(gj.features).toHaveLength(run.sites.length);
    const [lon, lat] = gj.features[0].geometry.coordinates[0][0][0];
    expect(lon).toBeGreaterThan(124);
    expect(lat).toBeGreaterThan(33);
  });
});
