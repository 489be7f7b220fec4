// Issue 13 through the real UI: an address typed as managers type it is read as Seoul and the
// calculator says so and which reference pack it used; Settings shows the pack's verification date
// and lets the coordinator (the demo manager) see the managers' roles and edit a profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, shot, type DeskSession } from './support.js';

describe.skipIf(!browserAvailable)(browserAvailable ? 'legal currency and the reference pack' : 'legal — skipped: no Chromium', () => {
  let desk: DeskSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    desk = await openDesk({ timeout: 10_000 });
    ({ page, errors } = desk);
  });
  afterAll(async () => desk?.close());

  it('reads 「관악구 봉천동 123」 as 서울특별시 관악구 and names the reference pack', async () => {
    await page.getByRole('button', { name: '계산기', exact: true }).click();
    await page.getByRole('heading', { name: '계산기' }).waitFor();
    await page.getByRole('tab', { name: '최우선변제' }).click();
    const form = page.getByTestId('calc-priority-repayment');
    await form.getByLabel('주소').fill('관악구 봉천동 123');
    await form.getByLabel('보증금').fill('1억5천');
    await form.getByRole('button', { name: '계산' }).click();
    await expect.poll(() => form.getByTestId('calc-result').locator('dd[data-key=resolution]').textContent()).toContain('서울특별시 관악구로 판단');
    expect(await form.getByTestId('calc-result').locator('dd[data-key=regionGroup]').textContent()).toBe('서울');
    expect(await form.getByTestId('calc-pack').textContent()).toContain('내용 확인일 2026-12-06');
    await form.scrollIntoViewIfNeeded();
    await shot(page, 'legal-01-address-resolution');
  });

  it('Settings shows the pack in force with its verification date, and the coordinator role', async () => {
    await page.getByRole('button', { name: '설정', exact: true }).click();
    const panel = page.getByTestId('reference-pack');
    await expect.poll(() => panel.textContent()).toContain('내용 확인일 2026-12-06');
    expect(await panel.textContent()).toContain('앱 기본 제공');
    expect(await page.locator('ul.plain').first().textContent()).toContain('코디네이터');
    await page.getByRole('button', { name: /^수정 · 데모 매니저/ }).click();
    const f = page.getByRole('form', { name: /수정 · 데모 매니저/ });
    await f.getByLabel('센터').fill('관악구 1인가구지원센터');
    await f.getByRole('button', { name: '저장' }).click();
    await expect.poll(() => page.locator('ul.plain').first().textContent()).toContain('관악구 1인가구지원센터');
    await shot(page, 'legal-02-settings');
    expect(errors).toEqual([]);
  });
});
