// The tenant's handout of their lease dates: one A4 page (PDF) and an .ics calendar with one
// all-day event per dated step (a window spans its days). Neither carries the tenant's name in
// full nor any amount: the calendar leaves the app (cloud sync), so only the masked name appears.
import type { LeaseView } from '../../api/lease-methods.js';
import { addDays } from '../../../checklists/common/seoul-time.js';
import { formatDate } from '../reports/format.js';
import { ReportWriter, VERDICT_COLORS, type TableCell } from '../reports/layout.js';
import { L, t } from '../reports/labels.js';
import { maskName } from '../reports/mask.js';
import { escapeText, foldLine } from '../viewings/ics.js';

const PROGRESS_KO: Record<string, string> = {
  done: '완료', overdue: '기한 지남', due: '곧', open: '진행 중', upcoming: '예정', undecided: '확인 필요', inactive: '해당 없음',
};

function whenText(s: LeaseView['steps'][number]): string {
  if (s.window) return `${formatDate(s.window.from)} ~ ${formatDate(s.window.to)}`;
  if (s.date) return `${formatDate(s.date)}${s.deadline ? '까지' : ''}`;
  return '날짜 미정';
}

export async function leaseHandoutPdf(view: LeaseView, who: { clientName: string | null }): Promise<Uint8Array> {
  const w = await ReportWriter.create({
    title: '계약 일정 안내',
    headerRight: t(L.service, 'ko'),
    footerNote: `계약 일정 안내 · ${formatDate(view.today)}`,
    locale: 'ko',
    createdAt: new Date(`${view.today}T09:00:00+09:00`),
  });
  w.paragraph('계약 일정 안내', { size: 18, bold: true, leading: 1.3 });
  w.keyValues([
    ...(who.clientName ? [{ key: '임차인', value: maskName(who.clientName) }] : []),
    ...(view.facts.address ? [{ key: '주소', value: view.facts.address }] : []),
    { key: '작성일', value: formatDate(view.today) },
  ]);
  w.space(6);
  const shown = view.steps.filter((s) => s.progress !== 'inactive');
  const rows: TableCell[][] = shown.map((s) => [
    { text: whenText(s), bold: s.deadline },
    s.severity === 'danger' ? { text: s.title.ko, bold: true, color: VERDICT_COLORS.danger } : { text: s.title.ko, bold: true },
    s.detail.ko + (s.missing?.length ? ' (날짜를 정하려면 계약 정보가 더 필요합니다.)' : ''),
    s.progress === 'done' ? `완료 ${s.doneOn}` : PROGRESS_KO[s.progress],
  ]);
  w.table([
    { header: '날짜', weight: 2.1 },
    { header: '할 일', weight: 2 },
    { header: '내용', weight: 5 },
    { header: '상태', weight: 1.1, align: 'center' },
  ], rows, { size: 8 });
  w.space(6);
  w.note('기한은 민법 제157조(첫날 불산입)와 제161조(토요일·공휴일이면 다음 날)에 따라 계산했습니다. 보증기관 기한과 갱신요구 기간은 늦춰지지 않습니다.');
  w.note(t(L.footerNote, 'ko'));
  return w.finish();
}

const ymd = (d: string) => d.replace(/-/g, '');
const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function leaseHandoutIcs(view: LeaseView, now: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ansim Desk//Lease timeline//KO', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const s of view.steps) {
    if (s.progress === 'inactive') continue;
    const from = s.window?.from ?? s.date;
    const to = s.window?.to ?? s.date;
    if (!from || !to) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${view.caseId}-${s.key}@ansim-desk`,
      `DTSTAMP:${utc(now)}`,
      `DTSTART;VALUE=DATE:${ymd(from)}`,
      // DTEND of an all-day event is exclusive (RFC 5545 §3.6.1).
      `DTEND;VALUE=DATE:${ymd(addDays(to, 1))}`,
      `SUMMARY:${escapeText(s.title.ko)}`,
      `DESCRIPTION:${escapeText(`${s.detail.ko}${s.basis ? `\n근거: ${s.basis}` : ''}`)}`,
      'TRANSP:TRANSPARENT',
      ...(s.deadline || s.severity ? ['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-P1D', `DESCRIPTION:${escapeText(s.title.ko)}`, 'END:VALARM'] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
