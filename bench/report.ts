// Benchmark: the 상담 결과 보고서 (3 pages, 6 photos; and the composed 10-page one, 6 photos) rendered by the report engine
// (pdf-lib + fontkit 2, photos re-encoded by sharp) side by side with the usual alternative,
// headless Chromium printing the same content from HTML (page.pdf), in the same run.
// Goal: under 300 ms and 1 MB per report, and faster than the browser.
//
//   npm run bench:report [-- --runs 20]
//
// Both sides start from the same view model with the original (phone-size) photos. Chromium
// is launched once and kept warm (as a server would); its launch time is printed separately.
// The HTML side uses the same Noto Sans KR TTF through @font-face (no system CJK fonts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { reportFontPaths } from '../electron/backend/reports/fonts.js';
import { formatArea, formatDate, formatMoney } from '../electron/backend/reports/format.js';
import { maskName, renderTenantReport, sampleTenantReportModel, type TenantReportModel } from '../electron/backend/reports/index.js';
import { clearPreparedImageCache } from '../electron/backend/reports/images.js';
import { orderChecklistItems } from '../electron/backend/reports/tenant-report.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;

/** The demo case trimmed to the benchmark's shape: 3 pages, 6 photos. */
async function benchModel(): Promise<TenantReportModel> {
  const m = await sampleTenantReportModel();
  const [visit, docs] = m.checklists;
  const docPhoto = docs.items.flatMap((i) => i.photos ?? [])[0];
  const items = visit.items
    .map((i) => (i.label.startsWith('관리비') ? { ...i, status: 'ok' as const, photos: [{ ...docPhoto, caption: '관리비 고지서' }] } : i))
    .filter((i) => (i.photos ?? []).length > 0);
  const listings = m.listings.map((l) => ({ ...l, extra: l.extra?.slice(0, 1) }));
  const risk = { ...m.risk, flags: m.risk.flags.filter((f) => f.severity !== 'safe') };
  return { ...m, listings, risk, checklists: [{ ...visit, items }], managerRemarks: undefined, specialClauses: m.specialClauses.slice(0, 2), afterContractSteps: m.afterContractSteps.slice(0, 2), seniority: { entries: m.seniority.entries } };
}

/**
 * The 10-page composed report: the demo case with every checklist item answered (the answer
 * column filled), the checklists and assessments repeated as a case with several listings
 * would have them, and the same 6 photos as the 3-page bench (on the first copy only).
 */
async function tenPageModel(copies: number): Promise<TenantReportModel> {
  const m = await sampleTenantReportModel();
  let photos = 0;
  const answered = m.checklists.map((c) => ({
    ...c,
    items: c.items.map((i) => ({ ...i, answer: i.status === 'ok' ? '아니오' : i.status === 'problem' ? '예' : undefined, photos: (i.photos ?? []).filter(() => photos++ < 6) })),
  }));
  const checklists = [...answered];
  for (let n = 1; n < copies; n++) checklists.push(...answered.map((c) => ({ ...c, title: `${c.title} (${n + 1})`, items: c.items.map((i) => ({ ...i, photos: [] })) })));
  const assessment = { risk: m.risk, seniority: m.seniority, priorityRepayment: m.priorityRepayment, hug: m.hug };
  return { ...m, checklists, otherAssessments: Array.from({ length: copies - 1 }, () => assessment) };
}

