// The planners' map end to end: offline map painted with the shipped Seoul layers and Hangul
// labels; a study on synthetic parcels built, run (progress, job), ranked sites, one opened,
// two compared.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, ROOT, shot, type DeskSession } from './support.js';

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
    // Exports call the geo module's methods and download the files.
    const exports = page.getByRole('group', { name: '내보내기' });
    for (const [label, ext] of [['부지 GeoJSON', /\.geojson$/], ['순위 Excel', /\.xlsx$/], ['부지 보고서 PDF', /\.pdf$/]] as const) {
      const dl = page.waitForEvent('download', { timeout: 60_000 });
      await exports.getByRole('button', { name: label }).click();
      const file = await dl;
      expect(file.suggestedFilename()).toMatch(ext);
      const saved = path.join(os.tmpdir(), `ansim-e2e-${Date.now()}-${file.suggestedFilename()}`);
      await file.saveAs(saved);
      if (label === '부지 GeoJSON') expect((JSON.parse(readFileSync(saved, 'utf8')) as { features: unknown[] }).features.length).toBeGreaterThan(1);
      if (label === '부지 보고서 PDF') expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    }
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
