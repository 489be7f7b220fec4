// The planners' map end to end: offline map painted with the shipped Seoul layers and Hangul
// labels; a study on synthetic parcels built, run (progress, job), ranked sites, one opened,
// two compared.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
    // Synthetic parcels (a CP949 Shapefile) in the desk's geo folder, as a planner's import leaves them.
    const out = path.join(host.dataDir, 'geo', 'parcels');
    mkdirSync(out, { recursive: true });
    execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/ansim.js'), 'geo', 'synth', '--parcels', '3000', '--seed', '3', '--out', out], { stdio: 'ignore' });

    await page.getByRole('tab', { name: '분석 설정' }).click();
    await page.getByRole('button', { name: '새 분석' }).click();
    await page.getByLabel('분석 이름').fill('세대혼합형 주거타운 후보지 (e2e)');
    // Weights renormalise live as a slider moves: area 40 → 80 of 80+20+40.
    await page.getByLabel('area 가중치').fill('80');
    await expect(page.locator('output[data-criterion="area"]').textContent()).resolves.toBe('57.1%');
    // A bad value is named beside its field, and nothing is lost.
    await page.getByLabel('최소 부지 면적 (m²)').fill('-5');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.locator('.field.invalid').filter({ hasText: '최소 부지 면적' }).getByRole('alert').waitFor();
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
    await page.waitForTimeout(700);
    await mapIdle(page);
    await shot(page, 'geo-study-results');
    // The one refused save (400) was the intended validation case.
    expect(desk.errors.filter((e) => !/geo\.studies\.save|status of 400/.test(e))).toEqual([]);
  }, 150_000);
});
