// Which housing-support programmes a client may qualify for, from the consultation's facts.
// Pure: the catalogue and the 기준 중위소득 table come in as arguments (data/reference), looked up
// by date. Each programme comes out as
//   eligible    해당 가능   — every criterion met (reasons say which)
//   needs-info  확인 필요   — nothing fails, but `missing` names the facts still needed
//   ineligible  해당 없음   — a criterion fails (reasons name it)
//   not-open    신청기간 아님 — outside its application window (nextWindow says when)
// and a programme whose valid period has ended is not offered at all.
import type { Criterion, MedianIncomeTable, Programme, ProgrammesTable } from '../../data/reference/policy-tables.js';
import { parseRegion, type RegionInput } from './region.js';

export type IncomeBasis = 'applicant' | 'couple' | 'parents' | 'household';

/** The facts matching uses; every one may be unknown (then a criterion needing it says so). */
export interface PolicyFacts {
  /** 만 나이. */
  age?: number;
  /** 연소득 (원), whose it is in incomeBasis. */
  annualIncome?: number;
  incomeBasis?: IncomeBasis;
  /** The household's income as a share (%) of 기준 중위소득 for its size. */
  householdIncomeShareOfMedian?: number;
  /** 재산 (원). */
  assets?: number;
  householdSize?: number;
  married?: boolean;
  /** Marriage date (past), or the planned date (future) when not yet married. */
  marriedOn?: string;
  /** 세대주 or 예비세대주 (becomes one on moving). */
  householder?: boolean;
  /** 제대군인 service in months (0 = none). */
  veteranMonths?: number;
  deposit?: number;
  monthlyRent?: number;
  homeless?: boolean;
  region?: RegionInput;
  /** In a 위기상황 (긴급복지). */
  crisis?: boolean;
  /** The parents' household (원가구): income share (%) of median and assets (원). */
  parentsIncomeShareOfMedian?: number;
  parentsAssets?: number;
}
export type FactKey = keyof PolicyFacts;

export type MatchStatus = 'eligible' | 'needs-info' | 'ineligible' | 'not-open';

export interface Text {
  ko: string;
  en: string;
}

export interface ProgrammeMatch {
  id: string;
  name: Text;
  status: MatchStatus;
  /** Why: each criterion met (eligible), failed (ineligible), or the window (not-open). */
  reasons: Text[];
  /** Facts still needed, exactly. */
  missing: FactKey[];
  /** When status is not-open: the next window; `expected` when guessed from last year's. */
  nextWindow?: { from: string; to: string; expected: boolean };
  /** A criterion rests on an unverified figure. */
  unverified: boolean;
  programme: Programme;
}

export interface MatchResult {
  asOf: string;
  /** The catalogue version used (its effective date) and when the table was last checked. */
  catalogue: { effectiveFrom: string; checkedOn: string };
  medianIncome?: { effectiveFrom: string; notice: string };
  matches: ProgrammeMatch[];
}

const won = (n: number) => `${Math.round(n).toLocaleString('ko-KR')}원`;
const wonEn = (n: number) => `KRW ${Math.round(n).toLocaleString('en-US')}`;
const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

export function versionAt<V extends { effectiveFrom: string }>(versions: V[], date: string): V | undefined {
  let found: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= date) found = v;
  return found;
}

/** 기준 중위소득 (원/월) for a household size on a date. */
export function medianMonthly(table: MedianIncomeTable, size: number, date: string): number | undefined {
  const v = versionAt(table.versions, date);
  if (!v || size < 1) return undefined;
  const xs = v.monthlyByHouseholdSize;
  if (size <= xs.length) return xs[size - 1];
  return xs[xs.length - 1] + (xs[xs.length - 1] - xs[xs.length - 2]) * (size - xs.length);
}

/** Whole months from a to b (b later), by calendar. */
function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number);
  const [by, bm, bd] = b.split('-').map(Number);
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}

type Outcome = { ok: true; why: Text } | { ok: false; why: Text } | { missing: FactKey[]; why?: Text };

interface Ctx {
  facts: PolicyFacts;
  asOf: string;
  median: MedianIncomeTable;
}

