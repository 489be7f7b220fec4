// The dated steps after signing, from the contract's facts: pay into the owner's account, report
// the lease within 30 days where it applies, re-check the register on the 잔금일 with a
// certificate issued that day, 전입신고 and 확정일자 on moving day, then the guarantee.
import { formatKoreanAmount } from '../common/money.js';
import { addDays } from '../common/seoul-time.js';
import { shippedTables, versionAt, type ReferenceTables } from '../../data/reference/index.js';
import { parsePlace } from '../calculators/region.js';
import { daysDeadline, holidayCalendar } from '../lease/periods.js';
import { publicHolidays } from '../../data/reference/index.js';
import type { RegistryParsed } from './input.js';

export interface Step {
  key: string;
  /** The day it happens, or the deadline when `deadline` is true; null when not dated. */
  date: string | null;
  deadline: boolean;
  title: { ko: string; en: string };
  detail: { ko: string; en: string };
  basis?: string;
  // The case timeline (checklists/lease/timeline.ts) grows this vocabulary; afterContractSteps
  // leaves these out except `shiftedFrom`.
  /** A step that is a window rather than a day: `date` is then the window's last day. */
  window?: { from: string; to: string };
  /** scheduled (applies, dated), undecided (the facts do not settle it: see `missing`), exempt, notApplicable. */
  status?: 'scheduled' | 'undecided' | 'exempt' | 'notApplicable';
  /** Which lease facts would decide an undecided step or date it (field names of LeaseFacts). */
  missing?: string[];
  /** A registry change that makes the lease riskier (위험). */
  severity?: 'danger';
  /** The day a deadline would have fallen on before 민법 §161 moved it to the next working day. */
  shiftedFrom?: string;
  notes?: { ko: string; en: string }[];
}

export interface StepsResult {
  steps: Step[];
  warnings: { ko: string; en: string }[];
}

/**
 * Whether the 임대차 신고 applies (부동산 거래신고법 §6의2, 시행령 §4의3): by amount, by area
 * (특별자치시·특별자치도, a 시, a 자치구, or a 군 of a 광역시 or 경기도) and not for a renewal that keeps
 * the amounts; null when the address does not settle the area.
 */
