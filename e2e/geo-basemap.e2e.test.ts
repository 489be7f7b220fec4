// The optional online basemap: off by default (the map asks nothing of the network); switched on
// in 설정, its tile host joins the page's CSP after the page is reloaded and the map draws its
// tiles with the attribution; a basemap server that cannot be reached never breaks the map.
// No internet here: Chromium's request routing stands in for the tile server (it answers after
// the page's CSP has allowed the request, so a host the CSP refuses is never asked).
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { browserAvailable, openDesk, shot, type DeskSession } from './support.js';

const TILE_HOST = 'https://tiles.example.test';

/** A 256×256 PNG of one colour (the "basemap"), made here rather than shipped. */
function pngTile(rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3, Buffer.from(rgb))]);
  const raw = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

let desk: DeskSession;

async function openMap(page: Page) {
  await page.getByRole('button', { name: /부지 분석/ }).click();
  await page.getByRole('heading', { name: '부지 분석', level: 1 }).waitFor();
  await page.waitForSelector('.map-canvas[data-idle="true"]', { timeout: 30_000, state: 'attached' });
}

/** A reloaded page opens locked (the backend keeps the session): the PIN opens it again. */
async function unlock(page: Page) {
  await page.getByRole('heading', { name: '화면이 잠겼습니다' }).waitFor();
  await page.getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: '잠금 해제' }).click();
  await page.getByRole('heading', { name: '오늘의 데스크' }).waitFor();
}

async function setBasemap(page: Page, on: boolean) {
  await page.getByRole('button', { name: /설정/ }).first().click();
  const form = page.getByRole('form', { name: '부지 분석 지도: 온라인 배경지도' });
  const box = form.getByRole('checkbox', { name: '온라인 배경지도 사용' });
  await form.locator('button[type=submit]:enabled').waitFor(); // the stored choice has arrived
  if ((await box.isChecked()) !== on) await box.click();
  await form.getByLabel(/타일 주소/).fill(`${TILE_HOST}/{z}/{x}/{y}.png`);
  await form.getByLabel('저작권 표시').fill('© 예시 배경지도');
  await form.getByRole('button', { name: '저장' }).click();
  await form.getByRole('status').filter({ hasText: '다시 불러오세요' }).waitFor();
  await form.getByRole('button', { name: '지금 다시 불러오기' }).click();
  await unlock(page);
}

describe.skipIf(!browserAvailable)('the optional online basemap', () => {
  beforeAll(async () => {
    desk = await openDesk({ timeout: 20_000 });
  }, 90_000);
  afterAll(async () => desk?.close());

  it('is off by default, then draws tiles from the host switched on — allowed by the CSP only after that', async () => {
    const { page } = desk;
    const asked: string[] = [];
    let answer: 'tile' | 'abort' = 'tile';
    const tile = pngTile([232, 236, 224]);
    await page.route(`${TILE_HOST}/**`, (route: Route) => {
      asked.push(route.request().url());
      return answer === 'tile' ? route.fulfill({ status: 200, contentType: 'image/png', body: tile }) : route.abort('internetdisconnected');
    });
    const cspRefusals: string[] = [];
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && cspRefusals.push(m.text()));

    await openMap(page);
    expect(asked).toEqual([]);

    await setBasemap(page, true);
    await openMap(page);
    await expect.poll(() => asked.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(asked.every((u) => /^https:\/\/tiles\.example\.test\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    await page.waitForSelector('.map-canvas[data-idle="true"]', { timeout: 30_000, state: 'attached' });
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toMatch(/예시 배경지도/);
    // The tiles painted under the boundaries: the canvas holds the tile's colour.
    // (A string, so the test project needs no DOM types.)
    const painted = (await page.evaluate(`(() => {
      const c = document.querySelector('.map-canvas canvas');
      const g = document.createElement('canvas');
      g.width = c.width;
      g.height = c.height;
      const x = g.getContext('2d');
      x.drawImage(c, 0, 0);
      const d = x.getImageData(0, 0, g.width, g.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4 * 97) if (Math.abs(d[i] - 232) < 12 && Math.abs(d[i + 1] - 236) < 12 && Math.abs(d[i + 2] - 224) < 12) n++;
      return n / (d.length / (4 * 97));
    })()`)) as number;
    expect(painted).toBeGreaterThan(0.2);
    await shot(page, 'geo-basemap-on');
    expect(cspRefusals).toEqual([]);

    // The server goes away (offline on a site visit): the map still paints its own layers.
    answer = 'abort';
    await page.reload();
    await unlock(page);
    await openMap(page);
    await page.getByRole('status').filter({ hasText: '배경지도 서버에 연결할 수 없어' }).waitFor();
    await page.getByRole('checkbox', { name: '자치구 경계' }).waitFor();
    await shot(page, 'geo-basemap-unreachable');

    // Switched off: no request leaves the machine again.
    answer = 'tile';
    await setBasemap(page, false);
    asked.length = 0;
    await openMap(page);
    await page.waitForTimeout(300);
    expect(asked).toEqual([]);
    // Only failed tile fetches of the unreachable run were logged; nothing else went wrong.
    // Only the browser's own log lines of the refused fetches; the app itself reported no error.
    expect(desk.errors.filter((e) => !/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(e))).toEqual([]);
  }, 180_000);
});