/** The fewest copies that make 10 pages. */
async function benchModel10(): Promise<TenantReportModel> {
  for (let copies = 1; copies < 12; copies++) {
    const model = await tenPageModel(copies);
    if ((await pageCount(await renderTenantReport(model))) >= 10) return model;
  }
  throw new Error('could not reach 10 pages');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const VERDICT = { info: ['정보', '#6b7a8c'], safe: ['안전', '#1a854d'], caution: ['주의', '#d98505'], danger: ['위험', '#c72121'] } as const;
const badge = (label: string, color: string) => `<span class="badge" style="background:${color}">${esc(label)}</span>`;

/** The same content as the PDF engine draws, as an HTML page for Chromium to print. */
function tenantReportHtml(m: TenantReportModel, photoUrl: Map<Uint8Array, string>, fontUrls: { regular: string; bold: string }): string {
  const money = (w: number) => formatMoney(w, 'ko');
  const kv = (rows: [string, string][]) => `<table class="kv">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
  const l = m.listings[0];
  const checklists = m.checklists
    .map((c) => {
      const items = orderChecklistItems(c.items);
      const photos = items.flatMap((i) => (i.photos ?? []).map((p) => `<figure><img src="${photoUrl.get(p.bytes)}"><figcaption>${esc(`${i.label}: ${p.caption ?? ''}`)}</figcaption></figure>`));
      return `<h2>${esc(c.title)} — 문제 ${items.filter((i) => i.status === 'problem').length} / ${items.length}개 항목</h2>
        <table class="grid"><thead><tr><th>결과</th><th>항목</th><th>답</th><th>메모</th></tr></thead><tbody>${items
          .filter((i) => i.status !== 'unchecked')
          .map((i) => `<tr><td>${i.status === 'problem' ? badge('문제', VERDICT.danger[1]) : i.status === 'ok' ? badge('양호', VERDICT.safe[1]) : '해당 없음'}</td><td>${esc(i.label)}</td><td>${esc(i.answer ?? '')}</td><td>${esc(i.note ?? '')}</td></tr>`)
          .join('')}</tbody></table>${items.some((i) => i.status === 'unchecked') ? `<p>미확인 ${items.filter((i) => i.status === 'unchecked').length}개 항목</p>` : ''}<div class="thumbs">${photos.join('')}</div>`;
    })
    .join('');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>
    @font-face { font-family: 'Noto Sans KR'; font-weight: 400; src: url('${fontUrls.regular}') format('truetype'); }
    @font-face { font-family: 'Noto Sans KR'; font-weight: 700; src: url('${fontUrls.bold}') format('truetype'); }
    @page { size: A4; margin: 25mm 17mm 21mm 17mm; }
    body { font-family: 'Noto Sans KR'; font-size: 9.5pt; line-height: 1.55; color: #1a1a1f; word-break: keep-all; }
    h1 { font-size: 20pt; margin: 0 0 6pt; } h2 { font-size: 10.5pt; margin: 10pt 0 4pt; }
    .section { font-size: 13pt; color: #1c549e; border-bottom: 1px solid #1c549e; margin: 14pt 0 6pt; break-after: avoid; }
    table { width: 100%; border-collapse: collapse; } thead { display: table-header-group; } tr { break-inside: avoid; }
    .kv th { width: 110pt; background: #eef0f4; color: #666; text-align: left; padding: 3pt 6pt; } .kv td { padding: 3pt 8pt; border-bottom: 0.5px solid #ccc; }
    .grid th { background: #eef0f4; } .grid th, .grid td { border: 0.5px solid #ccc; padding: 4pt; font-size: 8.5pt; vertical-align: top; }
    .badge { color: #fff; font-weight: 700; border-radius: 9pt; padding: 1pt 6pt; font-size: 8.5pt; white-space: nowrap; }
    .banner { border: 1.5px solid; border-left-width: 6px; padding: 10pt; display: flex; gap: 12pt; align-items: center; }
    .ladder div { width: 82%; margin: 0 auto 14pt; border: 0.8px solid #ccc; padding: 6pt; } .ladder .me { border: 1.8px solid #1c549e; background: #e3efff; }
    .thumbs { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8pt; } figure { margin: 0; break-inside: avoid; }
    figure img { width: 100%; aspect-ratio: 4 / 3; object-fit: contain; background: #f7f7f9; } figcaption { font-size: 7.5pt; color: #666; }
    .note { background: #eef0f4; color: #666; padding: 8pt; font-size: 8.5pt; }
  </style></head><body>
    <h1>상담 결과 보고서</h1>
    ${kv([['상담 신청인', maskName(m.clientName)], ['사건 번호', m.caseNumber ?? ''], ['작성일', formatDate(m.reportDate)], ['주거안심매니저', m.manager.name], ['소속', m.manager.center], ['공인중개사 등록번호', m.manager.brokerRegistrationNo]])}
    <div class="section">상담 매물</div><h2>${esc(l.title)}</h2>
    ${kv([['소재지', l.address], ['주택 유형 · 계약 형태', `${l.housingType} · ${l.leaseType}`], ['보증금', money(l.depositWon)], ['관리비', money(l.maintenanceFeeWon ?? 0)], ['전용면적', formatArea(l.exclusiveAreaM2 ?? 0)], ['층', l.floor ?? ''], ['사용승인', String(l.builtYear ?? '')], ...(l.extra ?? []).map((e): [string, string] => [e.label, e.value])])}
    <div class="section">위험도 판단</div>
    <div class="banner" style="border-color:${VERDICT[m.risk.verdict][1]}">${badge(VERDICT[m.risk.verdict][0], VERDICT[m.risk.verdict][1])}<div><b>${esc(m.risk.listingTitle ?? '')}</b><br>${esc(m.risk.summary)}</div></div>
    <table class="grid"><thead><tr><th>수준</th><th>항목</th><th>내용과 이유</th><th>근거</th></tr></thead><tbody>${m.risk.flags
      .map((f) => `<tr><td>${badge(VERDICT[f.severity][0], VERDICT[f.severity][1])}</td><td><b>${esc(`${f.code} ${f.title}`)}</b></td><td>${esc(f.reason)}</td><td>${esc(f.basis)}</td></tr>`)
      .join('')}</tbody></table>
    <div class="section">권리 순위 (배당 순서)</div><div class="ladder">${m.seniority.entries
      .map((e, i) => `<div class="${e.isTenant ? 'me' : ''}"><b>${i + 1}순위 ${esc(e.label)}</b><br>${esc(`${formatDate(e.date)} · ${e.amountWon ? money(e.amountWon) : ''} · ${e.note ?? ''}`)}</div>`)
      .join('')}</div>
    <div class="section">최우선변제 (소액임차인)</div>${badge(m.priorityRepayment.eligible ? '최우선변제 대상' : '대상 아님', VERDICT.safe[1])} ${esc(m.priorityRepayment.explanation)}
    ${kv([['적용 기준일', formatDate(m.priorityRepayment.tableDate)], ['지역', m.priorityRepayment.region], ['보증금 기준', money(m.priorityRepayment.thresholdWon)], ['근거', m.priorityRepayment.basis]])}
    <div class="section">전세보증금반환보증 (HUG)</div>${badge(m.hug.eligible ? '가입 가능' : '가입 어려움', VERDICT.danger[1])}
    <table class="grid"><thead><tr><th>조건</th><th>결과</th><th>메모</th></tr></thead><tbody>${m.hug.conditions
      .map((c) => `<tr><td>${esc(c.label)}</td><td>${c.met ? badge('충족', VERDICT.safe[1]) : badge('미충족', VERDICT.danger[1])}</td><td>${esc(c.detail ?? '')}</td></tr>`)
      .join('')}</tbody></table>
    ${(m.otherAssessments ?? []).map((a) => `<div class="section">위험도 판단</div><div class="banner" style="border-color:${VERDICT[a.risk.verdict][1]}">${badge(VERDICT[a.risk.verdict][0], VERDICT[a.risk.verdict][1])}<div>${esc(a.risk.summary)}</div></div>
      <table class="grid"><tbody>${a.risk.flags.map((f) => `<tr><td>${badge(VERDICT[f.severity][0], VERDICT[f.severity][1])}</td><td><b>${esc(`${f.code} ${f.title}`)}</b></td><td>${esc(f.reason)}</td><td>${esc(f.basis)}</td></tr>`).join('')}</tbody></table>
      <div class="ladder">${a.seniority.entries.map((e, i) => `<div class="${e.isTenant ? 'me' : ''}"><b>${i + 1}순위 ${esc(e.label)}</b><br>${esc(`${formatDate(e.date)} · ${e.note ?? ''}`)}</div>`).join('')}</div>
      ${kv([['적용 기준일', formatDate(a.priorityRepayment.tableDate)], ['지역', a.priorityRepayment.region], ['근거', a.priorityRepayment.basis]])}
      <table class="grid"><tbody>${a.hug.conditions.map((c) => `<tr><td>${esc(c.label)}</td><td>${esc(c.detail ?? '')}</td></tr>`).join('')}</tbody></table>`).join('')}
    <div class="section">점검 결과</div>${checklists}
    <div class="section">제안 특약사항</div><ol>${m.specialClauses.map((c) => `<li>${esc(c.text)}<br><small>제안 이유: ${esc(c.reason ?? '')}</small></li>`).join('')}</ol>
    <div class="section">계약 후 할 일</div><table class="grid"><thead><tr><th>기한</th><th>할 일</th><th>메모</th></tr></thead><tbody>${m.afterContractSteps
      .map((s) => `<tr><td>${formatDate(s.dueDate)}</td><td><b>${esc(s.title)}</b></td><td>${esc(s.detail ?? '')}</td></tr>`)
      .join('')}</tbody></table>
    <div class="section">주거안심매니저</div>${kv([['주거안심매니저', m.manager.name], ['소속', m.manager.center], ['공인중개사 등록번호', m.manager.brokerRegistrationNo]])}
    <p class="note">이 보고서는 상담 시점에 확인한 자료를 바탕으로 정보를 제공하기 위한 것이며, 법률 자문이 아닙니다.</p>
  </body></html>`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)];
