import { describe, expect, it } from 'vitest';
import { holidayCalendar, monthsBeforeEndWindow } from './periods.js';
import { leaseTimeline, withProgress, type LeaseFacts } from './timeline.js';
import { publicHolidays } from '../../data/reference/index.js';

const seoul = '서울특별시 관악구 신림동 100-1';
const base: LeaseFacts = {
  leaseKind: 'new',
  contractDate: '2026-03-10',
  balanceDate: '2026-04-20',
  moveInDate: '2026-04-20',
  endDate: '2028-04-19',
  deposit: 150_000_000,
  monthlyRent: 0,
  address: seoul,
};
const step = (f: LeaseFacts, key: string) => {
  const s = leaseTimeline(f).find((x) => x.key === key);
  if (!s) throw new Error(`no step ${key}`);
  return s;
};

describe('임대차 신고: 30 days from the day after signing (민법 §157), moved off weekends and holidays (§161)', () => {
  it('the 30th day is the deadline; the 31st is overdue', () => {
    const s = step(base, 'leaseReport');
    expect(s).toMatchObject({ date: '2026-04-09', status: 'scheduled', deadline: true });
    expect(s.shiftedFrom).toBeUndefined();
    expect(withProgress([s], {}, '2026-04-09')[0].progress).toBe('due');
    expect(withProgress([s], {}, '2026-04-10')[0].progress).toBe('overdue');
    expect(withProgress([s], { leaseReport: '2026-04-01' }, '2026-04-10')[0]).toMatchObject({ progress: 'done', doneOn: '2026-04-01' });
  });
  it('a 30th day on a Saturday moves over the weekend to Monday', () => {
    const s = step({ ...base, contractDate: '2026-11-26' }, 'leaseReport');
    expect(s).toMatchObject({ date: '2026-12-28', shiftedFrom: '2026-12-26' });
    expect(s.detail.ko).toContain('토요일·일요일');
  });
  it('a 30th day on 설날 전날 moves past the whole 연휴', () => {
    expect(step({ ...base, contractDate: '2026-01-17' }, 'leaseReport')).toMatchObject({ date: '2026-02-19', shiftedFrom: '2026-02-16' });
  });
  it('추석 running into a weekend moves to the Monday after', () => {
    expect(step({ ...base, contractDate: '2026-08-25' }, 'leaseReport')).toMatchObject({ date: '2026-09-28', shiftedFrom: '2026-09-24' });
  });
  it('a 대체공휴일 counts', () => {
    // 2026-08-17 대체공휴일 (광복절 on Saturday); 30th day 2026-08-15 → Sat, Sun, Mon skipped.
    expect(step({ ...base, contractDate: '2026-07-16' }, 'leaseReport')).toMatchObject({ date: '2026-08-18', shiftedFrom: '2026-08-15' });
  });
  it('an unverified holiday never makes the deadline later, and says so', () => {
    const s = step({ ...base, contractDate: '2027-01-06' }, 'leaseReport'); // 2027-02-05 (Fri), 설날 전날 unverified
    expect(s.date).toBe('2027-02-05');
    expect(s.notes?.[0].ko).toContain('확인되지 않아');
  });
  it('a year without a table uses weekends only and says so', () => {
    const s = step({ ...base, contractDate: '2030-01-02' }, 'leaseReport');
    expect(s.date).toBe('2030-02-01');
    expect(s.notes?.some((n) => n.ko.includes('2030년'))).toBe(true);
  });
  it('a renewal with the same amounts is exempt; unknown amounts leave it undecided with what is missing', () => {
    expect(step({ ...base, leaseKind: 'agreedRenewal', sameAmounts: true }, 'leaseReport')).toMatchObject({ status: 'exempt', date: null });
    expect(step({ ...base, leaseKind: 'renewalDemand', sameAmounts: true }, 'leaseReport').status).toBe('exempt');
    const u = step({ ...base, leaseKind: 'agreedRenewal', sameAmounts: null }, 'leaseReport');
    expect(u).toMatchObject({ status: 'undecided', missing: ['sameAmounts'], date: '2026-04-09' });
    expect(step({ ...base, leaseKind: 'agreedRenewal', sameAmounts: false }, 'leaseReport').status).toBe('scheduled');
  });
  it('below both thresholds it does not apply; a missing address leaves it undecided', () => {
    expect(step({ ...base, deposit: 60_000_000, monthlyRent: 300_000 }, 'leaseReport').status).toBe('notApplicable');
    expect(step({ ...base, address: null }, 'leaseReport')).toMatchObject({ status: 'undecided', missing: ['address'] });
    expect(step({ ...base, contractDate: null }, 'leaseReport')).toMatchObject({ status: 'undecided', date: null, missing: ['contractDate'] });
  });
});

