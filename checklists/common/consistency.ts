// Consistency checks shown next to the field they concern. Errors where the input cannot be
// right (a case closed before it was opened, a move-in in 1900); warnings where the manager may
// know better (payments that do not add up to the deposit, an arrival on another day than the
// one scheduled). Pure: the backend refuses the errors, the screens show both.
export interface ConsistencyIssue {
  field: string;
  level: 'error' | 'warning';
  /** Key under privacy.check.* in the UI strings, with its values. */
  key: 'closedBeforeOpened' | 'paymentsMismatch' | 'implausibleDate' | 'arrivalEarly';
  values?: Record<string, string | number>;
  message: { ko: string; en: string };
}

/** The earliest year a date in this service can plausibly have (move-ins, contracts). */
export const EARLIEST_PLAUSIBLE_YEAR = 1990;

export function closedBeforeOpened(openedOn: string | null | undefined, closedOn: string | null | undefined): ConsistencyIssue | null {
  if (!openedOn || !closedOn || closedOn >= openedOn) return null;
  return {
    field: 'closedOn',
    level: 'error',
    key: 'closedBeforeOpened',
    message: { ko: '종료일이 접수일보다 빠릅니다.', en: 'The closing date is before the opening date.' },
  };
}

export function implausibleDate(field: string, date: string | null | undefined): ConsistencyIssue | null {
  if (!date) return null;
  const year = Number(date.slice(0, 4));
  if (!Number.isFinite(year) || year >= EARLIEST_PLAUSIBLE_YEAR) return null;
  return {
    field,
    level: 'error',
    key: 'implausibleDate',
    values: { year },
    message: { ko: `${year}년은 너무 이른 날짜입니다. 연도를 확인하세요.`, en: `The year ${year} is implausibly early. Please check the year.` },
  };
}

const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;

/** 계약금 + 중도금 + 잔금 against the deposit (only when every given part and the deposit are known). */
export function paymentsMismatch(deposit: number | null | undefined, parts: (number | null | undefined)[]): ConsistencyIssue | null {
  const given = parts.filter((p): p is number => typeof p === 'number');
  if (!deposit || given.length === 0) return null;
  const sum = given.reduce((a, b) => a + b, 0);
  if (sum === deposit) return null;
  return {
    field: 'contract.balance.amount',
    level: 'warning',
    key: 'paymentsMismatch',
    values: { sum: won(sum), deposit: won(deposit) },
    message: {
      ko: `계약금 + 중도금 + 잔금(${won(sum)})이 보증금(${won(deposit)})과 다릅니다. 확인하세요.`,
      en: `Down payment + interim + balance (${won(sum)}) differs from the deposit (${won(deposit)}). Please check.`,
    },
  };
}

/** An arrival recorded on a day before the scheduled one (Seoul dates, YYYY-MM-DD). */
export function arrivalEarly(scheduledDate: string, arrivedOn: string | null | undefined): ConsistencyIssue | null {
  if (!arrivedOn || arrivedOn >= scheduledDate) return null;
  const days = Math.round((Date.parse(scheduledDate) - Date.parse(arrivedOn)) / 86_400_000);
  return {
    field: 'arrivedAt',
    level: 'warning',
    key: 'arrivalEarly',
    values: { date: scheduledDate, days },
    message: {
      ko: `도착 시각이 예정일(${scheduledDate})보다 ${days}일 이릅니다. 확인하세요.`,
      en: `The arrival is ${days} day(s) before the scheduled day (${scheduledDate}). Please check.`,
    },
  };
}
