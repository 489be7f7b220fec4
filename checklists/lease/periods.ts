// Periods as the 민법 counts them, which administrative deadlines follow through 행정기본법 §6①:
// §157 the first day is not counted (a period "from the contract day" starts the next day),
// §160 weeks, months and years run by the calendar (a missing corresponding day means the month's
// last day), §161 a period whose last day is a Saturday or a public holiday ends on the next day.
// Pure: the holiday table is an argument (data/reference/public-holidays.json).
import { addDays, addMonths } from '../common/seoul-time.js';
import type { PublicHolidaysVersion } from '../../data/reference/index.js';

export interface HolidayCalendar {
  /** Verified holidays by date. */
  verified: Map<string, string>;
  /** Unverified holidays by date: never used to move a deadline, only mentioned. */
  unverified: Map<string, string>;
  years: Set<number>;
}

export function holidayCalendar(versions: PublicHolidaysVersion[]): HolidayCalendar {
  const cal: HolidayCalendar = { verified: new Map(), unverified: new Map(), years: new Set() };
  for (const v of versions) {
    for (const y of v.years) cal.years.add(y);
    for (const h of v.holidays) (h.unverified ? cal.unverified : cal.verified).set(h.date, h.name);
  }
  return cal;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Why a day is not a working day, or null when it is one. */
export function nonWorkingReason(date: string, cal: HolidayCalendar): { ko: string; en: string } | null {
  const wd = weekday(date);
  if (wd === 6) return { ko: '토요일', en: 'Saturday' };
  if (wd === 0) return { ko: '일요일', en: 'Sunday' };
  const h = cal.verified.get(date);
  return h ? { ko: `공휴일(${h})`, en: `public holiday (${h})` } : null;
}

export interface Deadline {
  /** The last day after §161. */
  date: string;
  /** The day the period would have ended without §161, when it moved. */
  shiftedFrom?: string;
  /** The days it skipped, in order (토요일, 일요일, 공휴일(설날) …). */
  skipped?: { date: string; reason: { ko: string; en: string } }[];
  /** Notes: an unverified holiday on the way, or a year the table does not cover. */
  notes: { ko: string; en: string }[];
}

/** §161: moves a last day that is a Saturday or public holiday to the next working day. */
export function toWorkingDay(last: string, cal: HolidayCalendar): Deadline {
  const notes: Deadline['notes'] = [];
  const skipped: NonNullable<Deadline['skipped']> = [];
  let d = last;
  for (let guard = 0; guard < 20; guard++) {
    const year = Number(d.slice(0, 4));
    if (!cal.years.has(year) && !notes.some((n) => n.en.includes(String(year)))) {
      notes.push({
        ko: `${year}년 공휴일 표가 없어 토·일요일만 반영했습니다.`,
        en: `No public-holiday table for ${year}: only weekends were taken into account.`,
      });
    }
    const reason = nonWorkingReason(d, cal);
    if (!reason) break;
    skipped.push({ date: d, reason });
    d = addDays(d, 1);
  }
  const unv = cal.unverified.get(d);
  if (unv) {
    notes.push({
      ko: `${d}은(는) ${unv}일 수 있으나 확인되지 않아 기한을 늦추지 않았습니다.`,
      en: `${d} may be a public holiday (${unv}), not verified, so the deadline was not moved.`,
    });
  }
  return skipped.length ? { date: d, shiftedFrom: last, skipped, notes } : { date: d, notes };
}

/** A period of `days` days counted from the day after `from` (§157), its end moved by §161. */
export function daysDeadline(from: string, days: number, cal: HolidayCalendar): Deadline {
  return toWorkingDay(addDays(from, days), cal);
}

/**
 * The window "n to m months before the lease ends" (주택임대차보호법 §6①, §6의3①), for a lease
 * whose last day is `end`: the n-month period before the end starts on the day of the month after
 * `end` that corresponds to it, n months earlier (§160②, counted backwards), so the window runs from
 * there to the day before the m-month period starts. Where that month has no corresponding day
 * (e.g. 2 months before a lease ending 4월 29일 in a common year), the readings differ by a day
 * and the narrower, tenant-safe one is returned with `narrowed: true`. §161 does not move it: the
 * demand must reach the landlord inside it.
 */
export function monthsBeforeEndWindow(end: string, fromMonths: number, toMonths: number): { from: string; to: string; narrowed: boolean } {
  const next = addDays(end, 1);
  const back = (months: number) => {
    const d = addMonths(next, -months);
    return { d, clamped: d.slice(8) !== next.slice(8) };
  };
  const s = back(fromMonths);
  const e = back(toMonths);
  return { from: s.clamped ? addDays(s.d, 1) : s.d, to: addDays(e.d, -1), narrowed: s.clamped || e.clamped };
}
