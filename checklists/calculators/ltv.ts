// 부채비율 (senior claims + senior deposits + this deposit) / market value, and the plain
// 전세가율 (this deposit / market value) beside it — two different figures with different labels.
import { z } from 'zod';
import { versionAt, type ReferenceTables } from '../../data/reference/index.js';
import { roundFraction, won } from './schema.js';

export const ltvInput = z.object({
  deposit: won,
  seniorClaims: won.default(0),
  seniorDeposits: won.default(0),
  marketValue: won.refine((v) => v > 0, 'must be greater than 0'),
});
export type LtvInput = z.input<typeof ltvInput>;

export type LtvBand = '안전' | '주의' | '위험' | '깡통전세';

export interface LtvResult {
  /** 부채비율 as a fraction. */
  ratio: number;
  band: LtvBand;
  /** 전세가율 = deposit / market value, a fraction. */
  jeonseRatio: number;
}

export const LTV_BAND_LABELS: Record<LtvBand, { ko: string; en: string }> = {
  안전: { ko: '안전', en: 'safe' },
  주의: { ko: '주의', en: 'caution' },
  위험: { ko: '위험', en: 'danger' },
  깡통전세: { ko: '깡통전세', en: 'deposit exceeds value' },
};

export function computeLtv(input: z.output<typeof ltvInput>, { depositRiskBands }: Pick<ReferenceTables, 'depositRiskBands'>, date = '2000-01-01'): LtvResult {
  const b = versionAt(depositRiskBands, date)!;
  const total = input.seniorClaims + input.seniorDeposits + input.deposit;
  const mv = input.marketValue;
  // Compared in integers so that exactly 70 % and 80 % fall on the stated side.
  let band: LtvBand;
  if (total * 100 >= b.emptyFromPercent * mv) band = '깡통전세';
  else if (total * 100 > b.cautionMaxPercent * mv) band = '위험';
  else if (total * 100 > b.safeMaxPercent * mv) band = '주의';
  else band = '안전';
  return { ratio: roundFraction(total / mv), band, jeonseRatio: roundFraction(input.deposit / mv) };
}
