import { describe, expect, it } from 'vitest';
import { paginateRows, splitTallRow } from './table-split.js';

describe('paginateRows', () => {
  const header = 20;

  it('puts every row on exactly one page, in order, and each page fits with its repeated header', () => {
    const heights = [30, 45, 30, 60, 30, 30, 90, 30, 30, 45, 30, 30];
    const first = 150;
    const page = 200;
    const chunks = paginateRows(heights, header, first, page);
    expect(chunks.flatMap((c) => c.rows)).toEqual(heights.map((_, i) => i));
    chunks.forEach((c, k) => {
      const available = k === 0 && !c.newPage ? first : page;
      const used = header + c.rows.reduce((s, r) => s + heights[r], 0);
      expect(used).toBeLessThanOrEqual(available);
      expect(c.rows.length).toBeGreaterThan(0);
      if (k > 0) expect(c.newPage).toBe(true);
    });
    expect(chunks.length).toBeGreaterThan(2);
  });

  it('fills a page as far as whole rows allow before breaking', () => {
    const chunks = paginateRows([40, 40, 40, 40], header, 500, 500);
    expect(chunks).toEqual([{ rows: [0, 1, 2, 3], newPage: false }]);
    const split = paginateRows([40, 40, 40, 40], header, 110, 500);
    // 20 + 40 + 40 = 100 fits in 110; the third row goes to the next page with a new header.
    expect(split).toEqual([
      { rows: [0, 1], newPage: false },
      { rows: [2, 3], newPage: true },
    ]);
  });

  it('moves the whole table to a new page instead of leaving a lone header', () => {
    const chunks = paginateRows([50, 10], header, 60, 300);
    expect(chunks[0].newPage).toBe(true);
    expect(chunks).toHaveLength(1);
  });
});

describe('splitTallRow', () => {
  it('leaves a row that fits alone', () => {
    expect(splitTallRow([['a'], ['b', 'c']], 5)).toEqual([[['a'], ['b', 'c']]]);
  });

  it('cuts all cells at the same line so columns stay aligned', () => {
    const lines = Array.from({ length: 7 }, (_, i) => `줄${i + 1}`);
    const parts = splitTallRow([['R4'], lines], 3);
    expect(parts).toEqual([
      [['R4'], ['줄1', '줄2', '줄3']],
      [[], ['줄4', '줄5', '줄6']],
      [[], ['줄7']],
    ]);
  });
});
