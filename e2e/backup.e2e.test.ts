// Issue 11 through the real UI: 설정 → 백업 및 복원 makes a verified archive (downloaded), then the
// same archive is picked, checked with its passphrase, shows what it holds and is restored into a
// new folder, with the command that opens it.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, shot, type DeskSession } from './support.js';

const PASS = '한강 다리 위 고양이 2026';

describe.skipIf(!browserAvailable)(browserAvailable ? 'backup and restore' : 'backup — skipped: no Chromium', () => {
  let desk: DeskSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    desk = await openDesk({ timeout: 30_000 });
    ({ page, errors } = desk);
  });
  afterAll(async () => desk?.close());

  it('makes, checks and restores a backup from Settings', async () => {
    await page.getByRole('button', { name: '설정', exact: true }).click();
    const panel = page.getByTestId('backup-panel');
    await panel.getByLabel('백업 암호', { exact: true }).fill(PASS);
    await panel.getByLabel('백업 암호 확인').fill(PASS);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '백업 만들기', exact: true }).click();
    const file = await (await download).path();
    await panel.getByTestId('backup-contents').waitFor();
    expect(await panel.getByTestId('backup-contents').textContent()).toContain('고객 3명');

    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: '백업 파일 고르기' }).click();
    await (await chooser).setFiles({ name: 'desk.ansimbak', mimeType: 'application/octet-stream', buffer: await import('node:fs/promises').then((f) => f.readFile(file!)) });
    await panel.locator('#bk-rpass').fill('틀린 암호 입니다 정말');
    await panel.getByRole('button', { name: '암호 확인 및 검사' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('백업 암호가 맞지 않습니다');
    await panel.locator('#bk-rpass').fill(PASS);
    await panel.getByRole('button', { name: '암호 확인 및 검사' }).click();
    await panel.getByRole('button', { name: '새 폴더로 복원' }).click();
    const done = panel.getByTestId('backup-restored');
    await done.waitFor();
    expect(await done.textContent()).toContain('--data-dir');
    await shot(page, 'backup-restored');
    const restored = /--data-dir "([^"]+)"/.exec((await done.locator('pre').textContent()) ?? '')?.[1];
    expect(restored).toMatch(/-restored-\d{8}-\d{6}$/);
    await rm(restored!, { recursive: true, force: true });
    // Only the wrong passphrase's refusal (HTTP 400), which the panel showed.
    expect(errors.filter((e) => !/backup\.inspect|status of 400/.test(e))).toEqual([]);
  });
});
