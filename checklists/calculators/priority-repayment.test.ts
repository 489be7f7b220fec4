import { describe, expect, it } from 'vitest';
import { priorityRepayment } from '../../data/reference/index.js';
import { runCalculator } from './index.js';
import { placeOf as placeWith } from './region.js';
import { overcrowdingZone } from '../../data/reference/index.js';

const Z = overcrowdingZone;
const placeOf = (zones: typeof Z, address: string) => placeWith(address, zones);

const pr = (input: Record<string, unknown>) => runCalculator('priority-repayment', { asOf: '2026-11-27', ...input });
const SEOUL = '서울특별시 관악구 신림동 123-4';

describe('priority-repayment: table by the senior 담보물권 date', () => {
  it('Seoul, current table: exactly 1억6,500만 qualifies for 5,500만; one won more does not', () => {
    expect(pr({ address: SEOUL, deposit: 165_000_000, seniorSecurityDate: '2023-02-21' })).toMatchObject({
      eligible: true, regionGroup: '서울', tableEffectiveFrom: '2023-02-21', threshold: 165_000_000, amount: 55_000_000, unverified: false,
    });
    expect(pr({ address: SEOUL, deposit: 165_000_001, seniorSecurityDate: '2023-02-21' })).toMatchObject({ eligible: false, amount: 0 });
  });

  it('a 근저당 of the day before the 2023 table keeps the 2021 table', () => {
    expect(pr({ address: SEOUL, deposit: 160_000_000, seniorSecurityDate: '2023-02-20' })).toMatchObject({ eligible: false, tableEffectiveFrom: '2021-05-11', threshold: 150_000_000 });
  });

  it('uses each table on its first day, with the group as that table names it (Seoul)', () => {
    const expected: Record<string, [string, number, number]> = {
      '1984-06-14': ['서울·직할시', 3_000_000, 3_000_000],
      '1987-12-01': ['서울·직할시', 5_000_000, 5_000_000],
      '1990-02-19': ['서울·직할시', 20_000_000, 7_000_000],
      '1995-10-19': ['서울·광역시', 30_000_000, 12_000_000],
      '2001-09-15': ['과밀억제권역', 40_000_000, 16_000_000],
      '2008-08-21': ['과밀억제권역', 60_000_000, 20_000_000],
      '2010-07-26': ['서울', 75_000_000, 25_000_000],
      '2014-01-01': ['서울', 95_000_000, 32_000_000],
      '2016-03-31': ['서울', 100_000_000, 34_000_000],
      '2018-09-18': ['서울', 110_000_000, 37_000_000],
      '2021-05-11': ['서울', 150_000_000, 50_000_000],
      '2023-02-21': ['서울', 165_000_000, 55_000_000],
    };
    expect(Object.keys(expected)).toEqual(priorityRepayment.versions.map((v) => v.effectiveFrom));
    for (const [date, [group, threshold, amount]] of Object.entries(expected)) {
      const r = pr({ address: SEOUL, deposit: threshold, seniorSecurityDate: date });
      expect(r, date).toMatchObject({ tableEffectiveFrom: date, regionGroup: group, threshold, amount, eligible: true });
    }
  });

  it('marks the unverified tables (1984, 1987, 1995 amounts; the 1990 boundary)', () => {
    expect(pr({ address: SEOUL, deposit: 1, seniorSecurityDate: '1995-10-19' }).unverified).toBe(true);
    expect(pr({ address: SEOUL, deposit: 1, seniorSecurityDate: '1990-02-19' }).unverified).toBe(true);
    expect(pr({ address: SEOUL, deposit: 1, seniorSecurityDate: '2001-09-15' }).unverified).toBe(false);
  });

  it('a 담보물권 before 1984 gives none; without one the table at asOf applies', () => {
    expect(pr({ address: SEOUL, deposit: 1_000_000, seniorSecurityDate: '1983-12-31' })).toMatchObject({ eligible: false, amount: 0, tableEffectiveFrom: null });
    expect(pr({ address: SEOUL, deposit: 50_000_000, seniorSecurityDate: null })).toMatchObject({ tableEffectiveFrom: '2023-02-21', amount: 50_000_000 });
    expect(pr({ address: SEOUL, deposit: 50_000_000, seniorSecurityDate: null, asOf: '2022-01-01' })).toMatchObject({ tableEffectiveFrom: '2021-05-11' });
  });

  it('caps the amount at half the expected sale price', () => {
    expect(pr({ address: SEOUL, deposit: 50_000_000, seniorSecurityDate: '2024-01-01', housePrice: 80_000_000 }).amount).toBe(40_000_000);
  });
});

