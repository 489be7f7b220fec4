import { describe, expect, it } from 'vitest';
import { leaseReportApplies } from './steps.js';

describe('임대차 신고 applies by amount and area', () => {
  it('over 6,000만원 or over 월 30만원; exactly at the line is not reported', () => {
    expect(leaseReportApplies('서울특별시 관악구 신림동 1', 60_000_000, 300_000, '2026-01-01')).toBe(false);
    expect(leaseReportApplies('서울특별시 관악구 신림동 1', 60_000_001, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('서울특별시 관악구 신림동 1', 0, 300_001, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('서울특별시 관악구 신림동 1', 100_000_000, 0, '2021-05-31')).toBe(false);
  });
  it('all of 수도권 incl. 군; a 도’s 시 but not its 군; a 광역시 군 is covered (시행령 §4의3)', () => {
    expect(leaseReportApplies('경기도 가평군 가평읍 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('충청북도 청주시 상당구 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('충청북도 괴산군 괴산읍 1', 100_000_000, 0, '2026-01-01')).toBe(false);
    expect(leaseReportApplies('부산광역시 기장군 기장읍 1', 100_000_000, 0, '2026-01-01')).toBe(true);
    expect(leaseReportApplies('부산광역시 해운대구 우동 1', 100_000_000, 0, '2026-01-01')).toBe(true);
  });
});
