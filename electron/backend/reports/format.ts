// How dates, times and amounts read in the reports.
import { formatKoreanAmount } from '../../../checklists/common/money.js';
import { toSeoulIso } from '../../../checklists/common/seoul-time.js';
import type { ReportLocale } from './models.js';

const WEEKDAY_KO = ['일', '월', '화', '수', '목', '금', '토'];
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** '2026-11-27' → '2026. 11. 27.(금)' (Korean documents) or '2026-11-27 (Fri)'. */
export function formatDate(date: string, locale: ReportLocale = 'ko'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return locale === 'ko'
    ? `${m[1]}. ${Number(m[2])}. ${Number(m[3])}.(${WEEKDAY_KO[day]})`
    : `${m[1]}-${m[2]}-${m[3]} (${WEEKDAY_EN[day]})`;
}

/** Seoul ISO time of an instant, or undefined when it is not a valid time (printed as given). */
function seoulIso(instant: string): string | undefined {
  return Number.isNaN(new Date(instant).getTime()) ? undefined : toSeoulIso(instant);
}

/** An instant → 'HH:mm' in Seoul time. */
export function formatTime(instant: string): string {
  return seoulIso(instant)?.slice(11, 16) ?? instant;
}

/** An instant → Seoul date and time, e.g. '2026. 11. 27.(금) 14:05'. */
export function formatDateTime(instant: string, locale: ReportLocale = 'ko'): string {
  const iso = seoulIso(instant);
  return iso ? `${formatDate(iso.slice(0, 10), locale)} ${iso.slice(11, 16)}` : instant;
}

/** Whole minutes between two instants, or undefined when either is missing. */
export function minutesBetween(from?: string, to?: string): number | undefined {
  if (!from || !to) return undefined;
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60000) : undefined;
}

/** Amounts as Korean documents write them: '1억 5,000만원'; in English 'KRW 150,000,000'. */
export function formatMoney(won: number, locale: ReportLocale = 'ko'): string {
  return locale === 'ko' ? formatKoreanAmount(won) : `KRW ${Math.floor(won).toLocaleString('en-US')}`;
}

/** 84.97 → '84.97㎡' (the ㎡ sign is in the report font). */
export function formatArea(m2: number): string {
  return `${Number(m2.toFixed(2))}㎡`;
}