describe('priority-repayment: region groups', () => {
  const at2023 = (address: string, deposit = 80_000_000) => pr({ address, deposit, seniorSecurityDate: '2024-01-01' });

  it('partly covered city 남양주: a listed 동 is 과밀억제권역, an unlisted 읍 is 그밖, 다산동 (sources disagree) is 확인필요', () => {
    expect(at2023('경기도 남양주시 도농동 100')).toMatchObject({ regionGroup: '과밀억제권역', amount: 48_000_000, unverified: true });
    expect(at2023('경기도 남양주시 화도읍 마석우리 1')).toMatchObject({ regionGroup: '그밖', eligible: false });
    const r = at2023('경기도 남양주시 다산순환로 20 (다산동)');
    expect(r).toMatchObject({ regionGroup: '확인필요', eligible: null, amount: null });
    expect(r.candidates?.map((c) => c.regionGroup)).toEqual(['과밀억제권역', '그밖']);
    expect(at2023('경기도 남양주시 다산순환로 20').regionGroup).toBe('확인필요');
  });

  it('인천: 부평구 is 과밀억제권역; 강화군 is 그밖; 송도 (경제자유구역) is 확인필요; listed 서구 동 is 광역시', () => {
    expect(at2023('인천광역시 부평구 부평동 1').regionGroup).toBe('과밀억제권역');
    expect(at2023('인천광역시 강화군 강화읍 1').regionGroup).toBe('그밖');
    expect(at2023('인천광역시 연수구 송도동 1').regionGroup).toBe('확인필요');
    expect(at2023('인천광역시 서구 당하동 1').regionGroup).toBe('광역시');
    // 2008 table, 담보물권 after the 2009 annex: 광역시 excluded 인천, so the same 동 fell in 그밖.
    expect(pr({ address: '인천광역시 서구 당하동 1', deposit: 1, seniorSecurityDate: '2009-06-01' }).regionGroup).toBe('그밖');
    // Before 2009-01-16 the annex drew other lines through 인천 and 남양주 (2005 report): 확인필요.
    expect(pr({ address: '인천광역시 부평구 부평동 1', deposit: 1, seniorSecurityDate: '2009-01-15' }).regionGroup).toBe('확인필요');
    expect(pr({ address: '경기도 남양주시 도농동 1', deposit: 1, seniorSecurityDate: '2005-01-01' }).regionGroup).toBe('확인필요');
    expect(pr({ address: '경기도 수원시 팔달구 인계동 1', deposit: 1, seniorSecurityDate: '2005-01-01' }).regionGroup).toBe('과밀억제권역');
  });

  it('시흥 (반월특수지역 boundary unknown) is 확인필요 unless the deposit is beyond every candidate', () => {
    expect(at2023('경기도 시흥시 정왕동 1').regionGroup).toBe('확인필요');
    expect(at2023('경기도 시흥시 정왕동 1', 200_000_000)).toMatchObject({ regionGroup: '확인필요', eligible: false, amount: 0 });
  });

  it('named cities move between groups by version: 김포 광역시 group in 2018, 과밀 group from 2021', () => {
    expect(pr({ address: '경기도 김포시 장기동 1', deposit: 1, seniorSecurityDate: '2019-01-01' }).regionGroup).toBe('광역시');
    expect(pr({ address: '경기도 김포시 장기동 1', deposit: 1, seniorSecurityDate: '2021-05-11' }).regionGroup).toBe('과밀억제권역');
    expect(pr({ address: '경기도 화성시 동탄동 1', deposit: 1, seniorSecurityDate: '2016-03-31' }).regionGroup).toBe('그밖');
    expect(pr({ address: '경기도 화성시 동탄동 1', deposit: 1, seniorSecurityDate: '2018-09-18' }).regionGroup).toBe('과밀억제권역');
  });

  it('세종 moves from 그밖 (2014) to the 광역시 group (2016) to the 과밀 group (2018)', () => {
    const at = (date: string) => pr({ address: '세종특별자치시 조치원읍 1', deposit: 1, seniorSecurityDate: date }).regionGroup;
    expect([at('2014-01-01'), at('2016-03-31'), at('2018-09-18')]).toEqual(['그밖', '광역시', '과밀억제권역']);
  });

  it('광역시 groups: 부산 구 vs 군, 경기 광주시 vs 광주광역시, and a bare 광주시 placed only by what follows it', () => {
    expect(at2023('부산광역시 해운대구 우동 1').regionGroup).toBe('광역시');
    expect(at2023('부산광역시 기장군 기장읍 1').regionGroup).toBe('그밖');
    expect(at2023('경기도 광주시 오포읍 1').regionGroup).toBe('광역시');
    expect(at2023('광주광역시 북구 용봉동 1').regionGroup).toBe('광역시');
    // 광주광역시 has no 읍·면, so an 읍 after a bare 광주시 places it in 경기도; a 동 does not.
    expect(at2023('광주시 오포읍 1').regionGroup).toBe('광역시');
    expect(at2023('광주시 경안동 1').regionGroup).toBe('확인필요');
    expect(at2023('경기도 수원시 영통구 매탄동 1').regionGroup).toBe('과밀억제권역');
    expect(at2023('충청북도 청주시 상당구 1').regionGroup).toBe('그밖');
  });

  it('reads the 동 from 지번 and road addresses', () => {
    expect(placeOf(Z, '경기 남양주시 도농로 34 (도농동)')).toMatchObject({ sido: '경기도', city: '남양주시', dong: '도농동', overcrowding: 'yes' });
    expect(placeOf(Z, '서울특별시관악구 신림동 1')).toMatchObject({ sido: '서울특별시', city: '관악구', dong: '신림동' });
    expect(placeOf(Z, '고양시 덕양구 행신동 1')).toMatchObject({ sido: '경기도', city: '고양시', district: '덕양구', overcrowding: 'yes' });
  });
});
