import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  baseRateAt,
  brokerage,
  hugGuarantee,
  leaseReport,
  maintenanceFeeItemisation,
  mergeBaseRates,
  priorityRepayment,
  referenceTable,
  referenceTables,
  rentConversion,
  versionAt,
} from './index.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const envelope = z.object({
  name: z.string().min(1),
  title: z.object({ ko: z.string().min(1), en: z.string().min(1) }),
  source: z.array(z.string().min(1)).min(1),
  checkedOn: isoDate,
  versions: z
    .array(z.object({ effectiveFrom: isoDate, unverified: z.boolean().optional(), note: z.string().optional() }).loose())
    .min(1),
});

describe('reference tables', () => {
  it.each(referenceTables.map((t) => [t.name, t] as const))('%s has a source, a check date and ascending versions', (_n, t) => {
    envelope.parse(t);
    const dates = t.versions.map((v) => v.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('picks the 최우선변제 table in force on each table’s first day and the day before', () => {
    const firstDays = priorityRepayment.versions.map((v) => v.effectiveFrom);
    for (let i = 1; i < firstDays.length; i++) {
      expect(versionAt(priorityRepayment, firstDays[i])?.effectiveFrom).toBe(firstDays[i]);
      const d = new Date(`${firstDays[i]}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      expect(versionAt(priorityRepayment, d.toISOString().slice(0, 10))?.effectiveFrom).toBe(firstDays[i - 1]);
    }
    expect(versionAt(priorityRepayment, '1984-06-13')).toBeUndefined();
  });

  it('has the 2023-02-21 Seoul figures from the decree text (1억6,500만 / 5,500만)', () => {
    const seoul = versionAt(priorityRepayment, '2026-11-27')!.groups.find((g) => g.key === 'seoul')!;
    expect([seoul.depositMax, seoul.priorityMax]).toEqual([165_000_000, 55_000_000]);
  });

  it('marks the 1984, 1987 and 1995 amounts unverified and the 1990+ amounts not', () => {
    const unverified = priorityRepayment.versions.filter((v) => v.unverified).map((v) => v.effectiveFrom);
    expect(unverified).toEqual(['1984-06-14', '1987-12-01', '1995-10-19']);
  });

  it('finds every table the checklist templates name by its refTable name', () => {
    for (const name of ['maintenanceFeeItemisation', 'renewalIncreaseCap', 'leaseReport', 'depositRiskBands', 'hugGuarantee']) {
      expect(referenceTable(name)?.name).toBe(name);
    }
    expect(referenceTable('nope')).toBeUndefined();
  });

  it('has no housing brokerage table before 2021-10-19', () => {
    expect(versionAt(brokerage, '2021-10-18')).toBeUndefined();
    expect(versionAt(brokerage, '2021-10-19')).toBeDefined();
  });

  it('switches the conversion add-on from 3.5%p to 2%p on 2020-09-29', () => {
    expect(versionAt(rentConversion, '2020-09-28')).toMatchObject({ addBp: 350 });
    expect(versionAt(rentConversion, '2020-09-29')).toMatchObject({ addBp: 200 });
  });

  it('HUG: 90 % ratio from 2023-05-01, 140 % of 공시가격 from 2023-01-01', () => {
    expect(versionAt(hugGuarantee, '2023-04-30')).toMatchObject({ ratioPercent: 100, officialPriceMultiplierPercent: 140 });
    expect(versionAt(hugGuarantee, '2023-05-01')).toMatchObject({ ratioPercent: 90 });
    expect(versionAt(hugGuarantee, '2022-12-31')).toMatchObject({ officialPriceMultiplierPercent: 150 });
  });

  it('관리비 itemisation from 2023-10-06 at 10만원 with 8 lines; 임대차 신고 30 days', () => {
    const v = versionAt(maintenanceFeeItemisation, '2023-10-06')!;
    expect(v.thresholdMonthly).toBe(100_000);
    expect(v.lines).toHaveLength(8);
    expect(versionAt(maintenanceFeeItemisation, '2023-10-05')).toBeUndefined();
    expect(versionAt(leaseReport, '2026-01-01')).toMatchObject({ withinDays: 30, depositOver: 60_000_000, monthlyRentOver: 300_000 });
  });

  it('base rate: shipped series, user rows added and replacing a same-day row', () => {
    expect(baseRateAt('2025-06-01')?.rateBp).toBe(250);
    expect(baseRateAt('2026-12-01', [{ effectiveFrom: '2026-12-01', rateBp: 225 }])).toMatchObject({ rateBp: 225, userAdded: true });
    expect(baseRateAt('2026-11-30', [{ effectiveFrom: '2026-12-01', rateBp: 225 }])?.rateBp).toBe(250);
    const merged = mergeBaseRates([{ effectiveFrom: '2025-05-29', rateBp: 255 }]);
    expect(merged.versions.filter((v) => v.effectiveFrom === '2025-05-29')).toHaveLength(1);
    expect(() => mergeBaseRates([{ effectiveFrom: '2026-13', rateBp: 100 }])).toThrow(/effectiveFrom/);
    expect(baseRateAt('2008-03-06')).toBeUndefined();
  });
});
