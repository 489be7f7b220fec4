// 최우선변제 (주택임대차보호법 §8, 시행령 §10·§11): whether a deposit is a small deposit and how
// much of it is paid ahead of a 담보권자. The table is chosen by the date that 담보권자 acquired its
// 담보물권 (each decree's 부칙 경과조치), not by the lease date.
import { z } from 'zod';
import { versionAt, type PriorityGroup, type ReferenceTables } from '../../data/reference/index.js';
import { todaySeoul } from '../common/seoul-time.js';
import { groupFor, placeOf } from './region.js';
import { isoDate, won } from './schema.js';

export const priorityRepaymentInput = z.object({
  address: z.string({ error: 'must be the property address' }).min(1, 'must be the property address'),
  deposit: won,
  /** 접수일 of the senior 담보물권 (근저당·저당·담보가등기); null → the table in force at asOf. */
  seniorSecurityDate: isoDate.nullable().default(null),
  /** Expected sale price (주택가액, land included): the amount is capped at half of it. */
  housePrice: won.optional(),
  asOf: isoDate.default(() => todaySeoul()),
  /** 접수일 of a live 경매개시결정 (임의·강제경매) on the register, if any. */
  auctionRegisteredOn: isoDate.optional(),
  /** The day the tenant moved in and registered (전입신고): 대항요건 hold from 0시 the next day. */
  moveInDate: isoDate.optional(),
});
export type PriorityRepaymentInput = z.input<typeof priorityRepaymentInput>;

export interface PriorityCandidate {
  regionGroup: string;
  threshold: number;
  amount: number;
  eligible: boolean;
}

export interface PriorityRepaymentResult {
  /** null when the region cannot be settled (확인필요) and the candidates disagree, or no table applies yet. */
  eligible: boolean | null;
  /** The group as the table names it, or 확인필요; null when no table applies. */
  regionGroup: string | null;
  tableEffectiveFrom: string | null;
  /** Deposit threshold (이하) of the group. */
  threshold: number | null;
  /** Amount paid first, in won (0 when not eligible; null when unknown). */
  amount: number | null;
  /** The table or the region placement rests on an unverified source. */
  unverified: boolean;
  /** The groups the address might fall in, when regionGroup is 확인필요. */
  candidates?: PriorityCandidate[];
  /** How the address was read ("서울특별시 관악구로 판단"), or null when it could not be. */
  resolution: { ko: string; en: string } | null;
  /** What to ask the manager when the address does not settle the region. */
  ask: { ko: string; en: string } | null;
  notes: { ko: string; en: string }[];
}

function amountFor(g: PriorityGroup, deposit: number, housePrice?: number): PriorityCandidate {
  const eligible = deposit <= g.depositMax;
  let amount = eligible ? Math.min(deposit, g.priorityMax) : 0;
  if (housePrice !== undefined) amount = Math.min(amount, Math.floor(housePrice / 2));
  return { regionGroup: g.label, threshold: g.depositMax, amount, eligible };
}

/**
 * §8① 후단: the tenant must meet the 대항요건 before the 경매개시결정 is registered. 대항력 starts at
 * 0시 the day after moving in, so moving in on the registration day is already too late.
 */
export function afterAuction(moveInDate: string | undefined, auctionRegisteredOn: string | undefined): boolean | null {
  if (!auctionRegisteredOn) return false;
  if (!moveInDate) return null;
  return moveInDate >= auctionRegisteredOn;
}

export function computePriorityRepayment(raw: z.output<typeof priorityRepaymentInput>, tables: Pick<ReferenceTables, 'priorityRepayment' | 'overcrowdingZone'>): PriorityRepaymentResult {
  const r = computeByTable(raw, tables);
  const late = afterAuction(raw.moveInDate, raw.auctionRegisteredOn);
  if (late === true) {
    r.notes.unshift({
      ko: `경매개시결정 등기(${raw.auctionRegisteredOn}) 이후${raw.moveInDate === raw.auctionRegisteredOn ? '(같은 날 전입: 대항력은 다음 날 0시부터)' : ''}에 대항요건을 갖추어 최우선변제를 받을 수 없습니다 (주택임대차보호법 §8① 후단).`,
      en: `The tenant met the residence requirements only after the auction was registered on ${raw.auctionRegisteredOn}${raw.moveInDate === raw.auctionRegisteredOn ? ' (moving in that same day is too late: protection starts at 0:00 the next day)' : ''}, so there is no priority repayment (Housing Lease Protection Act §8① second sentence).`,
    });
    return { ...r, eligible: false, amount: 0, candidates: r.candidates?.map((c) => ({ ...c, eligible: false, amount: 0 })) };
  }
  if (late === null && r.eligible !== false) {
    r.notes.unshift({
      ko: `경매개시결정 등기(${raw.auctionRegisteredOn})가 있습니다. 그 전날까지 전입·인도를 마쳤을 때만 최우선변제를 받습니다 (주택임대차보호법 §8① 후단). 전입일을 입력하세요.`,
      en: `An auction was registered on ${raw.auctionRegisteredOn}: priority repayment needs the move-in and registration done by the day before (Act §8① second sentence). Enter the move-in date.`,
    });
    return { ...r, eligible: null, amount: null };
  }
  return r;
}

