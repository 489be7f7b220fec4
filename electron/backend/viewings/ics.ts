// A viewing as an iCalendar event (RFC 5545), for the manager's phone or desk calendar.
// Times are written in UTC (`…Z`): every calendar reads them, and no VTIMEZONE block is
// needed (Seoul has had no daylight saving since 1988, so a 14:00 KST plan is 05:00Z).
// The event carries no personal data of the tenant: the calendar leaves the app (cloud
// sync), so the client appears masked (김*지) and only the listings' addresses are named.

import type { ViewingStatus } from '../../../checklists/common/vocabulary.js';

export interface IcsStop {
  address: string;
}

export interface IcsViewing {
  id: string;
  /** Seoul date `YYYY-MM-DD` and start time `HH:MM`. */
  date: string;
  startTime: string;
  meetingPlace: string;
  maskedClient: string;
  stops: IcsStop[];
  status: ViewingStatus;
  /** When the file is made (DTSTAMP), and when the viewing last changed (LAST-MODIFIED). */
  stamp: Date;
  updatedAt: string;
  /** Bumped on every change so calendars replace the earlier copy (SEQUENCE). */
  sequence: number;
}

/** Minutes planned: 40 per stop for walking and looking, at least an hour. */
export function plannedMinutes(stops: number): number {
  return Math.max(60, 40 * stops);
}

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    if (octets + n > 75) {
      out.push(cur);
      cur = ' ';
      octets = 1;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

export function viewingIcs(v: IcsViewing): string {
  const start = new Date(`${v.date}T${v.startTime}:00+09:00`);
  const end = new Date(start.getTime() + plannedMinutes(v.stops.length) * 60_000);
  const first = v.stops[0]?.address ?? '';
  const summary = v.stops.length > 1 ? `안심동행 ${v.maskedClient} · ${first} 외 ${v.stops.length - 1}곳` : `안심동행 ${v.maskedClient} · ${first}`;
  const description = [
    `만나는 곳: ${v.meetingPlace || '-'}`,
    ...v.stops.map((s, i) => `${i + 1}. ${s.address}`),
    '(서울시 1인가구 전·월세 안심계약 도움서비스)',
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ansim Desk//Viewings//KO',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${v.id}@ansim-desk`,
    `DTSTAMP:${utc(v.stamp)}`,
    `LAST-MODIFIED:${utc(new Date(v.updatedAt))}`,
    `SEQUENCE:${v.sequence}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${escapeText(summary)}`,
    `LOCATION:${escapeText(v.meetingPlace)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `STATUS:${v.status === 'cancelled' || v.status === 'no-show' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT1H',
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
