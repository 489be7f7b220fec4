// 동행 기록지: the record of one accompanied viewing — route, times, what was seen at each
// listing with photos, the tenant's impressions and their confirmation (name + signature).
import { formatDate, formatDateTime, formatTime, minutesBetween } from './format.js';
import { prepareImage } from './images.js';
import { F, IMPRESSION_LABEL, L, VIEWING_STATUS_LABEL, t } from './labels.js';
import { COLORS, ReportWriter, type TableCell } from './layout.js';
import { maskName } from './mask.js';
import type { Impression, ReportLocale, Verdict, ViewingLogModel } from './models.js';
import { embedPhotos, preparePhotos } from './tenant-report.js';

const IMPRESSION_VERDICT: Record<Impression, Verdict> = { good: 'safe', ok: 'caution', poor: 'danger' };

export async function renderViewingLog(model: ViewingLogModel): Promise<Uint8Array> {
  const lc: ReportLocale = model.locale ?? 'ko';
  const preparing = preparePhotos(model.stops.flatMap((s) => s.photos));
  const preparingSignature = model.confirmation?.signaturePng
    ? prepareImage(model.confirmation.signaturePng, { format: 'png', maxSide: 600 })
    : Promise.resolve(null);
  const w = await ReportWriter.create({
    title: t(L.viewingTitle, lc),
    headerRight: t(L.service, lc),
    demoMark: model.demo ? t(L.demoMark, lc) : undefined,
    footerNote: `${t(L.viewingTitle, lc)} · ${formatDate(model.date, lc)}`,
    locale: lc,
    createdAt: new Date(`${model.date}T09:00:00+09:00`),
  });
  // Lay out the overview and route while sharp decodes; wait for the photos at the first stop.
  const photosReady = embedPhotos(w, preparing);
  photosReady.catch(() => undefined); // awaited below; avoid an unhandled rejection if layout throws first

  w.paragraph(t(L.viewingTitle, lc), { size: 20, bold: true, leading: 1.3 });
  w.space(4);
  const time = `${formatTime(model.startAt)}${model.endAt ? ` – ${formatTime(model.endAt)}` : ''}`;
  w.keyValues([
    { key: t(L.client, lc), value: maskName(model.clientName) },
    ...(model.caseNumber ? [{ key: t(L.caseNumber, lc), value: model.caseNumber }] : []),
    { key: t(L.viewingDate, lc), value: formatDate(model.date, lc) },
    { key: t(L.time, lc), value: time },
    { key: t(L.meetingPlace, lc), value: model.meetingPlace },
    { key: t(L.status, lc), value: VIEWING_STATUS_LABEL[model.status][lc] },
    {
      key: t(L.managers, lc),
      value: model.managers.map((m) => `${m.name} (${t(L.brokerNo, lc)} ${m.brokerRegistrationNo})`).join(', '),
    },
  ]);

  // Route: the stops in order with their times.
  w.heading(t(L.route, lc));
  w.table(
    [
      { header: t(L.order, lc), weight: 8, align: 'center' },
      { header: t(L.listing, lc), weight: 46 },
      { header: t(L.arrived, lc), weight: 12, align: 'center' },
      { header: t(L.left, lc), weight: 12, align: 'center' },
      { header: t(L.duration, lc), weight: 12, align: 'center' },
      { header: t(L.impression, lc), weight: 14, align: 'center' },
    ],
    [
      ['0', { text: `${t(L.meetingPlace, lc)}: ${model.meetingPlace}`, color: COLORS.muted }, formatTime(model.startAt), '', '', ''],
      ...model.stops.map((s, i): TableCell[] => {
        const mins = minutesBetween(s.arrivedAt, s.leftAt);
        return [
          String(i + 1),
          { text: `${s.listingTitle}\n${s.address}`, bold: false },
          s.arrivedAt ? formatTime(s.arrivedAt) : '–',
          s.leftAt ? formatTime(s.leftAt) : '–',
          mins !== undefined ? F.minutes(mins, lc) : '–',
          s.impression ? { badge: { label: IMPRESSION_LABEL[s.impression][lc], verdict: IMPRESSION_VERDICT[s.impression] } } : '–',
        ];
      }),
    ],
  );

  // Each stop.
  const photos = await photosReady;
  const signature = await preparingSignature.then((p) => (p ? w.embed(p) : null));
  model.stops.forEach((stop, i) => {
    w.heading(`${i + 1}. ${stop.listingTitle}`, 1, 110);
    w.paragraph(stop.address, { size: 8.5, color: COLORS.muted });
    if (stop.checklistSummary) w.paragraph(`${t(L.checklist, lc)}: ${stop.checklistSummary}`, { size: 8.5, color: COLORS.muted });
    w.space(4);
    if (stop.observations.length > 0) {
      w.heading(t(L.observations, lc), 2, 40);
      for (const o of stop.observations) w.bullet(o);
    }
    if (stop.impression || stop.impressionNote) {
      w.heading(t(L.impression, lc), 2, 30);
      if (stop.impression) {
        w.statusLine(IMPRESSION_LABEL[stop.impression][lc], IMPRESSION_VERDICT[stop.impression], stop.impressionNote ?? '', {});
      } else {
        w.paragraph(stop.impressionNote ?? '');
      }
    }
    if (stop.followUps && stop.followUps.length > 0) {
      w.heading(t(L.followUps, lc), 2, 30);
      for (const f of stop.followUps) w.bullet(f, {}, '□');
    }
    if (stop.photos.length > 0) {
      w.heading(t(L.photos, lc), 2, 120);
      w.thumbnails(
        stop.photos.map((p) => ({
          image: photos.get(p) ?? null,
          caption: [p.caption, p.takenAt ? formatTime(p.takenAt) : ''].filter(Boolean).join(' · '),
        })),
        3,
        t(L.imageMissing, lc),
      );
    }
  });

  if (model.nextSteps.length > 0) {
    w.heading(t(L.nextSteps, lc));
    for (const s of model.nextSteps) w.bullet(s);
  }

  // Confirmation.
  w.heading(t(L.confirmation, lc), 1, 110);
  const c = model.confirmation;
  if (!c) {
    w.paragraph(t(L.notConfirmed, lc), { color: COLORS.muted });
  } else if (c.method === 'typed') {
    // A typed-name confirmation: no image; the record says so, with the witness and the time.
    w.paragraph(t(L.typedConfirmText, lc));
    w.space(4);
    w.keyValues([
      { key: t(L.confirmMethod, lc), value: t(L.methodTyped, lc) },
      { key: t(L.typedName, lc), value: maskName(c.typedName) },
      { key: t(L.witness, lc), value: c.witness ?? '—' },
      { key: t(L.confirmedAt, lc), value: formatDateTime(c.confirmedAt, lc) },
      ...(c.satisfaction !== undefined ? [{ key: t(L.satisfaction, lc), value: `${'★'.repeat(c.satisfaction)}${'☆'.repeat(5 - c.satisfaction)} (${c.satisfaction}/5)` }] : []),
    ]);
  } else {
    w.paragraph(t(L.confirmText, lc));
    w.space(4);
    w.signature(
      signature,
      [
        { key: t(L.confirmMethod, lc), value: t(L.methodDrawn, lc) },
        { key: t(L.typedName, lc), value: maskName(c.typedName) },
        { key: t(L.confirmedAt, lc), value: formatDateTime(c.confirmedAt, lc) },
        ...(c.satisfaction !== undefined ? [{ key: t(L.satisfaction, lc), value: `${'★'.repeat(c.satisfaction)}${'☆'.repeat(5 - c.satisfaction)} (${c.satisfaction}/5)` }] : []),
      ],
      t(L.imageMissing, lc),
      `${t(L.signatureAlt, lc)} (${maskName(c.typedName)}, ${formatDateTime(c.confirmedAt, lc)})`,
    );
  }

  if (model.amendments && model.amendments.length > 0) {
    w.heading(t(L.amendments, lc));
    for (const a of model.amendments) w.bullet(`${formatDateTime(a.at, lc)} — ${a.text}`);
  }
  return w.finish();
}
