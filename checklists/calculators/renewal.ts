// 증액 상한 (주택임대차보호법 §7, 시행령 §8): an increase may not exceed 1/20 of the agreed rent
// or deposit. The law has no rule for a change to both at once; `renewal-check` combines them
// through the §7의2 conversion rate, as practice commentary does, and says so.
import { z } from 'zod';
import { renewalIncreaseCap, versionAt, type UserBaseRateRow } from '../../data/reference/index.js';
import { todaySeoul } from '../common/seoul-time.js';
import { conversionRateAt } from './conversion.js';
import { CalcInputError, isoDate, roundFraction, won } from './schema.js';

export const renewalCapInput = z.object({
  deposit: won,
  monthlyRent: won.default(0),
  date: isoDate.default(() => todaySeoul()),
});
export type RenewalCapInput = z.input<typeof renewalCapInput>;

export interface RenewalCapResult {
  /** Each alone: the deposit raised by 1/20 with the rent unchanged, and the rent raised alone. */
  maxDeposit: number;
  maxMonthlyRent: number;
  capFraction: number;
}

export function computeRenewalCap(input: z.output<typeof renewalCapInput>): RenewalCapResult {
  const v = versionAt(renewalIncreaseCap, input.date)!;
  const up = (x: number) => x + Math.floor((x * v.numerator) / v.denominator);
  return { maxDeposit: up(input.deposit), maxMonthlyRent: up(input.monthlyRent), capFraction: v.numerator / v.denominator };
}

export const renewalCheckInput = z.object({
  deposit: won,
  monthlyRent: won.default(0),
  newDeposit: won,
  newMonthlyRent: won.default(0),
  date: isoDate.default(() => todaySeoul()),
  baseRate: z.number().min(0).max(1).optional(),
});
export type RenewalCheckInput = z.input<typeof renewalCheckInput>;

export interface RenewalCheckResult {
  /** (new combined − old combined) / old combined, as a fraction. */
  increase: number;
  allowed: boolean;
  /** The rate used to turn rent into deposit (fraction). */
  conversionRate: number;
  combinedBefore: number;
  combinedAfter: number;
  note: { ko: string; en: string };
}

export function computeRenewalCheck(input: z.output<typeof renewalCheckInput>, userRates: UserBaseRateRow[] = []): RenewalCheckResult {
  const v = versionAt(renewalIncreaseCap, input.date)!;
  const rate = conversionRateAt(input.date, input.baseRate, userRates);
  if (rate.rateBp === 0) throw new CalcInputError('baseRate', 'gives a conversion rate of 0');
  // Rent as deposit: monthly × 12 / rate.
  const asDeposit = (rent: number) => Math.floor((rent * 12 * 10000) / rate.rateBp);
  const before = input.deposit + asDeposit(input.monthlyRent);
  const after = input.newDeposit + asDeposit(input.newMonthlyRent);
  if (before === 0) throw new CalcInputError('deposit', 'deposit and monthlyRent are both 0');
  return {
    increase: roundFraction((after - before) / before),
    // after ≤ before × (1 + n/d), in integers.
    allowed: after * v.denominator <= before * (v.denominator + v.numerator),
    conversionRate: rate.rateBp / 10000,
    combinedBefore: before,
    combinedAfter: after,
    note: {
      ko: '법에는 보증금과 월세를 함께 바꾸는 경우의 합산 규정이 없습니다. 실무처럼 월차임 전환율로 환산해 합산했습니다.',
      en: 'The law has no rule for combining deposit and rent changes; like common practice, rent is converted at the statutory conversion rate and added.',
    },
  };
}
