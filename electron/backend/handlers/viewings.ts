// Handlers of the viewing module's API methods (see electron/api/viewing-methods.ts):
// planning, the on-site record (arrive/depart on server time, per-field autosave, photos, the
// inspection run), the tenant's confirmation (read-only afterwards; corrections as amendments),
// the .ics export and the two PDF reports.
import sharp from 'sharp';
import { ApiError, type Bilingual } from '../../api/errors.js';
import type {
  ViewingAmendmentView, ViewingPhotoView, ViewingResults, ViewingStopView, ViewingSummaryView, ViewingView,
} from '../../api/viewing-methods.js';
import { getCase } from '../../../data/repos/cases.js';
import { auditCount } from '../../../data/repos/audit.js';
import { anonymousLabel } from '../../../data/repos/clients.js';
import { getListing, listingLocation, openAddress } from '../../../data/repos/listings.js';
import { getManager, listManagers } from '../../../data/repos/managers.js';
import { getRun } from '../../../data/repos/checklist-runs.js';
import {
  addAmendment, addStopPhoto, confirmViewing, createViewing, decryptFollowUps, getStop, getStopPhoto, getViewing,
  listAmendments, listCaseViewings, meetingPlaceOf, listStopPhotos, listStops, listViewings, removeStopPhoto, setViewingStatus, stopForRun,
  updateStop, updateViewingNotes, updateViewingPlan, type StopPhotoRow, type StopRow, type ViewingRow,
} from '../../../data/repos/viewings.js';
import { FileStore } from '../../../data/crypto/file-store.js';
import { preparePhoto, PhotoRefused } from '../../../data/photos/prepare.js';
import { maskName } from '../reports/index.js';
import { listingAddress } from '../viewings/address.js';
import { PHOTO_KIND, SIGNATURE_KIND } from '../viewings/files.js';
import { viewingIcs } from '../viewings/ics.js';
import { suggestWalkingOrder } from '../viewings/route.js';
import { startInspectionRun } from '../viewings/inspection.js';
import { tenantComposeOptions, tenantReportFile, viewingLogFile } from '../viewings/reports.js';
import { ownerCipher } from '../../../data/privacy/owner.js';
import type { FieldCipher } from '../../../data/crypto/field-cipher.js';
import type { HandlerContext, HandlerMap } from '../context.js';


const notFound = () => new ApiError('NOT_FOUND', { ko: '동행 기록을 찾을 수 없습니다.', en: 'Viewing not found.' });
const stopNotFound = () => new ApiError('NOT_FOUND', { ko: '방문지를 찾을 수 없습니다.', en: 'Stop not found.' });
const readOnly = () =>
  new ApiError('CONFLICT', {
    ko: '임차인이 확인한 동행 기록은 고칠 수 없습니다. 바로잡을 내용은 「정정 추가」로 날짜와 함께 남기세요.',
    en: 'The tenant has confirmed this viewing log, so it is read-only. Add a dated correction (amendment) instead.',
  });
const fieldError = (path: string, message: Bilingual) =>
  new ApiError('VALIDATION', { ko: `${path}: ${message.ko}`, en: `${path}: ${message.en}` }, [{ path, message }]);

const files = (ctx: HandlerContext, cipher: FieldCipher = ctx.cipher) => new FileStore(ctx.filesDir, cipher);
/** A viewing's data is written under its client's key. */
const viewingCipher = (ctx: HandlerContext, viewingId: string) => ownerCipher(ctx.db, ctx.keys, { viewingId });
const stopCipher = (ctx: HandlerContext, stopId: string) => ownerCipher(ctx.db, ctx.keys, { stopId });

async function viewingOr404(ctx: HandlerContext, id: string): Promise<ViewingRow> {
  const row = await getViewing(ctx.db, id);
  if (!row) throw notFound();
  return row;
}

/** The stop and its viewing, refusing edits once the tenant has confirmed the log. */
async function editableStop(ctx: HandlerContext, stopId: string): Promise<{ stop: StopRow; viewing: ViewingRow }> {
  const stop = await getStop(ctx.db, stopId);
  if (!stop) throw stopNotFound();
  const viewing = await viewingOr404(ctx, stop.viewing_id);
  if (viewing.confirmed_at) throw readOnly();
  return { stop, viewing };
}

function minutesBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  return Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 60_000));
}

