// 증액 상한 (주택임대차보호법 §7, 시행령 §8): an increase may not exceed 1/20 of the agreed rent
// or deposit. The law has no rule for a change to both at once; `renewal-check` combines them
// through the §7의2 conversion rate, as practice commentary does, and says so.
import { z } from 'zod';
import { versionAt, type ReferenceTables, type UserBaseRateRow } from '../../data/reference/index.js';
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

export function computeRenewalCap(input: z.output<typeof renewalCapInput>, { renewalIncreaseCap }: Pick<ReferenceTables, 'renewalIncreaseCap'>): RenewalCapResult {
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
  /**
   * Which increase this is: during the lease (§7①), a §6의3 renewal, or a new agreement after
   * expiry (not capped, 대법원 93다30532, 2002다23482 — unless the landlord is registered).
   */
  kind: z.enum(['duringLease', 'renewalRight', 'agreedAfterExpiry'], { error: 'must be duringLease, renewalRight or agreedAfterExpiry' }).optional(),
  /** The landlord is a 등록임대사업자 (민간임대주택법 §44: increases stay capped on a new agreement too). */
  registeredLandlord: z.boolean().optional(),
  /** The tenant has already used the 갱신요구권 (it can be used once). */
  renewalRightUsed: z.boolean().optional(),
});
export type RenewalCheckInput = z.input<typeof renewalCheckInput>;

export interface RenewalCheckResult {
  /** (new combined − old combined) / old combined, as a fraction. */
  increase: number;
  /** Within 1/20. */
  withinCap: boolean;
  /** Whether the cap binds this increase; null when the kind was not given. */
  capApplies: boolean | null;
  /** Lawful as far as the cap goes: within it, or the cap does not bind. */
  allowed: boolean;
  /** Which case applies, with its basis. */
  case: { ko: string; en: string };
  /** The 갱신요구권 where it is still available and would help. */
  suggestion: { ko: string; en: string } | null;
  /** The rate used to turn rent into deposit (fraction). */
  conversionRate: number;
  combinedBefore: number;
  combinedAfter: number;
  note: { ko: string; en: string };
}

export function computeRenewalCheck(input: z.output<typeof renewalCheckInput>, userRates: UserBaseRateRow[], tables: Pick<ReferenceTables, 'renewalIncreaseCap' | 'rentConversion' | 'baseRate'>): RenewalCheckResult {
  const v = versionAt(tables.renewalIncreaseCap, input.date)!;
  const rate = conversionRateAt(input.date, input.baseRate, userRates, tables);
  if (rate.rateBp === 0) throw new CalcInputError('baseRate', 'gives a conversion rate of 0');
  // Rent as deposit: monthly × 12 / rate.
  const asDeposit = (rent: number) => Math.floor((rent * 12 * 10000) / rate.rateBp);
  const before = input.deposit + asDeposit(input.monthlyRent);
  const after = input.newDeposit + asDeposit(input.newMonthlyRent);
  if (before === 0) throw new CalcInputError('deposit', 'deposit and monthlyRent are both 0');
  // after ≤ before × (1 + n/d), in integers.
  const withinCap = after * v.denominator <= before * (v.denominator + v.numerator);
  const c = renewalCase(input);
  const suggestion =
    input.kind === 'agreedAfterExpiry' && !input.registeredLandlord && !withinCap && input.renewalRightUsed !== true
      ? {
          ko: '갱신요구권을 아직 쓰지 않았다면, 만기 6개월~2개월 전에 갱신을 요구해(주택임대차보호법 §6의3) 증액을 5% 이내로 할 수 있습니다.',
          en: 'If the renewal right is unused, the tenant can claim renewal 6 to 2 months before the end (Act §6-3) and keep the increase within 5 %.',
        }
      : null;
  return {
    increase: roundFraction((after - before) / before),
    withinCap,
    capApplies: c.applies,
    allowed: c.applies === false ? true : withinCap,
    case: c.text,
    suggestion,
    conversionRate: rate.rateBp / 10000,
    combinedBefore: before,
    combinedAfter: after,
    note: {
      ko: '법에는 보증금과 월세를 함께 바꾸는 경우의 합산 규정이 없습니다. 실무처럼 월차임 전환율로 환산해 합산했습니다.',
      en: 'The law has no rule for combining deposit and rent changes; like common practice, rent is converted at the statutory conversion rate and added.',
    },
  };
}

/** Whether the §7 cap binds the increase, and the case in words with its basis. */
function renewalCase(input: z.output<typeof renewalCheckInput>): { applies: boolean | null; text: { ko: string; en: string } } {
  if (input.registeredLandlord) {
    return { applies: true, text: { ko: '등록임대사업자: 재계약을 포함한 모든 증액이 5% 이내로 제한됩니다 (민간임대주택에 관한 특별법 §44).', en: 'Registered landlord: every increase, a new agreement included, is capped at 5 % (Private Rental Housing Act §44).' } };
  }
  switch (input.kind) {
    case 'duringLease':
      return { applies: true, text: { ko: '계약 기간 중의 증액 청구: 5% 상한과 1년 제한이 적용됩니다 (주택임대차보호법 §7①②).', en: 'An increase demanded during the lease: capped at 5 %, and not within a year of the last (Act §7①②).' } };
    case 'renewalRight':
      return { applies: true, text: { ko: '갱신요구권에 의한 갱신: 차임·보증금은 §7의 범위에서만 늘릴 수 있습니다 (주택임대차보호법 §6의3③).', en: 'Renewal by the statutory right: rent and deposit may rise only within §7 (Act §6-3③).' } };
    case 'agreedAfterExpiry':
      return { applies: false, text: { ko: '만기 후 당사자가 새로 합의한 재계약: 5% 상한이 적용되지 않습니다 (대법원 93다30532, 2002다23482).', en: 'A new agreement after expiry: the 5 % cap does not apply (Supreme Court 93다30532, 2002다23482).' } };
    default:
      return { applies: null, text: { ko: '어떤 증액인지(계약 중 증액, 갱신요구권 갱신, 만기 후 합의 재계약) 고르면 상한 적용 여부를 알려 드립니다. 계약 중 증액과 갱신요구권 갱신에는 5% 상한이 적용됩니다 (주택임대차보호법 §7, §6의3).', en: 'Say which increase this is (during the lease, statutory renewal, new agreement after expiry) to know whether the cap binds; it binds the first two (Act §7, §6-3).' } };
  }
}
