// The case's lease timeline: from the lease facts a manager records on a case, the dated steps
// of that one lease — signing, the 임대차 신고 deadline, the balance day's registry re-read, moving
// day (전입신고·확정일자), the HUG guarantee deadline, the 계약갱신요구 window and the end — in the
// vocabulary of `afterContractSteps` (checklists/rights/steps.ts). A step whose applicability or
// date the facts do not settle is kept as `undecided` with the missing facts named. Pure: tables
// are imported JSON, "today" is an argument.
import { addDays } from '../common/seoul-time.js';
import { formatKoreanAmount } from '../common/money.js';
import { leaseReport, publicHolidays, versionAt } from '../../data/reference/index.js';
import { leaseReportApplies, type Step } from '../rights/steps.js';
import { daysDeadline, holidayCalendar, monthsBeforeEndWindow, type HolidayCalendar } from './periods.js';

export const LEASE_KINDS = ['new', 'agreedRenewal', 'renewalDemand'] as const;
/** new: a first lease; agreedRenewal: a new agreement with the same landlord (합의 재계약); renewalDemand: renewal by the tenant's §6의3 demand. */
export type LeaseKind = (typeof LEASE_KINDS)[number];

export interface Payment {
  amount: number | null;
  date: string | null;
}

/** What the case knows about its lease. Every field may be unknown (null) while it is being typed. */
export interface LeaseFacts {
  leaseKind: LeaseKind | null;
  /** For a renewal: deposit and rent unchanged. */
  sameAmounts?: boolean | null;
  /** The tenant already used the 갱신요구권 on an earlier term of this lease. */
  renewalRightUsed?: boolean | null;
  contractDate: string | null;
  downPayment?: Payment | null;
  interimPayment?: Payment | null;
  balance?: Payment | null;
  /** Shorthand for balance.date (the CLI's input). */
  balanceDate?: string | null;
  moveInDate: string | null;
  /** For a renewal: the first day of the renewed term (else the move-in day). */
  startDate?: string | null;
  /** The lease's last day (만기). */
  endDate: string | null;
  deposit: number | null;
  monthlyRent: number | null;
  address?: string | null;
}

export interface TimelineOptions {
  /** The holiday calendar; the shipped table by default. */
  calendar?: HolidayCalendar;
  /** Extra steps (a registry change that makes the lease riskier) merged in date order. */
  extra?: Step[];
}

const LAW_PERIODS = '민법 §157·§161 (행정기본법 §6①)';

const won = (n: number) => formatKoreanAmount(n);

