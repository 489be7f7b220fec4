// The layer panel's attribute tools and the study editor's criteria, end to end: an imported
// layer (2,000 polygons with Korean field names) styled by a field with its legend, its
// attribute table sorted, a row selected → highlighted on the map, a map click → its row; a
// criterion added (with its validation beside the field), one removed, and the study run; a
// shipped layer (hospitals) styled by 종류 the same way, its style still there after a reload.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, ROOT, shot, type DeskSession } from './support.js';

let desk: DeskSession;

async function mapIdle(page: Page, timeout = 30_000) {
  await page.waitForTimeout(300);
  await page.waitForSelector('.map-canvas[data-idle="true"]', { timeout, state: 'attached' });
}

const USES = ['주거', '상업', '공업', '녹지', '학교', '공원', '도로', '하천', '주차장', '종교', '의료', '문화', '체육', '창고', '잡종지'];

/** 40 × 50 squares (~45 m) near 서울시청 with 이름, 용도 (15 values: 12 coloured + 기타) and 면적. */
function layerFile(): string {
  const features = [];
  for (let r = 0; r < 40; r++)
    for (let c = 0; c < 50; c++) {
      const i = r * 50 + c;
      const x = 126.96 + c * 0.0006, y = 37.55 + r * 0.0005, d = 0.0005, e = 0.0004;
      features.push({
        type: 'Feature',
        properties: { 이름: `필지-${String(i).padStart(4, '0')}`, 용도: USES[(r + c) % USES.length], 면적: ((i * 7919) % 2000) + 100 },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + e], [x, y + e], [x, y]]] },
      });
    }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-e2e-layer-'));
  const file = path.join(dir, '필지용도.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}

/** How many pixels of the map canvas have each colour (exactly, as a circle's inside is drawn). */
async function colourPixels(page: Page, colours: string[]): Promise<number[]> {
  // Runs in the page (the e2e project has no DOM types): the canvas copied into a 2D context.
  return page.evaluate(`(() => {
    const c = document.querySelector('.map-canvas canvas');
    const ctx = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d');
    ctx.drawImage(c, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const want = ${JSON.stringify(colours)}.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const n = want.map(() => 0);
    for (let i = 0; i < d.length; i += 4) want.forEach((w, k) => { if (Math.abs(d[i] - w[0]) <= 2 && Math.abs(d[i + 1] - w[1]) <= 2 && Math.abs(d[i + 2] - w[2]) <= 2) n[k]++; });
    return n;
  })()`);
}

describe.skipIf(!browserAvailable)('부지 분석: layer styling, attribute table, criteria', () => {
  beforeAll(async () => {
    desk = await openDesk({ timeout: 20_000 });
  }, 90_000);
  afterAll(async () => desk?.close());

  it('styles an imported layer by a field, sorts its attribute table and selects ↔ highlights', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: /부지 분석/ }).click();
    await page.getByRole('heading', { name: '부지 분석', level: 1 }).waitFor();
    await page.getByRole('button', { name: '파일에서 레이어 추가' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /파일 선택/ }).click();
    await (await chooser).setFiles([layerFile()]);
    await page.getByLabel('레이어 이름').fill('필지 용도 (e2e)');
    await page.getByRole('button', { name: '이대로 가져오기' }).click({ timeout: 60_000 });
    const row = page.locator('li[data-layer^="import-"]').filter({ hasText: '필지 용도 (e2e)' });
    await row.waitFor({ timeout: 60_000 });

    // Categories: 12 colours and 기타, the field named in the legend.
    await row.getByRole('button', { name: '속성별 스타일' }).click();
    await row.getByLabel('속성(필드)').selectOption('용도');
    const legend = row.getByRole('list', { name: /범례/ });
    // The 12 most frequent values (then by name) get colours; the other three are 기타.
    const counts = new Map<string, number>();
    for (let r = 0; r < 40; r++) for (let c = 0; c < 50; c++) counts.set(USES[(r + c) % USES.length], (counts.get(USES[(r + c) % USES.length]) ?? 0) + 1);
    const top = [...counts].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0], 'ko')).slice(0, 12).map(([v]) => v);
    await expect.poll(() => legend.getByRole('listitem').allTextContents()).toEqual(['용도', ...top, '기타']);
    await mapIdle(page);
    await shot(page, 'geo-style-categories');
    // Graduated by equal interval on 면적 (100–2099): five classes.
    await row.getByLabel('속성(필드)').selectOption('면적');
    await row.getByLabel('표현 방식').selectOption('equal');
    await expect.poll(() => legend.getByRole('listitem').allTextContents()).toEqual(['면적 · 등간격', '100 – 499.8', '499.8 – 899.6', '899.6 – 1,299.4', '1,299.4 – 1,699.2', '1,699.2 – 2,099']);
    await mapIdle(page);
    await shot(page, 'geo-style-graduated');

    // The attribute table: Korean field names as they are, 2,000 rows paged, sorted by 면적.
    await row.getByRole('button', { name: '속성 표' }).click();
    const table = page.locator('section.attribute-table');
    await table.getByText(/2000건 중 1–50/).waitFor();
    await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual(['이름', '용도', '면적']);
    await table.getByRole('button', { name: '면적' }).click();
    await expect(table.locator('th[aria-sort="ascending"]').textContent()).resolves.toMatch(/면적/);
    const areas = async () => (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
    await expect.poll(async () => (await areas())[0]).toBe(100);
    const a = await areas();
    expect(a).toEqual([...a].sort((x, y) => x - y));
    // Filter by text.
    await table.getByLabel('값으로 찾기').fill('잡종지');
    await expect.poll(async () => (await table.locator('tbody tr td:nth-child(2)').allTextContents()).every((v) => v === '잡종지')).toBe(true);
    await table.getByLabel('값으로 찾기').fill('');
    await expect.poll(async () => (await areas())[0]).toBe(100);

    // Select a row → selected and the map flies to it (highlighted with feature-state).
    const first = table.locator('tbody tr').first();
    const name = await first.locator('td').first().textContent();
    await first.click();
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await page.waitForTimeout(900);
    await mapIdle(page);
    await shot(page, 'geo-table-selected');

    // Sorted the other way the row is on the last page; clicking it on the map (now centred on
    // it) brings its page back with the row selected.
    await table.getByRole('button', { name: /면적/ }).click();
    await expect(table.locator('th[aria-sort="descending"]').count()).resolves.toBe(1);
    await expect.poll(async () => (await areas())[0]).toBe(2099);
    const box = (await page.locator('.map-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const selected = table.locator('tbody tr[aria-selected="true"]');
    await selected.waitFor({ timeout: 15_000 });
    await expect(selected.locator('td').first().textContent()).resolves.toBe(name);
    await table.getByText(/2000건 중 1951–2000/).waitFor();
    await mapIdle(page);
    await shot(page, 'geo-map-click-row');
    expect(desk.errors).toEqual([]);
  }, 150_000);

  it('adds a criterion (refused beside the field first), removes one, and runs the study', async () => {
    const { page } = desk;
    const out = mkdtempSync(path.join(os.tmpdir(), 'ansim-e2e-synth-'));
    execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/ansim.js'), 'geo', 'synth', '--parcels', '2000', '--seed', '5', '--out', out], { stdio: 'ignore' });
    await page.getByRole('tab', { name: '분석 설정' }).click();
    await page.getByRole('button', { name: '새 분석' }).click();
    await page.getByLabel('분석 이름').fill('기준 추가 (e2e)');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'parcels 파일 선택' }).click();
    await (await chooser).setFiles(['parcels.shp', 'parcels.shx', 'parcels.dbf', 'parcels.prj'].map((f) => path.join(out, f)));
    await page.getByText('parcels.shp').waitFor();

    await page.getByRole('button', { name: '평가 기준 추가' }).click();
    const add = page.getByRole('group', { name: '평가 기준 추가' });
    await add.getByLabel('기준 이름 (영문·한글)').fill('area');
    await add.getByRole('button', { name: '기준 넣기' }).click();
    await add.locator('.field.invalid').filter({ hasText: '기준 이름' }).getByText('"area" 기준이 이미 있습니다').waitFor();
    await add.locator('.field.invalid').filter({ hasText: '필지 레이어의 속성' }).waitFor();
    await add.getByLabel('기준 이름 (영문·한글)').fill('저렴함');
    await add.getByLabel('속성 필드').fill('공시지가');
    await add.getByLabel('0점이 되는 값').fill('5000000');
    await add.getByLabel('1점이 되는 값').fill('1000000');
    await add.getByRole('button', { name: '기준 넣기' }).click();
    await add.locator('.field.invalid').filter({ hasText: '1점이 되는 값' }).getByText(/0점이 되는 값보다 커야/).waitFor();
    await add.getByLabel('0점이 되는 값').fill('1000000');
    await add.getByLabel('1점이 되는 값').fill('5000000');
    await add.getByLabel(/뒤집기/).check();
    await add.getByRole('button', { name: '기준 넣기' }).click();
    await page.locator('output[data-criterion="저렴함"]').waitFor();
    await page.getByRole('button', { name: 'price 기준 삭제' }).click();
    await expect(page.locator('output.weight-share').evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')))).resolves.toEqual(['area', 'compact', '저렴함']);
    // Weights renormalise over the new set: 40 / 20 / 20.
    await expect(page.locator('output[data-criterion="저렴함"]').textContent()).resolves.toBe('25.0%');
    await page.getByLabel('최소 부지 면적 (m²)').fill('3000');
    await shot(page, 'geo-criterion-added');

    await page.getByRole('button', { name: '분석 실행' }).click();
    await page.getByRole('list', { name: '후보 부지 순위' }).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: '1위 부지 보기', exact: true }).click();
    const contrib = page.getByRole('table', { name: '기준별 원값과 기여' });
    await expect(contrib.textContent()).resolves.toMatch(/저렴함/);
    await expect(contrib.textContent()).resolves.not.toMatch(/price/);
    await mapIdle(page);
    await shot(page, 'geo-criterion-run');
    expect(desk.errors).toEqual([]);
  }, 180_000);

  it('styles a shipped layer by a field (hospitals by 종류) with its legend, and keeps the style after a reload', async () => {
    const { page } = desk;
    await page.getByRole('button', { name: /부지 분석/ }).click();
    await page.getByRole('tab', { name: '레이어' }).click();
    // The same page: the run's parcels would cover the hospitals, so hide them.
    for (const box of await page.locator('li[data-layer^="run-"] .layer-toggle input, li[data-layer^="sites-"] .layer-toggle input, li[data-layer^="import-"] .layer-toggle input').all()) await box.uncheck();
    const info = page.getByRole('complementary', { name: '선택한 지점의 정보' });
    if (await info.isVisible()) await info.getByRole('button').click();
    const row = page.locator('li[data-layer="shipped:hospitals"]');
    await row.getByRole('button', { name: '속성별 스타일' }).click();
    // The shipped layer's documented fields, by their Korean names.
    await expect.poll(() => row.getByLabel('속성(필드)').locator('option').allTextContents()).toEqual(['(없음: 한 가지 색)', '병원명', '종류', '주소']);
    await row.getByLabel('속성(필드)').selectOption({ label: '종류' });
    // The legend: the field's Korean name, then every 종류 of the repository's 544 hospitals, most frequent first.
    const counts = new Map<string, number>();
    const fc = JSON.parse(readFileSync(path.join(ROOT, 'data/layers/hospitals.geojson'), 'utf8')) as { features: { properties: { type: string } }[] };
    for (const f of fc.features) counts.set(f.properties.type, (counts.get(f.properties.type) ?? 0) + 1);
    const types = [...counts].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0], 'ko')).map(([v]) => v);
    expect(types.length).toBeGreaterThan(3);
    const legend = row.getByRole('list', { name: /병원 범례/ });
    await expect.poll(() => legend.getByRole('listitem').allTextContents()).toEqual(['종류', ...types.slice(0, 12), ...(types.length > 12 ? ['기타'] : [])]);
    // Painted: the map canvas shows the two most frequent types' colours, and no longer the layer's
    // single colour — over all of Seoul (the story's earlier steps left the map on one site; the
    // map handle exists under automation only, see MapCanvas).
    await page.evaluate('globalThis.__ansimMap.fitBounds([[126.76, 37.41], [127.19, 37.72]], { duration: 0 })');
    await mapIdle(page);
    const px = await colourPixels(page, ['#1f78b4', '#e31a1c', '#c2410c']);
    expect(px[0]).toBeGreaterThan(30);
    expect(px[1]).toBeGreaterThan(10);
    expect(px[2]).toBe(0);
    await legend.scrollIntoViewIfNeeded();
    await shot(page, 'geo-style-shipped-hospitals');

    // A new session of the page (reload, signed in again): the style and its legend come back.
    await page.reload();
    // A reloaded page is locked until the PIN is entered again.
    await page.getByLabel('PIN').fill('0000');
    await page.getByRole('button', { name: '잠금 해제' }).click();
    await page.getByRole('button', { name: /부지 분석/ }).click();
    await page.getByRole('heading', { name: '부지 분석', level: 1 }).waitFor();
    const again = page.locator('li[data-layer="shipped:hospitals"]').getByRole('list', { name: /병원 범례/ });
    await expect.poll(() => again.getByRole('listitem').allTextContents(), { timeout: 15_000 }).toEqual(['종류', ...types.slice(0, 12), ...(types.length > 12 ? ['기타'] : [])]);
    await mapIdle(page);
    await again.scrollIntoViewIfNeeded();
    await shot(page, 'geo-style-shipped-reloaded');
    expect(desk.errors).toEqual([]);
  }, 90_000);
});
