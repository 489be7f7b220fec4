// The planners' map end to end: offline map painted with the shipped Seoul layers and Hangul
// labels; a study on synthetic parcels built, run (progress, job), ranked sites, one opened,
// two compared.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, openDesk, ROOT, shot, type DeskSession } from './support.js';

let desk: DeskSession;

async function mapIdle(page: Page, timeout = 30_000) {
  await page.waitForSelector('.map-canvas[data-idle="true"]', { timeout, state: 'attached' });
}

describe.skipIf(!browserAvailable)('부지 분석 map', () => {
  beforeAll(async () => {
    desk = await openDesk({ timeout: 20_000 });
  }, 90_000);
  afterAll(async () => desk?.close());

  it('paints the offline map with the shipped boundaries and Hangul labels', async () => {
    const { page } = desk;
    // No request may leave the machine: the map is offline by default.
    const remote: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !u.protocol.startsWith('blob') && !u.protocol.startsWith('data')) remote.push(r.url());
    });
    await page.getByRole('button', { name: /부지 분석/ }).click();
    await page.getByRole('heading', { name: '부지 분석', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: '자치구 경계' }).waitFor();
    await mapIdle(page);
    await page.waitForTimeout(500);
    await mapIdle(page);
    await shot(page, 'geo-map-seoul');
    expect(remote).toEqual([]);
    // Attributions of the shipped layers are on the map.
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toMatch(/seoul-maps/);
    expect(desk.errors).toEqual([]);
  }, 90_000);
});