export function leaseTimeline(f: LeaseFacts, opts: TimelineOptions = {}): Step[] {
  const cal = opts.calendar ?? holidayCalendar(publicHolidays.versions);
  const steps: Step[] = [];
  const renewal = f.leaseKind === 'agreedRenewal' || f.leaseKind === 'renewalDemand';
  const balanceDate = f.balance?.date ?? f.balanceDate ?? null;

  // 계약 체결 (and 계약금).
  steps.push({
    key: 'contract',
    date: f.contractDate,
    deadline: false,
    status: f.contractDate ? 'scheduled' : 'undecided',
    ...(f.contractDate ? {} : { missing: ['contractDate'] }),
    title: { ko: '계약 체결·계약금 지급', en: 'Sign and pay the down payment' },
    detail: {
      ko: `${f.downPayment?.amount ? `계약금 ${won(f.downPayment.amount)}을 ` : '계약금을 '}등기부상 소유자 본인 명의 계좌로 보냅니다. 표준계약서의 안전 특약을 넣습니다.`,
      en: `Pay ${f.downPayment?.amount ? `the down payment of KRW ${f.downPayment.amount.toLocaleString('en-US')} ` : 'the down payment '}into the registered owner's own account; use the standard form's safety clauses.`,
    },
    basis: '국토교통부 안심계약 3·3·3 ⑤⑥',
  });

  steps.push(leaseReportStep(f, renewal, cal));

  if (f.interimPayment?.date) {
    steps.push({
      key: 'interimPayment',
      date: f.interimPayment.date,
      deadline: false,
      status: 'scheduled',
      title: { ko: '중도금 지급: 등기부 다시 열람', en: 'Interim payment: view the register again' },
      detail: {
        ko: `${f.interimPayment.amount ? `중도금 ${won(f.interimPayment.amount)}. ` : ''}지급 전 등기부를 다시 열람해 권리변동이 없는지 확인합니다.`,
        en: `${f.interimPayment.amount ? `KRW ${f.interimPayment.amount.toLocaleString('en-US')}. ` : ''}View the register again before paying.`,
      },
      basis: '국토교통부 안심계약 3·3·3 ⑧',
    });
  }

  // 잔금일: the register is read again, on a certificate issued that day, before paying.
  if (!renewal || balanceDate) {
    steps.push({
      key: 'balance',
      date: balanceDate,
      deadline: false,
      status: balanceDate ? 'scheduled' : 'undecided',
      ...(balanceDate ? {} : { missing: ['balanceDate'] }),
      title: { ko: '잔금일: 등기부 재확인 후 잔금 지급', en: 'Balance day: re-check the register, then pay' },
      detail: {
        ko: `${f.balance?.amount ? `잔금 ${won(f.balance.amount)}을 ` : '잔금을 '}보내기 전에 당일 발급한 등기사항전부증명서(말소사항 포함)로 권리관계가 계약 때와 같은지 확인합니다. 달라졌으면 지급을 멈추고 특약에 따라 처리합니다.`,
        en: `Before paying ${f.balance?.amount ? `KRW ${f.balance.amount.toLocaleString('en-US')}` : 'the balance'}, check a certificate (with cancelled entries) issued that day against the one at signing; if anything changed, stop and act on the special clauses.`,
      },
      basis: '국토교통부 안심계약 3·3·3 ⑧',
    });
  }

  // 이사 당일: 전입신고 and 확정일자 (a renewal keeps its 대항력; an increased deposit needs a 확정일자).
  if (renewal) {
    const same = f.sameAmounts;
    steps.push({
      key: 'fixedDate',
      date: same === true ? null : (balanceDate ?? f.contractDate),
      deadline: false,
      status: same === true ? 'notApplicable' : same === false && (balanceDate ?? f.contractDate) ? 'scheduled' : 'undecided',
      ...(same === null || same === undefined ? { missing: ['sameAmounts'] } : same === false && !(balanceDate ?? f.contractDate) ? { missing: ['contractDate'] } : {}),
      title: { ko: '갱신계약서에 확정일자', en: 'Fixed date on the renewed contract' },
      detail: {
        ko: same === true
          ? '금액이 같으면 종전 확정일자로 보호됩니다. 전입을 유지합니다.'
          : '늘어난 보증금은 새 계약서의 확정일자 다음 순위로 보호됩니다. 증액분을 주기 전에 등기부를 다시 보고, 계약서에 확정일자를 받습니다. 전입은 유지합니다.',
        en: same === true
          ? 'With the same amounts the earlier fixed date keeps protecting the deposit; stay registered.'
          : 'An increase ranks from the new contract\u2019s fixed date: view the register before paying the increase and get the fixed date; stay registered.',
      },
      basis: '주택임대차보호법 §3의2②',
    });
  } else {
    const m = f.moveInDate;
    steps.push({
      key: 'moveIn',
      date: m,
      deadline: false,
      status: m ? 'scheduled' : 'undecided',
      ...(m ? {} : { missing: ['moveInDate'] }),
      title: { ko: '이사 당일: 전입신고와 확정일자', en: 'Moving day: register residence and get the fixed date' },
      detail: {
        ko: m
          ? `전입신고와 확정일자를 같은 날 받습니다. 대항력은 ${addDays(m, 1)} 0시부터 생깁니다.`
          : '전입신고와 확정일자를 이사 당일 받습니다. 대항력은 다음 날 0시부터 생깁니다.',
        en: m
          ? `Register residence and get the fixed date the same day; opposing power starts at 00:00 on ${addDays(m, 1)}.`
          : 'Register residence and get the fixed date on moving day; opposing power starts at 00:00 the next day.',
      },
      basis: '주택임대차보호법 §3①, §3의2②',
    });
  }

  steps.push(guaranteeStep(f, renewal, balanceDate));
  steps.push(renewalWindowStep(f));

  steps.push({
    key: 'end',
    date: f.endDate,
    deadline: false,
    status: f.endDate ? 'scheduled' : 'undecided',
    ...(f.endDate ? {} : { missing: ['endDate'] }),
    title: { ko: '계약 종료: 보증금 반환', en: 'End of the lease: the deposit returned' },
    detail: {
      ko: '보증금을 돌려받은 뒤 이사하고 전출합니다. 돌려받지 못한 채 이사해야 하면 먼저 임차권등기명령을 신청해 대항력을 지킵니다.',
      en: 'Move out and deregister only after the deposit is returned; if you must move without it, first apply for a lease registration order to keep your standing.',
    },
    basis: '주택임대차보호법 §3의3',
  });

  for (const x of opts.extra ?? []) steps.push(x);
  const when = (s: Step) => s.window?.from ?? s.date ?? '9999-12-31';
  const order = steps.map((s, i) => ({ s, i }));
  order.sort((a, b) => when(a.s).localeCompare(when(b.s)) || a.i - b.i);
  return order.map((o) => o.s);
}