describe('계약갱신요구 window: 6 to 2 months before the end (§6의3①, 민법 §160)', () => {
  it('a lease ending on the 9th: from the 10th six months before to the 9th two months before', () => {
    const s = step({ ...base, endDate: '2027-01-09' }, 'renewalWindow');
    expect(s.window).toEqual({ from: '2026-07-10', to: '2026-11-09' });
    const at = (d: string) => withProgress([s], {}, d)[0].progress;
    expect(at('2026-07-09')).toBe('due');
    expect(at('2026-07-10')).toBe('open');
    expect(at('2026-11-09')).toBe('open');
    expect(at('2026-11-10')).toBe('overdue');
  });
  it('month ends: a lease ending 12-31 → 07-01 to 10-31; ending 2028-02-29 → 2027-09-01 to 2027-12-31', () => {
    expect(monthsBeforeEndWindow('2026-12-31', 6, 2)).toEqual({ from: '2026-07-01', to: '2026-10-31', narrowed: false });
    expect(monthsBeforeEndWindow('2028-02-29', 6, 2)).toEqual({ from: '2027-09-01', to: '2027-12-31', narrowed: false });
    expect(monthsBeforeEndWindow('2027-02-28', 6, 2)).toEqual({ from: '2026-09-01', to: '2026-12-31', narrowed: false });
  });
  it('no corresponding day: the narrower reading, flagged', () => {
    // Ends 2027-08-30: six months before 08-31 is "02-31" → from 03-01; two months before is 06-31 → to 06-29.
    expect(monthsBeforeEndWindow('2027-08-30', 6, 2)).toEqual({ from: '2027-03-01', to: '2027-06-29', narrowed: true });
  });
  it('a §6의3 renewal has used the right: shown, not applicable', () => {
    const s = step({ ...base, leaseKind: 'renewalDemand', sameAmounts: true, startDate: '2028-04-20', endDate: '2030-04-19' }, 'renewalWindow');
    expect(s.status).toBe('notApplicable');
    expect(withProgress([s], {}, '2029-12-01')[0].progress).toBe('inactive');
  });
});

describe('the rest of the timeline', () => {
  it('moving day gives 대항력 from 0시 the next day; the guarantee is due before half the term', () => {
    const steps = leaseTimeline(base);
    expect(steps.map((s) => s.key)).toEqual(['contract', 'leaseReport', 'balance', 'moveIn', 'guarantee', 'renewalWindow', 'end']);
    expect(step(base, 'moveIn').detail.ko).toContain('2026-04-21 0시');
    expect(step(base, 'guarantee')).toMatchObject({ date: '2027-04-20', status: 'scheduled' });
    expect(step(base, 'end')).toMatchObject({ date: '2028-04-19' });
  });
  it('missing facts leave steps undecided and name them, never drop them', () => {
    const steps = leaseTimeline({ leaseKind: null, contractDate: null, moveInDate: null, endDate: null, deposit: null, monthlyRent: null });
    expect(steps.map((s) => s.key).sort()).toEqual(['balance', 'contract', 'end', 'guarantee', 'leaseReport', 'moveIn', 'renewalWindow'].sort());
    expect(steps.every((s) => s.status === 'undecided' && (s.missing?.length ?? 0) > 0)).toBe(true);
    expect(withProgress(steps, {}, '2026-01-01').every((s) => s.progress === 'undecided')).toBe(true);
  });
  it('a renewal has no moving day but a fixed date for an increase', () => {
    const f: LeaseFacts = { ...base, leaseKind: 'agreedRenewal', sameAmounts: false, balanceDate: null, startDate: '2026-04-20' };
    const keys = leaseTimeline(f).map((s) => s.key);
    expect(keys).not.toContain('moveIn');
    expect(step(f, 'fixedDate')).toMatchObject({ status: 'scheduled', date: '2026-03-10' });
    expect(step({ ...f, sameAmounts: true }, 'fixedDate').status).toBe('notApplicable');
  });
  it('the holiday table is dated reference data with its source', () => {
    expect(publicHolidays.source[0]).toContain('관공서의 공휴일에 관한 규정');
    const cal = holidayCalendar(publicHolidays.versions);
    expect(cal.verified.get('2025-10-08')).toContain('대체공휴일');
    expect([...cal.years]).toEqual([2025, 2026, 2027]);
  });
});
