// Issue 13 golden cases: addresses as managers type them, the 전남광주통합특별시 merger, 최우선변제
// after a registered auction, the 임대차 신고 areas — each at its boundary.
import { describe, expect, it } from 'vitest';
import { runCalculator } from './index.js';
import { parsePlace } from './region.js';
import { leaseReportApplies } from '../rights/steps.js';
import { shippedTables } from '../../data/reference/index.js';

const pr = (input: Record<string, unknown>) => runCalculator('priority-repayment', { asOf: '2026-11-27', seniorSecurityDate: '2024-01-10', ...input });

describe('item 2: addresses as managers type them', () => {
  it('관악구 봉천동 123 is Seoul: 관악구 is unique in the country, and the result says so', () => {
    const r = pr({ address: '관악구 봉천동 123', deposit: 150_000_000 });
    expect(r).toMatchObject({ eligible: true, regionGroup: '서울', amount: 55_000_000 });
    expect(r.resolution?.ko).toBe('서울특별시 관악구로 판단 (관악구은(는) 전국에 하나뿐)');
    expect(r.resolution?.en).toContain('Read as 서울특별시 관악구');
  });

  it('a 구 several cities share is settled by the 동 after it, from the shipped 법정동 list', () => {
    expect(parsePlace('중구 신당동 12')).toMatchObject({ sido: '서울특별시', city: '중구' });
    expect(parsePlace('강서구 화곡동 1')).toMatchObject({ sido: '서울특별시', city: '강서구' });
    // 신당1동 is a 행정동 of the 법정동 신당동.
    expect(parsePlace('중구 신당1동 12').sido).toBe('서울특별시');
  });

  it('otherwise it asks (중구 alone, a 동 Seoul’s 중구 lacks, 광주 alone) instead of guessing', () => {
    const alone = pr({ address: '중구 123', deposit: 50_000_000 });
    expect(alone.regionGroup).toBe('확인필요');
    expect(alone.ask?.ko).toContain('중구은(는) 여러 곳에 있습니다');
    expect(alone.ask?.ko).toContain('부산광역시');
    expect(alone.notes.map((n) => n.ko)).toContain(alone.ask!.ko);
    // 인천 중구 has 인현동; Seoul's 중구 has only 인현동1가/2가.
    expect(parsePlace('중구 인현동 5').sido).toBeNull();
    expect(parsePlace('동구 신암동 1').ask?.en).toContain('several places');
    expect(parsePlace('광주시 경안동 1')).toMatchObject({ sido: null });
    expect(parsePlace('광주시 오포읍 1')).toMatchObject({ sido: '경기도', city: '광주시' });
    expect(parsePlace('분당구 정자동 1')).toMatchObject({ sido: '경기도', city: '성남시', district: '분당구' });
  });
});

