import { describe, expect, it } from 'vitest';
import { matchProgrammes, medianMonthly, type PolicyFacts } from './match.js';
import { parseRegion } from './region.js';
import { medianIncomeTable, programmesTable, programmesTableSchema, type Programme, type ProgrammesTable } from '../../data/reference/policy-tables.js';

const tables = { programmes: programmesTable, medianIncome: medianIncomeTable };
const base: PolicyFacts = {
  age: 25, householdSize: 1, annualIncome: 30_000_000, incomeBasis: 'applicant', assets: 50_000_000, married: false, householder: true,
  veteranMonths: 0, deposit: 50_000_000, monthlyRent: 500_000, homeless: true, region: '서울특별시 관악구 신림동 1',
};
const one = (id: string, facts: PolicyFacts, asOf = '2026-05-10') => {
  const m = matchProgrammes(facts, tables, asOf).matches.find((x) => x.id === id);
  if (!m) throw new Error(`${id} not offered`);
  return m;
};
const status = (id: string, facts: PolicyFacts, asOf?: string) => one(id, facts, asOf).status;

describe('서울시 청년월세지원', () => {
  it('takes ages 19 and 39, not 18 or 40', () => {
    expect(status('seoul-youth-rent', { ...base, age: 19 })).toBe('eligible');
    expect(status('seoul-youth-rent', { ...base, age: 39 })).toBe('eligible');
    expect(status('seoul-youth-rent', { ...base, age: 18 })).toBe('ineligible');
    expect(status('seoul-youth-rent', { ...base, age: 40 })).toBe('ineligible');
    expect(one('seoul-youth-rent', { ...base, age: 40 }).reasons[0].ko).toMatch(/만 39세 초과/);
  });

  it('takes a 제대군인 up to 42 by length of service, and asks for the service when it is unknown', () => {
    expect(status('seoul-youth-rent', { ...base, age: 42, veteranMonths: 36 })).toBe('eligible');
    expect(status('seoul-youth-rent', { ...base, age: 42, veteranMonths: 24 })).toBe('ineligible');
    expect(status('seoul-youth-rent', { ...base, age: 43, veteranMonths: 48 })).toBe('ineligible');
    const m = one('seoul-youth-rent', { ...base, age: 40, veteranMonths: undefined });
    expect(m.status).toBe('needs-info');
    expect(m.missing).toEqual(['veteranMonths']);
  });

  it('needs household income above 48 % and at most 150 % of the median', () => {
    expect(status('seoul-youth-rent', { ...base, householdIncomeShareOfMedian: 150 })).toBe('eligible');
    expect(status('seoul-youth-rent', { ...base, householdIncomeShareOfMedian: 150.01 })).toBe('ineligible');
    expect(status('seoul-youth-rent', { ...base, householdIncomeShareOfMedian: 48 })).toBe('ineligible');
    // From a one-person household's own annual income: 150 % of 2,564,238 × 12 = 46,156,284원.
    expect(status('seoul-youth-rent', { ...base, householdIncomeShareOfMedian: undefined, annualIncome: 46_156_284 })).toBe('eligible');
    expect(status('seoul-youth-rent', { ...base, householdIncomeShareOfMedian: undefined, annualIncome: 46_156_300 })).toBe('ineligible');
  });

  it('caps the deposit at 8천만 and the rent at 60만, with the combined-rent rule above it', () => {
    expect(status('seoul-youth-rent', { ...base, deposit: 80_000_000 })).toBe('eligible');
    expect(status('seoul-youth-rent', { ...base, deposit: 80_000_001 })).toBe('ineligible');
    expect(status('seoul-youth-rent', { ...base, monthlyRent: 600_000 })).toBe('eligible');
    // 4천만 × 4.5 % ÷ 12 = 150,000 + 750,000 = 900,000: exactly at the combined cap.
    const at = one('seoul-youth-rent', { ...base, deposit: 40_000_000, monthlyRent: 750_000 });
    expect(at.status).toBe('eligible');
    expect(at.reasons.map((r) => r.ko).join(' ')).toMatch(/보증금 × 4.5% ÷ 12 \+ 월세 ≤ 900,000원: 900,000원/);
    expect(status('seoul-youth-rent', { ...base, deposit: 40_000_000, monthlyRent: 750_001 })).toBe('ineligible');
    expect(status('seoul-youth-rent', { ...base, deposit: 80_000_000, monthlyRent: 800_000 })).toBe('ineligible');
  });

  it('says 확인 필요 and names exactly the missing fact', () => {
    const m = one('seoul-youth-rent', { ...base, assets: undefined });
    expect(m.status).toBe('needs-info');
    expect(m.missing).toEqual(['assets']);
    // Whose income: a two-person household's applicant income is not the household's.
    const h = one('seoul-youth-rent', { ...base, householdSize: 2 });
    expect(h.missing).toEqual(['householdIncomeShareOfMedian']);
  });

  it('outside its window says 신청기간 아님 with the next (expected) window; the window’s last day is open', () => {
    expect(status('seoul-youth-rent', base, '2026-05-19')).toBe('eligible');
    const m = one('seoul-youth-rent', base, '2026-05-20');
    expect(m.status).toBe('not-open');
    expect(m.nextWindow).toEqual({ from: '2027-05-06', to: '2027-05-19', expected: true });
    expect(m.reasons[0].ko).toMatch(/다음 신청 2027-05-06 – 2027-05-19 \(예상/);
    // Failing a criterion says so even outside the window.
    expect(status('seoul-youth-rent', { ...base, age: 50 }, '2026-06-01')).toBe('ineligible');
  });
});

describe('income in won, marriage, residence', () => {
  it('청년 임차보증금 이자지원: own income at 5천만 yes, 1원 more no; a married couple at 6천만 combined', () => {
    // Its notice dates from 2026-06-05: before then it is not open yet.
    expect(status('youth-deposit-interest', base, '2026-06-04')).toBe('not-open');
    expect(status('youth-deposit-interest', { ...base, annualIncome: 50_000_000 }, '2026-07-01')).toBe('eligible');
    expect(status('youth-deposit-interest', { ...base, annualIncome: 50_000_001 }, '2026-07-01')).toBe('ineligible');
    expect(status('youth-deposit-interest', { ...base, married: true, annualIncome: 60_000_000, incomeBasis: 'couple' }, '2026-07-01')).toBe('eligible');
    const m = one('youth-deposit-interest', { ...base, married: true, annualIncome: 40_000_000, incomeBasis: 'applicant' }, '2026-07-01');
    expect(m.status).toBe('needs-info');
    expect(m.missing).toEqual(['incomeBasis']);
  });

  it('신혼부부: married 7 years ago yesterday qualifies, 7 years ago today not; marrying within 6 months qualifies', () => {
    const couple = { ...base, married: true, annualIncome: 130_000_000, incomeBasis: 'couple' as const, deposit: 300_000_000 };
    expect(status('newlywed-deposit-interest', { ...couple, marriedOn: '2019-05-11' }, '2026-05-10')).toBe('eligible');
    expect(status('newlywed-deposit-interest', { ...couple, marriedOn: '2019-05-10' }, '2026-05-10')).toBe('ineligible');
    expect(status('newlywed-deposit-interest', { ...couple, annualIncome: 130_000_001, marriedOn: '2024-01-01' })).toBe('ineligible');
    expect(status('newlywed-deposit-interest', { ...couple, married: false, marriedOn: '2026-11-10' }, '2026-05-10')).toBe('eligible');
    expect(status('newlywed-deposit-interest', { ...couple, married: false, marriedOn: '2026-11-11' }, '2026-05-10')).toBe('ineligible');
    expect(one('newlywed-deposit-interest', { ...couple, marriedOn: undefined }).missing).toEqual(['marriedOn']);
  });

  it('주거급여 at 48 % of the 1인 median (1,230,834원/월) yes, above no', () => {
    expect(medianMonthly(medianIncomeTable, 1, '2026-05-10')).toBe(2_564_238);
    expect(medianMonthly(medianIncomeTable, 8, '2026-05-10')).toBe(9_515_150 + (9_515_150 - 8_555_952));
    expect(status('housing-benefit', { ...base, annualIncome: 1_230_834 * 12 })).toBe('eligible');
    expect(status('housing-benefit', { ...base, annualIncome: 1_230_840 * 12 })).toBe('ineligible');
  });

  it('residence: a Korean address or 시·도 + 시·군·구', () => {
    expect(parseRegion('서울 관악구')).toEqual({ sido: '서울특별시', sigungu: '관악구' });
    expect(parseRegion({ sido: '서울특별시', sigungu: '마포구' })).toEqual({ sido: '서울특별시', sigungu: '마포구' });
    expect(parseRegion('관악구 신림동')).toEqual({ sido: '서울특별시', sigungu: '관악구' });
    expect(parseRegion('경기도 성남시 분당구 정자동')).toEqual({ sido: '경기도', sigungu: '성남시' });
    expect(parseRegion('중구')).toBeUndefined();
    expect(status('seoul-youth-rent', { ...base, region: '경기도 성남시' })).toBe('ineligible');
    expect(one('seoul-youth-rent', { ...base, region: '어딘가' }).missing).toEqual(['region']);
  });

  it('anyone may use the 전월세종합지원센터', () => {
    expect(one('seoul-rental-center', {}).status).toBe('eligible');
  });
});

describe('valid period', () => {
  const p0 = programmesTable.versions[0].programmes.find((p) => p.id === 'housing-benefit')!;
  const cat = (patch: Partial<Programme>): ProgrammesTable =>
    programmesTableSchema.parse({ ...programmesTable, versions: [{ effectiveFrom: '2026-01-01', programmes: [{ ...p0, ...patch }] }] });

  it('offers a programme on its last valid day and not the day after', () => {
    const t = { programmes: cat({ validTo: '2026-12-31' }), medianIncome: medianIncomeTable };
    expect(matchProgrammes(base, t, '2026-12-31').matches.map((m) => m.id)).toEqual(['housing-benefit']);
    expect(matchProgrammes(base, t, '2027-01-01').matches).toEqual([]);
  });

  it('does not offer a one-off programme whose only window has passed', () => {
    const t = { programmes: cat({ recurring: 'none', windows: [{ from: '2026-03-01', to: '2026-03-31' }] }), medianIncome: medianIncomeTable };
    expect(matchProgrammes(base, t, '2026-03-31').matches).toHaveLength(1);
    expect(matchProgrammes(base, t, '2026-04-01').matches).toEqual([]);
  });

  it('says which catalogue and median-income table it used', () => {
    const r = matchProgrammes(base, tables, '2026-12-06');
    expect(r.catalogue).toEqual({ effectiveFrom: '2026-01-01', checkedOn: '2026-12-06' });
    expect(r.medianIncome).toEqual({ effectiveFrom: '2026-01-01', notice: '보건복지부 고시 제2025-135호' });
  });

  it('refuses a catalogue with a malformed criterion, naming it', () => {
    const bad = structuredClone(programmesTable) as unknown as { versions: { programmes: { criteria: unknown[] }[] }[] };
    bad.versions[0].programmes[0].criteria = [{ kind: 'age', min: '19' }];
    const r = programmesTableSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues[0].path)).toContain('criteria');
  });
});