const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();

interface Measured {
  name: string;
  goalMs: number;
  rows: string[][];
  ok: boolean;
}

/** One report shape: ours cold and warm, then Chromium (warm browser) on the same content. */
async function measure(name: string, model: TenantReportModel, page: Page, dir: string, goalMs: number): Promise<Measured> {
  const photos = model.checklists.flatMap((c) => c.items.flatMap((i) => i.photos ?? []));
  // Ours. The first render may also parse the 6 MB fonts; it is reported apart from the median.
  let t = performance.now();
  let ours = await renderTenantReport(model);
  const oursFirst = performance.now() - t;
  // Cold: the photos are decoded and re-encoded in every run (a new report).
  // CPU time (all threads of this process, sharp's included) does not grow with other load on
  // the machine the way wall time does, so it is printed beside it.
  const oursTimes: number[] = [];
  const oursCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearPreparedImageCache();
    const cpu = process.cpuUsage();
    t = performance.now();
    ours = await renderTenantReport(model);
    oursTimes.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    oursCpu.push((used.user + used.system) / 1000);
  }
  // Warm: the same report again (preview, then save as, then print) reuses the prepared photos.
  const warmTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await renderTenantReport(model);
    warmTimes.push(performance.now() - t);
  }

  // Chromium: each run writes the HTML page (photos as files beside it, as a template engine
  // would) and prints it.
  const photoUrl = new Map<Uint8Array, string>();
  await Promise.all(
    photos.map(async (p, i) => {
      const file = path.join(dir, `photo-${i}.jpg`);
      await writeFile(file, p.bytes);
      photoUrl.set(p.bytes, pathToFileURL(file).href);
    }),
  );
  const fonts = reportFontPaths();
  const fontUrls = { regular: pathToFileURL(fonts.regular).href, bold: pathToFileURL(fonts.bold).href };
  const htmlFile = path.join(dir, 'report.html');
  const printOnce = async () => {
    await writeFile(htmlFile, tenantReportHtml(model, photoUrl, fontUrls));
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    // A string expression: this bench is type-checked without the DOM library.
    await page.evaluate('document.fonts.ready.then(() => true)');
    return new Uint8Array(
      await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div style="font-size:8pt;width:100%;padding:0 17mm">상담 결과 보고서</div>',
        footerTemplate: '<div style="font-size:7.5pt;width:100%;text-align:right;padding:0 17mm"><span class="pageNumber"></span> / <span class="totalPages"></span> 쪽</div>',
        margin: { top: '25mm', bottom: '21mm', left: '17mm', right: '17mm' },
      }),
    );
  };
  t = performance.now();
  let browserPdf = await printOnce();
  const browserFirst = performance.now() - t;
  const browserTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    browserPdf = await printOnce();
    browserTimes.push(performance.now() - t);
  }
  if (process.env.BENCH_KEEP) {
    await writeFile(path.join(dir, `${name}-ours.pdf`), ours);
    await writeFile(path.join(dir, `${name}-chromium.pdf`), browserPdf);
  }
  const rows = [
    ['', 'Ansim Desk (pdf-lib + fontkit 2 + sharp)', 'headless Chromium page.pdf (warm)'],
    ['pages', String(await pageCount(ours)), String(await pageCount(browserPdf))],
    ['photos', String(photos.length), String(photos.length)],
    [`median of ${RUNS} runs`, `${median(oursTimes).toFixed(0)} ms (photos re-encoded)`, `${median(browserTimes).toFixed(0)} ms`],
    ['p90', `${p90(oursTimes).toFixed(0)} ms`, `${p90(browserTimes).toFixed(0)} ms`],
    ['median CPU time', `${median(oursCpu).toFixed(0)} ms (all threads)`, '– (other processes)'],
    ['median, same report again', `${median(warmTimes).toFixed(0)} ms (prepared photos cached)`, '–'],
    ['first render', `${oursFirst.toFixed(0)} ms`, `${browserFirst.toFixed(0)} ms`],
    ['file size', `${(ours.length / 1024).toFixed(0)} KB`, `${(browserPdf.length / 1024).toFixed(0)} KB`],
  ];
  const ok = median(oursTimes) < goalMs && ours.length < 1024 * 1024 && median(oursTimes) < median(browserTimes);
  return { name, goalMs, rows, ok };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ansim-bench-report-'));
  // The 10-page model is found by rendering (this also parses the fonts once, before timing).
  const model3 = await benchModel();
  const model10 = await benchModel10();
  const t = performance.now();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const launchMs = performance.now() - t;
  try {
    const page = await browser.newPage();
    const results = [await measure('3-page', model3, page, dir, 300), await measure('10-page', model10, page, dir, 300)];
    console.log(`report bench: 상담 결과 보고서, Node ${process.version}, ${RUNS} runs each, same process, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores; Chromium launch ${launchMs.toFixed(0)} ms`);
    for (const r of results) {
      console.log(`\n${r.name}`);
      const w0 = Math.max(...r.rows.map((x) => x[0].length));
      const w1 = Math.max(...r.rows.map((x) => x[1].length));
      for (const x of r.rows) console.log(`${x[0].padEnd(w0)}  ${x[1].padEnd(w1)}  ${x[2]}`);
      console.log(`goal (< ${r.goalMs} ms, < 1 MB, faster than the browser): ${r.ok ? 'met' : 'NOT met'}`);
    }
    if (process.env.BENCH_KEEP) console.log(`PDFs kept in ${dir}`);
  } finally {
    await browser.close();
    if (!process.env.BENCH_KEEP) await rm(dir, { recursive: true, force: true });
  }
}

await main();