describe('item 1: 전남광주통합특별시 from 2026-07-01 (특별법 §11①⑩)', () => {
  const gwangju = (asOf: string, address = '광주광역시 북구 용봉동 1') => pr({ address, asOf, deposit: 85_000_000 });

  it('the former 광주 자치구 stay in the 광역시 group on the day before, of and after the merger', () => {
    for (const asOf of ['2026-06-30', '2026-07-01', '2026-07-02']) {
      expect(gwangju(asOf), asOf).toMatchObject({ eligible: true, regionGroup: '광역시', threshold: 85_000_000, amount: 28_000_000 });
    }
    expect(gwangju('2026-06-30').resolution?.ko).toBe('광주광역시 북구로 판단');
    expect(gwangju('2026-07-01').resolution?.ko).toBe('전남광주통합특별시 북구(옛 광주광역시)로 판단 — 전남광주통합특별시 설치를 위한 특별법 (법률 제21738호) §11①⑩에 따라 광역시의 규정을 적용');
    expect(gwangju('2026-07-01').resolution?.en).toContain('the rules for a metropolitan city apply');
  });

  it('the new name and the old one resolve to the same place; the former 전남 시·군 stay 그 밖의 지역', () => {
    expect(gwangju('2026-07-02', '전남광주통합특별시 광산구 수완동 1')).toMatchObject({ regionGroup: '광역시', amount: 28_000_000 });
    expect(gwangju('2026-12-01', '광주 북구 용봉동 1')).toMatchObject({ regionGroup: '광역시' });
    const county = pr({ address: '전남광주통합특별시 담양군 담양읍 1', asOf: '2026-07-01', deposit: 75_000_000 });
    expect(county).toMatchObject({ regionGroup: '그밖', amount: 25_000_000 });
    expect(county.resolution?.ko).toContain('도의 규정을 적용');
    expect(pr({ address: '전라남도 순천시 조례동 1', asOf: '2026-07-02', deposit: 75_000_000 }).regionGroup).toBe('그밖');
    // The new name with no 구·시·군 cannot say which rules apply.
    expect(parsePlace('전남광주통합특별시 123').ask?.ko).toContain('어느 구·시·군');
  });

  it('HUG: the former 광주 자치구 get the non-capital cap (5억) after the merger', () => {
    const r = runCalculator('hug', { buildingType: 'apartment', address: '광주광역시 서구 치평동 1', deposit: 550_000_000, marketValue: 900_000_000, contractDate: '2026-07-01' });
    expect(r.maxDeposit).toBe(500_000_000);
    expect(r.reasons.map((x) => x.ko).join(' ')).toContain('전남광주통합특별시 서구(옛 광주광역시)');
  });

  it('임대차 신고 follows the same resolution: a former 광주 구 is reported, a former 전남 군 is not', () => {
    for (const d of ['2026-06-30', '2026-07-01']) {
      expect(leaseReportApplies('광주광역시 북구 용봉동 1', 100_000_000, 0, d), d).toBe(true);
      expect(leaseReportApplies('전라남도 담양군 담양읍 1', 100_000_000, 0, d), d).toBe(false);
    }
    expect(leaseReportApplies('전남광주통합특별시 담양군 담양읍 1', 100_000_000, 0, '2026-07-01')).toBe(false);
    expect(leaseReportApplies('전남광주통합특별시 북구 용봉동 1', 100_000_000, 0, '2026-07-01')).toBe(true);
  });
});

describe('item 3: 최우선변제 after a registered 경매개시결정 (§8① 후단)', () => {
  const base = { address: '서울특별시 관악구 신림동 1', deposit: 100_000_000, auctionRegisteredOn: '2026-03-10' };
  it('moving in the day before the registration is protected; on the same day or after it is not', () => {
    expect(pr({ ...base, moveInDate: '2026-03-09' })).toMatchObject({ eligible: true, amount: 55_000_000 });
    const same = pr({ ...base, moveInDate: '2026-03-10' });
    expect(same).toMatchObject({ eligible: false, amount: 0 });
    expect(same.notes[0].ko).toContain('§8① 후단');
    expect(same.notes[0].ko).toContain('같은 날 전입');
    expect(same.notes[0].en).toContain('0:00 the next day');
    expect(pr({ ...base, moveInDate: '2026-03-11' })).toMatchObject({ eligible: false });
  });
  it('with an auction registered and no move-in date the answer waits for it', () => {
    const r = pr(base);
    expect(r).toMatchObject({ eligible: null, amount: null });
    expect(r.notes[0].en).toContain('Enter the move-in date');
  });
});

