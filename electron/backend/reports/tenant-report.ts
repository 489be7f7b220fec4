// 상담 결과 보고서: the report the tenant takes home after counselling. Built from a
// TenantReportModel only (no database access): bytes in, bytes out.
import { drawLocationSection } from './location-section.js';
import { formatArea, formatDate, formatDateTime, formatMoney } from './format.js';
import { prepareImage, type PreparedImage } from './images.js';
import { F, L, STATUS_LABEL, VERDICT_LABEL, t } from './labels.js';
import { COLORS, ReportWriter, type EmbeddedImage, type TableCell } from './layout.js';
import { maskName } from './mask.js';
import { drawRegistryRecheck } from './registry-recheck.js';
import { drawLegalNotes } from './legal-notes.js';
import { drawPolicySection } from './policy-section.js';
import { drawSavedCalcs } from './saved-calcs.js';
import type { ChecklistItemResult, ChecklistItemStatus, ReportLocale, ReportPhoto, TenantReportModel, Tone, ListingAssessment } from './models.js';

/** Problems first, then unchecked, then fine, then not applicable; stable within a group. */
const STATUS_ORDER: Record<ChecklistItemStatus, number> = { problem: 0, unchecked: 1, ok: 2, na: 3 };

export function orderChecklistItems(items: readonly ChecklistItemResult[]): ChecklistItemResult[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => STATUS_ORDER[a.item.status] - STATUS_ORDER[b.item.status] || a.i - b.i)
    .map((x) => x.item);
}

/**
 * Starts re-encoding every photo at once (sharp works on its own threads), so decoding overlaps
 * with font loading and document setup; `embedPhotos` then waits and embeds each one once.
 */
export function preparePhotos(photos: ReportPhoto[]): Promise<(readonly [ReportPhoto, PreparedImage | null])[]> {
  return Promise.all(photos.map(async (p) => [p, await prepareImage(p.bytes)] as const));
}

export async function embedPhotos(
  writer: ReportWriter,
  prepared: Promise<(readonly [ReportPhoto, PreparedImage | null])[]>,
): Promise<Map<ReportPhoto, EmbeddedImage | null>> {
  const entries = await prepared;
  return new Map(await Promise.all(entries.map(async ([p, img]) => [p, img ? await writer.embed(img) : null] as const)));
}

