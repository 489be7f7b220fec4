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

  /** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
  async function tabTo(selector: string, opts: { back?: boolean; max?: number } = {}) {
    for (let i = 0; i < (opts.max ?? 80); i++) {
      if (await page.evaluate(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`)) return;
      await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }
  const active = (expr: string) => page.evaluate(`(() => { const a = document.activeElement; return ${expr}; })()`);

  it('keyboard only: signs in (manager radio group, PIN), skips the menu and lands on each screen heading', async () => {
    await page.getByRole('button', { name: '근무 종료' }).click();
    await page.getByRole('radiogroup', { name: '누가 근무 중인가요?' }).waitFor();
    await expect.poll(() => page.title()).toBe('누가 근무 중인가요? · 안심데스크');
    // The PIN field has focus; back to the manager group, which is one Tab stop.
    await tabTo('[role="radio"]', { back: true });
    await page.keyboard.press('End');
    expect(await active(`a.getAttribute('aria-checked')`)).toBe('true');
    expect(await active(`a.textContent`)).toContain('데모 매니저');
    await page.keyboard.press('Tab');
    expect(await active('a.id')).toBe('pin');
    // A wrong PIN: the field says so, and keeps focus.
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await expect.poll(() => active(`a.getAttribute('aria-invalid')`)).toBe('true');
    expect(await active(`document.getElementById(a.getAttribute('aria-describedby')).textContent`)).toMatch(/PIN/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await page.locator('nav#main-nav').waitFor();
    // The desk opens where the manager was; the page title names that screen.
    const heading = (await page.locator('main h1').first().textContent())!.replace(/\s+/g, ' ').trim();
    expect(await page.title()).toBe(`${heading} · 안심데스크`);
    // The first Tab stop is the skip link; it takes focus past the 15 menu stops to the heading.
    expect(await page.evaluate(`document.querySelector('.shell a[href], .shell button, .shell input').className`)).toBe('skip-link');
    await tabTo('a.skip-link', { back: true });
    expect(await page.locator('a.skip-link').boundingBox().then((b) => b && b.y >= 0)).toBe(true); // shown when focused
    await page.keyboard.press('Enter');
    expect(await active('a.tagName')).toBe('H1');
    // Moving to another screen from the menu: its heading gets focus and names the page.
    await page.locator('nav#main-nav').getByRole('button', { name: '고객', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => active('a.tagName + a.textContent')).toBe('H1고객');
    expect(await page.title()).toBe('고객 · 안심데스크');
  });

  it('keyboard only: a checklist run — one Tab stop per question, arrows inside, Space to answer, Y/N/A and J/K kept', async () => {
    await navTo(page, '체크리스트');
    await page.getByTestId('checklist-runs').getByRole('button').first().click();
    await page.getByTestId('checklist-run').waitFor();
    // Every answer group is a radio group named by its question, with one Tab stop; every label points at a control.
    const audit = (await page.evaluate(`(() => {
      const groups = [...document.querySelectorAll('[data-testid="checklist-run"] [role="radiogroup"], [data-testid="checklist-run"] .cl-options[role="group"]')];
      return {
        groups: groups.length,
        unnamed: groups.filter((g) => { const id = g.getAttribute('aria-labelledby'); const el = id && document.getElementById(id); return !el || !el.textContent.trim(); }).length,
        notOneStop: groups.filter((g) => [...g.querySelectorAll('button')].filter((b) => b.tabIndex === 0).length !== 1).length,
        danglingLabels: [...document.querySelectorAll('label[for]')].filter((l) => !document.getElementById(l.htmlFor)).length,
        options: groups.reduce((n, g) => n + g.querySelectorAll('button').length, 0),
        tabStops: [...document.querySelectorAll('[data-testid="checklist-run"] button, [data-testid="checklist-run"] input, [data-testid="checklist-run"] textarea, [data-testid="checklist-run"] select, [data-testid="checklist-run"] a[href]')]
          .filter((el) => el.tabIndex >= 0 && !el.disabled && !el.hidden && el.getClientRects().length > 0).length,
      };
    })()`)) as { groups: number; unnamed: number; notOneStop: number; danglingLabels: number; options: number; tabStops: number };
    expect(audit.groups).toBeGreaterThan(10);
    expect(audit).toMatchObject({ unnamed: 0, notOneStop: 0, danglingLabels: 0 });
    // The answer options alone used to be that many Tab stops; now each group is one.
    expect(audit.tabStops).toBeLessThan(audit.options);
    console.info(`checklist run: ${audit.groups} answer groups with ${audit.options} options; ${audit.tabStops} Tab stops in the run`);

    // Tab into the 수압 question's group: arrows move, Space answers, Tab leaves the group at once.
    const group = page.getByRole('radiogroup', { name: /수압/ });
    await group.locator('button[tabindex="0"]').focus();
    const before = await active(`a.dataset.value`);
    await page.keyboard.press('ArrowRight');
    const moved = await active(`a.dataset.value`);
    expect(moved).not.toBe(before);
    expect(await active(`a.getAttribute('aria-checked')`)).toBe('false'); // an arrow never answers by itself
    await page.keyboard.press('Space');
    await expect.poll(() => active(`a.getAttribute('aria-checked')`)).toBe('true');
    await page.getByTestId('save-state').getByText('저장됨').waitFor();
    await page.keyboard.press('Tab');
    expect(await active(`!!a.closest('[role="radiogroup"]') && a.closest('[role="radiogroup"]') === document.activeElement.closest('[data-testid="item-waterPressure"] [role="radiogroup"]')`)).toBe(false);

    // Y/N/A and J/K still work with focus on an answer.
    const q = page.getByTestId('item-illegalExtensionSigns');
    await q.locator('button[tabindex="0"]').focus();
    await page.keyboard.press('n');
    await expect.poll(() => q.locator('button[data-value="no"]').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('j');
    await expect.poll(() => active(`a.id || a.closest('.cl-item')?.id`)).not.toBe('cl-item-illegalExtensionSigns');

    // The run/summary tabs: a tablist with arrow keys; the panel is tied to its tab.
    await page.getByRole('tab', { name: '점검' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: '요약' }).getAttribute('aria-selected')).toBe('true');
    const panel = await page.getByRole('tabpanel').getAttribute('aria-labelledby');
    expect(await page.getByRole('tab', { name: '요약' }).getAttribute('id')).toBe(panel);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('tab', { name: '점검' }).getAttribute('aria-selected')).toBe('true');
  });

  it('keyboard only: a calculator — tabs by arrows, an empty submit focuses the first error, the result is announced', async () => {
    await navTo(page, '계산기');
    await page.getByRole('heading', { name: '계산기' }).waitFor();
    await page.keyboard.press('Tab');
    await tabTo('[role="tab"][aria-selected="true"]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => active(`a.getAttribute('aria-selected') + a.textContent`)).toBe('true월차임 전환 상한');
    expect(await page.getByRole('tabpanel').getAttribute('id')).toBe(await active(`a.getAttribute('aria-controls')`));
    await page.keyboard.press('Home');
    await expect.poll(() => active('a.textContent')).toBe('중개보수 상한');
    // Into the panel: submit with the deposit empty → focus on the deposit, tied to its message.
    await tabTo('[data-testid="calc-brokerage"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => active(`a.name`)).toBe('deposit');
    expect(await active(`a.getAttribute('aria-invalid')`)).toBe('true');
    expect(await active(`a.getAttribute('aria-required')`)).toBe('true');
    expect(await active(`a.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`)).not.toBe('');
    await page.keyboard.type('1억');
    await page.keyboard.press('Enter');
    const live = page.getByTestId('calc-brokerage').getByTestId('calc-live');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => live.textContent()).toContain('300,000원');
    await shot(page, 'a11y-calculator-keyboard');
  });

  it('keyboard only: closes a viewing with the typed-name confirmation, the manager as witness', async () => {
    await navTo(page, '안심동행');
    await page.getByTestId('viewing-card').first().getByRole('button', { name: '열기' }).click();
    await page.getByTestId('viewing-stop').first().waitFor();
    await page.getByText('확인 방법').waitFor();
    // Choose the typed name: the radio for 'drawn' is checked; an arrow moves to 'typed'.
    await tabTo('input[name="confirm-method"]:checked');
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('typed-confirmation').waitFor();
    expect(await page.getByTestId('typed-confirmation').textContent()).toContain('입회 매니저: 데모 매니저');
    expect(describeViolations(await axeSerious(page))).toBe('');
    await tabTo('input[type="checkbox"]');
    await page.keyboard.press('Space');
    await tabTo('button.viewings-big.primary', { back: true });
    // The name is missing: the field takes focus and says why.
    await page.keyboard.press('Enter');
    await expect.poll(() => active(`a.getAttribute('aria-invalid')`)).toBe('true');
    await page.keyboard.type('김민지');
    await tabTo('button.viewings-big.primary');
    await page.keyboard.press('Enter');
    await page.getByTestId('viewing-closed').waitFor();
    expect(await page.getByTestId('typed-record').textContent()).toMatch(/이름 입력으로 확인 \(.+, 입회 데모 매니저\)/);
    expect(describeViolations(await axeSerious(page))).toBe('');
    await shot(page, 'a11y-viewing-typed');
  });

  it('an inline delete: focus stays inside while open, returns on cancel, lands nearby after deleting; the undo notice waits', async () => {
    await openCase();
    const card = listingCard('302호');
    const trigger = card.getByRole('button', { name: '삭제', exact: true });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = card.getByRole('alertdialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await active(`a.textContent`)).toBe('삭제'); // the confirming button
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await active(`!!a.closest('[role="alertdialog"]')`)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => active(`a.textContent + '|' + !!a.closest('[data-testid="case-listings"]')`)).toBe('삭제|true');
    // Cancel by its button: focus back on the same trigger.
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '취소' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => active(`a.textContent`)).toBe('삭제');
    // Confirm: the listing goes; focus does not fall to <body>.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => active(`a === document.body ? 'body' : a.tagName`)).not.toBe('body');
    // The undo notice holds the only way back: still there after the usual 5 s.
    const undo = page.getByTestId('notice').filter({ has: page.getByRole('button', { name: '되돌리기' }) });
    await undo.waitFor();
    await page.waitForTimeout(5_600);
    expect(await undo.count()).toBe(1);
    await undo.getByRole('button', { name: '되돌리기' }).click();
    await expect.poll(() => listingCard('302호').count()).toBe(1);
  });

  it('a notice stays while the pointer is on it, and goes a few seconds after it leaves', async () => {
    await navTo(page, '고객');
    await page.getByTestId('client-table').getByText('김민지').first().click();
    await page.getByRole('heading', { name: '김민지' }).waitFor();
    await page.getByRole('button', { name: '저장', exact: true }).click();
    const notice = page.getByTestId('notice').filter({ hasText: '저장했습니다' });
    await notice.waitFor();
    await notice.hover();
    await page.waitForTimeout(5_600);
    expect(await notice.count()).toBe(1);
    await page.mouse.move(5, 300);
    await expect.poll(() => notice.count(), { timeout: 8_000 }).toBe(0);
  });

  it('language: <html lang> follows the stored choice after a reload; Hangul on English screens is marked lang="ko"', async () => {
    await navTo(page, '고객');
    await toggleLanguage();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    const name = page.getByTestId('client-table').getByText('김민지').first();
    await expect.poll(() => name.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('ko');
    expect(await page.locator('nav#main-nav button.lang').getAttribute('lang')).toBe('ko'); // "한국어", in Korean
    await page.reload();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByLabel('PIN').fill('0000');
    await page.getByLabel('PIN').press('Enter');
    await page.locator('nav#main-nav').waitFor();
    expect(await page.locator('nav#main-nav').getAttribute('aria-label')).toBe('Main menu');
    await toggleLanguage();
    expect(await page.evaluate('document.documentElement.lang')).toBe('ko');
    await expect.poll(() => page.locator('[data-auto-lang]').count()).toBe(0);
  });

  it('left no page errors (besides the validation answers the tests asked for)', () => {
    const unexpected = errors.filter((e) => !/api\/(calc\.run|viewings\.close|session\.start)$/.test(e) && !/status of 400/.test(e));
    expect(unexpected, errors.join('\n')).toEqual([]);
  });
});
