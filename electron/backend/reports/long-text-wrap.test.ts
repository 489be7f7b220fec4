// Issue 10 item 7: long Korean text without spaces (a pasted memo, an address typed without
// spaces) wraps inside the page of the tenant PDF — measured on the PDF itself with
// `pdftotext -bbox`, an independent reader: no word box reaches past the page's right edge.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openWithPoppler } from './poppler.js';
import { sampleTenantReportModel } from './sample.js';
import { renderTenantReport } from './tenant-report.js';

const run = promisify(execFile);

const MEMO = '임차인요청사항으로집주인에게보증금반환보증가입동의를반드시받아야하며잔금일전까지선순위근저당말소확인서류를받기로함'.repeat(4);
const ADDRESS = '서울특별시관악구신림로가나다라마바사아자차카타파하길띄어쓰기없이입력한아주긴주소123-45번지';

describe('tenant PDF: long unspaced Korean text', () => {
  it('wraps inside the page: no line wider than the page, nothing lost', async () => {
    const base = await sampleTenantReportModel();
    const model = {
      ...base,
      managerRemarks: MEMO,
      listings: base.listings.map((l, i) => (i === 0 ? { ...l, address: ADDRESS, title: ADDRESS } : l)),
    };
    const pdf = await openWithPoppler(await renderTenantReport(model));
    try {
      const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf.file, '-'], { maxBuffer: 64 * 1024 * 1024 });
      const pages = [...stdout.matchAll(/<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g)];
      expect(pages.length).toBeGreaterThan(0);
      let words = 0;
      const tooWide: string[] = [];
      for (const [, width, body] of pages) {
        for (const w of body.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
          words++;
          // Inside the page with its margin (a line reaching the very edge is already cut off on print).
          if (Number(w[2]) > Number(width) - 10 || Number(w[1]) < 10) tooWide.push(`${w[3]} (${w[1]}–${w[2]} of ${width})`);
        }
      }
      expect(words).toBeGreaterThan(100);
      expect(tooWide).toEqual([]);
      // The wrapped text is all there, in order (lines broken inside the run, not cut off).
      const text = (await pdf.text()).replace(/\s+/g, '');
      expect(text).toContain(MEMO);
      expect(text).toContain(ADDRESS);
    } finally {
      await pdf.dispose();
    }
  }, 60_000);
});