function computeByTable(raw: z.output<typeof priorityRepaymentInput>, { priorityRepayment, overcrowdingZone }: Pick<ReferenceTables, 'priorityRepayment' | 'overcrowdingZone'>): PriorityRepaymentResult {
  const date = raw.seniorSecurityDate ?? raw.asOf;
  const notes: PriorityRepaymentResult['notes'] = [];
  if (raw.seniorSecurityDate === null) {
    notes.push({
      ko: `선순위 담보물권이 없어 ${raw.asOf}에 시행 중인 표를 적용했습니다 (실무 기준).`,
      en: `No senior security right: the table in force on ${raw.asOf} is used (practice).`,
    });
  }
  if (raw.seniorSecurityDate !== null && raw.seniorSecurityDate < priorityRepayment.noSecurityBefore) {
    return {
      eligible: false, regionGroup: null, tableEffectiveFrom: null, threshold: null, amount: 0, unverified: false, resolution: null, ask: null,
      notes: [{
        ko: '1984-01-01 전에 취득한 담보물권에는 최우선변제가 적용되지 않습니다 (법률 제3682호 부칙 ④).',
        en: 'A security right acquired before 1984-01-01 is not subject to priority repayment (Act No. 3682, addendum 4).',
      }],
    };
  }
  const version = versionAt(priorityRepayment, date);
  if (!version) {
    return {
      eligible: null, regionGroup: null, tableEffectiveFrom: null, threshold: null, amount: null, unverified: true, resolution: null, ask: null,
      notes: [{
        ko: '1984-01-01부터 1984-06-13 사이의 담보물권: 금액을 정한 시행령(1984-06-14) 전이라 확인이 필요합니다.',
        en: 'Security right between 1984-01-01 and 1984-06-13: before the decree that set the amounts (1984-06-14); check.',
      }],
    };
  }
  // The zone's wording in force when the 담보물권 was acquired, as the table itself.
  const place = placeOf(raw.address, overcrowdingZone, date, raw.asOf);
  const choice = groupFor(place, version);
  const resolution = place.resolution;
  const ask = place.ask;
  let unverified = Boolean(version.unverified || version.boundaryUnverified);
  if (version.boundaryUnverified) {
    notes.push({ ko: '1990-02-19 경계일은 법령 본문으로 확인되지 않았습니다.', en: 'The 1990-02-19 boundary date is not confirmed by the law text.' });
  }
  if (raw.housePrice !== undefined) {
    notes.push({ ko: '주택가액의 2분의 1 한도를 적용했습니다 (시행령 §10②).', en: 'Capped at half the house price (decree §10②).' });
  } else {
    notes.push({
      ko: '배당 시 주택가액(매각대금)의 2분의 1 한도와 다른 소액임차인과의 안분이 적용될 수 있습니다.',
      en: 'In an auction the amount is capped at half the sale price and shared with other small tenants.',
    });
  }
  if (choice.kind === 'unknown') {
    const candidates = choice.candidates.map((g) => amountFor(g, raw.deposit, raw.housePrice));
    const allSame = candidates.every((c) => c.eligible === candidates[0].eligible && c.amount === candidates[0].amount);
    notes.push(ask ?? { ko: `권역 확인필요: ${choice.reason}`, en: `Region needs checking: ${choice.reason}` });
    return {
      eligible: allSame ? candidates[0].eligible : null,
      regionGroup: '확인필요',
      tableEffectiveFrom: version.effectiveFrom,
      threshold: null,
      amount: allSame ? candidates[0].amount : null,
      unverified: true,
      candidates,
      resolution,
      ask,
      notes,
    };
  }
  const g = choice.group;
  // Outside Seoul a 과밀억제권역 answer rests on the unverified annex wording.
  if (g.match.kind === 'overcrowding' || g.match.kind === 'metro') {
    if (place.sido !== '서울특별시' && place.overcrowding !== 'no') unverified = true;
    if (g.match.kind === 'overcrowding' && place.overcrowding === 'yes' && place.sido !== '서울특별시') unverified = true;
  }
  const c = amountFor(g, raw.deposit, raw.housePrice);
  return {
    eligible: c.eligible,
    regionGroup: g.label,
    tableEffectiveFrom: version.effectiveFrom,
    threshold: g.depositMax,
    amount: c.amount,
    unverified,
    resolution,
    ask,
    notes,
  };
}
