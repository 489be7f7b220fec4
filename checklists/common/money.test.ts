import { describe, expect, it } from 'vitest';
import { formatAmountBoth, formatKoreanAmount, parseAmount, parseLeaseShorthand } from './money.js';

const value = (s: string, opts?: Parameters<typeof parseAmount>[1]) => {
  const r = parseAmount(s, opts);
  if (!r.ok) throw new Error(r.error.en);
  return r;
};

describe('parseAmount: amounts as Korean users type them', () => {
  it.each([
    ['1억 5천', 150_000_000],
    ['1억5천만원', 150_000_000],
    ['15000만', 150_000_000],
    ['150,000,000', 150_000_000],
    ['150,000,000원', 150_000_000],
    ['1.5억', 150_000_000],
    ['2천5백만원', 25_000_000],
    ['3억 2000', 320_000_000],
    ['50만', 500_000],
    ['5만 3천원', 53_000],
    ['1억', 100_000_000],
    ['10억 5천만', 1_050_000_000],
    ['500000', 500_000],
    ['0', 0],
  ])('%s → %i won', (input, won) => {
    const r = value(input);
    expect(r.value).toBe(won);
    expect(r.ambiguous).toBe(false);
  });

  it('reads a bare small number as 만원 but flags it, offering the won reading', () => {
    const r = value('5000');
    expect(r.value).toBe(50_000_000);
    expect(r.ambiguous).toBe(true);
    expect(r.alternatives).toEqual([5000]);
    expect(r.reading.ko).toBe('5,000만원 (50,000,000원)');
    expect(value('5천').ambiguous).toBe(true);
    expect(value('5000', { bareUnit: '원' })).toMatchObject({ value: 5000, ambiguous: false });
  });

  it('refuses impossible or unreadable amounts with a message in both languages', () => {
    for (const bad of ['-5000', '', 'abc', '1억억', '만억', '2조']) {
      const r = parseAmount(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.error.ko.length).toBeGreaterThan(0);
        expect(r.error.en.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('lease shorthand', () => {
  it('reads 1000/50 as 보증금 1,000만원 / 월세 50만원', () => {
    expect(parseLeaseShorthand('1000/50')).toMatchObject({ ok: true, deposit: 10_000_000, monthlyRent: 500_000, reading: { ko: '보증금 1,000만원 / 월세 50만원' } });
    expect(parseLeaseShorthand('1억/30')).toMatchObject({ ok: true, deposit: 100_000_000, monthlyRent: 300_000 });
    expect(parseLeaseShorthand('1000')).toMatchObject({ ok: false });
    expect(parseLeaseShorthand('1000/x')).toMatchObject({ ok: false });
  });
});

describe('formatting both ways', () => {
  it('shows won and Korean units', () => {
    expect(formatAmountBoth(150_000_000)).toBe('150,000,000원 · 1억 5,000만원');
    expect(formatKoreanAmount(153_000)).toBe('15만 3,000원');
    expect(formatKoreanAmount(1_000_000_000_000)).toBe('1조원');
    expect(formatKoreanAmount(0)).toBe('0원');
  });
});
