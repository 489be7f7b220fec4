// 안심동행 end to end, clicked through the real UI against the real loopback host and SQLite:
// plan a viewing of the demo case's two listings → arrive/depart at each, observations and
// impressions → close with the tenant's typed name and a signature drawn with the mouse →
// read-only, with an amendment → download the 동행 기록지 and the 상담 결과 보고서 and read
// them with pdftotext.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, browserAvailable, openDesk, shot, signIn, type DeskSession } from './support.js';

const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');

describe.skipIf(!browserAvailable)(browserAvailable ? 'viewings and reports' : 'viewings and reports — skipped: no Chromium (apt-get install chromium)', () => {
  let desk: DeskSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    desk = await openDesk({ timeout: 15_000 });
    ({ page, errors } = desk);
  });
  afterAll(async () => desk?.close());

  it('plans a viewing of the demo case’s two listings in the suggested walking order', async () => {
    await page.getByRole('button', { name: '상담', exact: true }).click();
    await page.getByTestId('case-table').getByRole('button', { name: '김민지' }).click();
    await page.getByTestId('case-listings').getByRole('button', { name: '동행 계획' }).first().click();
    await page.getByRole('heading', { name: /동행 계획 · 김민지/ }).waitFor();
    await page.getByLabel('만나는 곳').fill('신림역 4번 출구');
    await page.getByLabel('시작 시각').fill('14:30');
    await expect.poll(() => page.getByTestId('plan-order').locator('.viewings-stop-no', { hasText: /^[12]$/ }).count()).toBe(2);
    await page.getByRole('button', { name: '동선 추천' }).click();
    await page.getByText('가장 가까운 곳부터').waitFor();
    await shot(page, 'viewings-01-plan');
    await page.getByRole('button', { name: '추천 순서 적용' }).click();
    await page.getByRole('button', { name: '계획 저장' }).click();
    await page.getByRole('heading', { name: /현장 기록 · 김민지/ }).waitFor();
    expect(await page.getByTestId('viewing-stop').count()).toBe(2);
  });

  it('records arrival and departure, observations and impressions at each stop, saved per field', async () => {
    const stops = page.getByTestId('viewing-stop');
    const notes = ['2층 계단 조명 어두움. 욕실 환풍기 약함.', '관리비 12만원, 엘리베이터 있음.'];
    for (let i = 0; i < 2; i++) {
      const s = stops.nth(i);
      await s.getByRole('button', { name: '도착' }).click();
      await s.getByRole('button', { name: /^도착 \d\d:\d\d$/ }).waitFor();
      await s.getByRole('button', { name: '출발' }).click();
      await s.getByText(/머문 시간 \d+분/).waitFor();
      await s.getByLabel(`관찰 내용 ${i + 1}`).fill(notes[i]);
      await s.getByRole('radio', { name: i === 0 ? '아쉬움' : '좋음' }).click();
      await s.getByLabel(`후속 할 일 ${i + 1}`).fill('중개사에게 건축물대장 요청');
      await s.getByRole('button', { name: '할 일 추가' }).click();
    }
    // A photo from the phone's camera roll: stored, shown as a thumbnail.
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#8aa' } }).jpeg().toBuffer();
    await stops.nth(0).locator('input[type=file]').setInputFiles({ name: 'bath.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => stops.nth(0).locator('.viewings-thumb img').count()).toBe(1);
    // 저장됨 shows only when no field is waiting for its typing pause or its answer.
    await page.getByTestId('save-status').filter({ hasText: '저장됨' }).waitFor();
    await shot(page, 'viewings-02-onsite');
    // What was typed is on disk: after a reload the week view leads back to it.
    await page.reload();
    await signInIfAsked(page);
    await page.getByRole('button', { name: '안심동행', exact: true }).click();
    await page.getByTestId('viewing-card').filter({ hasText: '김민지' }).getByRole('button', { name: '열기' }).click();
    await page.getByRole('heading', { name: /현장 기록 · 김민지/ }).waitFor();
  });

  it('closes with the tenant’s typed name and a signature drawn with the mouse; the log becomes read-only', async () => {
    const stops = page.getByTestId('viewing-stop');
    await expect.poll(() => stops.nth(0).getByLabel('관찰 내용 1').inputValue()).toContain('욕실 환풍기 약함');
    await page.getByLabel('다음 단계').fill('등기부 다시 떼어 확인\n봉천로 오피스텔 가계약 전 연락');
    await page.getByRole('radio', { name: '5' }).click();
    await page.getByLabel('임차인 이름 (직접 입력)').fill('김민지');
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (const [x, y] of [[80, 50], [130, 140], [180, 60], [240, 130], [300, 70]]) await page.mouse.move(box.x + x, box.y + y, { steps: 6 });
    await page.mouse.up();
    await page.getByRole('button', { name: '확인 및 마감' }).click();
    await page.getByTestId('viewing-closed').waitFor();
    await page.getByText(/임차인이 .* 확인한 기록입니다/).waitFor();
    await expect.poll(() => page.locator('.viewings-signature-img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await stops.nth(0).getByLabel('관찰 내용 1').getAttribute('readonly')).not.toBeNull();
    expect(await stops.nth(0).getByRole('button', { name: /^도착/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '확인 및 마감' }).count()).toBe(0);

    await page.getByLabel('정정하는 부분 (선택)').fill('2번 매물 관리비');
    await page.getByLabel('정정 내용').fill('관리비는 12만원이 아니라 13만원으로 확인됨.');
    await page.getByRole('button', { name: '정정 추가' }).click();
    await page.getByTestId('amendments').getByText('13만원으로 확인됨').waitFor();
    await expect.poll(() => stops.nth(1).getByLabel('관찰 내용 2').inputValue()).toBe('관리비 12만원, 엘리베이터 있음.');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'viewings-03-closed');
  });

  it('downloads the 동행 기록지 and the 상담 결과 보고서 with the masked name', async () => {
    const [logDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '동행 기록지 PDF' }).click()]);
    expect(logDl.suggestedFilename()).toMatch(/^동행기록지_김＊지_\d{4}-\d{2}-\d{2}\.pdf$/);
    const logFile = path.join(ARTIFACTS, 'viewings-log.pdf');
    await logDl.saveAs(logFile);
    const log = pdfText(logFile);
    for (const s of ['김*지', '신림역 4번 출구', '욕실 환풍기 약함', '13만원으로 확인됨', '중개사에게 건축물대장 요청']) expect(log).toContain(s);
    expect(log).not.toContain('김민지');
    // The photo and the signature are in the log as images.
    expect(execFileSync('pdfimages', ['-list', logFile]).toString().trim().split('\n').length - 2).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: '보고서', exact: true }).click();
    await page.getByLabel('상담 건').selectOption({ label: (await page.getByLabel('상담 건').locator('option', { hasText: '김민지' }).first().textContent())! });
    await page.getByTestId('report-viewing').first().waitFor();
    await page.getByRole('button', { name: '상담 결과 보고서 열기' }).click();
    await page.locator('.reports-preview iframe').waitFor();
    await shot(page, 'reports-01');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '상담 결과 보고서 저장' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/^상담결과보고서_김＊지_\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = path.join(ARTIFACTS, 'reports-tenant.pdf');
    await dl.saveAs(file);
    const text = pdfText(file);
    for (const s of ['김*지', '상담 결과 보고서', '데모 매니저', '11620-2026-00000', '신림로']) expect(text).toContain(s);
    expect(text).not.toContain('김민지');
    expect(text).not.toContain('010-0000-1234');
    expect(errors).toEqual([]);
  });

  it('composes the 상담 결과 보고서: leaves a listing out and edits a clause', async () => {
    const panel = page.getByTestId('report-compose');
    await panel.locator('summary').click();
    const listings = panel.locator('fieldset').first().locator(':scope > div > label');
    await expect.poll(() => listings.count()).toBe(2);
    const dropped = (await listings.nth(1).locator('span').textContent())!.trim();
    await listings.nth(1).locator('input').uncheck();
    const clause = panel.locator('.compose-clause').first();
    await clause.locator('input[type=checkbox]').check();
    await clause.locator('textarea').fill('E2E 편집 특약: 잔금 전 근저당 말소');
    await shot(page, 'reports-02-compose');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '상담 결과 보고서 저장' }).click()]);
    const file = path.join(ARTIFACTS, 'reports-tenant-composed.pdf');
    await dl.saveAs(file);
    const text = pdfText(file);
    expect(text).toContain('E2E 편집 특약: 잔금 전 근저당 말소');
    expect(text).not.toContain(dropped);
    expect(errors).toEqual([]);
  });
});

/** A reloaded page locks the desk (the token survives, the screen restarts): unlock with the PIN. */
async function signInIfAsked(page: Page) {
  const unlock = page.getByRole('button', { name: '잠금 해제' });
  const start = page.getByRole('button', { name: '시작', exact: true });
  await unlock.or(start).first().waitFor();
  if (await unlock.isVisible()) {
    await page.getByLabel('PIN').fill('0000');
    await unlock.click();
    await unlock.waitFor({ state: 'detached' });
  } else {
    await signIn(page, '데모 매니저', '0000');
  }
}
