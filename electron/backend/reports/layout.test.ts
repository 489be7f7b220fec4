import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportWriter } from './layout.js';
import { openWithPoppler, type PopplerPdf } from './poppler.js';

// A long table through the real writer and font, read back page by page with pdftotext.
const ROWS = 45;
const rowText = (i: number) => `행${String(i).padStart(2, '0')}`;

let pdf: PopplerPdf;

beforeAll(async () => {
  const w = await ReportWriter.create({ title: '표 나누기 시험' });
  w.paragraph('표 앞의 문단입니다. '.repeat(30));
  w.table(
    [
      { header: '번호머리', weight: 15 },
      { header: '내용머리', weight: 60 },
      { header: '근거머리', weight: 25 },
    ],
    Array.from({ length: ROWS }, (_, i) => [
      rowText(i),
      // Every third row wraps to three lines; its first and last words must share a page.
      i % 3 === 0 ? `${rowText(i)}시작 ${'임대차 보증금 반환 '.repeat(12)}${rowText(i)}끝` : `${rowText(i)}내용`,
      '주택임대차보호법 §8',
    ]).concat([['긴행', `긴행시작 ${'임대차 보증금 반환 '.repeat(400)}긴행끝`, '근거']]),
  );
  // Unicode that the font lacks must not vanish silently.
  w.paragraph('끝 문단 😀 ㎡ 賃貸借');
  pdf = await openWithPoppler(await w.finish());
});
afterAll(async () => pdf?.dispose());

describe('ReportWriter.table across pages', () => {
  it('repeats the header row on every page the table touches and cuts no row', async () => {
    const pages = await pdf.pages();
    expect(pages).toBeGreaterThanOrEqual(3);
    const seen: number[] = [];
    for (let p = 1; p <= pages; p++) {
      const text = (await pdf.text(p)).replace(/\s+/g, '');
      const rowsHere = Array.from({ length: ROWS }, (_, i) => i).filter((i) => text.includes(`${rowText(i)}내용`) || text.includes(`${rowText(i)}시작`));
      if (rowsHere.length > 0) expect(text).toContain('번호머리내용머리근거머리');
      for (const i of rowsHere) {
        if (i % 3 === 0) expect(text).toContain(`${rowText(i)}끝`);
      }
      seen.push(...rowsHere);
    }
    expect(seen).toEqual(Array.from({ length: ROWS }, (_, i) => i));
  });

  it('continues a row taller than a page on the next pages, under the header, losing nothing', async () => {
    const pages = await pdf.pages();
    const texts = await Promise.all(Array.from({ length: pages }, (_, i) => pdf.text(i + 1).then((t) => t.replace(/\s+/g, ''))));
    const start = texts.findIndex((t) => t.includes('긴행시작'));
    const end = texts.findIndex((t) => t.includes('긴행끝'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    for (let p = start; p <= end; p++) expect(texts[p]).toContain('번호머리내용머리근거머리');
    // Every '반환' drawn, across all pages (words are never split, so a lost line shows here).
    const words = texts.join('').match(/반환/g) ?? [];
    expect(words.length).toBe(400 + 12 * Math.ceil(ROWS / 3));
  });

  it('replaces characters missing from the font instead of drawing blanks', async () => {
    const text = await pdf.text();
    expect(text).toContain('끝 문단 ? ㎡ 賃貸借');
  });
});