/** The household's income share of median, from the share given or from an income that is the household's. */
function householdShare(c: Ctx): { share: number; how: Text } | { missing: FactKey[] } {
  const f = c.facts;
  if (f.householdIncomeShareOfMedian !== undefined) return { share: f.householdIncomeShareOfMedian, how: { ko: '가구소득', en: 'household income' } };
  if (f.annualIncome === undefined) return { missing: ['householdIncomeShareOfMedian'] };
  if (f.householdSize === undefined) return { missing: ['householdSize'] };
  const basis = f.incomeBasis ?? (f.householdSize === 1 ? 'applicant' : undefined);
  const isHousehold = basis === 'household' || (basis === 'applicant' && f.householdSize === 1) || (basis === 'couple' && f.householdSize === 2);
  if (!isHousehold) return { missing: ['householdIncomeShareOfMedian'] };
  const m = medianMonthly(c.median, f.householdSize, c.asOf);
  if (!m) return { missing: ['householdIncomeShareOfMedian'] };
  return { share: (f.annualIncome / 12 / m) * 100, how: { ko: `연소득 ${won(f.annualIncome)} ÷ 12 ÷ ${f.householdSize}인 기준 중위소득 ${won(m)}`, en: `annual income ${wonEn(f.annualIncome)} ÷ 12 ÷ ${f.householdSize}-person median ${wonEn(m)}` } };
}