export async function renderTenantReport(model: TenantReportModel): Promise<Uint8Array> {
  const lc: ReportLocale = model.locale ?? 'ko';
  const preparing = preparePhotos(model.checklists.flatMap((c) => c.items.flatMap((i) => i.photos ?? [])));
  const w = await ReportWriter.create({
    title: t(L.tenantTitle, lc),
    headerRight: t(L.service, lc),
    demoMark: model.demo ? t(L.demoMark, lc) : undefined,
    footerNote: t(L.footerNote, lc),
    locale: lc,
    createdAt: new Date(`${model.reportDate}T09:00:00+09:00`),
  });
  // The photos are needed only at the checklists: lay out the text first while sharp decodes.
  const photosReady = embedPhotos(w, preparing);
  photosReady.catch(() => undefined); // awaited below; avoid an unhandled rejection if layout throws first
  const money = (won: number) => formatMoney(won, lc);

  // Title block.
  w.paragraph(t(L.tenantTitle, lc), { size: 20, bold: true, leading: 1.3 });
  w.space(4);
  w.keyValues([
    { key: t(L.client, lc), value: maskName(model.clientName) },
    ...(model.caseNumber ? [{ key: t(L.caseNumber, lc), value: model.caseNumber }] : []),
    { key: t(L.reportDate, lc), value: formatDate(model.reportDate, lc) },
    { key: t(L.manager, lc), value: model.manager.name },
    { key: t(L.center, lc), value: model.manager.center },
    { key: t(L.brokerNo, lc), value: model.manager.brokerRegistrationNo },
  ]);

  // Listings.
  w.heading(t(L.listings, lc));
  for (const listing of model.listings) {
    w.heading(listing.title, 2);
    const rent = listing.monthlyRentWon ? ` / ${t(L.monthlyRent, lc)} ${money(listing.monthlyRentWon)}` : '';
    w.keyValues([
      { key: t(L.address, lc), value: listing.address },
      { key: `${t(L.housingType, lc)} · ${t(L.leaseType, lc)}`, value: `${listing.housingType} · ${listing.leaseType}` },
      { key: t(L.deposit, lc), value: `${money(listing.depositWon)}${rent}` },
      ...(listing.maintenanceFeeWon !== undefined ? [{ key: t(L.maintenanceFee, lc), value: money(listing.maintenanceFeeWon) }] : []),
      ...(listing.exclusiveAreaM2 !== undefined ? [{ key: t(L.area, lc), value: formatArea(listing.exclusiveAreaM2) }] : []),
      ...(listing.floor ? [{ key: t(L.floor, lc), value: listing.floor }] : []),
      ...(listing.builtYear ? [{ key: t(L.builtYear, lc), value: String(listing.builtYear) }] : []),
      ...(listing.extra ?? []).map((e) => ({ key: e.label, value: e.value })),
    ]);
  }

  // Each listing's risk verdict and flags, seniority ladder, 최우선변제 and HUG.
  for (const assessment of [model, ...(model.otherAssessments ?? [])]) drawAssessment(w, assessment, lc);

  // policy (issue 12): 정책 안내.
  if (model.programmes) drawPolicySection(w, model.programmes, lc);

  // listing map: 입지 안내.
  if (model.location) drawLocationSection(w, model.location, lc);

  // Checklists, problems first, with photo thumbnails.
  const photos = await photosReady;
  if (model.checklists.length > 0) {
    w.heading(t(L.checklists, lc), 1, 90);
    w.paragraph(t(L.problemsFirst, lc), { size: 8.5, color: COLORS.muted });
    for (const checklist of model.checklists) {
      const items = orderChecklistItems(checklist.items);
      const problems = items.filter((i) => i.status === 'problem').length;
      const sub = [checklist.subject, checklist.completedAt ? formatDateTime(checklist.completedAt, lc) : '']
        .filter(Boolean)
        .join(' · ');
      const count = F.problemCount(problems, items.length, lc);
      w.heading(`${checklist.title} — ${count}`, 2, 60);
      if (sub) w.paragraph(sub, { size: 8.5, color: COLORS.muted });
      if (items.length === 0) {
        w.paragraph(t(L.noItems, lc), { color: COLORS.muted });
        continue;
      }
      // Answered items show the answer as given; unchecked ones are one line per section.
      const answered = items.filter((i) => i.status !== 'unchecked');
      if (answered.length > 0) {
        w.table(
          [
            { header: t(L.result, lc), weight: 13, align: 'center' },
            { header: t(L.item, lc), weight: 32 },
            { header: t(L.answer, lc), weight: 22 },
            { header: t(L.note, lc), weight: 33 },
          ],
          answered.map((item): TableCell[] => [statusCell(item.status, lc), item.status === 'problem' ? { text: item.label, bold: true } : item.label, item.answer ?? '', item.note ?? '']),
        );
      }
      const unchecked = new Map<string, number>();
      for (const item of items) if (item.status === 'unchecked') unchecked.set(item.section ?? '', (unchecked.get(item.section ?? '') ?? 0) + 1);
      for (const [section, n] of unchecked) w.paragraph(F.unchecked(section, n, lc), { size: 8.5, color: COLORS.muted });
      const thumbs = items.flatMap((item) =>
        (item.photos ?? []).map((p) => ({
          image: photos.get(p) ?? null,
          // The time first: a long item prompt is cut at two lines, the time must not be.
          caption: [p.takenAt ? formatDateTime(p.takenAt, lc) : '', p.caption ? `${item.label}: ${p.caption}` : item.label].filter(Boolean).join(' · '),
        })),
      );
      if (thumbs.length > 0) w.thumbnails(thumbs, 4, t(L.imageMissing, lc));
    }
  }

  // Special clauses.
  if (model.specialClauses.length > 0) {
    w.heading(t(L.clauses, lc));
    model.specialClauses.forEach((c, i) => {
      w.bullet(c.text, {}, `${i + 1}.`);
      if (c.reason) w.paragraph(`${t(L.clauseReason, lc)}: ${c.reason}`, { size: 8.5, color: COLORS.muted }, 12);
      w.space(3);
    });
  }

  // lease module: the registry re-check (its own module).
  if (model.registryRecheck) drawRegistryRecheck(w, model.registryRecheck, lc);
  // issue 11: calculator results saved to the case (its own module).
  if (model.savedCalcs) drawSavedCalcs(w, model.savedCalcs, lc);

  // After-contract steps.
  if (model.afterContractSteps.length > 0) {
    w.heading(t(L.steps, lc));
    const steps = [...model.afterContractSteps].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    w.table(
      [
        { header: t(L.dueDate, lc), weight: 22 },
        { header: t(L.step, lc), weight: 30 },
        { header: t(L.note, lc), weight: 48 },
      ],
      steps.map((s): TableCell[] => [formatDate(s.dueDate, lc), { text: s.title, bold: true }, s.detail ?? '']),
    );
  }

  if (model.managerRemarks) {
    w.heading(t(L.remarks, lc));
    w.paragraph(model.managerRemarks);
  }

  // ── legal (issue 13): remedies and the reference pack used ──
  drawLegalNotes(w, { reportDate: model.reportDate, referencePack: model.referencePack, registeredLandlord: model.registeredLandlord }, lc);

  // Sign-off (who wrote it, when) and the not-legal-advice note, kept together.
  const signOff = [
    `${t(L.manager, lc)} ${model.manager.name}`,
    model.manager.center,
    `${t(L.brokerNo, lc)} ${model.manager.brokerRegistrationNo}`,
    `${t(L.reportDate, lc)} ${formatDate(model.reportDate, lc)}`,
  ].join(' · ');
  const disclaimer = t(L.disclaimer, lc);
  w.ensureSpace(w.wrap(signOff, w.contentWidth).length * w.lineHeight() + w.wrap(disclaimer, w.contentWidth - 16, { size: 8.5 }).length * w.lineHeight({ size: 8.5 }) + 40);
  w.space(12);
  w.paragraph(signOff, { bold: true });
  w.space(4);
  w.note(disclaimer);
  return w.finish();
}

