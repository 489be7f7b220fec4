// Golden cases from the brief's examples and the tables' boundaries.
import { describe, expect, it } from 'vitest';
import { CalcInputError, runCalculator } from './index.js';

describe('brokerage (시행규칙 §20, 별표 1)', () => {
  it('1,000만 + 월 50만 → 거래금액 6,000만, 0.4 % = 24만 (cap 30만)', () => {
    expect(runCalculator('brokerage', { deposit: 10_000_000, monthlyRent: 500_000, contractDate: '2026-11-27', propertyKind: 'housing' })).toMatchObject({
      transactionAmount: 60_000_000, rate: 0.004, cap: 300_000, maxFee: 240_000,
    });
  });
  it('500만 + 월 40만 → under 5천만, so × 70: 3,300만 at 0.5 % = 16.5만', () => {
    expect(runCalculator('brokerage', { deposit: 5_000_000, monthlyRent: 400_000, contractDate: '2026-11-27' })).toMatchObject({
      transactionAmount: 33_000_000, rate: 0.005, cap: 200_000, maxFee: 165_000,
    });
  });
  it('exactly 5천만원 is in the 0.4 % band; one won less is in the 0.5 % band and hits the 20만 cap', () => {
    expect(runCalculator('brokerage', { deposit: 50_000_000, contractDate: '2026-11-27' })).toMatchObject({ rate: 0.004, maxFee: 200_000 });
    expect(runCalculator('brokerage', { deposit: 49_999_999, contractDate: '2026-11-27' })).toMatchObject({ rate: 0.005, cap: 200_000, maxFee: 200_000 });
    // 2,000만 + 30만 × 100 = exactly 5천만: the ×70 rule does not apply.
    expect(runCalculator('brokerage', { deposit: 20_000_000, monthlyRent: 300_000, contractDate: '2026-11-27' })).toMatchObject({ transactionAmount: 50_000_000 });
  });
  it('1억 and 6억 bands have no cap; 오피스텔 is 0.4 % without cap', () => {
    expect(runCalculator('brokerage', { deposit: 100_000_000, contractDate: '2026-11-27' })).toMatchObject({ rate: 0.003, cap: null, maxFee: 300_000 });
    expect(runCalculator('brokerage', { deposit: 600_000_000, contractDate: '2026-11-27' })).toMatchObject({ rate: 0.004, maxFee: 2_400_000 });
    expect(runCalculator('brokerage', { deposit: 200_000_000, contractDate: '2026-11-27', propertyKind: 'officetel' })).toMatchObject({ rate: 0.004, cap: null, maxFee: 800_000 });
  });
  it('refuses a contract before 2021-10-19, naming contractDate', () => {
    expect(() => runCalculator('brokerage', { deposit: 1, contractDate: '2021-10-18' })).toThrow(/^contractDate: /);
  });
});

describe('conversion (법 §7의2, 시행령 §9)', () => {
  it('at a 2.5 % base rate the cap is 4.5 %: 1억 → 월 375,000원 (shipped series in 2026)', () => {
    expect(runCalculator('conversion', { convertedDeposit: 100_000_000, date: '2026-06-01' })).toMatchObject({ annualRate: 0.045, maxMonthlyRent: 375_000, baseRate: 0.025 });
  });
  it('the conversion date decides: 3.5 %p add-on on 2020-09-28, 2 %p on 2020-09-29', () => {
    expect(runCalculator('conversion', { convertedDeposit: 100_000_000, date: '2020-09-28', baseRate: 0.005 })).toMatchObject({ annualRate: 0.04 });
    expect(runCalculator('conversion', { convertedDeposit: 100_000_000, date: '2020-09-29', baseRate: 0.005 })).toMatchObject({ annualRate: 0.025 });
  });
  it('the 10 % cap binds at high base rates; 2014–2016 used base × 4', () => {
    expect(runCalculator('conversion', { convertedDeposit: 12_000_000, date: '2026-01-01', baseRate: 0.09 })).toMatchObject({ annualRate: 0.1, maxMonthlyRent: 100_000 });
    expect(runCalculator('conversion', { convertedDeposit: 100_000_000, date: '2015-01-01', baseRate: 0.02 })).toMatchObject({ annualRate: 0.08 });
  });
  it('14 % before 2014, marked unverified; nothing before 2002-06-30', () => {
    expect(runCalculator('conversion', { convertedDeposit: 100_000_000, date: '2010-01-01' })).toMatchObject({ annualRate: 0.14, unverified: true });
    expect(() => runCalculator('conversion', { convertedDeposit: 1, date: '2002-06-29' })).toThrow(/^date: /);
  });
  it('uses the base-rate rows the user added after the shipped series', () => {
    const ctx = { userBaseRates: [{ effectiveFrom: '2026-10-01', rateBp: 200 }] };
    expect(runCalculator('conversion', { convertedDeposit: 120_000_000, date: '2026-10-01' }, ctx)).toMatchObject({ annualRate: 0.04, maxMonthlyRent: 400_000, baseRate: 0.02 });
    expect(runCalculator('conversion', { convertedDeposit: 120_000_000, date: '2026-09-30' }, ctx)).toMatchObject({ annualRate: 0.045 });
  });
  it('a percentage typed as a rate is refused, naming baseRate', () => {
    expect(() => runCalculator('conversion', { convertedDeposit: 1, date: '2026-01-01', baseRate: 2.5 })).toThrow(/^baseRate: .*fraction/);
  });
});

