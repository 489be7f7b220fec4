// 권리분석 through the real UI against the real loopback host and SQLite: open a demo listing's
// rights panel, enter a registry with a live 근저당 and a 가압류, and watch the verdict, the flags
// and the proposed clauses follow each autosave; then one calculator (중개보수 for 1억).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, fillRegistryLine, openDesk, shot, type DeskSession } from './support.js';

describe.skipIf(!browserAvailable)(browserAvailable ? 'rights analysis and calculators' : 'rights — skipped: no Chromium (apt-get install chromium)', () => {
  let desk: DeskSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    desk = await openDesk({ timeout: 10_000 });
    ({ page, errors } = desk);
  });
  afterAll(async () => desk?.close());

  it('enters a registry with a live 근저당 and a 가압류 and sees 위험, R2 and the 근저당 말소 clause', async () => {
    await page.getByRole('button', { name: '상담', exact: true }).click();
    // The demo case with listings is the one opened 14 days ago (김민지, 동행 · 집보기).
    await page.locator('tr.clickable').filter({ hasText: '김민지' }).first().click();
    const card = page.locator('li.listing-card').filter({ hasText: '신림로' });
    await card.getByRole('button', { name: '권리분석' }).click();
    await page.getByRole('heading', { name: /권리분석/ }).waitFor();

    // Nothing entered yet: never 안전, and the owner is unknown.
    await expect.poll(() => page.getByTestId('rights-verdict').textContent()).not.toContain('안전');

    await fillRegistryLine(page, 'gapgu', { rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: '제5001호', holders: '이영수' });
    await fillRegistryLine(page, 'gapgu', { rank: '2', purpose: '가압류', receivedAt: '2026-08-01', receiptNo: '제30001호', holders: '주식회사 대부' });
    await fillRegistryLine(page, 'eulgu', { rank: '1', purpose: '근저당권설정', receivedAt: '2019-04-01', receiptNo: '제5002호', holders: '신한은행', maxClaim: '9600만' });
    await page.getByText('96,000,000원 · 9,600만원').waitFor();
    await page.getByLabel('계약일').fill('2026-11-27');
    await page.getByLabel('잔금 · 날짜').fill('2027-01-10');
    await page.getByLabel('입주일 (전입신고)').fill('2027-01-10');

    await expect.poll(() => page.getByTestId('rights-save-status').textContent()).toMatch(/저장됨/);
    await expect.poll(() => page.getByTestId('rights-verdict').textContent()).toContain('위험');
    const r2 = page.getByTestId('rights-flags').locator('li[data-code=R2]');
    await expect.poll(() => r2.count()).toBe(1);
    expect(await r2.textContent()).toContain('갑구 2번 가압류');
    // The ladder puts the 근저당 and the 가압류 ahead of the tenant, who moves in later.
    const tenantAt = () => page.getByTestId('rights-ladder').locator('li').evaluateAll((lis) => lis.findIndex((li) => li.getAttribute('data-testid') === 'rights-tenant-rung'));
    await expect.poll(tenantAt).toBe(3);
    await expect.poll(() => page.getByTestId('rights-clauses').textContent()).toContain('을구 순위번호 1번 근저당권(채권최고액 금 9,600만원)을 말소하기로 한다');
    expect(await page.getByTestId('rights-clauses').textContent()).toContain('갑구 순위번호 2번 가압류 등기를 말소하기로 한다');
    // 부채비율 and 전세가율 are shown apart, each with its own label.
    expect(await page.getByTestId('rights-debt-ratio').textContent()).toContain('부채비율');
    expect(await page.getByTestId('rights-jeonse-ratio').textContent()).toContain('전세가율');
    // The certificate was not read on or after the 잔금일.
    expect(await page.getByTestId('rights-warnings').textContent()).toContain('잔금');
    expect(await page.getByTestId('rights-disclaimer').textContent()).toContain('법률 자문이 아닙니다');
    await shot(page, 'rights-01-panel');

    // Marking the 가압류 말소 takes R2 and its clause away on the next autosave.
    await page.getByTestId('rights-gapgu').getByTestId('rights-entry').nth(1).getByLabel('말소').check();
    await expect.poll(() => page.getByTestId('rights-flags').locator('li[data-code=R2]').count()).toBe(0);
    expect(await page.getByTestId('rights-clauses').textContent()).not.toContain('가압류 등기를 말소');
    // Left: the 근저당 ahead of the tenant and facts not yet checked — 주의, no longer 위험.
    await expect.poll(() => page.getByTestId('rights-verdict').textContent()).toContain('주의');

    // In English the same analysis reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('rights-verdict').textContent()).toContain('Caution');
    expect(await page.getByTestId('rights-flags').textContent()).toContain('Debt ratio');
    await page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => page.getByTestId('rights-verdict').textContent()).toContain('주의');

    // A change made just before leaving is saved, not lost: leave at once and come back.
    await page.getByTestId('rights-eulgu').locator('input[name=holders]').fill('국민은행');
    await page.getByRole('button', { name: '상담으로' }).click();
    await page.locator('li.listing-card').filter({ hasText: '신림로' }).getByRole('button', { name: '권리분석' }).click();
    await expect.poll(() => page.getByTestId('rights-eulgu').locator('input[name=holders]').inputValue()).toBe('국민은행');
    await expect.poll(() => page.getByTestId('rights-ladder').textContent()).toContain('국민은행');
  });

  it('computes the 중개보수 cap for a 1억 deposit, per side and without VAT', async () => {
    await page.getByRole('button', { name: '계산기', exact: true }).click();
    await page.getByRole('heading', { name: '계산기' }).waitFor();
    const form = page.getByTestId('calc-brokerage');
    expect(await form.textContent()).toContain('부가가치세는 포함되지 않습니다');
    await form.getByLabel('보증금').fill('1억');
    await form.getByRole('button', { name: '계산' }).click();
    await expect.poll(() => form.getByTestId('calc-result').locator('dd[data-key=maxFee]').textContent()).toContain('300,000원');
    expect(await form.getByTestId('calc-result').locator('dd[data-key=rate]').textContent()).toBe('0.3%');

    // The renewal check says the law has no rule for combining deposit and rent.
    await page.getByRole('tab', { name: '증액이 5% 이내인지' }).click();
    expect(await page.getByTestId('calc-renewal-check').textContent()).toContain('법에는 보증금과 월세를 합쳐');
    await page.getByRole('tab', { name: '중개보수 상한' }).click();
    await page.getByTestId('calc-brokerage').getByLabel('보증금').fill('1억');
    await page.getByTestId('calc-brokerage').getByRole('button', { name: '계산' }).click();
    await page.getByTestId('calc-brokerage').getByTestId('calc-result').waitFor();
    await shot(page, 'rights-02-calculators');
    expect(errors).toEqual([]);
  });
});
