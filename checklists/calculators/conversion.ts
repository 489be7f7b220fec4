// 월차임 전환 (주택임대차보호법 §7의2, 시행령 §9): the most monthly rent a converted deposit may
// become. The rule in force on the date of the conversion applies (each amendment's 부칙).
import { z } from 'zod';
import { baseRateAt, versionAt, type ReferenceTables, type UserBaseRateRow } from '../../data/reference/index.js';
import { todaySeoul } from '../common/seoul-time.js';
import { CalcInputError, fraction, isoDate, won } from './schema.js';

export const conversionInput = z.object({
  convertedDeposit: won,
  date: isoDate.default(() => todaySeoul()),
  /** 기준금리 as a fraction; without it, the shipped series (plus the user's rows) at `date`. */
  baseRate: fraction.optional(),
});
export type ConversionInput = z.input<typeof conversionInput>;

export interface ConversionRate {
  /** Basis points, e.g. 450 = 4.5 %. */
  rateBp: number;
  ruleEffectiveFrom: string;
  /** The base rate used, in basis points (null for the fixed 14 % rule). */
  baseRateBp: number | null;
  baseRateFrom: 'input' | 'series' | null;
  unverified: boolean;
}

/** The annual conversion rate cap in force on `date`. */
export function conversionRateAt(date: string, baseRate: number | undefined, userRates: UserBaseRateRow[], { rentConversion, baseRate: series }: Pick<ReferenceTables, 'rentConversion' | 'baseRate'>): ConversionRate {
  const rule = versionAt(rentConversion, date);
  if (!rule) throw new CalcInputError('date', `no statutory conversion rate before ${rentConversion.versions[0].effectiveFrom}`);
  if (rule.rule === 'fixed') {
    return { rateBp: rule.rateBp, ruleEffectiveFrom: rule.effectiveFrom, baseRateBp: null, baseRateFrom: null, unverified: Boolean(rule.unverified) };
  }
  let baseBp: number;
  let from: 'input' | 'series';
  let unverified = Boolean(rule.unverified);
  if (baseRate !== undefined) {
    baseBp = Math.round(baseRate * 10000);
    from = 'input';
  } else {
    const row = baseRateAt(date, userRates, series);
    if (!row) throw new CalcInputError('baseRate', `no base rate in the series for ${date}; enter baseRate`);
    baseBp = row.rateBp;
    from = 'series';
    unverified ||= Boolean(row.unverified);
  }
  const variable = rule.rule === 'minOfCapAndBaseTimes' ? baseBp * rule.multiplier : baseBp + rule.addBp;
  return { rateBp: Math.min(rule.capBp, variable), ruleEffectiveFrom: rule.effectiveFrom, baseRateBp: baseBp, baseRateFrom: from, unverified };
}

export interface ConversionResult {
  annualRate: number;
  maxMonthlyRent: number;
  ruleEffectiveFrom: string;
  baseRate: number | null;
  unverified: boolean;
  /** When the series' base rate was used: the last decision day the shipped series is confirmed through. */
  baseRateCheckedThrough: string | null;
  notes: { ko: string; en: string }[];
}

export function computeConversion(input: z.output<typeof conversionInput>, userRates: UserBaseRateRow[], tables: Pick<ReferenceTables, 'rentConversion' | 'baseRate'>): ConversionResult {
  const r = conversionRateAt(input.date, input.baseRate, userRates, tables);
  return {
    annualRate: r.rateBp / 10000,
    // converted × rate / 12, in integers: rateBp / 10000 / 12 = rateBp / 120000.
    maxMonthlyRent: Math.floor((input.convertedDeposit * r.rateBp) / 120000),
    ruleEffectiveFrom: r.ruleEffectiveFrom,
    baseRate: r.baseRateBp === null ? null : r.baseRateBp / 10000,
    unverified: r.unverified,
    baseRateCheckedThrough: r.baseRateFrom === 'series' ? (tables.baseRate.seriesCheckedThrough ?? null) : null,
    notes: baseRateNotes(input.date, r.baseRateFrom, userRates, tables.baseRate.seriesCheckedThrough),
  };
}

/** Says when the date is past the last decision the shipped series is confirmed through. */
export function baseRateNotes(date: string, from: 'input' | 'series' | null, userRates: UserBaseRateRow[], through: string | undefined): { ko: string; en: string }[] {
  if (from !== 'series' || !through || date <= through) return [];
  if (userRates.some((r) => r.effectiveFrom > through && r.effectiveFrom <= date)) return [];
  return [{
    ko: `기준금리 표는 ${through} 금융통화위원회 결정까지 확인되었습니다. 그 뒤에 바뀌었다면 기준금리를 추가하세요.`,
    en: `The base-rate series is confirmed through the decision of ${through}. If it has changed since, add the new rate.`,
  }];
}