describe('renewal-cap and renewal-check (법 §7)', () => {
  it('raises each alone by 1/20, rounded down', () => {
    expect(runCalculator('renewal-cap', { deposit: 100_000_000, monthlyRent: 500_000 })).toMatchObject({ maxDeposit: 105_000_000, maxMonthlyRent: 525_000 });
    expect(runCalculator('renewal-cap', { deposit: 33_333, monthlyRent: 0 })).toMatchObject({ maxDeposit: 34_999 });
  });
  it('exactly 5 % is allowed, one won more is not', () => {
    expect(runCalculator('renewal-check', { deposit: 100_000_000, monthlyRent: 0, newDeposit: 105_000_000, newMonthlyRent: 0, date: '2026-06-01' })).toMatchObject({ increase: 0.05, allowed: true });
    expect(runCalculator('renewal-check', { deposit: 100_000_000, monthlyRent: 0, newDeposit: 105_000_001, newMonthlyRent: 0, date: '2026-06-01' })).toMatchObject({ allowed: false });
  });
  it('combines deposit and rent through the conversion rate and says the law has no such rule', () => {
    const r = runCalculator('renewal-check', { deposit: 100_000_000, monthlyRent: 500_000, newDeposit: 100_000_000, newMonthlyRent: 600_000, date: '2026-06-01' });
    // 50만 × 12 / 4.5 % = 133,333,333; 60만 → 160,000,000.
    expect(r).toMatchObject({ combinedBefore: 233_333_333, combinedAfter: 260_000_000, allowed: false, conversionRate: 0.045 });
    expect(r.note.ko).toMatch(/법에는/);
    const shift = runCalculator('renewal-check', { deposit: 100_000_000, monthlyRent: 500_000, newDeposit: 50_000_000, newMonthlyRent: 680_000, date: '2026-06-01' });
    expect(shift.allowed).toBe(true);
  });
});

describe('ltv: 부채비율 bands and 전세가율', () => {
  const mv = 1_000_000_000;
  it('exactly 70 % is 안전, a won more is 주의; exactly 80 % is 주의, a won more is 위험; 100 % is 깡통전세', () => {
    expect(runCalculator('ltv', { deposit: 500_000_000, seniorClaims: 200_000_000, seniorDeposits: 0, marketValue: mv })).toMatchObject({ ratio: 0.7, band: '안전', jeonseRatio: 0.5 });
    expect(runCalculator('ltv', { deposit: 500_000_001, seniorClaims: 200_000_000, seniorDeposits: 0, marketValue: mv }).band).toBe('주의');
    expect(runCalculator('ltv', { deposit: 600_000_000, seniorClaims: 200_000_000, seniorDeposits: 0, marketValue: mv }).band).toBe('주의');
    expect(runCalculator('ltv', { deposit: 600_000_000, seniorClaims: 200_000_001, seniorDeposits: 0, marketValue: mv }).band).toBe('위험');
    expect(runCalculator('ltv', { deposit: 700_000_000, seniorClaims: 200_000_000, seniorDeposits: 100_000_000, marketValue: mv })).toMatchObject({ ratio: 1, band: '깡통전세', jeonseRatio: 0.7 });
  });
  it('refuses a zero market value, naming it', () => {
    expect(() => runCalculator('ltv', { deposit: 1, marketValue: 0 })).toThrow(/^marketValue: /);
  });
});