export function leaseReportApplies(
  address: string,
  deposit: number,
  monthlyRent: number,
  date: string,
  opts: { renewalWithSameAmounts?: boolean } = {},
  { leaseReport }: Pick<ReferenceTables, 'leaseReport'> = shippedTables,
): boolean | null {
  const v = versionAt(leaseReport, date);
  if (!v) return false;
  if (opts.renewalWithSameAmounts && v.renewalWithSameAmountsExempt) return false;
  if (!(deposit > v.depositOver || monthlyRent > v.monthlyRentOver)) return false;
  const p = parsePlace(address, date);
  if (!p.sido) return null;
  if (v.regions.specialSelfGoverning.includes(p.sido)) return true;
  const gunCovered = v.regions.countiesOf.includes(p.isMetro ? 'metropolitanCity' : p.sido);
  if (!p.city) {
    // Seoul has only 자치구; elsewhere the 시·군 decides.
    if (p.sido === '서울특별시') return v.regions.autonomousDistricts;
    return null;
  }
  if (/구$/.test(p.city)) return v.regions.autonomousDistricts;
  if (/시$/.test(p.city)) return v.regions.cities;
  if (/군$/.test(p.city)) return gunCovered;
  return null;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function afterContractSteps(input: RegistryParsed, tables: Pick<ReferenceTables, 'leaseReport'>): StepsResult {
  const { leaseReport } = tables;
  const steps: Step[] = [];
  const warnings: StepsResult['warnings'] = [];
  const c = input.contract;
  const moveIn = c?.moveInDate ?? input.lease.moveInDate;
  const balanceDate = c?.balance?.date;
  if (c) {
    const down = c.downPayment;
    steps.push({
      key: 'downPayment',
      date: down?.date ?? c.contractDate,
      deadline: false,
      title: { ko: '계약 체결·계약금 지급', en: 'Sign and pay the down payment' },
      detail: {
        ko: `${down ? `계약금 ${formatKoreanAmount(down.amount)}을 ` : '계약금을 '}등기부상 소유자 본인 명의 계좌로 보냅니다. 확인·설명서와 공제증서 사본을 받습니다.`,
        en: `Pay ${down ? `the down payment of KRW ${down.amount.toLocaleString('en-US')} ` : 'the down payment '}into the registered owner’s own account; take the agent’s explanation form and insurance certificate.`,
      },
    });
    const applies = leaseReportApplies(input.property.address, input.lease.deposit, input.lease.monthlyRent, c.contractDate, {}, tables);
    const rule = versionAt(leaseReport, c.contractDate);
    if (applies !== false && rule) {
      const due = daysDeadline(c.contractDate, rule.withinDays, holidayCalendar(publicHolidays.versions));
      steps.push({
        key: 'leaseReport',
        date: due.date,
        deadline: true,
        ...(due.shiftedFrom ? { shiftedFrom: due.shiftedFrom } : {}),
        title: { ko: applies ? '임대차 신고 (기한)' : '임대차 신고 대상인지 확인 (기한)', en: applies ? 'Report the lease (deadline)' : 'Check whether the lease must be reported (deadline)' },
        detail: {
          ko: `계약일부터 ${rule.withinDays}일 이내. 계약서를 첨부해 신고하면 확정일자가 부여됩니다.${applies === null ? ' 주소만으로 신고 지역인지 확정할 수 없습니다.' : ''}`,
          en: `Within ${rule.withinDays} days of signing; filing with the contract attached also gives the fixed date.${applies === null ? ' The address alone does not settle whether the area is covered.' : ''}`,
        },
        basis: '부동산 거래신고 등에 관한 법률 §6의2, 시행령 §4의3',
      });
    }
    if (c.interimPayment) {
      steps.push({
        key: 'interimPayment',
        date: c.interimPayment.date,
        deadline: false,
        title: { ko: '중도금 지급', en: 'Interim payment' },
        detail: {
          ko: `중도금 ${formatKoreanAmount(c.interimPayment.amount)}. 지급 전 등기부를 다시 열람해 권리변동이 없는지 확인합니다.`,
          en: `KRW ${c.interimPayment.amount.toLocaleString('en-US')}; view the register again before paying.`,
        },
      });
    }
    if (c.balance) {
      steps.push({
        key: 'balance',
        date: c.balance.date,
        deadline: false,
        title: { ko: '잔금일: 등기부 재확인 후 잔금 지급', en: 'Balance day: re-check the register, then pay' },
        detail: {
          ko: `잔금 ${formatKoreanAmount(c.balance.amount)}을 보내기 전에 당일 발급한 등기사항전부증명서(말소사항 포함)로 권리관계가 그대로인지 확인합니다.`,
          en: `Before paying KRW ${c.balance.amount.toLocaleString('en-US')}, check the rights on a certificate (with cancelled entries) issued that day.`,
        },
        basis: '국토교통부 안심계약 3·3·3 ⑧',
      });
    }
  }
  if (moveIn) {
    steps.push({
      key: 'moveIn',
      date: moveIn,
      deadline: false,
      title: { ko: '이사 당일: 전입신고와 확정일자', en: 'Moving day: register residence and get the fixed date' },
      detail: {
        ko: `전입신고와 확정일자를 같은 날 받습니다. 대항력은 ${addDays(moveIn, 1)} 0시부터 생깁니다.`,
        en: `Register residence and get the fixed date the same day; opposing power starts at 00:00 on ${addDays(moveIn, 1)}.`,
      },
      basis: '주택임대차보호법 §3①, §3의2②',
    });
    const start = balanceDate && balanceDate > moveIn ? balanceDate : moveIn;
    const end = input.lease.endDate;
    const half = end && end > start ? addDays(start, Math.floor(daysBetween(start, end) / 2)) : null;
    steps.push({
      key: 'guarantee',
      date: half,
      deadline: half !== null,
      title: { ko: '전세보증금반환보증 신청', en: 'Apply for the deposit-return guarantee' },
      detail: {
        ko: half
          ? `전입과 확정일자 뒤 바로 신청합니다. 계약기간의 2분의 1이 지나기 전(${half} 전)까지 가능합니다.`
          : '전입과 확정일자 뒤 바로 신청합니다. 잔금일과 전입일 중 늦은 날부터 계약기간의 2분의 1이 지나기 전까지 가능합니다.',
        en: half
          ? `Apply right after moving in; possible until half the term has passed (before ${half}).`
          : 'Apply right after moving in; possible until half the term (from the later of balance day and move-in) has passed.',
      },
      basis: 'HUG 전세보증금반환보증 상품안내',
    });
  }
  if (balanceDate) {
    const issued = input.certificate?.issuedAt;
    const issuedDay = issued ? (issued.length > 10 ? new Date(Date.parse(issued) + 9 * 3600_000).toISOString().slice(0, 10) : issued) : null;
    if (!issuedDay || issuedDay < balanceDate) {
      warnings.push({
        ko: issuedDay
          ? `등기부를 ${issuedDay}에 열람했습니다. 잔금일(${balanceDate}) 당일 발급본으로 다시 확인하세요.`
          : `등기부 열람 일시가 없습니다. 잔금일(${balanceDate}) 당일 발급본으로 확인하세요.`,
        en: issuedDay
          ? `The register was read on ${issuedDay}; check it again on a certificate issued on the balance day (${balanceDate}).`
          : `No viewing date for the register; check a certificate issued on the balance day (${balanceDate}).`,
      });
    }
  }
  steps.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return { steps, warnings };
}