function photoView(p: StopPhotoRow): ViewingPhotoView {
  return { id: p.id, stopId: p.stop_id, mime: p.mime, width: p.width, height: p.height, takenAt: p.taken_at, lat: p.gps_lat, lon: p.gps_lon };
}

function stopView(ctx: HandlerContext, s: StopRow, photos: StopPhotoRow[]): ViewingStopView {
  return {
    id: s.id,
    listingId: s.listing_id,
    position: s.position,
    address: listingAddress(openAddress(ctx.cipher, s)),
    lat: s.lat,
    lon: s.lon,
    arrivedAt: s.arrived_at,
    departedAt: s.departed_at,
    durationMinutes: minutesBetween(s.arrived_at, s.departed_at),
    observations: ctx.cipher.decrypt(s.observations_enc),
    impression: s.impression,
    impressionNote: ctx.cipher.decrypt(s.impression_note_enc),
    followUps: decryptFollowUps(ctx.cipher, s.follow_ups_enc),
    inspectionRunId: s.inspection_run_id,
    photos: photos.filter((p) => p.stop_id === s.id).map(photoView),
    updatedAt: s.updated_at,
  };
}

async function managerNames(ctx: HandlerContext, ids: string[]): Promise<string[]> {
  const all = new Map((await listManagers(ctx.db)).map((m) => [m.id, m.name]));
  return ids.map((id) => all.get(id) ?? '?');
}

async function summaryView(ctx: HandlerContext, v: ViewingRow, stops?: StopRow[]): Promise<ViewingSummaryView> {
  const s = stops ?? (await listStops(ctx.db, v.id));
  const ids = JSON.parse(v.manager_ids) as string[];
  return {
    id: v.id,
    caseId: v.case_id,
    clientLabel: ctx.cipher.decrypt(v.client_name_enc) ?? anonymousLabel(v.client_id),
    date: v.date,
    startTime: v.start_time,
    meetingPlace: meetingPlaceOf(ctx.cipher, v),
    managerIds: ids,
    managerNames: await managerNames(ctx, ids),
    status: v.status,
    stopCount: s.length,
    firstAddress: s[0] ? listingAddress(openAddress(ctx.cipher, s[0])) : null,
    confirmedAt: v.confirmed_at,
    isDemo: v.is_demo === 1,
  };
}

async function fullView(ctx: HandlerContext, id: string): Promise<ViewingView> {
  const v = await viewingOr404(ctx, id);
  const stops = await listStops(ctx.db, id);
  const photos = await listStopPhotos(ctx.db, id);
  const amendments: ViewingAmendmentView[] = (await listAmendments(ctx.db, id)).map((a) => ({
    id: a.id, at: a.at, by: a.by_name, field: a.field, text: ctx.cipher.decrypt(a.text_enc) ?? '',
  }));
  return {
    ...(await summaryView(ctx, v, stops)),
    stops: stops.map((s) => stopView(ctx, s, photos)),
    summary: ctx.cipher.decrypt(v.summary_enc),
    nextSteps: ctx.cipher.decrypt(v.next_steps_enc),
    satisfaction: v.satisfaction,
    tenantName: ctx.cipher.decrypt(v.tenant_name_enc),
    hasSignature: v.signature_file !== null,
    confirmationMethod: v.confirmation_method ?? (v.confirmed_at ? 'drawn' : null),
    confirmedByName: v.confirmed_by ? (await managerNames(ctx, [v.confirmed_by]))[0] ?? null : null,
    readOnly: v.confirmed_at !== null,
    amendments,
    updatedAt: v.updated_at,
    updatedBy: v.updated_by_name,
  };
}

async function stopResult(ctx: HandlerContext, stopId: string): Promise<ViewingStopView> {
  const s = await getStop(ctx.db, stopId);
  if (!s) throw stopNotFound();
  return stopView(ctx, s, await listStopPhotos(ctx.db, s.viewing_id));
}

async function checkListings(ctx: HandlerContext, caseId: string, listingIds: string[]) {
  for (const [i, id] of listingIds.entries()) {
    const l = await getListing(ctx.db, id);
    if (!l || l.case_id !== caseId) {
      throw fieldError(`listingIds.${i}`, { ko: '이 상담 건의 매물이 아닙니다.', en: 'Not a listing of this case.' });
    }
  }
}

async function checkManagers(ctx: HandlerContext, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    if (!(await getManager(ctx.db, id))) throw fieldError(`managerIds.${i}`, { ko: '매니저를 찾을 수 없습니다.', en: 'Manager not found.' });
  }
}