describe('item 10: 임대차 신고 areas (시행령 §4의3)', () => {
  it('a 군 of a 광역시 is reported (it answered 확인필요 before); a 군 of a 도 is not; 경기 군 is', () => {
    expect(leaseReportApplies('부산광역시 기장군 기장읍 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('인천광역시 강화군 강화읍 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('울산광역시 울주군 언양읍 1', 0, 300_001, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('경기도 가평군 가평읍 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('충청북도 괴산군 괴산읍 1', 100_000_000, 0, '2026-01-01')).toBe(false);
    expect(leaseReportApplies('제주특별자치도 서귀포시 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('세종특별자치시 한솔동 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('관악구 봉천동 1', 100_000_000, 0, '2026-01-01')).toBe(true);
  });
  it('a renewal that keeps the amounts is exempt; exactly at the thresholds is not reported', () => {
    expect(leaseReportApplies('서울특별시 관악구 신림동 1', 100_000_000, 0, '2026-01-01', { renewalWithSameAmounts: true })).toBe(false);
    expect(leaseReportApplies('서울특별시 관악구 신림동 1', 100_000_000, 0, '2026-01-01', { renewalWithSameAmounts: false })).toBe(true);
    expect(leaseReportApplies('서울특별시 관악구 신림동 1', 60_000_000, 300_000, '2026-01-01')).toBe(false);
  });
});

describe('item 3 in the registry analysis: R8 with a live 경매개시결정', () => {
  const doc = (moveInDate: string) => ({
    property: { buildingType: 'multiplex', address: '서울특별시 관악구 신림동 1', marketValue: 300_000_000 },
    landlord: { name: '김임대' },
    lease: { deposit: 100_000_000, moveInDate, fixedDate: moveInDate },
    gapgu: [
      { rank: '1', purpose: '소유권이전', receivedAt: '2015-01-01', holders: ['김임대'] },
      { rank: '2', purpose: '임의경매개시결정', receivedAt: '2026-03-10', holders: ['국민은행'] },
    ],
    eulgu: [{ rank: '1', purpose: '근저당권설정', receivedAt: '2024-01-10', holders: ['국민은행'], maxClaim: 120_000_000 }],
  });
  it('moving in on the auction’s registration day is a 위험 R8 citing §8① 후단; the day before is eligible', async () => {
    const { analyzeRegistry } = await import('../rights/analyze.js');
    const same = analyzeRegistry(doc('2026-03-10'), { asOf: '2026-03-20' });
    const r8 = same.flags.filter((f) => f.code === 'R8');
    expect(r8[0].severity).toBe('danger');
    expect(r8[0].message.ko).toContain('§8① 후단');
    expect(same.priorityRepayment[0]).toMatchObject({ eligible: false, amount: 0 });
    const before = analyzeRegistry(doc('2026-03-09'), { asOf: '2026-03-20' });
    expect(before.priorityRepayment[0]).toMatchObject({ eligible: true });
  });
});

describe('item 5: the 5 % cap and a renewal agreed between the parties', () => {
  const check = (extra: Record<string, unknown>) =>
    runCalculator('renewal-check', { deposit: 100_000_000, newDeposit: 110_000_000, date: '2026-11-27', ...extra });
  it('a §6의3 renewal of +10 % is over the cap; the same increase agreed after expiry is not capped and points to the 갱신요구권', () => {
    const right = check({ kind: 'renewalRight' });
    expect(right).toMatchObject({ withinCap: false, capApplies: true, allowed: false, suggestion: null });
    expect(right.case.ko).toContain('§6의3③');
    const agreed = check({ kind: 'agreedAfterExpiry' });
    expect(agreed).toMatchObject({ withinCap: false, capApplies: false, allowed: true });
    expect(agreed.case.ko).toContain('93다30532');
    expect(agreed.suggestion?.ko).toContain('갱신요구권');
    expect(agreed.suggestion?.en).toContain('renewal right');
    expect(check({ kind: 'agreedAfterExpiry', renewalRightUsed: true }).suggestion).toBeNull();
  });
  it('with a 등록임대사업자 even a new agreement stays capped (민간임대주택법 §44); exactly 5 % is allowed', () => {
    const reg = check({ kind: 'agreedAfterExpiry', registeredLandlord: true });
    expect(reg).toMatchObject({ capApplies: true, allowed: false });
    expect(reg.case.en).toContain('Private Rental Housing Act §44');
    expect(runCalculator('renewal-check', { deposit: 100_000_000, newDeposit: 105_000_000, kind: 'duringLease', date: '2026-11-27' })).toMatchObject({ allowed: true, withinCap: true });
  });
});

describe('item 4: HUG valuation of 아파트 and 주거용 오피스텔 (◐ 실무 기준)', () => {
  const hug = (extra: Record<string, unknown>) =>
    runCalculator('hug', { address: '서울특별시 관악구 신림동 1', deposit: 200_000_000, contractDate: '2026-11-27', ...extra });
  it('an 오피스텔 with only a market value (KB) is decidable, and says its basis', () => {
    const r = hug({ buildingType: 'officetel', marketValue: 300_000_000, marketValueSource: 'kb' });
    expect(r).toMatchObject({ eligible: true, housePrice: 300_000_000, maxDeposit: 270_000_000 });
    expect(r.basis).toMatchObject({ key: 'marketKb' });
    expect(r.basis?.ko).toContain('◐ 실무 기준');
  });
  it('an asking price does not count: the 공시가격 × 140 % fallback is used, or the answer waits', () => {
    const asking = hug({ buildingType: 'officetel', marketValue: 300_000_000, marketValueSource: 'asking', officialPrice: 150_000_000 });
    expect(asking).toMatchObject({ housePrice: 210_000_000 });
    expect(asking.basis?.key).toBe('officialPrice');
    expect(asking.reasons.map((x) => x.ko).join(' ')).toContain('호가');
    expect(hug({ buildingType: 'officetel', marketValue: 300_000_000, marketValueSource: 'asking' })).toMatchObject({ eligible: null, basis: null });
  });
  it('a 다세대 uses 공시가격 × 140 %, or HUG’s appraisal from 2025-10-02 (not the day before)', () => {
    expect(hug({ buildingType: 'multiplex', officialPrice: 150_000_000 }).basis?.key).toBe('officialPrice');
    expect(hug({ buildingType: 'multiplex', officialPrice: 150_000_000, appraisal: 250_000_000, contractDate: '2025-10-02' })).toMatchObject({ housePrice: 250_000_000, basis: { key: 'appraisal' } });
    expect(hug({ buildingType: 'multiplex', officialPrice: 150_000_000, appraisal: 250_000_000, contractDate: '2025-10-01' }).basis?.key).toBe('officialPrice');
  });
});

describe('item 8: 전세사기피해자법 — extended to 2027-05-31, only leases first signed on or before 2025-05-31', () => {
  it('a lease signed now is not covered and the note points to the guarantee; one signed on the cut-off day is', async () => {
    const { fraudVictimsActNote } = await import('../rights/remedies.js');
    const now = fraudVictimsActNote(shippedTables, '2026-12-06', '2026-12-06')!;
    expect(now.ko).toContain('2025-05-31 이전에 처음 맺은 임대차만');
    expect(now.ko).toContain('전세보증금반환보증');
    expect(now.en).toContain('the deposit-return guarantee (HUG, HF, SGI) is the protection');
    expect(fraudVictimsActNote(shippedTables, '2026-12-06', '2025-06-01')!.ko).toContain('대상이 아니므로');
    expect(fraudVictimsActNote(shippedTables, '2026-12-06', '2025-05-31')!.ko).not.toContain('대상이 아니므로');
    expect(fraudVictimsActNote(shippedTables, '2027-06-01', '2025-05-01')!.en).toContain('was in force until 2027-05-31');
  });
});

describe('item 9: 기준금리 confirmed through 2026-02-26', () => {
  it('2.50 % on 2026-02-26 with no 확인 mark on the confirmed cuts; a later date says the series’ check date', () => {
    const at = (date: string) => runCalculator('conversion', { convertedDeposit: 100_000_000, date });
    expect(at('2026-02-26')).toMatchObject({ baseRate: 0.025, annualRate: 0.045, unverified: false, baseRateCheckedThrough: '2026-02-26', notes: [] });
    expect(at('2025-01-01')).toMatchObject({ baseRate: 0.03, unverified: false });
    const later = at('2026-11-27');
    expect(later.notes[0].ko).toContain('2026-02-26 금융통화위원회 결정까지 확인');
    expect(later.notes[0].en).toContain('confirmed through the decision of 2026-02-26');
  });
});