/** One listing's assessment: verdict and flags, seniority ladder, 최우선변제, HUG. */
function drawAssessment(w: ReportWriter, a: ListingAssessment, lc: ReportLocale): void {
  const money = (won: number) => formatMoney(won, lc);
  // Risk verdict and every flag.
  w.heading(t(L.risk, lc), 1, 120);
  w.verdictBanner(VERDICT_LABEL[a.risk.verdict][lc], a.risk.verdict, a.risk.listingTitle ?? '', a.risk.summary);
  if (a.risk.flags.length === 0) {
    w.paragraph(t(L.noFlags, lc));
  } else {
    const severityRank: Record<Tone, number> = { danger: 0, caution: 1, info: 2, safe: 3 };
    const flags = [...a.risk.flags].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
    w.table(
      [
        { header: t(L.flagLevel, lc), weight: 11, align: 'center' },
        { header: t(L.flagCode, lc), weight: 20 },
        { header: t(L.flagReason, lc), weight: 44 },
        { header: t(L.flagBasis, lc), weight: 25 },
      ],
      flags.map((f): TableCell[] => [
        { badge: { label: VERDICT_LABEL[f.severity][lc], verdict: f.severity } },
        { text: `${f.code} ${f.title}`, bold: true },
        f.reason,
        { text: f.basis, color: COLORS.muted },
      ]),
    );
  }

  // Seniority ladder.
  w.heading(t(L.seniority, lc), 1, 110);
  w.paragraph(t(L.seniorityHint, lc), { size: 8.5, color: COLORS.muted });
  w.space(4);
  w.ladder(
    a.seniority.entries.map((e) => ({
      title: e.label,
      detail: [formatDate(e.date, lc), e.amountWon !== undefined ? money(e.amountWon) : '', e.note ?? ''].filter(Boolean).join(' · '),
      highlight: e.isTenant,
      tag: e.isTenant ? t(L.tenantTag, lc) : undefined,
    })),
    (i) => F.rank(i + 1, lc),
  );
  if (a.seniority.note) w.paragraph(a.seniority.note, { size: 8.5, color: COLORS.muted });

  // 최우선변제.
  const pr = a.priorityRepayment;
  w.heading(t(L.priority, lc), 1, 90);
  w.statusLine(
    pr.eligible ? t(L.priorityEligible, lc) : t(L.priorityNotEligible, lc),
    pr.eligible ? 'safe' : 'caution',
    pr.explanation,
  );
  w.keyValues([
    { key: t(L.tableDate, lc), value: formatDate(pr.tableDate, lc) },
    { key: t(L.region, lc), value: pr.region },
    { key: t(L.threshold, lc), value: F.upTo(money(pr.thresholdWon), lc) },
    ...(pr.protectedAmountWon !== undefined ? [{ key: t(L.protectedAmount, lc), value: money(pr.protectedAmountWon) }] : []),
    { key: t(L.basis, lc), value: pr.basis },
  ]);

  // HUG.
  const hug = a.hug;
  w.heading(t(L.hug, lc), 1, 90);
  w.statusLine(
    hug.eligible === null ? t(L.hugUnknown, lc) : hug.eligible ? t(L.hugEligible, lc) : t(L.hugNotEligible, lc),
    hug.eligible === null ? 'caution' : hug.eligible ? 'safe' : 'danger',
    hug.maxDepositWon !== undefined ? `${t(L.hugMaxDeposit, lc)}: ${money(hug.maxDepositWon)}` : '',
  );
  if (hug.housePriceWon !== undefined) {
    w.keyValues([{ key: t(L.housePrice, lc), value: `${money(hug.housePriceWon)}${hug.housePriceBasis ? ` (${hug.housePriceBasis})` : ''}` }]);
    w.space(4);
  }
  w.table(
    [
      { header: t(L.condition, lc), weight: 40 },
      { header: t(L.result, lc), weight: 13, align: 'center' },
      { header: t(L.note, lc), weight: 47 },
    ],
    hug.conditions.map((c): TableCell[] => [
      c.label,
      { badge: c.met === null ? { label: t(L.unknown, lc), verdict: 'info' } : c.met ? { label: t(L.met, lc), verdict: 'safe' } : { label: t(L.notMet, lc), verdict: 'danger' } },
      c.detail ?? '',
    ]),
  );
  w.paragraph(`${t(L.basis, lc)}: ${hug.basis}`, { size: 8, color: COLORS.muted });
}

function statusCell(status: ChecklistItemStatus, lc: ReportLocale): TableCell {
  const label = STATUS_LABEL[status][lc];
  if (status === 'problem') return { badge: { label, verdict: 'danger' } };
  if (status === 'ok') return { badge: { label, verdict: 'safe' } };
  return { text: label, color: COLORS.muted };
}
