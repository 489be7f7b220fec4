// 중개보수 cap for a residential lease (공인중개사법 시행규칙 §20, 별표 1; 오피스텔 §20④1, 별표 2).
// The cap is per side (landlord and tenant each), VAT not included; the actual fee is negotiated.
import { z } from 'zod';
import { versionAt, type ReferenceTables } from '../../data/reference/index.js';
import { todaySeoul } from '../common/seoul-time.js';
import { CalcInputError, isoDate, won } from './schema.js';

export const brokerageInput = z.object({
  deposit: won,
  monthlyRent: won.default(0),
  contractDate: isoDate.default(() => todaySeoul()),
  propertyKind: z.enum(['housing', 'officetel'], { error: 'must be "housing" or "officetel"' }).default('housing'),
});
export type BrokerageInput = z.input<typeof brokerageInput>;

export interface BrokerageResult {
  /** 거래금액: 보증금 + 월차임 × 100, or × 70 when that sum is under 5천만원. */
  transactionAmount: number;
  /** Upper rate as a fraction (0.004 = 0.4 %). */
  rate: number;
  /** 한도액 in won, null when the band has none. */
  cap: number | null;
  /** Most that one side may be charged, VAT not included. */
  maxFee: number;
  tableEffectiveFrom: string;
}

export function computeBrokerage(input: z.output<typeof brokerageInput>, { brokerage }: Pick<ReferenceTables, 'brokerage'>): BrokerageResult {
  const v = versionAt(brokerage, input.contractDate);
  if (!v) {
    throw new CalcInputError('contractDate', `no brokerage table before ${brokerage.versions[0].effectiveFrom} (older Seoul ordinance bands are not verified)`);
  }
  const c = v.convertedDeposit;
  let amount = input.deposit + input.monthlyRent * c.rentMultiplier;
  if (input.monthlyRent > 0 && amount < c.smallThreshold) amount = input.deposit + input.monthlyRent * c.smallRentMultiplier;
  let permille: number;
  let cap: number | null;
  if (input.propertyKind === 'officetel') {
    permille = v.officetelLease.ratePermille;
    cap = v.officetelLease.cap;
  } else {
    const band = v.housingLease.find((b) => amount >= b.minAmount && (b.maxAmountExclusive === null || amount < b.maxAmountExclusive))!;
    permille = band.ratePermille;
    cap = band.cap;
  }
  const byRate = Math.floor((amount * permille) / 1000);
  return {
    transactionAmount: amount,
    rate: permille / 1000,
    cap,
    maxFee: cap === null ? byRate : Math.min(byRate, cap),
    tableEffectiveFrom: v.effectiveFrom,
  };
}