describe('opposing-power (법 §3①, §3의2②)', () => {
  it('대항력 from 00:00 the day after moving in; 확정일자 the same day adds priority then', () => {
    expect(runCalculator('opposing-power', { moveInDate: '2026-05-08', fixedDate: '2026-05-08' })).toEqual({
      opposingPowerFrom: '2026-05-09T00:00:00+09:00', priorityFrom: '2026-05-09T00:00:00+09:00', sameDayTie: false,
    });
  });
  it('a later 확정일자 sets priority on its own day; none gives no priority; months roll over', () => {
    expect(runCalculator('opposing-power', { moveInDate: '2026-05-08', fixedDate: '2026-05-12' })).toMatchObject({ priorityFrom: '2026-05-12T00:00:00+09:00', sameDayTie: true });
    expect(runCalculator('opposing-power', { moveInDate: '2026-02-28' })).toEqual({ opposingPowerFrom: '2026-03-01T00:00:00+09:00', priorityFrom: null, sameDayTie: false });
  });
  it('names a bad date field', () => {
    expect(() => runCalculator('opposing-power', { moveInDate: '2026-02-30' })).toThrow(/^moveInDate: /);
    expect(() => runCalculator('opposing-power', {})).toThrow('moveInDate: is required');
  });
});

describe('hug (전세보증금반환보증)', () => {
  it('non-apartment: 공시가격 1억 → 주택가격 1.4억, max deposit 1.26억 (126 %) from 2023-05-01', () => {
    const r = runCalculator('hug', { buildingType: '다세대', address: '서울특별시 관악구 신림동 1', deposit: 126_000_000, seniorClaims: 0, officialPrice: 100_000_000, contractDate: '2023-05-01' });
    expect(r).toMatchObject({ eligible: true, housePrice: 140_000_000, maxDeposit: 126_000_000 });
    expect(runCalculator('hug', { buildingType: 'multiplex', address: '서울 관악구 신림동 1', deposit: 126_000_001, officialPrice: 100_000_000, contractDate: '2023-05-01' }).eligible).toBe(false);
  });
  it('before 2023-05-01 the ratio was 100 %, and before 2023 the multiplier 150 %', () => {
    expect(runCalculator('hug', { buildingType: 'multiplex', address: '서울 관악구 신림동 1', deposit: 1, officialPrice: 100_000_000, contractDate: '2023-04-30' }).maxDeposit).toBe(140_000_000);
    const old = runCalculator('hug', { buildingType: 'multiplex', address: '서울 관악구 신림동 1', deposit: 1, officialPrice: 100_000_000, contractDate: '2022-12-31' });
    expect(old).toMatchObject({ maxDeposit: 150_000_000, unverified: true });
  });
  it('senior claims reduce the limit; the regional cap is 7억 in the capital region and 5억 elsewhere', () => {
    expect(runCalculator('hug', { buildingType: '아파트', address: '서울특별시 송파구 잠실동 1', deposit: 1, seniorClaims: 100_000_000, marketValue: 500_000_000, contractDate: '2026-01-01' }).maxDeposit).toBe(350_000_000);
    expect(runCalculator('hug', { buildingType: '아파트', address: '서울특별시 송파구 잠실동 1', deposit: 1, marketValue: 1_000_000_000, contractDate: '2026-01-01' }).maxDeposit).toBe(700_000_000);
    expect(runCalculator('hug', { buildingType: '아파트', address: '부산광역시 해운대구 우동 1', deposit: 1, marketValue: 1_000_000_000, contractDate: '2026-01-01' }).maxDeposit).toBe(500_000_000);
  });
  it('without the price basis the answer is unknown, with the missing fact named', () => {
    const r = runCalculator('hug', { buildingType: 'apartment', address: '서울 송파구 잠실동', deposit: 1, contractDate: '2026-01-01' });
    expect(r.eligible).toBeNull();
    expect(r.reasons[0].ko).toMatch(/시세/);
    // 공시가격 × 140 % is the fallback for an apartment without a KB/한국부동산원 price (issue 13 item 4).
    expect(runCalculator('hug', { buildingType: 'apartment', address: '서울 송파구 잠실동', deposit: 1, officialPrice: 100_000_000, contractDate: '2026-01-01' }).basis?.key).toBe('officialPrice');
    expect(() => runCalculator('hug', { buildingType: 'castle', address: 'x', deposit: 1 })).toThrow(/^buildingType: /);
  });
});

describe('validation', () => {
  it('names the field of a negative or fractional amount', () => {
    expect(() => runCalculator('ltv', { deposit: -1, marketValue: 1 })).toThrow(CalcInputError);
    expect(() => runCalculator('ltv', { deposit: -1, marketValue: 1 })).toThrow(/^deposit: must not be negative/);
    expect(() => runCalculator('renewal-cap', { deposit: 1.5 })).toThrow(/^deposit: must be a whole number/);
    expect(() => runCalculator('renewal-cap', {})).toThrow('deposit: is required');
  });
});
