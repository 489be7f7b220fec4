// A listing's place (입지 안내) through the real UI: the demo listing placed by typed coordinates
// on the case screen, the nearest stations listed with the walk factor, the small offline map
// painted (screenshot e2e/artifacts/listing-map.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, shot, type DeskSession } from './support.js';

describe.skipIf(!browserAvailable)(browserAvailable ? 'listing map' : 'listing map — skipped: no Chromium', () => {
  let desk: DeskSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    desk = await openDesk({ timeout: 15_000 });
    ({ page, errors } = desk);
  });
  afterAll(async () => desk?.close());

  it('places the demo listing by typed coordinates and lists the nearest stations', async () => {
    await page.getByRole('button', { name: '상담', exact: true }).click();
    await page.locator('tr.clickable').filter({ hasText: '김민지' }).first().click();
    await page.getByTestId('case-listings').waitFor();
    await page.locator('li.listing-card').filter({ hasText: '신림로' }).getByRole('button', { name: '입지', exact: true }).click();
    const panel = page.getByTestId('listing-place');
    await panel.waitFor();
    await panel.getByLabel('경도').fill('126.952832');
    await panel.getByLabel('위도').fill('37.481291');
    await panel.getByRole('button', { name: '이 좌표로 저장' }).click();
    await expect.poll(() => panel.getByTestId('place-status').textContent()).toContain('126.952832, 37.481291 (좌표 입력)');
    const list = panel.getByRole('list', { name: '지하철역' });
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('서울대입구');
    const text = (await panel.getByTestId('place-surroundings').textContent()) ?? '';
    expect(text).toMatch(/직선 \d/);
    expect(text).toContain('× 1.3');
    expect(await panel.getByTestId('place-sources').textContent()).toContain('열린데이터광장');
    await page.waitForSelector('.listing-place .map-canvas[data-idle="true"]', { timeout: 15_000, state: 'attached' });
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'listing-map');
    expect(errors).toEqual([]);
  });
});
