// Statistics exports: Excel (exceljs) with one sheet per breakdown, and CSV (UTF-8 with BOM so
// Excel opens Korean correctly) in a long format. Korean headers first (English on request).
// Only aggregate figures: no names, phones, birthdates or free text ever reach these files.
import ExcelJS from 'exceljs';
import { CONSULT_TYPES, SURVEY_ITEMS, type GroupRow, type StatsSummary } from '../../../data/repos/statistics.js';
import { AGE_LABEL, GENDER_LABEL, H, SURVEY_LABEL, TYPE_LABEL, VERDICT_LABEL, type Lc } from './labels.js';

type Dim = 'month' | 'district' | 'manager' | 'ageBand' | 'gender' | 'residence' | 'listingDistrict' | 'verdict';

export interface ExportContext {
  locale: Lc;
  period: string;
  source: 'desk' | 'city';
  managerName: (id: string) => string;
}

const BREAKDOWNS: { dim: Dim; rows: (s: StatsSummary) => GroupRow[] }[] = [
  { dim: 'month', rows: (s) => s.byMonth },
  { dim: 'district', rows: (s) => s.byDistrict },
  { dim: 'manager', rows: (s) => s.byManager },
  { dim: 'ageBand', rows: (s) => s.byAgeBand },
  { dim: 'gender', rows: (s) => s.byGender },
  { dim: 'residence', rows: (s) => s.byResidence },
  { dim: 'listingDistrict', rows: (s) => s.byListingDistrict },
  { dim: 'verdict', rows: (s) => s.byVerdict },
];

function keyLabel(dim: Dim, key: string | null, c: ExportContext): string {
  if (key === null) return H.unknown[c.locale];
  if (dim === 'manager') return c.managerName(key);
  if (dim === 'ageBand') return AGE_LABEL[key]?.[c.locale] ?? key;
  if (dim === 'gender') return GENDER_LABEL[key]?.[c.locale] ?? key;
  if (dim === 'verdict') return VERDICT_LABEL[key]?.[c.locale] ?? key;
  return key;
}

function countHeaders(lc: Lc): string[] {
  return [H.people[lc], H.cases[lc], H.consultations[lc], ...CONSULT_TYPES.map((t) => TYPE_LABEL[t][lc])];
}
function countCells(r: { people: number; cases: number; consultations: number; types: Record<string, number> }): number[] {
  return [r.people, r.cases, r.consultations, ...CONSULT_TYPES.map((t) => r.types[t])];
}

/** Every table of the export as header + rows (shared by xlsx and CSV). */
export function exportTables(s: StatsSummary, c: ExportContext): { name: string; header: string[]; rows: (string | number | null)[][] }[] {
  const lc = c.locale;
  const tables: { name: string; header: string[]; rows: (string | number | null)[][] }[] = [];
  tables.push({
    name: H.summary[lc],
    header: [H.item[lc], H.consultations[lc], H.share[lc]],
    rows: [
      [H.period[lc], c.period, null],
      [H.source[lc], c.source === 'city' ? H.city[lc] : H.desk[lc], null],
      [H.people[lc], s.totals.people, null],
      [H.cases[lc], s.totals.cases, null],
      [H.consultations[lc], s.totals.consultations, 1],
      ...CONSULT_TYPES.map((t) => [TYPE_LABEL[t][lc], s.totals.types[t], s.totals.consultations ? s.totals.types[t] / s.totals.consultations : null]),
      [H.movingIntoSeoul[lc], s.movingIntoSeoul, null],
      [H.viewingsHeld[lc], s.viewingsHeld, null],
      [H.checklistsCompleted[lc], s.checklistsCompleted, null],
    ],
  });
  for (const b of BREAKDOWNS) {
    tables.push({ name: H[b.dim][lc], header: [H[b.dim][lc], ...countHeaders(lc)], rows: b.rows(s).map((r) => [keyLabel(b.dim, r.key, c), ...countCells(r)]) });
  }
  tables.push({ name: H.programme[lc], header: [H.programme[lc], H.cases[lc]], rows: s.programmes.map((p) => [p.id, p.cases]) });
  tables.push({
    name: H.survey[lc],
    header: [H.item[lc], H.answers[lc], H.satisfied[lc], H.mean[lc]],
    rows: SURVEY_ITEMS.map((i) => [SURVEY_LABEL[i][lc], s.survey.items[i].answers, s.survey.items[i].satisfiedShare, s.survey.items[i].mean]),
  });
  return tables;
}

export async function statsXlsx(s: StatsSummary, c: ExportContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ansim Desk';
  // A fixed date keeps the file reproducible for the same figures.
  wb.created = new Date('2026-01-01T00:00:00Z');
  for (const t of exportTables(s, c)) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow(t.header).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      col.width = i === 0 ? 22 : 14;
      if (t.header[i] === H.share[c.locale] || t.header[i] === H.satisfied[c.locale]) col.numFmt = '0.0%';
      if (t.header[i] === H.mean[c.locale]) col.numFmt = '0.00';
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const note = wb.addWorksheet(c.locale === 'ko' ? '안내' : 'Notes');
  note.addRow([H.note[c.locale]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 10000) / 10000) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One long table: 구분, 항목, then the counts. UTF-8 with BOM, CRLF (as Excel expects). */
export function statsCsv(s: StatsSummary, c: ExportContext): Buffer {
  const lc = c.locale;
  const lines: string[] = [[H.dimension[lc], H.item[lc], ...countHeaders(lc)].map(csvCell).join(',')];
  lines.push([H.total[lc], c.period, ...countCells(s.totals)].map(csvCell).join(','));
  for (const b of BREAKDOWNS) for (const r of b.rows(s)) lines.push([H[b.dim][lc], keyLabel(b.dim, r.key, c), ...countCells(r)].map(csvCell).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
