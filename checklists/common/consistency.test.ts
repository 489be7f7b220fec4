import { describe, expect, it } from 'vitest';
import { arrivalEarly, closedBeforeOpened, implausibleDate, paymentsMismatch } from './consistency.js';

describe('consistency checks beside the field', () => {
  it('종료일 before 접수일 is an error on closedOn; the same day is fine', () => {
    expect(closedBeforeOpened('2026-11-20', '2026-11-19')).toMatchObject({ field: 'closedOn', level: 'error' });
    expect(closedBeforeOpened('2026-11-20', '2026-11-20')).toBeNull();
  });
  it('a 1900 move-in is an error naming the year', () => {
    expect(implausibleDate('moveInDate', '1900-03-01')?.message.ko).toContain('1900년');
    expect(implausibleDate('moveInDate', '2027-03-01')).toBeNull();
  });
  it('계약금 + 중도금 + 잔금 ≠ 보증금 is a warning with both sums', () => {
    const w = paymentsMismatch(150_000_000, [15_000_000, null, 130_000_000]);
    expect(w).toMatchObject({ level: 'warning', field: 'contract.balance.amount' });
    expect(w?.message.ko).toContain('145,000,000원');
    expect(paymentsMismatch(150_000_000, [15_000_000, null, 135_000_000])).toBeNull();
  });
  it('an arrival two days before the scheduled day is a warning', () => {
    expect(arrivalEarly('2026-12-03', '2026-12-01')).toMatchObject({ level: 'warning', values: { days: 2 } });
    expect(arrivalEarly('2026-12-03', '2026-12-03')).toBeNull();
  });
});
