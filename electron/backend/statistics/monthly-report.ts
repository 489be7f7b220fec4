// 월간 통계 보고: one month's figures with the year's trend, drawn with the report engine —
// the charts are pdf-lib vectors (rectangles and text), no browser.
import { rgb } from 'pdf-lib';
import { CONSULT_TYPES, SURVEY_ITEMS, type StatsSummary } from '../../../data/repos/statistics.js';
import { A4, COLORS, ReportWriter } from '../reports/layout.js';
import { AGE_LABEL, GENDER_LABEL, H, SURVEY_LABEL, TYPE_LABEL, type Lc } from './labels.js';

export interface MonthlyReportModel {
  month: string;
  source: 'desk' | 'city';
  deskLabel: string;
  monthSummary: StatsSummary;
  /** January to this month of the same year. */
  yearToDate: StatsSummary;
  target: { cases: number; people: number | null } | null;
  locale?: Lc;
}

const TYPE_COLORS = [rgb(0.11, 0.33, 0.62), rgb(0.2, 0.6, 0.55), rgb(0.85, 0.52, 0.02), rgb(0.62, 0.3, 0.6), rgb(0.45, 0.5, 0.2)];
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

/** A horizontal bar chart: label, bar, value; bars scale to the largest. */
function barChart(w: ReportWriter, bars: { label: string; value: number; text: string }[], color = COLORS.accent): void {
  const rowH = 16;
  const labelW = 110;
  const valueW = 70;
  const barMax = w.contentWidth - labelW - valueW - 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  w.ensureSpace(rowH * bars.length + 6);
  for (const b of bars) {
    const top = w.cursor;
    w.drawLine(b.label, w.left, top, { size: 8.5 });
    const width = (b.value / max) * barMax;
    if (width > 0) w.page.drawRectangle({ x: w.left + labelW, y: A4.height - top - rowH + 3, width, height: rowH - 6, color });
    w.drawLine(b.text, w.left + labelW + width + 4, top, { size: 8.5, color: COLORS.muted });
    w.cursor += rowH;
  }
  w.space(6);
}

/** Vertical stacked columns per month (types), with the month under each. */
function monthColumns(w: ReportWriter, s: StatsSummary, lc: Lc): void {
  const h = 140;
  const legendH = 16;
  w.ensureSpace(h + 40 + legendH);
  const top = w.cursor;
  const months = s.byMonth;
  const max = Math.max(1, ...months.map((m) => m.consultations));
  const slot = w.contentWidth / Math.max(12, months.length);
  const baseY = A4.height - top - h;
  w.page.drawLine({ start: { x: w.left, y: baseY }, end: { x: w.left + w.contentWidth, y: baseY }, thickness: 0.5, color: COLORS.rule });
  months.forEach((m, i) => {
    let y = baseY;
    CONSULT_TYPES.forEach((t, k) => {
      const hh = (m.types[t] / max) * (h - 14);
      if (hh > 0) w.page.drawRectangle({ x: w.left + i * slot + slot * 0.15, y, width: slot * 0.7, height: hh, color: TYPE_COLORS[k] });
      y += hh;
    });
    w.drawLine(String(m.consultations), w.left + i * slot + slot * 0.2, A4.height - y - 14, { size: 7, color: COLORS.muted });
    w.drawLine(m.key?.slice(5) ?? '', w.left + i * slot + slot * 0.3, top + h + 2, { size: 7.5 });
  });
  w.cursor = top + h + 18;
  let x = w.left;
  CONSULT_TYPES.forEach((t, k) => {
    w.page.drawRectangle({ x, y: A4.height - w.cursor - 10, width: 8, height: 8, color: TYPE_COLORS[k] });
    w.drawLine(TYPE_LABEL[t][lc], x + 11, w.cursor - 1, { size: 8 });
    x += 14 + w.measure(TYPE_LABEL[t][lc], { size: 8 }) + 12;
  });
  w.cursor += legendH + 6;
}

