// Dates are local to Seoul (Asia/Seoul, UTC+9, no daylight saving since 1988).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const SEOUL = 'Asia/Seoul';

/** Today's date in Seoul as YYYY-MM-DD. */
export function todaySeoul(now: Date = new Date()): string {
  return format(new TZDate(now.getTime(), SEOUL), 'yyyy-MM-dd');
}

/** An instant as ISO 8601 with the +09:00 offset, e.g. 2026-11-27T13:05:00+09:00. */
export function toSeoulIso(instant: Date | number | string): string {
  const d = new TZDate(new Date(instant).getTime(), SEOUL);
  return format(d, "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** The Seoul calendar month (YYYY-MM) an instant falls in. */
export function seoulMonth(instant: Date | number | string): string {
  return toSeoulIso(instant).slice(0, 7);
}

/** YYYY-MM-DD plus whole days, calendar arithmetic without time zones. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus whole months (clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
