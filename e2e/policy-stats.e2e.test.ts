// 정책 안내 and 통계 end to end, clicked through the real UI against the real loopback host and
// SQLite: a client's programme list on a case (facts used for the consultation only), the case's
// statistics record, then the statistics screen with its figures, a drill-down and the exports.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, shot, type DeskSession } from './support.js';

describe.skipIf(!browserAvailable)(browserAvailable ? 'policy guidance and statistics' : 'policy guidance and statistics — skipped: no Chromium', () => {
  let desk: DeskSession;
  let page: Page;

  beforeAll(async () => {
    desk = await openDesk({ timeout: 15_000 });
    ({ page } = desk);
  });
  afterAll(async () => desk?.close());

  it('shows a client’s programmes on the case, from the consultation’s facts and the case’s listing', async () => {
    await page.getByRole('button', { name: '고객', exact: true }).click();
    await page.getByRole('button', { name: '+ 새 고객' }).click();
    await page.getByLabel('연령대').selectOption({ label: '20대' });
    await page.getByLabel('성별').selectOption({ label: '여성' });
    expect(await page.getByLabel('성별').inputValue()).toBe('female');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByRole('button', { name: '+ 새 상담' }).click();
    await page.getByLabel('유형').selectOption({ label: '계약상담' });
    await page.getByLabel('자치구').selectOption('관악구');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByRole('button', { name: '+ 매물 추가' }).click();
    await page.getByLabel('도로명 주소').fill('서울특별시 관악구 남부순환로 1234');
    await page.getByLabel('보증금/월세 빠른 입력 (예: 1000/50)').fill('1000/55');
    await page.getByRole('button', { name: '추가', exact: true }).click();
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByTestId('case-listings').getByText('남부순환로 1234').waitFor();

    const list = page.getByTestId('programme-list');
    await list.getByText(/정책 목록 2026-01-01 기준/).waitFor();
    await list.getByText('이번 상담에만 쓰고 저장하지 않습니다', { exact: false }).waitFor();
    // Before any facts: the youth rent support needs the age (and more), named exactly.
    await list.getByTestId('programme-seoul-youth-rent').getByText(/더 필요한 사실: .*만 나이/).waitFor();
    await list.getByText('상담에서 확인한 사실').click();
    await list.getByLabel('만 나이').fill('27');
    await list.getByLabel('가구원 수').fill('1');
    await list.getByLabel('연소득 (원)').fill('32000000');
    await list.getByLabel('재산 (원)').fill('20000000');
    await list.getByLabel('무주택').selectOption({ label: '예' });
    await list.getByLabel('세대주 또는 예비세대주').selectOption({ label: '예' });
    await list.getByLabel('제대군인 복무기간 (개월)').fill('0');
    await list.getByLabel('혼인', { exact: true }).selectOption({ label: '아니오' });
    await list.getByRole('button', { name: '정책 확인' }).click();
    const youth = list.getByTestId('programme-seoul-youth-rent');
    // Outside the 2026 window (5/6–5/19) it says when the next one is expected; 주거급여 fails on income.
    await youth.locator('.badge').filter({ hasText: /해당 가능|신청기간 아님/ }).waitFor();
    await expect.poll(() => youth.textContent()).toMatch(/보증금 80,000,000원 이하 대상: 10,000,000원/);
    await expect.poll(() => list.getByTestId('programme-housing-benefit').locator('.badge').textContent()).toBe('해당 없음');
    await expect.poll(() => list.getByTestId('programme-seoul-rental-center').locator('.badge').textContent()).toBe('해당 가능');
    await youth.getByLabel('안내함').check();
    await page.getByText('안내한 정책을 기록했습니다.').waitFor();
    await shot(page, 'policy-01-programmes');
  });

  it('records the case’s statistics: several types and the survey', async () => {
    const card = page.getByTestId('case-stats');
    await card.getByText('계약상담').waitFor();
    await expect.poll(() => card.getByLabel('정책 안내').isChecked()).toBe(true); // pointing to a programme made it a policy consultation
    await card.getByLabel('집보기 동행').check();
    await card.getByLabel('서울로 전입 예정').selectOption({ label: '예' });
    await card.getByLabel('문제 해결').selectOption('5');
    await card.getByLabel('추천 의향').selectOption('4');
    await card.getByRole('button', { name: '통계 저장' }).click();
    await page.getByText('통계를 저장했습니다.').waitFor();
  });

  it('shows the figures with charts, drills down to the case, and exports Excel with Korean headers', async () => {
    await page.getByRole('button', { name: '통계', exact: true }).click();
    const kpis = page.getByTestId('stats-kpis');
    // The demo records are never counted: 1 person, 1 case, 3 consultations (계약상담, 집보기 동행, 정책 안내).
    await kpis.getByText('1명').waitFor();
    await kpis.getByText('1사례').waitFor();
    await kpis.getByText('3건').waitFor();
    await page.getByTestId('chart-month').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('stats-survey').getByText('응답자 1명').waitFor();
    await page.getByTestId('chart-gender').getByText('여성').waitFor();
    await shot(page, 'stats-01-screen');

    await page.getByTestId('chart-age').locator('.recharts-bar-rectangle').first().click();
    const drill = page.getByTestId('stats-drill');
    await drill.getByText('20대: 1사례').waitFor();
    await shot(page, 'stats-02-drill');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (.xlsx)' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as never);
    const values = wb.getWorksheet('요약')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(values).toContainEqual(['인원(명)', 1]);
    expect(values).toContainEqual(['상담(건)', 3, 1]);

    // Opening the case from the drill-down.
    await drill.getByRole('button', { name: '열기' }).click();
    await page.getByTestId('case-stats').waitFor();
  });

  it('makes a signed statistics file and refuses it from a desk that is not enrolled', async () => {
    await page.getByRole('button', { name: '통계', exact: true }).click();
    const ex = page.getByTestId('stats-exchange');
    // The fingerprint arrives with the desk's key (a request of its own): wait for it, never for a fixed time.
    const fpEl = ex.getByTestId('desk-fingerprint');
    await fpEl.filter({ hasText: /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/ }).waitFor();
    const fp = (await fpEl.textContent())!;
    expect(fp).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), ex.getByRole('button', { name: '통계 파일 만들기' }).click()]);
    const content = await readFile((await download.path())!);
    await ex.getByTestId('stats-import').setInputFiles({ name: 'desk.json', mimeType: 'application/json', buffer: content });
    await ex.getByText(/desk.json: 거부 — 등록되지 않은 센터/).waitFor();
    await shot(page, 'stats-03-exchange');
  });
});