function leaseReportStep(f: LeaseFacts, renewal: boolean, cal: HolidayCalendar): Step {
  const basis = '부동산 거래신고 등에 관한 법률 §6의2, 시행령 §4의3';
  const title = { ko: '임대차 신고 (기한)', en: 'Report the lease (deadline)' };
  const rule = f.contractDate ? versionAt(leaseReport, f.contractDate) : versionAt(leaseReport, '9999-12-31');
  const within = rule?.withinDays ?? 30;
  const due = f.contractDate ? daysDeadline(f.contractDate, within, cal) : null;
  const dated = due
    ? { date: due.date, ...(due.shiftedFrom ? { shiftedFrom: due.shiftedFrom } : {}), ...(due.notes.length ? { notes: due.notes } : {}) }
    : { date: null };
  const shifted = due?.shiftedFrom
    ? {
        ko: ` 30일째(${due.shiftedFrom})가 ${due.skipped!.map((s) => s.reason.ko).join('·')}이라 다음 평일 ${due.date}까지입니다.`,
        en: ` Day 30 (${due.shiftedFrom}) is a ${due.skipped!.map((s) => s.reason.en).join(', ')}, so the deadline is the next working day, ${due.date}.`,
      }
    : { ko: '', en: '' };
  const detail = {
    ko: `계약일 다음 날부터 ${within}일 이내에 주민센터나 부동산거래관리시스템에서 신고합니다. 계약서를 첨부하면 확정일자가 부여됩니다.${shifted.ko}`,
    en: `Within ${within} days counted from the day after signing, at the 주민센터 or online; attaching the contract also gives the fixed date.${shifted.en}`,
  };
  // The exemption is the table's (shared with leaseReportApplies), not a constant here.
  if (renewal && f.sameAmounts === true && rule?.renewalWithSameAmountsExempt) {
    return {
      key: 'leaseReport', date: null, deadline: true, status: 'exempt', title,
      detail: { ko: '보증금과 차임이 같은 갱신계약은 신고하지 않아도 됩니다.', en: 'A renewal with unchanged deposit and rent need not be reported.' },
      basis,
    };
  }
  const missing: string[] = [];
  if (!f.contractDate) missing.push('contractDate');
  if (f.deposit === null && f.monthlyRent === null) missing.push('deposit', 'monthlyRent');
  if (f.leaseKind === null) missing.push('leaseKind');
  else if (renewal && (f.sameAmounts === null || f.sameAmounts === undefined)) missing.push('sameAmounts');
  let applies: boolean | null = null;
  if (f.deposit !== null || f.monthlyRent !== null) {
    const amountsOnly = rule && !((f.deposit ?? 0) > rule.depositOver || (f.monthlyRent ?? 0) > rule.monthlyRentOver);
    if (amountsOnly) applies = false;
    else if (f.address) applies = leaseReportApplies(f.address, f.deposit ?? 0, f.monthlyRent ?? 0, f.contractDate ?? '9999-12-31');
    else missing.push('address');
  }
  if (applies === false) {
    return {
      key: 'leaseReport', date: null, deadline: true, status: 'notApplicable', title,
      detail: {
        ko: rule ? `보증금 ${won(rule.depositOver)} 이하이고 월차임 ${won(rule.monthlyRentOver)} 이하이거나 신고 대상 지역이 아니라 신고 대상이 아닙니다. 확정일자는 따로 받습니다.` : '신고제 시행 전 계약입니다.',
        en: rule ? 'Below the reporting thresholds or outside the covered areas: no report; get the fixed date separately.' : 'Signed before the reporting rule applied.',
      },
      basis,
    };
  }
  if (applies === null && !missing.includes('address') && f.address) missing.push('address');
  const undecided = applies === null || missing.length > 0;
  return {
    key: 'leaseReport',
    ...dated,
    deadline: true,
    status: undecided || !due ? 'undecided' : 'scheduled',
    ...(missing.length ? { missing } : {}),
    title: undecided ? { ko: '임대차 신고 대상인지 확인 (기한)', en: 'Check whether the lease must be reported (deadline)' } : title,
    detail: applies === null && f.address && !missing.some((m) => m !== 'address')
      ? { ko: `${detail.ko} 주소만으로 신고 지역인지 확정할 수 없습니다.`, en: `${detail.en} The address alone does not settle whether the area is covered.` }
      : detail,
    basis: `${basis}; ${LAW_PERIODS}`,
  };
}

