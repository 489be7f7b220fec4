// 정책 안내 in the tenant report: the programmes the client may qualify for, with the reasons and
// the facts still needed, and the catalogue date used. Its own module; the report calls it once.
import { COLORS, type ReportWriter, type TableCell } from './layout.js';
import type { ReportLocale } from './models.js';

export interface PolicySectionModel {
  catalogueDate: string;
  checkedOn: string;
  programmes: { name: string; status: 'eligible' | 'needs-info' | 'not-open'; statusLabel: string; reasons: string[]; missing: string[]; apply: string; contact: string }[];
}

const TONE = { eligible: 'safe', 'needs-info': 'caution', 'not-open': 'info' } as const;

export function drawPolicySection(w: ReportWriter, m: PolicySectionModel, lc: ReportLocale): void {
  if (m.programmes.length === 0) return;
  w.heading(lc === 'ko' ? '정책 안내' : 'Housing-support programmes', 1, 90);
  w.paragraph(
    lc === 'ko'
      ? `정책 목록 ${m.catalogueDate} 기준 (확인일 ${m.checkedOn}). 자격은 각 기관의 심사로 정해집니다.`
      : `Programme catalogue of ${m.catalogueDate} (checked ${m.checkedOn}). Each agency decides eligibility.`,
    { size: 8.5, color: COLORS.muted },
  );
  w.table(
    [
      { header: lc === 'ko' ? '판단' : 'Status', weight: 14, align: 'center' },
      { header: lc === 'ko' ? '정책' : 'Programme', weight: 24 },
      { header: lc === 'ko' ? '이유·필요한 사실' : 'Why / still needed', weight: 40 },
      { header: lc === 'ko' ? '신청·문의' : 'Apply / contact', weight: 22 },
    ],
    m.programmes.map((p): TableCell[] => [
      { badge: { label: p.statusLabel, verdict: TONE[p.status] } },
      { text: p.name, bold: true },
      [...p.reasons, ...(p.missing.length ? [`${lc === 'ko' ? '필요: ' : 'Needed: '}${p.missing.join(', ')}`] : [])].join('\n'),
      `${p.apply}\n${p.contact}`,
    ]),
  );
}
