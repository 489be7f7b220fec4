// The tenant report's "계산 결과" section (issue 11): the calculator results saved to the case, each
// with its inputs, main figures and the reference tables (pack version and date) used. Its own
// module; tenant-report.ts calls it in one marked line, viewings/reports.ts fills the model field.
import type { SavedCalcView } from '../../api/rights-methods.js';
import { formatAmountBoth } from '../../../checklists/common/money.js';
import type { ReportWriter } from './layout.js';
import { COLORS } from './layout.js';
import type { ReportLocale } from './models.js';

export interface SavedCalcsSection {
  rows: { title: string; savedOn: string; tables: string; inputs: string; result: string }[];
}

const NAMES: Record<string, { ko: string; en: string }> = {
  brokerage: { ko: '중개보수', en: 'Brokerage fee' },
  ltv: { ko: '부채비율(LTV)', en: 'Debt ratio (LTV)' },
  conversion: { ko: '월차임 전환', en: 'Rent conversion' },
  'renewal-cap': { ko: '증액 상한', en: 'Renewal increase cap' },
  'renewal-check': { ko: '증액 확인', en: 'Renewal increase check' },
  'priority-repayment': { ko: '최우선변제', en: 'Priority repayment' },
  hug: { ko: 'HUG 보증', en: 'HUG guarantee' },
  'opposing-power': { ko: '대항력', en: 'Opposing power' },
};

const LABELS = {
  heading: { ko: '계산 결과', en: 'Calculations' },
  inputs: { ko: '입력', en: 'Inputs' },
  result: { ko: '결과', en: 'Result' },
  tables: { ko: '기준표', en: 'Reference tables' },
} as const;

function show(v: unknown, lc: ReportLocale): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 10_000 ? formatAmountBoth(v) : String(v);
  if (typeof v === 'boolean') return lc === 'ko' ? (v ? '예' : '아니오') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v && 'ko' in v && 'en' in v) return String((v as Record<string, unknown>)[lc]);
  return '';
}

const line = (o: Record<string, unknown> | null, lc: ReportLocale, max: number) =>
  o ? Object.entries(o).map(([k, v]) => [k, show(v, lc)]).filter(([, s]) => s !== '').slice(0, max).map(([k, s]) => `${k} ${s}`).join(' · ') : '—';

/** The section's model from the case's saved results (unreadable ones — destroyed keys — are left out). */
export function savedCalcsSection(saved: SavedCalcView[], lc: ReportLocale): SavedCalcsSection | undefined {
  const rows = saved
    .filter((s) => s.result !== null)
    .map((s) => ({
      title: NAMES[s.name]?.[lc] ?? s.name,
      savedOn: s.savedAt.slice(0, 10),
      tables: `${s.pack.packVersion} (${s.pack.verifiedOn})`,
      inputs: line(s.input, lc, 8),
      result: line(s.result as unknown as Record<string, unknown>, lc, 8),
    }));
  return rows.length ? { rows } : undefined;
}

export function drawSavedCalcs(w: ReportWriter, s: SavedCalcsSection, lc: ReportLocale): void {
  w.heading(LABELS.heading[lc], 1, 80);
  for (const r of s.rows) {
    w.keyValues([
      { key: r.title, value: `${r.savedOn} · ${LABELS.tables[lc]} ${r.tables}` },
      { key: LABELS.inputs[lc], value: r.inputs },
      { key: LABELS.result[lc], value: r.result },
    ]);
    w.space(3);
  }
  void COLORS;
}
