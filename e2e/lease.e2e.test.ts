// One case followed from consultation through the balance-day re-check to the report, through
// the real UI against the real loopback host and SQLite: registry entered on the rights screen
// and recorded as the contract-day reading; lease facts saved from what the case already knew;
// a new 근저당 appears before the balance day, the re-check shows it worst first and puts a 위험
// step on the timeline; a step is ticked; the home lists the danger; the handout and the tenant
// report carry the dates and the re-check.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, browserAvailable, fillRegistryLine, openDesk, shot, type DeskSession } from './support.js';

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();

describe.skipIf(!browserAvailable)(browserAvailable ? 'lease timeline and balance-day re-check' : 'lease — skipped: no Chromium', () => {
  let desk: DeskSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    desk = await openDesk({ timeout: 15_000 });
    ({ page, errors } = desk);
  });
  afterAll(async () => desk?.close());

  async function openCase() {
    await page.getByRole('button', { name: '상담', exact: true }).click();
    await page.locator('tr.clickable').filter({ hasText: '김민지' }).first().click();
    await page.getByTestId('lease-card').waitFor();
  }
  async function openRights() {
    await page.locator('li.listing-card').filter({ hasText: '신림로' }).getByRole('button', { name: '권리분석' }).click();
    await page.getByRole('heading', { name: /권리분석/ }).waitFor();
  }
  const saved = () => expect.poll(() => page.getByTestId('rights-save-status').textContent()).toMatch(/저장됨/);

  it('records the contract-day registry and saves the lease facts the case already knew', async () => {
    await openCase();
    await openRights();
    await page.getByLabel('열람·발급 일시').fill('2026-11-20T10:00');
    await fillRegistryLine(page, 'gapgu', { rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: '제5001호', holders: '이영수' });
    await fillRegistryLine(page, 'eulgu', { rank: '1', purpose: '근저당권설정', receivedAt: '2019-04-01', receiptNo: '제5002호', holders: '신한은행', maxClaim: '3000만' });
    await page.getByLabel('계약일').fill('2026-11-20');
    await page.getByLabel('잔금 · 날짜').fill('2026-12-05');
    await page.getByLabel('입주일 (전입신고)').fill('2026-12-05');
    await page.getByLabel('계약 종료일').fill('2028-12-04');
    await saved();
    await page.getByRole('button', { name: '상담으로' }).click();
    const card = page.getByTestId('lease-card');
    await card.waitFor();
    // Prefilled from the registry entry and the listing; shown as suggestions until saved.
    await expect.poll(() => card.getByLabel('계약일', { exact: true }).inputValue()).toBe('2026-11-20');
    expect(await card.textContent()).toContain('매물과 등기부 입력에서 가져온 값입니다');
    await card.getByLabel('계약 종류').selectOption('new');
    await card.getByRole('button', { name: '계약 정보 저장' }).click();
    await card.locator('li[data-step=leaseReport]').waitFor();
    // 2026-11-20 + 30 = 12-20, a Sunday → Monday 12-21 (민법 §161).
    expect(await card.locator('li[data-step=leaseReport] .lease-step-when').textContent()).toContain('2026-12-21');
    expect(await card.locator('li[data-step=renewalWindow] .lease-step-when').textContent()).toContain('2028-06-05 ~ 2028-10-04');
    await card.getByLabel('열람 시점').selectOption('contract');
    await card.getByRole('button', { name: '현재 등기부 기록' }).click();
    await card.locator('.lease-snapshots tbody tr').first().waitFor();
    await shot(page, 'lease-01-timeline');
  });

  it('a new 근저당 before the balance day: the re-check shows it and a 위험 step appears', async () => {
    await openRights();
    await page.getByLabel('열람·발급 일시').fill('2026-12-05T09:00');
    await fillRegistryLine(page, 'eulgu', { rank: '2', purpose: '근저당권설정', receivedAt: '2026-12-03', receiptNo: '제900호', holders: '주식회사 대부', maxClaim: '1억2000만' });
    await saved();
    await page.getByRole('button', { name: '상담으로' }).click();
    const card = page.getByTestId('lease-card');
    await card.getByLabel('열람 시점').selectOption('balance');
    await card.getByRole('button', { name: '현재 등기부 기록' }).click();
    const recheck = page.getByTestId('recheck');
    await recheck.waitFor();
    expect(await recheck.textContent()).toContain('을구 2번 (근)저당권');
    // The demo listing reads 주의 on both days (its facts leave 부채비율 open); the new entry alone
    // makes the change riskier.
    expect(await recheck.textContent()).toMatch(/판단: (안전|주의|위험) → (주의|위험)/);
    expect(await recheck.textContent()).toContain('위험해졌습니다. 지급을 멈추세요.');
    expect(await recheck.textContent()).toContain('2026-11-20 계약일 → 2026-12-05 잔금일');
    const danger = card.locator('li.lease-step.danger');
    await danger.waitFor();
    expect(await danger.textContent()).toContain('지급을 멈추고');
    // Tick the contract step as done on the day it happened.
    const contract = card.locator('li[data-step=contract]');
    await contract.locator('input[type=date]').fill('2026-11-20');
    await contract.getByRole('button', { name: '완료 표시' }).click();
    await expect.poll(() => contract.textContent()).toContain('완료 2026-11-20');
    await shot(page, 'lease-02-recheck');
  });

  it('the home lists the danger first; the handout and the report carry the dates and the re-check', async () => {
    await page.getByRole('button', { name: '홈', exact: true }).click();
    const steps = page.getByTestId('home-steps');
    await steps.waitFor();
    expect(await steps.locator('li').first().textContent()).toContain('위험');
    await shot(page, 'lease-03-home');
    await steps.locator('li').first().getByRole('button').click();
    const card = page.getByTestId('lease-card');
    await card.waitFor();
    const [handout] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '일정표 PDF' }).click()]);
    const hfile = path.join(ARTIFACTS, 'lease-handout.pdf');
    await handout.saveAs(hfile);
    const h = pdfText(hfile);
    for (const s of ['계약 일정 안내', '임대차 신고', '김*지', '2026. 12. 21.']) expect(h).toContain(s);
    expect(h).not.toContain('김민지');
    const [ics] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '캘린더(.ics)' }).click()]);
    expect(ics.suggestedFilename()).toMatch(/\.ics$/);

    await page.getByRole('button', { name: '보고서', exact: true }).click();
    await page.getByLabel('상담 건').selectOption({ label: (await page.getByLabel('상담 건').locator('option', { hasText: '김민지' }).first().textContent())! });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '상담 결과 보고서 저장' }).click()]);
    const file = path.join(ARTIFACTS, 'lease-report.pdf');
    await dl.saveAs(file);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('등기부 재확인');
    expect(text).toMatch(/을구 2번 \(근\)저당권/);
    expect(text).toContain('계약갱신요구 가능 기간');
    execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, 'lease-report')]);
    execFileSync('pdftoppm', ['-png', '-r', '70', hfile, path.join(ARTIFACTS, 'lease-handout')]);
    expect(errors).toEqual([]);
  });
});