function guaranteeStep(f: LeaseFacts, renewal: boolean, balanceDate: string | null): Step {
  const title = { ko: '전세보증금반환보증 신청 기한', en: 'Deposit-return guarantee: apply by' };
  const basis = 'HUG 전세보증금반환보증 상품안내';
  const start = renewal ? (f.startDate ?? null) : (() => {
    const m = f.startDate ?? f.moveInDate;
    if (!m) return null;
    return balanceDate && balanceDate > m ? balanceDate : m;
  })();
  const missing: string[] = [];
  if (!start) missing.push(renewal ? 'startDate' : 'moveInDate');
  if (!f.endDate) missing.push('endDate');
  if (f.deposit === 0) {
    return { key: 'guarantee', date: null, deadline: true, status: 'notApplicable', title, detail: { ko: '보증금이 없어 해당하지 않습니다.', en: 'No deposit: not applicable.' }, basis };
  }
  if (missing.length || !start || !f.endDate || f.endDate <= start) {
    return {
      key: 'guarantee', date: null, deadline: true, status: 'undecided', missing: missing.length ? missing : ['endDate'], title,
      detail: {
        ko: '잔금일과 전입일 중 늦은 날부터 계약기간의 2분의 1이 지나기 전까지 신청할 수 있습니다.',
        en: 'Possible until half the term, counted from the later of balance day and move-in, has passed.',
      },
      basis,
    };
  }
  const days = Math.round((Date.parse(`${f.endDate}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  const half = addDays(start, Math.floor(days / 2));
  return {
    key: 'guarantee', date: half, deadline: true, status: 'scheduled', title,
    detail: {
      ko: `전입과 확정일자 뒤 바로 신청합니다. ${renewal ? '갱신된 ' : ''}계약기간(${start}~${f.endDate})의 2분의 1이 지나기 전, ${half}까지 가능합니다. 보증기관 기준이므로 휴일에 늦춰지지 않습니다.`,
      en: `Apply right after moving in; possible until half the ${renewal ? 'renewed ' : ''}term (${start} to ${f.endDate}) has passed, i.e. by ${half}. A guarantor's rule: holidays do not extend it.`,
    },
    basis,
  };
}

function renewalWindowStep(f: LeaseFacts): Step {
  const title = { ko: '계약갱신요구 가능 기간', en: 'Window to demand renewal' };
  const basis = '주택임대차보호법 §6①, §6의3①②; 민법 §160';
  const used = f.leaseKind === 'renewalDemand' || f.renewalRightUsed === true;
  if (!f.endDate) {
    return {
      key: 'renewalWindow', date: null, deadline: true, status: 'undecided', missing: ['endDate'], title,
      detail: { ko: '계약 종료 6개월 전부터 2개월 전까지 갱신을 요구할 수 있습니다.', en: 'Renewal can be demanded from 6 to 2 months before the end.' },
      basis,
    };
  }
  const w = monthsBeforeEndWindow(f.endDate, 6, 2);
  if (used) {
    return {
      key: 'renewalWindow', date: w.to, window: { from: w.from, to: w.to }, deadline: true, status: 'notApplicable', title,
      detail: {
        ko: '갱신요구권은 한 번만 쓸 수 있어 이미 사용했습니다. 같은 기간에 임대인이 갱신 거절이나 조건 변경을 알리지 않으면 묵시적으로 갱신됩니다. 재계약은 합의로 합니다.',
        en: 'The renewal right can be used once and has been used. If the landlord gives no notice in this window the lease renews tacitly; a further term needs agreement.',
      },
      basis,
    };
  }
  return {
    key: 'renewalWindow',
    date: w.to,
    window: { from: w.from, to: w.to },
    deadline: true,
    status: f.leaseKind === null && f.renewalRightUsed == null ? 'undecided' : 'scheduled',
    ...(f.leaseKind === null ? { missing: ['leaseKind'] } : {}),
    title,
    detail: {
      ko: `${w.from}부터 ${w.to}까지 임대인에게 갱신을 요구할 수 있습니다(한 번, 2년, 증액은 5% 이내). 기간 안에 도달해야 하므로 내용증명이나 문자로 남깁니다.${w.narrowed ? ' 달력에 대응하는 날이 없어 좁게 잡았습니다.' : ''}`,
      en: `From ${w.from} to ${w.to} the tenant may demand renewal (once, 2 years, at most 5 % more); the demand must reach the landlord in time, so keep proof.${w.narrowed ? ' The calendar has no corresponding day, so the narrower reading is shown.' : ''}`,
    },
    basis,
  };
}

export type StepProgress = 'done' | 'overdue' | 'due' | 'open' | 'upcoming' | 'undecided' | 'inactive';

export interface TimelineEntry extends Step {
  progress: StepProgress;
  doneOn?: string;
}

/**
 * Where each step stands on `today`: done (ticked, with its date), overdue (its day or window has
 * passed unticked), open (inside its window), due (within `soonDays`), upcoming, undecided, or
 * inactive (exempt / not applicable).
 */
export function withProgress(steps: Step[], done: Record<string, string>, today: string, soonDays = 7): TimelineEntry[] {
  const soon = addDays(today, soonDays);
  return steps.map((s) => {
    const doneOn = done[s.key];
    if (doneOn) return { ...s, progress: 'done', doneOn };
    if (s.status === 'exempt' || s.status === 'notApplicable') return { ...s, progress: 'inactive' };
    const last = s.window?.to ?? s.date;
    const first = s.window?.from ?? s.date;
    if (!last || !first) return { ...s, progress: 'undecided' };
    if (last < today) return { ...s, progress: 'overdue' };
    if (s.window && first <= today) return { ...s, progress: 'open' };
    return { ...s, progress: first <= soon ? 'due' : 'upcoming' };
  });
}
