// The planners' map end to end: offline map painted with the shipped Seoul layers and Hangul
// labels; a study on synthetic parcels built, run (progress, job), ranked sites, one opened,
// two compared, and every export read back (GeoJSON; Shapefile with ogrinfo; CSV; xlsx with
// exceljs; the PDF rendered with pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ARTIFACTS, browserAvailable, openDesk, ROOT, shot, type DeskSession } from './support.js';

let desk: DeskSession;

async function mapIdle(page: Page, timeout = 30_000) {
  await page.waitForSelector('.map-canvas[data-idle="true"]', { timeout, state: 'attached' });
}

describe.skipIf(!browserAvailable)('부지 분석 map', () => {
  beforeAll(async () => {
    desk = await openDesk({ timeout: 20_000 });
  }, 90_000);
  afterAll(async () => desk?.close());

  it('paints the offline map with the shipped boundaries and Hangul labels', async () => {
    const { page } = desk;
    // No request may leave the machine: the map is offline by default.
    const remote: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !u.protocol.startsWith('blob') && !u.protocol.startsWith('data')) remote.push(r.url());
    });
    await page.getByRole('button', { name: /부지 분석/ }).click();
    await page.getByRole('heading', { name: '부지 분석', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: '자치구 경계' }).waitFor();
    await mapIdle(page);
    await page.waitForTimeout(500);
    await mapIdle(page);
    await shot(page, 'geo-map-seoul');
    expect(remote).toEqual([]);
    // Attributions of the shipped layers are on the map.
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toMatch(/seoul-maps/);
    expect(desk.errors).toEqual([]);
  }, 90_000);

  it('builds a study, runs it as a job, ranks sites, opens one and compares two', async () => {
    const { page, host } = desk;
    // Synthetic parcels (a CP949 Shapefile with .prj), picked in the browser's file dialog and uploaded.
    const out = mkdtempSync(path.join(os.tmpdir(), 'ansim-e2e-synth-'));
    execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/ansim.js'), 'geo', 'synth', '--parcels', '3000', '--seed', '3', '--out', out], { stdio: 'ignore' });
    void host;

    await page.getByRole('tab', { name: '분석 설정' }).click();
    await page.getByRole('button', { name: '새 분석' }).click();
    await page.getByLabel('분석 이름').fill('세대혼합형 주거타운 후보지 (e2e)');
    // Saving without a parcel file is refused, with the message beside the layer.
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.locator('.field.invalid').filter({ hasText: '필지 레이어' }).getByRole('alert').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'parcels 파일 선택' }).click();
    await (await chooser).setFiles(['parcels.shp', 'parcels.shx', 'parcels.dbf', 'parcels.prj'].map((f) => path.join(out, f)));
    await page.getByText('parcels.shp').waitFor();
    // Weights renormalise live as a slider moves: area 40 → 80 of 80+20+40.
    await page.getByLabel('area 가중치').fill('80');
    await expect(page.locator('output[data-criterion="area"]').textContent()).resolves.toBe('57.1%');
    // A bad value is named beside its field, and nothing is lost.
    await page.getByLabel('최소 부지 면적 (m²)').fill('-5');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.locator('.field.invalid').filter({ hasText: '최소 부지 면적' }).locator('.error').waitFor();
    await page.getByLabel('최소 부지 면적 (m²)').fill('3000');
    // AHP: a judgement that contradicts itself shows its consistency ratio above 0.10.
    await page.getByLabel('AHP 쌍대비교로 가중치 정하기').check();
    await page.getByLabel('area 대 compact').selectOption('9');
    await page.getByLabel('area 대 price').selectOption(String(1 / 9));
    await page.getByLabel('compact 대 price').selectOption('9');
    await expect(page.getByText(/일관성 비율 CR = /).textContent()).resolves.toMatch(/0\.10을 넘습니다/);
    await page.getByLabel('AHP 쌍대비교로 가중치 정하기').uncheck();
    await shot(page, 'geo-study-editor');

    await page.getByRole('button', { name: '분석 실행' }).click();
    await page.getByRole('status').filter({ hasText: '분석 진행' }).waitFor();
    await page.getByRole('list', { name: '후보 부지 순위' }).waitFor({ timeout: 60_000 });
    const rows = page.getByRole('list', { name: '후보 부지 순위' }).getByRole('listitem');
    expect(await rows.count()).toBeGreaterThan(1);
    await mapIdle(page);

    await page.getByRole('button', { name: '1위 부지 보기', exact: true }).click();
    await page.getByRole('heading', { name: '1위 부지', exact: true }).waitFor();
    await expect(page.getByRole('table', { name: '기준별 원값과 기여' }).textContent()).resolves.toMatch(/area/);
    await page.locator('.site-detail summary').click();
    await expect(page.locator('.pnu-list li').first().textContent()).resolves.toMatch(/^\d{19}$/);
    await rows.nth(0).getByLabel('비교').check();
    await rows.nth(1).getByLabel('비교').check();
    const compare = page.getByRole('table', { name: '부지 비교' });
    await expect(compare.getByRole('columnheader').allTextContents()).resolves.toEqual(['', '1위 부지', '2위 부지']);
    // Exports call the geo module's methods and download the files; each is read back with the
    // tool a planner's colleague would open it in.
    const exports = page.getByRole('group', { name: '내보내기' });
    const download = async (label: string, ext: RegExp): Promise<string> => {
      const dl = page.waitForEvent('download', { timeout: 60_000 });
      await exports.getByRole('button', { name: label }).click();
      const file = await dl;
      expect(file.suggestedFilename()).toMatch(ext);
      const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'ansim-e2e-export-')), file.suggestedFilename());
      await file.saveAs(saved);
      return saved;
    };
    // GeoJSON (WGS84): every site, ranked or not; the ranked ones in rank order define the rest.
    type SiteProps = { rank: number | null; siteId: string };
    const geojson = JSON.parse(readFileSync(await download('부지 GeoJSON', /\.geojson$/), 'utf8')) as { features: { properties: SiteProps }[] };
    expect(geojson.features.length).toBeGreaterThan(1);
    const ranked = geojson.features.map((f) => f.properties).filter((p) => p.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(ranked.map((p) => p.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(await rows.count()).toBe(ranked.length);

    // Shapefile (EPSG:5186, CP949): a zip of .shp/.shx/.dbf/.prj/.cpg, the parcel list as its own
    // table and the field-name map; read back with GDAL's ogrinfo.
    const zipPath = await download('부지 Shapefile', /_sites_EPSG5186\.zip$/);
    const shpDir = path.dirname(zipPath);
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    for (const [name, entry] of Object.entries(zip.files)) writeFileSync(path.join(shpDir, name), await entry.async('nodebuffer'));
    const names = Object.keys(zip.files);
    const base = names.find((n) => n.endsWith('_sites.shp'))!.slice(0, -'_sites.shp'.length);
    expect(base).toBe('세대혼합형_주거타운_후보지_(e2e)'); // the study's Hangul name, decoded from the zip
    expect(names.sort()).toEqual(['_fields.csv', '_parcels.cpg', '_parcels.dbf', '_sites.cpg', '_sites.dbf', '_sites.prj', '_sites.shp', '_sites.shx'].map((n) => base + n).sort());
    expect(readFileSync(path.join(shpDir, `${base}_sites.cpg`), 'utf8')).toBe('CP949');
    const ogr = (...args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });
    const info = ogr('-al', '-so', path.join(shpDir, `${base}_sites.shp`));
    expect(info).toMatch(new RegExp(`Feature Count: ${geojson.features.length}\\b`));
    expect(info).toMatch(/Geometry: (Multi )?Polygon/);
    expect(info).toMatch(/ID\["EPSG",5186\]/); // the .prj, recognised by GDAL as Korea 2000 / Central Belt 2010
    expect(info).toMatch(/SITE_ID: String \(24\.0\)/);
    // The .cpg is honoured: GDAL decodes the DBF as CP949.
    expect(ogr('-al', '-so', '-mdd', 'SHAPEFILE', path.join(shpDir, `${base}_sites.shp`))).toMatch(/SOURCE_ENCODING=CP949/);
    // The values: each ranked site's SITE_ID and RANK as in the GeoJSON.
    const values = ogr('-al', '-q', '-geom=NO', path.join(shpDir, `${base}_sites.shp`));
    const shpRanks = new Map([...values.matchAll(/RANK \(Integer\) = (\d+)\n\s+SITE_ID \(String\) = (\d+)/g)].map((m) => [Number(m[1]), m[2]]));
    expect(shpRanks).toEqual(new Map(ranked.map((p) => [p.rank!, p.siteId])));
    // The parcel list table: one row per parcel of every site, 19-digit PNUs as text.
    const parcels = ogr('-al', '-q', path.join(shpDir, `${base}_parcels.dbf`));
    const pnus = [...parcels.matchAll(/PNU \(String\) = (\d+)/g)].map((m) => m[1]);
    expect(pnus.length).toBeGreaterThan(geojson.features.length);
    expect(pnus.every((p) => p.length === 19)).toBe(true);
    // The field-name map (UTF-8 with BOM): the 10-byte DBF names with their Korean descriptions, decoded.
    const fieldMap = ogr('-al', '-q', path.join(shpDir, `${base}_fields.csv`));
    expect(fieldMap).toMatch(/dbf_field \(String\) = SITE_ID\n\s+full_name \(String\) = site_id\n\s+설명 description \(String\) = 부지 ID \(구성 필지 중 가장 작은 PNU\)/);

    // The ranking as CSV: UTF-8 with a BOM (Excel opens Hangul), a site_id column, rows in rank order.
    const csvBytes = readFileSync(await download('순위 CSV', /_ranking\.csv$/));
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvBytes.toString('utf8').slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    expect(csv[0].slice(0, 3)).toEqual(['rank', 'site_id', 'site']);
    expect(csv.slice(1).map((r) => [Number(r[0]), r[1]])).toEqual(ranked.map((p) => [p.rank, p.siteId]));

    // The ranking as Excel, read back with exceljs: the same rows, site ids as text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download('순위 Excel', /\.xlsx$/));
    const sheet = wb.getWorksheet('순위 Ranking')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['rank', 'site_id']);
    const xrows: [number, string][] = [];
    sheet.eachRow((r, n) => { if (n > 1) xrows.push([Number(r.getCell(1).value), String(r.getCell(2).value)]); });
    expect(xrows).toEqual(ranked.map((p) => [p.rank!, p.siteId]));

    // The site report PDF, rendered with poppler: a page image, and the Hangul text extractable.
    const pdf = await download('부지 보고서 PDF', /\.pdf$/);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', pdf, path.join(ARTIFACTS, 'geo-site-report')]);
    const png = readdirSync(ARTIFACTS).find((f) => /^geo-site-report-0*1\.png$/.test(f))!;
    expect(statSync(path.join(ARTIFACTS, png)).size).toBeGreaterThan(10_000);
    const text = execFileSync('pdftotext', ['-l', '2', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(new RegExp(ranked[0].siteId));
    expect(text).toMatch(/부지 분석 보고서/);
    // Every character drawn from the shipped font (a missing glyph prints as '?').
    expect(text).toMatch(/S = Σ w_i·s_i \(Σ w_i = 1\)/);
    expect(text).not.toMatch(/\?/);
    await page.waitForTimeout(700);
    await mapIdle(page);
    await shot(page, 'geo-study-results');
    // The one refused save (400) was the intended validation case.
    expect(desk.errors.filter((e) => !/geo\.studies\.save|status of 400/.test(e))).toEqual([]);
  }, 150_000);

  it('adds a layer from a CP949 CSV: upload, the 5174/5181 question answered, decoded preview, then on the map', async () => {
    const { page } = desk;
    await page.getByRole('tab', { name: '레이어' }).click();
    await page.getByRole('button', { name: '파일에서 레이어 추가' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /파일 선택/ }).click();
    await (await chooser).setFiles([path.join(ROOT, 'geo/testing/fixtures/seoul/amenities/seoul_hospital_permits.cp949.csv')]);
    // The LOCALDATA coordinates fit both 5174 and 5181: the app asks.
    await page.getByRole('group', { name: '좌표계를 골라 주세요' }).waitFor({ timeout: 30_000 });
    await page.getByLabel(/EPSG:5174/).check();
    await page.getByRole('table', { name: '읽은 값 미리보기 (앞 5행)' }).waitFor({ timeout: 30_000 });
    const dl = page.locator('.inspection dl');
    await expect(dl.textContent()).resolves.toMatch(/EPSG:5174/);
    await expect(dl.textContent()).resolves.toMatch(/CP949/);
    // Hangul decoded from CP949 (a hospital name or address), not mojibake.
    await expect(page.getByRole('table', { name: '읽은 값 미리보기 (앞 5행)' }).textContent()).resolves.toMatch(/병원|서울특별시/);
    await mapIdle(page);
    await shot(page, 'geo-import-preview');
    await page.getByLabel('레이어 이름').fill('병원 인허가 (e2e)');
    await page.getByRole('button', { name: '이대로 가져오기' }).click();
    await page.locator('li[data-layer^="import-"]').filter({ hasText: '병원 인허가 (e2e)' }).waitFor({ timeout: 60_000 });
    await mapIdle(page);
    await shot(page, 'geo-import-added');
  }, 150_000);

  it('입지 안내: a place typed in shows the nearest stations with straight and walking distances', async () => {
    const { page } = desk;
    await page.getByRole('tab', { name: '입지 안내' }).click();
    await page.getByLabel('경도').fill('126.9516');
    await page.getByLabel('위도').fill('37.4784');
    await page.getByRole('button', { name: '주변 보기' }).click();
    const stations = page.getByRole('list', { name: '지하철역' });
    await expect(stations.getByRole('listitem').first().textContent()).resolves.toMatch(/서울대입구.*직선 [\d,]+ m.*걸어서 약 [\d,]+ m/);
    await page.getByText(/직선거리 × 1\.3/).waitFor();
    await mapIdle(page);
    await shot(page, 'geo-surroundings');
  }, 90_000);
});
