// HUG 전세보증금반환보증: the most deposit the guarantee accepts, by the rules in force on the
// contract date (a stand-in for the application date). 주택가격 = 아파트 시세, others 공시가격 × 140 %
// (150 % before 2023); deposit + senior claims ≤ 주택가격 × 90 % (100 % before 2023-05-01);
// deposit ≤ 7억 in the capital region, 5억 elsewhere.
import { z } from 'zod';
import { hugGuarantee, versionAt } from '../../data/reference/index.js';
import { todaySeoul } from '../common/seoul-time.js';
import { buildingType } from './building.js';
import { parsePlace } from './region.js';
import { CalcInputError, isoDate, won } from './schema.js';

export const hugInput = z.object({
  buildingType,
  address: z.string({ error: 'must be the property address' }).min(1, 'must be the property address'),
  deposit: won,
  seniorClaims: won.default(0),
  marketValue: won.optional(),
  officialPrice: won.optional(),
  contractDate: isoDate.default(() => todaySeoul()),
});
export type HugInput = z.input<typeof hugInput>;

export interface HugResult {
  /** null when the price basis is missing or the region cannot be read. */
  eligible: boolean | null;
  housePrice: number | null;
  maxDeposit: number | null;
  reasons: { ko: string; en: string }[];
  rulesEffectiveFrom: string;
  unverified: boolean;
}

const eok = (won: number) => `${won / 1e8}억원`;

export function computeHug(input: z.output<typeof hugInput>): HugResult {
  const v = versionAt(hugGuarantee, input.contractDate);
  if (!v) throw new CalcInputError('contractDate', `no HUG rules before ${hugGuarantee.versions[0].effectiveFrom}`);
  const reasons: HugResult['reasons'] = [];
  let housePrice: number | null = null;
  if (input.buildingType === 'apartment') {
    if (input.marketValue !== undefined) housePrice = input.marketValue;
    else reasons.push({ ko: '아파트는 시세(KB·한국부동산원)가 필요합니다.', en: 'An apartment needs its market price (KB or Korea Real Estate Board).' });
  } else if (input.officialPrice !== undefined) {
    housePrice = Math.floor((input.officialPrice * v.officialPriceMultiplierPercent) / 100);
    reasons.push({
      ko: `주택가격 = 공시가격 × ${v.officialPriceMultiplierPercent}%.`,
      en: `House price = official price × ${v.officialPriceMultiplierPercent}%.`,
    });
  } else {
    reasons.push({ ko: '아파트 외 주택은 공시가격이 필요합니다.', en: 'A non-apartment needs its official (공시) price.' });
  }
  const place = parsePlace(input.address, input.contractDate);
  let cap: number | null = null;
  if (place.resolution) reasons.push(place.resolution);
  if (place.sido) cap = hugGuarantee.capitalRegion.includes(place.sido) ? v.capCapitalRegion : v.capElsewhere;
  else reasons.push(place.ask ?? { ko: '주소에서 시·도를 알 수 없어 보증한도를 정할 수 없습니다.', en: 'The province is not in the address, so the regional cap is unknown.' });
  if (housePrice === null || cap === null) {
    return { eligible: null, housePrice, maxDeposit: null, reasons, rulesEffectiveFrom: v.effectiveFrom, unverified: Boolean(v.unverified) };
  }
  const byRatio = Math.floor((housePrice * v.ratioPercent) / 100) - input.seniorClaims;
  const maxDeposit = Math.max(0, Math.min(byRatio, cap));
  const eligible = input.deposit <= maxDeposit;
  if (input.deposit + input.seniorClaims > Math.floor((housePrice * v.ratioPercent) / 100)) {
    reasons.push({
      ko: `보증금 + 선순위채권이 주택가격의 ${v.ratioPercent}%를 넘습니다.`,
      en: `Deposit plus senior claims exceed ${v.ratioPercent}% of the house price.`,
    });
  }
  if (input.deposit > cap) {
    reasons.push({ ko: `보증금이 지역 한도 ${eok(cap)}을 넘습니다.`, en: `The deposit exceeds the regional cap of KRW ${cap.toLocaleString('en-US')}.` });
  }
  return { eligible, housePrice, maxDeposit, reasons, rulesEffectiveFrom: v.effectiveFrom, unverified: Boolean(v.unverified) };
}