export async function renderMonthlyReport(m: MonthlyReportModel): Promise<Uint8Array> {
  const lc = m.locale ?? 'ko';
  const title = lc === 'ko' ? `월간 통계 보고 ${m.month}` : `Monthly statistics ${m.month}`;
  const w = await ReportWriter.create({
    title,
    headerRight: m.deskLabel,
    footerNote: `${title} · ${m.source === 'city' ? H.city[lc] : H.desk[lc]}`,
    locale: lc,
    createdAt: new Date(`${m.month}-01T09:00:00+09:00`),
  });
  const s = m.monthSummary;
  w.paragraph(title, { size: 20, bold: true, leading: 1.3 });
  w.space(4);
  w.keyValues([
    { key: H.source[lc], value: m.source === 'city' ? H.city[lc] : `${H.desk[lc]} (${m.deskLabel})` },
    { key: H.people[lc], value: String(s.totals.people) },
    { key: H.cases[lc], value: String(s.totals.cases) },
    { key: H.consultations[lc], value: String(s.totals.consultations) },
    { key: H.movingIntoSeoul[lc], value: String(s.movingIntoSeoul) },
    { key: H.viewingsHeld[lc], value: String(s.viewingsHeld) },
    { key: H.checklistsCompleted[lc], value: String(s.checklistsCompleted) },
  ]);

  w.heading(lc === 'ko' ? '상담 유형 (건 기준 비율)' : 'Consultation types (share of consultations)');
  barChart(
    w,
    CONSULT_TYPES.map((t) => ({ label: TYPE_LABEL[t][lc], value: s.totals.types[t], text: `${s.totals.types[t]}건 · ${pct(s.totals.consultations ? s.totals.types[t] / s.totals.consultations : null)}` })),
  );

  w.heading(lc === 'ko' ? `${m.month.slice(0, 4)}년 월별 상담(건)` : `${m.month.slice(0, 4)} consultations by month`);
  monthColumns(w, m.yearToDate, lc);
  if (m.target) {
    const done = m.yearToDate.totals.consultations;
    w.paragraph(
      lc === 'ko'
        ? `연간 목표 ${m.target.cases.toLocaleString('ko-KR')}건 중 ${done.toLocaleString('ko-KR')}건 (${pct(done / m.target.cases)})`
        : `Yearly target ${m.target.cases.toLocaleString('en-US')}: ${done.toLocaleString('en-US')} (${pct(done / m.target.cases)})`,
      { bold: true },
    );
    const barW = w.contentWidth;
    w.ensureSpace(16);
    w.page.drawRectangle({ x: w.left, y: A4.height - w.cursor - 10, width: barW, height: 10, color: COLORS.headerFill });
    w.page.drawRectangle({ x: w.left, y: A4.height - w.cursor - 10, width: Math.min(1, done / m.target.cases) * barW, height: 10, color: COLORS.accent });
    w.cursor += 18;
  }

  w.heading(lc === 'ko' ? '연령대·성별 (명)' : 'Age band and gender (people)');
  barChart(w, s.byAgeBand.map((r) => ({ label: r.key ? (AGE_LABEL[r.key]?.[lc] ?? r.key) : H.unknown[lc], value: r.people, text: `${r.people}명` })));
  barChart(w, s.byGender.map((r) => ({ label: r.key ? (GENDER_LABEL[r.key]?.[lc] ?? r.key) : H.unknown[lc], value: r.people, text: `${r.people}명` })), rgb(0.2, 0.6, 0.55));

  w.heading(H.survey[lc]);
  w.table(
    [
      { header: H.item[lc], weight: 40 },
      { header: H.answers[lc], weight: 20, align: 'right' },
      { header: H.satisfied[lc], weight: 20, align: 'right' },
      { header: H.mean[lc], weight: 20, align: 'right' },
    ],
    SURVEY_ITEMS.map((i) => [SURVEY_LABEL[i][lc], String(s.survey.items[i].answers), pct(s.survey.items[i].satisfiedShare), s.survey.items[i].mean === null ? '–' : s.survey.items[i].mean!.toFixed(2)]),
  );
  w.space(8);
  w.note(H.note[lc]);
  return w.finish();
}
