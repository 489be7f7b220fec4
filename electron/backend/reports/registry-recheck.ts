// The tenant report's registry re-check section (lease module): the latest two dated readings
// of the leased listing compared — verdict before → after, what was added, changed or cancelled,
// an owner change, and what to do when it got riskier. Its own module; tenant-report.ts calls it
// in one marked line.
import type { ReportWriter } from './layout.js';
import { COLORS } from './layout.js';
import { formatDate } from './format.js';
import type { ReportLocale, Verdict } from './models.js';

export interface RegistryRecheckSection {
  olderDate: string;
  olderStage: string;
  newerDate: string;
  newerStage: string;
  verdictBefore: Verdict;
  verdictAfter: Verdict;
  riskier: boolean;
  /** Worst first: { risk, text }. */
  changes: { risk: 'danger' | 'caution' | 'info'; kind: 'added' | 'changed' | 'cancelled' | 'owner'; text: string }[];
  actions: string[];
  clauses: string[];
}

const LABELS = {
  heading: { ko: '등기부 재확인', en: 'Registry re-check' },
  compared: { ko: '비교', en: 'Compared' },
  verdict: { ko: '판단', en: 'Verdict' },
  nothing: { ko: '두 열람 사이에 바뀐 등기 사항이 없습니다.', en: 'Nothing changed between the two readings.' },
  kinds: {
    added: { ko: '새 등기', en: 'New' },
    changed: { ko: '변경', en: 'Changed' },
    cancelled: { ko: '말소', en: 'Cancelled' },
    owner: { ko: '소유자', en: 'Owner' },
  },
  actions: { ko: '권하는 조치', en: 'What to do' },
  kind: { ko: '구분', en: 'Kind' },
  what: { ko: '바뀐 내용', en: 'What changed' },
  clauses: { ko: '해당 특약', en: 'Clauses that apply' },
  verdicts: { safe: { ko: '안전', en: 'Safe' }, caution: { ko: '주의', en: 'Caution' }, danger: { ko: '위험', en: 'Danger' } },
} as const;

export function drawRegistryRecheck(w: ReportWriter, s: RegistryRecheckSection, lc: ReportLocale): void {
  w.heading(LABELS.heading[lc], 1, 110);
  w.keyValues([
    { key: LABELS.compared[lc], value: `${formatDate(s.olderDate, lc)} (${s.olderStage}) → ${formatDate(s.newerDate, lc)} (${s.newerStage})` },
    { key: LABELS.verdict[lc], value: `${LABELS.verdicts[s.verdictBefore][lc]} → ${LABELS.verdicts[s.verdictAfter][lc]}` },
  ]);
  if (s.riskier) w.statusLine(LABELS.verdicts.danger[lc], 'danger', s.actions[0] ?? '');
  if (s.changes.length === 0) w.paragraph(LABELS.nothing[lc]);
  else {
    w.table(
      [
        { header: LABELS.kind[lc], weight: 14 },
        { header: LABELS.what[lc], weight: 86 },
      ],
      s.changes.map((c) => [
        c.risk === 'info' ? LABELS.kinds[c.kind][lc] : { badge: { label: LABELS.kinds[c.kind][lc], verdict: c.risk } },
        c.text,
      ]),
    );
  }
  if (s.actions.length > 1) {
    w.paragraph(LABELS.actions[lc], { bold: true });
    for (const a of s.actions.slice(1)) w.bullet(a);
  }
  if (s.clauses.length) {
    w.paragraph(LABELS.clauses[lc], { bold: true });
    for (const c of s.clauses) w.bullet(c, { size: 8.5, color: COLORS.text });
  }
}
