import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, viewingIcs } from './ics.js';

const base = {
  id: '6f1c2d4e-0000-4000-8000-000000000001',
  date: '2026-12-01',
  startTime: '14:00',
  meetingPlace: '서울대입구역 3번 출구, 1층',
  maskedClient: '김*지',
  stops: [{ address: '서울특별시 관악구 관악로 1, 302호' }, { address: '서울특별시 관악구 봉천로 200' }],
  status: 'planned' as const,
  stamp: new Date('2026-11-27T01:00:00Z'),
  updatedAt: '2026-11-27T00:59:00.000Z',
  sequence: 3,
};

/** Unfolds as a calendar reader does (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('viewingIcs', () => {
  it('writes one CRLF-terminated VEVENT with the Seoul start in UTC and an end after the planned minutes', () => {
    const ics = viewingIcs(base);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const lines = unfold(ics).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTART:20261201T050000Z');
    // Two stops → 80 minutes.
    expect(lines).toContain('DTEND:20261201T062000Z');
    expect(lines).toContain('DTSTAMP:20261127T010000Z');
    expect(lines).toContain(`UID:${base.id}@ansim-desk`);
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('LOCATION:서울대입구역 3번 출구\\, 1층');
    expect(lines.find((l) => l.startsWith('SUMMARY:'))).toBe('SUMMARY:안심동행 김*지 · 서울특별시 관악구 관악로 1\\, 302호 외 1곳');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toContain('\\n1. 서울특별시 관악구 관악로 1\\, 302호\\n2. ');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('marks a cancelled viewing cancelled and an early-morning Seoul start on the previous UTC day', () => {
    const ics = unfold(viewingIcs({ ...base, status: 'cancelled', startTime: '08:30', stops: [base.stops[0]] }));
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('DTSTART:20261130T233000Z');
    expect(ics).toContain('DTEND:20261201T003000Z');
  });

  it('folds long lines at 75 octets without splitting a Hangul syllable', () => {
    const long = `DESCRIPTION:${'가나다라마바사'.repeat(12)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(folded).not.toContain('\uFFFD');
  });

  it('escapes the TEXT specials', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});
