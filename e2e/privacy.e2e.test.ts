// Issue 10 item 7 end to end, clicked through the real UI against the real host and SQLite:
// a double-click on 저장 creates one client, and on 계획 저장 one viewing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, shot, type DeskSession } from './support.js';

/** Calls the API from the page with its own token (to count what was stored). */
function apiFromPage<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const t = sessionStorage.getItem('ansim.token');
      const r = await fetch(`/api/${m}`, { method: 'POST', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' }, body: JSON.stringify(i) });
      return ((await r.json()) as { result: unknown }).result;
    },
    [method, input] as const,
  ) as Promise<T>;
}

describe.skipIf(!browserAvailable)(browserAvailable ? 'privacy and saving' : 'privacy and saving — skipped: no Chromium', () => {
  let desk: DeskSession;
  let page: Page;

  beforeAll(async () => {
    desk = await openDesk({ timeout: 15_000 });
    page = desk.page;
  });
  afterAll(async () => desk?.close());

  it('a double-click on 저장 creates one client', async () => {
    await page.getByRole('button', { name: '고객', exact: true }).click();
    await page.getByRole('button', { name: '+ 새 고객' }).click();
    await page.getByLabel('고객이 동의했습니다').check();
    await page.locator('input[name=name]').fill('두번누름');
    await page.getByRole('button', { name: '저장' }).dblclick();
    await page.getByRole('heading', { name: '두번누름' }).waitFor();
    const found = await apiFromPage<unknown[]>(page, 'clients.list', { query: '두번누름' });
    expect(found.length).toBe(1);
  });

  it('typed input survives a reload (and the lock that follows it); Back asks before leaving a changed form', async () => {
    await page.getByRole('button', { name: '고객', exact: true }).click();
    await page.getByRole('button', { name: '+ 새 고객' }).click();
    await page.getByLabel('고객이 동의했습니다').check();
    await page.locator('input[name=name]').fill('초안보존');
    await page.locator('textarea[name=notes]').fill('아직 저장하지 않은 메모');
    // Back asks; staying keeps the input.
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.getByRole('button', { name: '뒤로' }).click();
    expect(asked).toContain('저장하지 않은 변경');
    expect(await page.locator('input[name=name]').inputValue()).toBe('초안보존');
    await page.waitForTimeout(1200); // the draft is saved shortly after typing
    await page.reload();
    // A reloaded page is locked until the PIN is entered again.
    await page.getByLabel('PIN').fill('0000');
    await page.getByRole('button', { name: '잠금 해제' }).click();
    await page.getByRole('heading', { name: '오늘의 데스크' }).waitFor();
    await page.getByRole('button', { name: '고객', exact: true }).click();
    await page.getByRole('button', { name: '+ 새 고객' }).click();
    await page.getByText(/저장하지 않은 입력을 되살렸습니다/).waitFor();
    expect(await page.locator('input[name=name]').inputValue()).toBe('초안보존');
    expect(await page.locator('textarea[name=notes]').inputValue()).toBe('아직 저장하지 않은 메모');
    await shot(page, 'privacy-02-draft-restored');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByRole('heading', { name: '초안보존' }).waitFor();
    // Saved: the draft is gone, and leaving no longer asks.
    await page.getByRole('button', { name: '뒤로' }).click();
    await page.getByRole('button', { name: '+ 새 고객' }).waitFor();
  });

  it('a double-click on 계획 저장 creates one viewing', async () => {
    await page.getByRole('button', { name: '상담', exact: true }).click();
    await page.getByTestId('case-table').getByRole('button', { name: '김민지' }).click();
    await page.getByTestId('case-listings').getByRole('button', { name: '동행 계획' }).first().click();
    await page.getByRole('heading', { name: /동행 계획 · 김민지/ }).waitFor();
    await page.getByLabel('만나는 곳').fill('신림역 4번 출구');
    await page.getByRole('button', { name: '계획 저장' }).dblclick();
    await page.getByRole('heading', { name: /현장 기록 · 김민지/ }).waitFor();
    const cases = await apiFromPage<{ id: string; clientName: string | null }[]>(page, 'cases.list', { query: '김민지' });
    const viewings = await apiFromPage<unknown[]>(page, 'viewings.forCase', { caseId: cases[0].id });
    expect(viewings.length).toBe(1);
    await shot(page, 'privacy-01-one-viewing');
    expect(desk.errors).toEqual([]);
  });

  it('a long memo without spaces wraps instead of widening the page', async () => {
    await page.getByRole('button', { name: '고객', exact: true }).click();
    await page.getByRole('button', { name: '+ 새 고객' }).click();
    await page.getByLabel('고객이 동의했습니다').check();
    await page.locator('input[name=name]').fill('긴메모고객');
    await page.locator('textarea[name=notes]').fill('띄어쓰기없는아주긴메모'.repeat(40));
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByRole('heading', { name: '긴메모고객' }).waitFor();
    const widths = (await page.evaluate('({ doc: document.documentElement.scrollWidth, view: window.innerWidth })')) as { doc: number; view: number };
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
    await shot(page, 'privacy-03-long-memo');
  });
});