function check(cr: Criterion, c: Ctx): Outcome {
  const f = c.facts;
  switch (cr.kind) {
    case 'age': {
      if (f.age === undefined) return { missing: ['age'] };
      if (f.age < cr.min) return { ok: false, why: { ko: `만 ${cr.min}세 이상 대상 (현재 만 ${f.age}세)`, en: `From age ${cr.min} (now ${f.age})` } };
      if (f.age <= cr.max) return { ok: true, why: { ko: `만 ${cr.min}–${cr.max}세 (만 ${f.age}세)`, en: `Aged ${cr.min}–${cr.max} (${f.age})` } };
      if (cr.veteranMaxExtraYears && f.age <= cr.max + cr.veteranMaxExtraYears) {
        if (f.veteranMonths === undefined) return { missing: ['veteranMonths'], why: { ko: `만 ${f.age}세: 제대군인이면 복무기간만큼 만 ${cr.max + cr.veteranMaxExtraYears}세까지`, en: `Age ${f.age}: veterans qualify up to ${cr.max + cr.veteranMaxExtraYears} by length of service` } };
        const extra = Math.min(cr.veteranMaxExtraYears, Math.floor(f.veteranMonths / 12));
        if (f.age <= cr.max + extra) return { ok: true, why: { ko: `제대군인 복무 ${f.veteranMonths}개월: 만 ${cr.max + extra}세까지 (만 ${f.age}세)`, en: `Veteran, ${f.veteranMonths} months' service: up to ${cr.max + extra} (${f.age})` } };
        return { ok: false, why: { ko: `만 ${cr.max}세 초과 (제대군인 복무 ${f.veteranMonths}개월 → 만 ${cr.max + extra}세까지; 현재 만 ${f.age}세)`, en: `Over ${cr.max} (veteran service ${f.veteranMonths} months → up to ${cr.max + extra}; now ${f.age})` } };
      }
      return { ok: false, why: { ko: `만 ${cr.max}세 이하 대상 (현재 만 ${f.age}세)`, en: `Up to age ${cr.max} (now ${f.age})` } };
    }
    case 'medianShare': {
      const h = householdShare(c);
      if ('missing' in h) return h;
      const what = cr.recognisedIncome ? { ko: '소득인정액', en: 'recognised income' } : { ko: '가구소득', en: 'household income' };
      const range = cr.minExclusive !== undefined ? `${cr.minExclusive}% 초과 ${cr.max}% 이하` : `${cr.max}% 이하`;
      const rangeEn = cr.minExclusive !== undefined ? `above ${cr.minExclusive}% and at most ${cr.max}%` : `at most ${cr.max}%`;
      const ok = h.share <= cr.max + 1e-9 && (cr.minExclusive === undefined || h.share > cr.minExclusive);
      return {
        ok,
        why: { ko: `${what.ko} 기준 중위소득 ${range} 대상: ${pct(h.share)} (${h.how.ko})`, en: `${what.en} ${rangeEn} of the median: ${pct(h.share)} (${h.how.en})` },
      } as Outcome;
    }
    case 'annualIncome': {
      if (f.annualIncome === undefined) return { missing: ['annualIncome'] };
      if (f.married === undefined && cr.max !== undefined && cr.coupleMax !== undefined) return { missing: ['married'] };
      const couple = cr.max === undefined || f.married === true;
      if (couple) {
        if (cr.coupleMax === undefined) return { missing: ['annualIncome'] };
        if (f.incomeBasis !== 'couple' && f.incomeBasis !== 'household') return { missing: ['incomeBasis'], why: { ko: '부부합산 연소득이 필요합니다', en: "The couple's combined income is needed" } };
        return { ok: f.annualIncome <= cr.coupleMax, why: { ko: `부부합산 연소득 ${won(cr.coupleMax)} 이하 대상: ${won(f.annualIncome)}`, en: `Combined income at most ${wonEn(cr.coupleMax)}: ${wonEn(f.annualIncome)}` } } as Outcome;
      }
      if (f.incomeBasis && f.incomeBasis !== 'applicant') return { missing: ['incomeBasis'], why: { ko: '본인 연소득이 필요합니다', en: "The applicant's own income is needed" } };
      return { ok: f.annualIncome <= cr.max!, why: { ko: `본인 연소득 ${won(cr.max!)} 이하 대상: ${won(f.annualIncome)}`, en: `Own income at most ${wonEn(cr.max!)}: ${wonEn(f.annualIncome)}` } } as Outcome;
    }
    case 'assets':
      if (f.assets === undefined) return { missing: ['assets'] };
      return { ok: f.assets <= cr.max, why: { ko: `재산 ${won(cr.max)} 이하 대상: ${won(f.assets)}`, en: `Assets at most ${wonEn(cr.max)}: ${wonEn(f.assets)}` } } as Outcome;
    case 'deposit':
      if (f.deposit === undefined) return { missing: ['deposit'] };
      return { ok: f.deposit <= cr.max, why: { ko: `보증금 ${won(cr.max)} 이하 대상: ${won(f.deposit)}`, en: `Deposit at most ${wonEn(cr.max)}: ${wonEn(f.deposit)}` } } as Outcome;
    case 'rent': {
      if (f.monthlyRent === undefined) return { missing: ['monthlyRent'] };
      if (f.monthlyRent <= cr.max) return { ok: true, why: { ko: `월세 ${won(cr.max)} 이하: ${won(f.monthlyRent)}`, en: `Rent at most ${wonEn(cr.max)}: ${wonEn(f.monthlyRent)}` } };
      if (!cr.combined) return { ok: false, why: { ko: `월세 ${won(cr.max)} 이하 대상: ${won(f.monthlyRent)}`, en: `Rent at most ${wonEn(cr.max)}: ${wonEn(f.monthlyRent)}` } };
      if (f.deposit === undefined) return { missing: ['deposit'] };
      const total = (f.deposit * cr.combined.depositRatePercent) / 100 / 12 + f.monthlyRent;
      const rule = { ko: `월세가 ${won(cr.max)}을 넘으면 보증금 × ${cr.combined.depositRatePercent}% ÷ 12 + 월세 ≤ ${won(cr.combined.max)}`, en: `Rent above ${wonEn(cr.max)}: deposit × ${cr.combined.depositRatePercent}% ÷ 12 + rent ≤ ${wonEn(cr.combined.max)}` };
      return { ok: total <= cr.combined.max + 1e-6, why: { ko: `${rule.ko}: ${won(total)}`, en: `${rule.en}: ${wonEn(total)}` } } as Outcome;
    }
    case 'dealAmount': {
      if (f.deposit === undefined) return { missing: ['deposit'] };
      if (f.monthlyRent === undefined) return { missing: ['monthlyRent'] };
      const deal = f.deposit + f.monthlyRent * cr.rentMultiplier;
      return { ok: deal <= cr.max, why: { ko: `거래금액 (보증금 + 월세 × ${cr.rentMultiplier}) ${won(cr.max)} 이하 대상: ${won(deal)}`, en: `Deal amount (deposit + rent × ${cr.rentMultiplier}) at most ${wonEn(cr.max)}: ${wonEn(deal)}` } } as Outcome;
    }
    case 'marriage': {
      if (f.married === undefined) return { missing: ['married'] };
      if (f.married) {
        if (!f.marriedOn) return { missing: ['marriedOn'] };
        const months = monthsBetween(f.marriedOn, c.asOf);
        return { ok: months < cr.maxYears * 12, why: { ko: `혼인 ${cr.maxYears}년 이내 대상: 혼인일 ${f.marriedOn}`, en: `Married within ${cr.maxYears} years: married on ${f.marriedOn}` } } as Outcome;
      }
      if (f.marriedOn && f.marriedOn >= c.asOf) {
        const months = monthsBetween(c.asOf, f.marriedOn);
        return { ok: months < cr.orWithinMonths || (months === cr.orWithinMonths && f.marriedOn.slice(8) === c.asOf.slice(8)), why: { ko: `${cr.orWithinMonths}개월 이내 결혼 예정 대상: 예정일 ${f.marriedOn}`, en: `Marrying within ${cr.orWithinMonths} months: planned ${f.marriedOn}` } } as Outcome;
      }
      return { ok: false, why: { ko: `혼인 ${cr.maxYears}년 이내 또는 ${cr.orWithinMonths}개월 이내 결혼 예정인 부부 대상`, en: `For couples married within ${cr.maxYears} years or marrying within ${cr.orWithinMonths} months` } };
    }
    case 'homeless':
      if (f.homeless === undefined) return { missing: ['homeless'] };
      return { ok: f.homeless, why: f.homeless ? { ko: '무주택', en: 'Homeless (owns no home)' } : { ko: '무주택자 대상 (주택 보유)', en: 'For people who own no home' } } as Outcome;
    case 'householder':
      if (f.householder === undefined) return { missing: ['householder'] };
      return { ok: f.householder, why: f.householder ? { ko: '세대주 또는 예비세대주', en: 'Householder or prospective householder' } : { ko: '세대주 또는 예비세대주 대상', en: 'For householders or prospective householders' } } as Outcome;
    case 'residence': {
      const r = parseRegion(f.region);
      if (!r) return { missing: ['region'] };
      return { ok: r.sido === cr.sido, why: { ko: `${cr.sido} 거주 (예정) 대상: ${r.sido}${r.sigungu ? ` ${r.sigungu}` : ''}`, en: `For residents of ${cr.sido}: ${r.sido}${r.sigungu ? ` ${r.sigungu}` : ''}` } } as Outcome;
    }
    case 'parentsHousehold': {
      const need: FactKey[] = [];
      if (f.parentsIncomeShareOfMedian === undefined) need.push('parentsIncomeShareOfMedian');
      if (f.parentsAssets === undefined) need.push('parentsAssets');
      const rule = { ko: `원가구 (부모) 소득 중위 ${cr.medianShareMax}% 이하·재산 ${won(cr.assetsMax)} 이하`, en: `Parents' household: income ≤ ${cr.medianShareMax}% of median and assets ≤ ${wonEn(cr.assetsMax)}` };
      if (need.length) return { missing: need, why: { ko: `${rule.ko} 확인 필요`, en: `${rule.en} to be checked` } };
      return { ok: f.parentsIncomeShareOfMedian! <= cr.medianShareMax && f.parentsAssets! <= cr.assetsMax, why: { ko: `${rule.ko} 대상: ${pct(f.parentsIncomeShareOfMedian!)}, ${won(f.parentsAssets!)}`, en: `${rule.en}: ${pct(f.parentsIncomeShareOfMedian!)}, ${wonEn(f.parentsAssets!)}` } } as Outcome;
    }
    case 'crisis':
      if (f.crisis === undefined) return { missing: ['crisis'], why: { ko: '위기상황 (실직·질병·폭력·화재 등) 여부 확인 필요', en: 'Whether there is a crisis (job loss, illness, violence, fire…) must be checked' } };
      return { ok: f.crisis, why: f.crisis ? { ko: '위기상황', en: 'In a crisis' } : { ko: '위기상황에 처한 가구 대상', en: 'For households in a crisis' } } as Outcome;
  }
}

