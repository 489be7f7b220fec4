// HUG 전세보증금반환보증: the most deposit the guarantee accepts, by the rules in force on the
// contract date (a stand-in for the application date). 주택가격 = 아파트 시세, others 공시가격 × 140 %
// (150 % before 2023); deposit + senior claims ≤ 주택가격 × 90 % (100 % before 2023-05-01);
// deposit ≤ 7억 in the capital region, 5억 elsewhere.
import { z } from 'zod';
import { versionAt, type HugVersion, type ReferenceTables } from '../../data/reference/index.js';
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
  /** What the market value is: KB 시세, 한국부동산원 시세, or an asking price (which HUG does not count). */
  marketValueSource: z.enum(['kb', 'reb', 'asking'], { error: 'must be kb, reb or asking' }).optional(),
  officialPrice: won.optional(),
  /** HUG-accepted appraisal (감정평가) of a non-apartment, from 2025-10-02. */
  appraisal: won.optional(),
  contractDate: isoDate.default(() => todaySeoul()),
});
export type HugInput = z.input<typeof hugInput>;

export interface HugResult {
  /** null when the price basis is missing or the region cannot be read. */
  eligible: boolean | null;
  housePrice: number | null;
  maxDeposit: number | null;
  reasons: { ko: string; en: string }[];
  /** Which valuation the house price rests on (◐ 실무 기준), or null when none could be used. */
  basis: { key: 'marketKb' | 'marketReb' | 'officialPrice' | 'appraisal'; ko: string; en: string } | null;
  rulesEffectiveFrom: string;
  unverified: boolean;
}

const eok = (won: number) => `${won / 1e8}억원`;

export function computeHug(input: z.output<typeof hugInput>, { hugGuarantee }: Pick<ReferenceTables, 'hugGuarantee'>): HugResult {
  const v = versionAt(hugGuarantee, input.contractDate);
  if (!v) throw new CalcInputError('contractDate', `no HUG rules before ${hugGuarantee.versions[0].effectiveFrom}`);
  const reasons: HugResult['reasons'] = [];
  const { housePrice, basis } = hugHousePrice(input, v, reasons);
  if (basis) reasons.unshift({ ko: basis.ko, en: basis.en });
  const place = parsePlace(input.address, input.contractDate);
  let cap: number | null = null;
  if (place.resolution) reasons.push(place.resolution);
  if (place.sido) cap = hugGuarantee.capitalRegion.includes(place.sido) ? v.capCapitalRegion : v.capElsewhere;
  else reasons.push(place.ask ?? { ko: '주소에서 시·도를 알 수 없어 보증한도를 정할 수 없습니다.', en: 'The province is not in the address, so the regional cap is unknown.' });
  if (housePrice === null || cap === null) {
    return { eligible: null, housePrice, maxDeposit: null, reasons, basis, rulesEffectiveFrom: v.effectiveFrom, unverified: Boolean(v.unverified) };
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
  return { eligible, housePrice, maxDeposit, reasons, basis, rulesEffectiveFrom: v.effectiveFrom, unverified: Boolean(v.unverified) };
}

const PRACTICE = '◐ 실무 기준';

/**
 * HUG's house price (◐ 실무 기준: HUG's own rules are not in the statute mirror): 아파트 and 주거용
 * 오피스텔 by KB or 한국부동산원 시세 first (an asking price does not count); the other types — and
 * these as a fallback — by 공시가격 × 140 %; from 2025-10-02 a non-apartment may use HUG's appraisal.
 */
function hugHousePrice(input: z.output<typeof hugInput>, v: HugVersion, reasons: HugResult['reasons']): { housePrice: number | null; basis: HugResult['basis'] } {
  const marketFirst = v.marketValueFirstFor.includes(input.buildingType);
  const countedMarket = input.marketValue !== undefined && input.marketValueSource !== 'asking';
  if (marketFirst && countedMarket) {
    const source = input.marketValueSource === 'reb' ? { key: 'marketReb' as const, ko: '한국부동산원 시세', en: 'Korea Real Estate Board price' } : { key: 'marketKb' as const, ko: 'KB 시세', en: 'KB price' };
    if (input.marketValueSource === undefined) {
      reasons.push({ ko: '시세의 출처(KB·한국부동산원)를 기록하세요. 호가는 HUG가 인정하지 않습니다.', en: 'Record where the market price is from (KB or Korea Real Estate Board); HUG does not count an asking price.' });
    }
    return { housePrice: input.marketValue!, basis: { key: source.key, ko: `주택가격 = ${source.ko} (${PRACTICE})`, en: `House price = ${source.en} (${PRACTICE}: practice basis)` } };
  }
  if (marketFirst && input.marketValue !== undefined && input.marketValueSource === 'asking') {
    reasons.push({ ko: '입력한 시세는 호가라 HUG 주택가격으로 쓰지 않았습니다.', en: 'The market value entered is an asking price, which HUG does not use.' });
  }
  if (!marketFirst && v.appraisalForNonApartments && input.appraisal !== undefined) {
    return { housePrice: input.appraisal, basis: { key: 'appraisal', ko: `주택가격 = HUG 인정 감정평가액 (${v.effectiveFrom}부터 아파트 외 주택, 감정평가 2곳·이의신청 가능; ${PRACTICE})`, en: `House price = HUG-accepted appraisal (non-apartments from ${v.effectiveFrom}; ${PRACTICE}: practice basis)` } };
  }
  if (input.officialPrice !== undefined) {
    return {
      housePrice: Math.floor((input.officialPrice * v.officialPriceMultiplierPercent) / 100),
      basis: {
        key: 'officialPrice',
        ko: `주택가격 = 공시가격 × ${v.officialPriceMultiplierPercent}%${marketFirst ? ' (시세가 없어 대체 기준)' : ''} (${PRACTICE})`,
        en: `House price = official price × ${v.officialPriceMultiplierPercent}%${marketFirst ? ' (no market price: the fallback)' : ''} (${PRACTICE}: practice basis)`,
      },
    };
  }
  reasons.push(
    marketFirst
      ? { ko: '아파트·주거용 오피스텔은 KB·한국부동산원 시세(없으면 공시가격)가 필요합니다.', en: 'An apartment or residential officetel needs its KB or Korea Real Estate Board price (or else its official price).' }
      : { ko: '아파트 외 주택은 공시가격(또는 HUG 인정 감정평가액)이 필요합니다.', en: 'A non-apartment needs its official (공시) price (or a HUG-accepted appraisal).' },
  );
  return { housePrice: null, basis: null };
}
