// A listing inspection in the real UI against the real host and SQLite: start 현장점검 from the
// demo case's listing, answer by click and by keyboard, give a problem answer that demands a
// photo and attach one, KILL the host (SIGKILL), restart it on the same data directory, find
// every answer and the "recovered" notice, finish the required items, complete, see the verdict.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, shot, signIn, startHost, tempDataDir, watchErrors, type RunningHost } from './support.js';

describe.skipIf(!browserAvailable)(browserAvailable ? 'checklist runs' : 'checklist runs — skipped: no Chromium (apt-get install chromium)', () => {
  let host: RunningHost;
  let browser: BrowserContext;
  let page: Page;
  let errors: string[];
  const dataDir = tempDataDir();
  const photoFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'ansim-photo-')), '결로-안방.jpg');

  beforeAll(async () => {
    writeFileSync(photoFile, await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#7d8f9c' } })
      .composite([{ input: Buffer.from('<svg width="1600" height="1200"><rect x="200" y="150" width="1200" height="900" fill="none" stroke="#fff" stroke-width="40"/><circle cx="500" cy="400" r="120" fill="#3d4a55"/></svg>') }])
      .jpeg({ quality: 90 })
      .toBuffer());
    host = await startHost(dataDir);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  const item = (id: string) => page.getByTestId(`item-${id}`);
  const option = (id: string, value: string) => item(id).locator(`button[data-value="${value}"]`);
  const saved = () => page.getByTestId('save-state').getByText('저장됨').waitFor();

  it('starts 현장점검 from the demo case listing and saves answers as they are given', async () => {
    await page.goto(host.url);
    await signIn(page, '데모 매니저', '0000');
    await page.getByRole('button', { name: '상담', exact: true }).click();
    await page.getByTestId('case-table').getByText('김민지').click();
    const card = page.getByTestId('case-listings').locator('li', { hasText: '302호' });
    await card.getByRole('button', { name: '체크리스트' }).click();
    await page.getByRole('heading', { name: '이 매물의 체크리스트' }).waitFor();
    await page.getByTestId('checklist-templates').getByRole('button', { name: /현장점검/ }).click();
    await page.getByTestId('checklist-run').waitFor();
    // The run starts with what the case knows (lease module): the listing's building type and floor,
    // marked as taken from the listing; the run is not complete.
    await expect.poll(() => item('buildingType').getByTestId('prefilled').textContent()).toBe('매물에서 가져옴');
    await expect.poll(() => page.getByTestId('verdict').first().textContent()).toContain('미완료');
    await expect.poll(() => page.getByTestId('keyboard-help').textContent()).toContain('Y 예');

    await item('viewedOn').locator('input').fill('2026-11-27');
    await item('viewedOn').locator('input').blur();
    await saved();
    // 다가구 is already chosen from the listing (prefilled); clicking it again would clear it.
    expect(await option('buildingType', 'dagagu').getAttribute('aria-checked')).toBe('true');
    await option('unitMatchesRegistry', 'yes').click();
    // Keyboard: focus an item, N answers it, J moves on.
    await item('roomSplitSigns').click();
    await page.keyboard.press('n');
    await expect.poll(() => option('roomSplitSigns', 'no').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('j');
    await page.keyboard.press('n');
    await expect.poll(() => option('illegalExtensionSigns', 'no').getAttribute('aria-checked')).toBe('true');
    await option('waterPressure', 'good').click();
    await item('hotWaterSeconds').locator('input').fill('20');
    await item('hotWaterSeconds').locator('input').press('Enter');
    await saved();
  });

  it('demands a photo for a problem answer and takes one from the file picker', async () => {
    await option('condensation', 'yes').click();
    await item('condensation').getByText('이 답에는 사진이 필요합니다.').waitFor();
    await page.getByTestId('problems').getByText('창틀', { exact: false }).first().waitFor();
    await item('condensation').getByTestId('photo-input').first().setInputFiles(photoFile);
    await item('condensation').getByTestId('thumbs-condensation').locator('img').waitFor();
    await expect.poll(() => item('condensation').getByText('이 답에는 사진이 필요합니다.').count()).toBe(0);
    await saved();
    await item('condensation').scrollIntoViewIfNeeded();
    await shot(page, 'checklists-01-run');
  });

  it('after the host is killed and restarted, shows every answer and says it recovered the run', async () => {
    await host.stop('SIGKILL');
    host = await startHost(dataDir);
    await page.goto(host.url);
    await signIn(page, '데모 매니저', '0000');
    await page.getByRole('button', { name: '체크리스트', exact: true }).click();
    await page.getByTestId('checklist-runs').getByRole('button', { name: /현장점검/ }).click();
    await page.getByTestId('recovered').getByText('중단된 체크리스트를 복구했습니다').waitFor();
    expect(await item('viewedOn').locator('input').inputValue()).toBe('2026-11-27');
    for (const [id, value] of [['buildingType', 'dagagu'], ['unitMatchesRegistry', 'yes'], ['roomSplitSigns', 'no'], ['illegalExtensionSigns', 'no'], ['waterPressure', 'good'], ['condensation', 'yes']]) {
      expect(await option(id, value).getAttribute('aria-checked'), id).toBe('true');
    }
    expect(await item('hotWaterSeconds').locator('input').inputValue()).toBe('20');
    await item('condensation').getByTestId('thumbs-condensation').locator('img').waitFor();
  });

  it('finishes the required items, completes the run and shows the verdict', async () => {
    const complete = page.getByTestId('complete');
    for (let round = 0; round < 8 && !(await complete.isEnabled()); round++) {
      const ids = await page.locator('.cl-item:not(.answered)').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
      for (const testId of ids) {
        const el: Locator = page.getByTestId(testId);
        if (!(await el.count()) || (await el.locator('.badge', { hasText: '선택' }).count()) > 0) continue; // hidden since, or optional
        const type = await el.getAttribute('data-type');
        if (type === 'yesno' || type === 'single' || type === 'multi') {
          await el.locator('button.sev-ok').first().click();
        } else if (type === 'money') {
          await el.locator('input').fill('7만');
          await el.locator('input').blur();
        } else if (type === 'number') {
          await el.locator('input').fill('10');
          await el.locator('input').press('Enter');
        } else if (type === 'date') {
          await el.locator('input').fill('2026-11-27');
          await el.locator('input').blur();
        } else {
          await el.locator('input, textarea').first().fill('확인함');
          await el.locator('input, textarea').first().blur();
        }
        await expect.poll(() => el.getAttribute('class'), { timeout: 5000 }).toContain('answered');
      }
      await saved();
    }
    await expect.poll(() => complete.isEnabled()).toBe(true);
    await complete.click();
    await page.getByText('체크리스트를 완료했습니다.').waitFor();
    await page.getByText('완료된 체크리스트입니다.').waitFor();
    await page.getByRole('tab', { name: '요약' }).click();
    const summary = page.getByTestId('summary');
    await expect.poll(() => summary.getByTestId('verdict').first().textContent()).toBe('주의');
    await summary.getByTestId('drivers').getByText('예', { exact: false }).first().waitFor();
    expect(await summary.getByTestId('summary-counts').textContent()).toMatch(/위험 0 · 주의 1/);
    await shot(page, 'checklists-02-summary');
    // The list from the navigation shows it completed, most recent first.
    await page.getByRole('button', { name: '체크리스트', exact: true }).click();
    await page.getByTestId('checklist-runs').getByText('완료').first().waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it("adds a district's template from a file, and refuses one that would replace a published version", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-tpl-'));
    const tpl = {
      id: 'gwanak-extra', version: 1, title: { ko: '관악구 추가 점검', en: 'Gwanak extra checks' },
      sections: [{ id: 's', title: { ko: '골목', en: 'Alley' }, items: [{ id: 'steepSlope', type: 'yesno', prompt: { ko: '급경사 길입니까?', en: 'Steep road?' }, help: { ko: '겨울철 빙판', en: 'Ice in winter' }, options: [{ value: 'yes', severity: 'caution' }, { value: 'no', severity: 'ok' }] }] }],
    };
    writeFileSync(path.join(dir, 'gwanak.json'), JSON.stringify(tpl));
    writeFileSync(path.join(dir, 'gwanak-again.json'), JSON.stringify({ ...tpl, title: { ko: '바꾼 제목', en: 'Changed' } }));
    await page.getByTestId('template-input').setInputFiles(path.join(dir, 'gwanak.json'));
    await page.getByText('양식 「관악구 추가 점검」 v1을(를) 추가했습니다.').waitFor();
    await page.getByTestId('template-input').setInputFiles(path.join(dir, 'gwanak-again.json'));
    await page.getByRole('alert').getByText('게시된 버전은 바꿀 수 없습니다', { exact: false }).waitFor();
    expect(await page.locator('.cl-templates li', { hasText: '관악구 추가 점검' }).count()).toBe(1);
    // The refusal is an HTTP 400 by design; the browser logs it (as the call and as a console line).
    expect(errors.filter((e) => !/\/api\/checklists\.templates\.add|status of 400/.test(e)), errors.join('\n')).toEqual([]);
  });
});