/** The window containing asOf, or the next one (known, or expected a year after the last). */
function windowState(p: Programme, asOf: string): { open: true } | { open: false; next?: { from: string; to: string; expected: boolean } } | { ended: true } {
  if (p.windows === 'always') return { open: true };
  if (p.windows.some((w) => w.from <= asOf && asOf <= w.to)) return { open: true };
  const upcoming = p.windows.filter((w) => w.from > asOf).sort((a, b) => a.from.localeCompare(b.from))[0];
  if (upcoming) return { open: false, next: { from: upcoming.from, to: upcoming.to, expected: false } };
  if (p.recurring !== 'yearly') return { ended: true };
  const last = [...p.windows].sort((a, b) => a.from.localeCompare(b.from)).at(-1)!;
  const shift = (d: string, years: number) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
  let years = 1;
  while (shift(last.to, years) < asOf) years++;
  return { open: false, next: { from: shift(last.from, years), to: shift(last.to, years), expected: true } };
}

export const STATUS_ORDER: MatchStatus[] = ['eligible', 'needs-info', 'not-open', 'ineligible'];

/** Matches every programme of the catalogue in force on asOf (YYYY-MM-DD). */
export function matchProgrammes(facts: PolicyFacts, tables: { programmes: ProgrammesTable; medianIncome: MedianIncomeTable }, asOf: string): MatchResult {
  const cat = versionAt(tables.programmes.versions, asOf) ?? tables.programmes.versions[0];
  const mv = versionAt(tables.medianIncome.versions, asOf);
  const c: Ctx = { facts, asOf, median: tables.medianIncome };
  const matches: ProgrammeMatch[] = [];
  for (const p of cat.programmes) {
    if (p.validTo !== null && asOf > p.validTo) continue; // ended: not offered
    const win = p.validFrom > asOf ? { open: false as const, next: undefined } : windowState(p, asOf);
    if ('ended' in win) continue;
    const passed: Text[] = [];
    const failed: Text[] = [];
    const notes: Text[] = [];
    const missing = new Set<FactKey>();
    let unverified = false;
    for (const cr of p.criteria) {
      const o = check(cr, c);
      if (cr.unverified) unverified = true;
      if ('missing' in o) {
        o.missing.forEach((m) => missing.add(m));
        if (o.why) notes.push(o.why);
      } else (o.ok ? passed : failed).push(o.why);
    }
    let status: MatchStatus;
    let reasons: Text[];
    if (failed.length) {
      status = 'ineligible';
      reasons = failed;
    } else if (!win.open) {
      status = 'not-open';
      const n = win.next;
      reasons = [
        n
          ? { ko: `신청기간 아님: 다음 신청 ${n.from} – ${n.to}${n.expected ? ' (예상, 공고 확인 필요)' : ''}`, en: `Not open for applications: next ${n.from} – ${n.to}${n.expected ? ' (expected; check the notice)' : ''}` }
          : { ko: `신청기간 아님: ${p.validFrom}부터`, en: `Not open yet: from ${p.validFrom}` },
        ...passed,
        ...notes,
      ];
    } else if (missing.size) {
      status = 'needs-info';
      reasons = [...passed, ...notes];
    } else {
      status = 'eligible';
      reasons = passed.length ? passed : [{ ko: '누구나 이용 가능', en: 'Open to anyone' }];
    }
    matches.push({ id: p.id, name: p.name, status, reasons, missing: [...missing], nextWindow: !win.open ? win.next : undefined, unverified, programme: p });
  }
  matches.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return {
    asOf,
    catalogue: { effectiveFrom: cat.effectiveFrom, checkedOn: tables.programmes.checkedOn },
    medianIncome: mv ? { effectiveFrom: mv.effectiveFrom, notice: mv.notice } : undefined,
    matches,
  };
}