/** Monday of the week that holds `date` (weeks run Monday–Sunday, as Korean calendars do). */
function weekOf(date: string): { from: string; to: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** A drawn signature: a real PNG with some ink on it (an untouched pad is refused). */
async function readSignature(dataUrl: string): Promise<Buffer> {
  const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  const blank = { ko: '서명란이 비어 있습니다. 임차인이 화면에 서명해야 합니다.', en: 'The signature pad is empty. The tenant signs on the screen.' };
  try {
    const img = sharp(png, { failOn: 'error' });
    const meta = await img.metadata();
    if (meta.format !== 'png' || !meta.width || !meta.height || meta.width > 4000 || meta.height > 4000) throw new Error('not a png');
    const stats = await img.stats();
    // Ink = some pixel differs from the background: on a transparent pad the alpha channel
    // varies; on an opaque one the colour channels do.
    const varies = stats.channels.some((c) => c.max !== c.min);
    if (!varies) throw fieldError('signaturePng', blank);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw fieldError('signaturePng', { ko: '서명 이미지를 읽을 수 없습니다. 다시 서명해 주세요.', en: 'The signature image cannot be read. Sign again.' });
  }
  return png;
}

export const viewingHandlers: Pick<HandlerMap, keyof ViewingResults> = {
  'viewings.plan': async (input, ctx) => {
    if (!(await getCase(ctx.db, input.caseId))) throw fieldError('caseId', { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' });
    await checkListings(ctx, input.caseId, input.listingIds);
    const managerIds = input.managerIds?.length ? input.managerIds : [ctx.session.managerId!];
    await checkManagers(ctx, managerIds);
    const cipher = await ownerCipher(ctx.db, ctx.keys, { caseId: input.caseId });
    const id = await ctx.db.tx((q) => createViewing(q, ctx.actor(), { ...input, managerIds }, false, cipher));
    return fullView(ctx, id);
  },
  'viewings.update': async ({ id, ...plan }, ctx) => {
    const v = await viewingOr404(ctx, id);
    if (v.confirmed_at) throw readOnly();
    if (plan.listingIds) await checkListings(ctx, v.case_id, plan.listingIds);
    if (plan.managerIds) await checkManagers(ctx, plan.managerIds);
    const cipher = await viewingCipher(ctx, id);
    await ctx.db.tx((q) => updateViewingPlan(q, ctx.actor(), id, plan, cipher));
    return fullView(ctx, id);
  },
  'viewings.setStatus': async ({ id, status }, ctx) => {
    const v = await viewingOr404(ctx, id);
    if (v.confirmed_at) throw readOnly();
    if (v.status !== status) await ctx.db.tx((q) => setViewingStatus(q, ctx.actor(), id, status));
    return fullView(ctx, id);
  },
  'viewings.suggestOrder': async ({ listingIds }, ctx) => {
    const points = [];
    for (const [i, id] of listingIds.entries()) {
      const l = await getListing(ctx.db, id);
      if (!l) throw fieldError(`listingIds.${i}`, { ko: '매물을 찾을 수 없습니다.', en: 'Listing not found.' });
      // listing map: the place is encrypted under the client's key (0114).
      const place = listingLocation(ctx.cipher, l);
      points.push({ id, lat: place?.lat ?? null, lon: place?.lon ?? null });
    }
    const r = suggestWalkingOrder(points);
    const note: Bilingual =
      r.unlocated.length === listingIds.length
        ? { ko: '매물 좌표가 없어 순서를 그대로 두었습니다.', en: 'No listing has coordinates; the order is unchanged.' }
        : {
            ko: `첫 매물에서 시작해 가장 가까운 곳부터 도는 순서입니다 (직선거리)${r.unlocated.length ? `. 좌표가 없는 ${r.unlocated.length}곳은 마지막에 두었습니다` : ''}.`,
            en: `Starts at the first listing and always goes to the nearest next one (straight line)${r.unlocated.length ? `; ${r.unlocated.length} without coordinates are placed last` : ''}.`,
          };
    return { listingIds: r.order, legsM: r.legsM, unlocated: r.unlocated, note };
  },
  'viewings.get': async ({ id }, ctx) => fullView(ctx, id),
  'viewings.list': async ({ date, span, everyone }, ctx) => {
    const range = span === 'week' ? weekOf(date) : { from: date, to: date };
    const rows = await listViewings(ctx.db, { ...range, managerId: everyone ? undefined : ctx.session.managerId! });
    return Promise.all(rows.map((r) => summaryView(ctx, r)));
  },
  'viewings.forCase': async ({ caseId }, ctx) => Promise.all((await listCaseViewings(ctx.db, caseId)).map((r) => summaryView(ctx, r))),
  'viewings.ics': async ({ id }, ctx) => {
    const v = await viewingOr404(ctx, id);
    const stops = await listStops(ctx.db, id);
    const revisions = await auditCount(ctx.db, 'viewings', id);
    const client = ctx.cipher.decrypt(v.client_name_enc);
    const content = viewingIcs({
      id,
      date: v.date,
      startTime: v.start_time,
      meetingPlace: meetingPlaceOf(ctx.cipher, v),
      maskedClient: client ? maskName(client) : anonymousLabel(v.client_id),
      stops: stops.map((s) => ({ address: listingAddress(openAddress(ctx.cipher, s)) })),
      status: v.status,
      stamp: ctx.now(),
      updatedAt: v.updated_at,
      sequence: Math.max(0, revisions - 1),
    });
    return { fileName: `안심동행_${v.date}_${v.start_time.replace(':', '')}.ics`, mime: 'text/calendar', content };
  },
  'viewings.arrive': async ({ stopId }, ctx) => {
    const { stop } = await editableStop(ctx, stopId);
    // One tap: the first tap is the arrival; a second tap does not move it.
    if (!stop.arrived_at) await ctx.db.tx((q) => updateStop(q, ctx.cipher, ctx.actor(), stopId, { field: 'arrivedAt', value: ctx.now().toISOString() }));
    return stopResult(ctx, stopId);
  },
  'viewings.depart': async ({ stopId }, ctx) => {
    const { stop } = await editableStop(ctx, stopId);
    if (!stop.arrived_at) throw new ApiError('CONFLICT', { ko: '먼저 「도착」을 눌러 주세요.', en: 'Tap “Arrived” first.' });
    if (!stop.departed_at) await ctx.db.tx((q) => updateStop(q, ctx.cipher, ctx.actor(), stopId, { field: 'departedAt', value: ctx.now().toISOString() }));
    return stopResult(ctx, stopId);
  },
  'viewings.updateStop': async (input, ctx) => {
    await editableStop(ctx, input.stopId);
    const patch = input.field === 'followUps' ? { field: input.field, value: input.value } : { field: input.field, value: input.value || null };
    const cipher = await stopCipher(ctx, input.stopId);
    await ctx.db.tx((q) => updateStop(q, cipher, ctx.actor(), input.stopId, patch as Parameters<typeof updateStop>[4]));
    return stopResult(ctx, input.stopId);
  },
  'viewings.forRun': async ({ runId }, ctx) => {
    const s = await stopForRun(ctx.db, runId);
    return s ? { viewingId: s.viewing_id, stopId: s.id } : null;
  },
  'viewings.startInspection': async ({ stopId }, ctx) => {
    const { stop } = await editableStop(ctx, stopId);
    if (stop.inspection_run_id && (await getRun(ctx.db, stop.inspection_run_id))) {
      return { runId: stop.inspection_run_id, created: false, stop: await stopResult(ctx, stopId) };
    }
    const runId = await startInspectionRun(ctx, stop.listing_id);
    await ctx.db.tx((q) => updateStop(q, ctx.cipher, ctx.actor(), stopId, { field: 'inspectionRunId', value: runId }));
    return { runId, created: true, stop: await stopResult(ctx, stopId) };
  },
  'viewings.addPhoto': async ({ stopId, dataBase64 }, ctx) => {
    await editableStop(ctx, stopId);
    const original = Buffer.from(dataBase64, 'base64');
    let prepared;
    try {
      prepared = await preparePhoto(original);
    } catch (e) {
      if (e instanceof PhotoRefused) throw fieldError('dataBase64', e.bilingual);
      throw e;
    }
    const cipher = await stopCipher(ctx, stopId);
    const fileId = cipher.contentId(original);
    // Files first (content-addressed, so a retry rewrites the same names), then the row.
    await files(ctx, cipher).put(PHOTO_KIND, fileId, prepared.full);
    await files(ctx, cipher).put(PHOTO_KIND, `${fileId}.thumb`, prepared.thumb);
    const { id, duplicate } = await ctx.db.tx((q) =>
      addStopPhoto(q, ctx.actor(), stopId, {
        fileId, mime: prepared.mime, width: prepared.width, height: prepared.height, bytes: prepared.full.length,
        takenAt: prepared.takenAt, lat: prepared.lat, lon: prepared.lon,
      }),
    );
    const row = await getStopPhoto(ctx.db, id);
    return { photo: photoView(row!), duplicate };
  },
  'viewings.removePhoto': async ({ photoId }, ctx) => {
    const p = await getStopPhoto(ctx.db, photoId);
    if (!p) throw new ApiError('NOT_FOUND', { ko: '사진을 찾을 수 없습니다.', en: 'Photo not found.' });
    await editableStop(ctx, p.stop_id);
    await ctx.db.tx((q) => removeStopPhoto(q, ctx.actor(), photoId));
    return { id: photoId };
  },
  'viewings.photo': async ({ photoId, size }, ctx) => {
    const p = await getStopPhoto(ctx.db, photoId);
    const bytes = p && (await files(ctx).get(PHOTO_KIND, size === 'thumb' ? `${p.file_id}.thumb` : p.file_id));
    if (!p || !bytes) throw new ApiError('NOT_FOUND', { ko: '사진을 찾을 수 없습니다.', en: 'Photo not found.' });
    return { mime: p.mime, dataBase64: bytes.toString('base64') };
  },
  'viewings.updateNotes': async (input, ctx) => {
    const v = await viewingOr404(ctx, input.id);
    if (v.confirmed_at) throw readOnly();
    const actor = ctx.actor();
    const cipher = await viewingCipher(ctx, input.id);
    await ctx.db.tx((q) => updateViewingNotes(q, cipher, actor, input.id, input.field === 'satisfaction' ? { field: 'satisfaction', value: input.value } : { field: input.field, value: input.value || null }));
    return { savedAt: actor.now };
  },
  'viewings.close': async (input, ctx) => {
    const v = await viewingOr404(ctx, input.id);
    if (v.confirmed_at) throw readOnly();
    if (v.status === 'cancelled' || v.status === 'no-show') {
      throw new ApiError('CONFLICT', { ko: '취소·불참 처리된 동행은 마감할 수 없습니다. 먼저 「예정」으로 되돌리세요.', en: 'A cancelled or no-show viewing cannot be closed. Put it back to planned first.' });
    }
    // Drawn (default): the signature image, sealed in the file store under the client's key.
    // Typed: the typed name is the confirmation (encrypted like every name), witnessed by the
    // signed-in manager.
    const cipher = await viewingCipher(ctx, input.id);
    let fileId: string | null = null;
    if (input.method === 'drawn') {
      const png = await readSignature(input.signaturePng ?? '');
      fileId = cipher.contentId(png);
      await files(ctx, cipher).put(SIGNATURE_KIND, fileId, png);
    }
    await ctx.db.tx((q) =>
      confirmViewing(q, cipher, ctx.actor(), input.id, {
        summary: input.summary || null, nextSteps: input.nextSteps || null, satisfaction: input.satisfaction,
        tenantName: input.tenantName, method: input.method, signatureFile: fileId,
      }),
    );
    return fullView(ctx, input.id);
  },
  'viewings.signature': async ({ id }, ctx) => {
    const v = await viewingOr404(ctx, id);
    const png = v.signature_file ? await files(ctx).get(SIGNATURE_KIND, v.signature_file) : null;
    if (!png) throw new ApiError('NOT_FOUND', { ko: '서명이 없습니다.', en: 'No signature.' });
    return { mime: 'image/png', dataBase64: png.toString('base64') };
  },
  'viewings.amend': async ({ id, field, text }, ctx) => {
    const v = await viewingOr404(ctx, id);
    if (!v.confirmed_at) {
      throw new ApiError('CONFLICT', { ko: '확인 전의 기록은 정정 대신 바로 고치면 됩니다.', en: 'Before confirmation, edit the log directly; amendments are for confirmed logs.' });
    }
    const cipher = await viewingCipher(ctx, id);
    await ctx.db.tx((q) => addAmendment(q, cipher, ctx.actor(), id, { field, text }));
    return fullView(ctx, id);
  },
  'reports.tenant': async ({ caseId, locale, compose }, ctx) => tenantReportFile(ctx, caseId, locale, compose),
  'reports.tenantOptions': async ({ caseId, locale }, ctx) => tenantComposeOptions(ctx, caseId, locale),
  'reports.viewing': async ({ viewingId, locale }, ctx) => viewingLogFile(ctx, viewingId, locale),
};
