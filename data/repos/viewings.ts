// Accompanied viewings (안심동행): the plan with its ordered stops, per-field autosave of what
// happens on site, photos, the tenant's confirmation and the amendments added afterwards.
// Every write runs in the caller's transaction together with its audit entry (field names
// only, never values). Free text and the tenant's typed name are encrypted with the FieldCipher.
import { randomUUID } from 'node:crypto';
import type { Queryable, SqlValue } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { writeAudit, type Actor } from './audit.js';

import type { StopImpression, ViewingStatus } from '../../checklists/common/vocabulary.js';
export type { StopImpression, ViewingStatus };
export interface FollowUp {
  text: string;
  done: boolean;
}

export interface ViewingRow {
  id: string;
  case_id: string;
  date: string;
  start_time: string;
  /** Legacy plaintext (emptied once encrypted); read through `meetingPlaceOf`. */
  meeting_place: string;
  meeting_place_enc: string | null;
  manager_ids: string;
  status: ViewingStatus;
  next_steps_enc: string | null;
  summary_enc: string | null;
  satisfaction: number | null;
  tenant_name_enc: string | null;
  signature_file: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  /** Migration 0013; null before confirmation (and on logs confirmed before it, if unsigned). */
  confirmation_method?: 'drawn' | 'typed' | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  updated_by_name: string | null;
  deleted_at: string | null;
  is_demo: number;
  client_id: string;
  client_name_enc: string | null;
}

export interface StopRow {
  id: string;
  viewing_id: string;
  listing_id: string;
  position: number;
  arrived_at: string | null;
  departed_at: string | null;
  observations_enc: string | null;
  impression: StopImpression | null;
  impression_note_enc: string | null;
  follow_ups_enc: string | null;
  inspection_run_id: string | null;
  updated_at: string;
  /** The listing's address, encrypted under its client's key: `openAddress(ctx.cipher, row)`. */
  road_address_enc: string | null;
  jibun_address_enc: string | null;
  dong_enc: string | null;
  ho_enc: string | null;
  lat: number | null;
  lon: number | null;
}

export interface StopPhotoRow {
  id: string;
  stop_id: string;
  file_id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  taken_at: string | null;
  gps_lat: number | null;
  gps_lon: number | null;
  created_at: string;
}

export interface AmendmentRow {
  id: string;
  viewing_id: string;
  at: string;
  by_manager: string | null;
  by_name: string | null;
  field: string | null;
  text_enc: string;
}

const VIEWING_SELECT = `SELECT v.*, u.name AS updated_by_name, k.client_id, c.name_enc AS client_name_enc
  FROM viewings v
  JOIN cases k ON k.id = v.case_id
  JOIN clients c ON c.id = k.client_id
  LEFT JOIN managers u ON u.id = v.updated_by`;
const LIVE = 'v.deleted_at IS NULL AND k.deleted_at IS NULL AND c.deleted_at IS NULL';

function meta(actor: Actor) {
  return [actor.now, actor.now, actor.managerId, actor.deviceId] as const;
}

async function insertStop(q: Queryable, actor: Actor, viewingId: string, listingId: string, position: number, isDemo: boolean) {
  const id = randomUUID();
  await q.run(
    `INSERT INTO viewing_stops (id, viewing_id, listing_id, position, created_at, updated_at, updated_by, device_id, is_demo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, viewingId, listingId, position, ...meta(actor), isDemo ? 1 : 0],
  );
  await writeAudit(q, actor, 'viewing_stops', id, 'create', ['viewingId', 'listingId', 'position']);
  return id;
}

export interface ViewingPlan {
  caseId: string;
  date: string;
  startTime: string;
  meetingPlace: string;
  managerIds: string[];
  /** Listings in visiting order. */
  listingIds: string[];
}

/** The meeting place a person typed: encrypted (0006); older rows may still hold it in plain text. */
export function meetingPlaceOf(cipher: FieldCipher, v: Pick<ViewingRow, 'meeting_place' | 'meeting_place_enc'>): string {
  return cipher.decrypt(v.meeting_place_enc) ?? v.meeting_place ?? '';
}

export async function createViewing(q: Queryable, actor: Actor, p: ViewingPlan, isDemo = false, cipher?: FieldCipher): Promise<string> {
  const id = randomUUID();
  const enc = cipher ? cipher.encrypt(p.meetingPlace) : null;
  await q.run(
    `INSERT INTO viewings (id, case_id, date, start_time, meeting_place, meeting_place_enc, manager_ids, status,
       created_at, updated_at, updated_by, device_id, is_demo)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?)`,
    [id, p.caseId, p.date, p.startTime, cipher ? '' : p.meetingPlace, enc, JSON.stringify(p.managerIds), ...meta(actor), isDemo ? 1 : 0],
  );
  await writeAudit(q, actor, 'viewings', id, 'create', ['caseId', 'date', 'startTime', 'meetingPlace', 'managerIds', 'listingIds']);
  for (const [i, listingId] of p.listingIds.entries()) await insertStop(q, actor, id, listingId, i, isDemo);
  return id;
}

/**
 * Changes the plan. With `listingIds`, stops of listings still in the list keep everything
 * recorded at them and take their new place; stops no longer listed get a tombstone.
 */
export async function updateViewingPlan(q: Queryable, actor: Actor, id: string, p: Partial<Omit<ViewingPlan, 'caseId'>>, cipher?: FieldCipher): Promise<boolean> {
  const before = await q.get<ViewingRow>('SELECT * FROM viewings WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!before) return false;
  const cols: Record<string, SqlValue> = {};
  if (p.date !== undefined && p.date !== before.date) cols.date = p.date;
  if (p.startTime !== undefined && p.startTime !== before.start_time) cols.start_time = p.startTime;
  if (p.meetingPlace !== undefined && (!cipher || p.meetingPlace !== meetingPlaceOf(cipher, before))) {
    if (cipher) {
      cols.meeting_place = '';
      cols.meeting_place_enc = cipher.encrypt(p.meetingPlace);
    } else cols.meeting_place = p.meetingPlace;
  }
  if (p.managerIds !== undefined && JSON.stringify(p.managerIds) !== before.manager_ids) cols.manager_ids = JSON.stringify(p.managerIds);
  const fields = Object.keys(cols).map(camel);
  if (p.listingIds) {
    const stops = await q.all<{ id: string; listing_id: string; position: number }>(
      'SELECT id, listing_id, position FROM viewing_stops WHERE viewing_id = ? AND deleted_at IS NULL',
      [id],
    );
    const byListing = new Map(stops.map((s) => [s.listing_id, s]));
    let changed = false;
    for (const s of stops) {
      if (!p.listingIds.includes(s.listing_id)) {
        await q.run('UPDATE viewing_stops SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?', [actor.now, actor.now, actor.managerId, actor.deviceId, s.id]);
        await writeAudit(q, actor, 'viewing_stops', s.id, 'delete');
        changed = true;
      }
    }
    for (const [i, listingId] of p.listingIds.entries()) {
      const s = byListing.get(listingId);
      if (!s) {
        await insertStop(q, actor, id, listingId, i, before.is_demo === 1);
        changed = true;
      } else if (s.position !== i) {
        await q.run('UPDATE viewing_stops SET position = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?', [i, actor.now, actor.managerId, actor.deviceId, s.id]);
        await writeAudit(q, actor, 'viewing_stops', s.id, 'update', ['position']);
        changed = true;
      }
    }
    if (changed) fields.push('listingIds');
  }
  if (fields.length === 0) return true;
  await touchViewing(q, actor, id, cols);
  await writeAudit(q, actor, 'viewings', id, 'update', fields);
  return true;
}

function camel(col: string) {
  return col.replace(/_enc$/, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

async function touchViewing(q: Queryable, actor: Actor, id: string, cols: Record<string, SqlValue>) {
  const all = { ...cols, updated_at: actor.now, updated_by: actor.managerId, device_id: actor.deviceId };
  await q.run(`UPDATE viewings SET ${Object.keys(all).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...Object.values(all), id]);
}

/** 취소 / 불참 (or back to 예정). 완료 is reached only by closing the visit. */
export async function setViewingStatus(q: Queryable, actor: Actor, id: string, status: Exclude<ViewingStatus, 'done'>) {
  await touchViewing(q, actor, id, { status });
  await writeAudit(q, actor, 'viewings', id, 'update', ['status']);
}

export function getViewing(q: Queryable, id: string): Promise<ViewingRow | undefined> {
  return q.get<ViewingRow>(`${VIEWING_SELECT} WHERE v.id = ? AND ${LIVE}`, [id]);
}

/** Viewings between two dates (inclusive), optionally only those a manager takes part in. */
export function listViewings(q: Queryable, f: { from: string; to: string; managerId?: string; caseId?: string }): Promise<ViewingRow[]> {
  const where = [LIVE, 'v.date BETWEEN ? AND ?'];
  const params: SqlValue[] = [f.from, f.to];
  if (f.managerId) {
    where.push('EXISTS (SELECT 1 FROM json_each(v.manager_ids) j WHERE j.value = ?)');
    params.push(f.managerId);
  }
  if (f.caseId) {
    where.push('v.case_id = ?');
    params.push(f.caseId);
  }
  return q.all<ViewingRow>(`${VIEWING_SELECT} WHERE ${where.join(' AND ')} ORDER BY v.date, v.start_time, v.created_at`, params);
}

export function listCaseViewings(q: Queryable, caseId: string): Promise<ViewingRow[]> {
  return q.all<ViewingRow>(`${VIEWING_SELECT} WHERE ${LIVE} AND v.case_id = ? ORDER BY v.date DESC, v.start_time DESC`, [caseId]);
}

export function listStops(q: Queryable, viewingId: string): Promise<StopRow[]> {
  return q.all<StopRow>(
    `SELECT s.*, l.road_address_enc, l.jibun_address_enc, l.dong_enc, l.ho_enc, l.lat, l.lon
       FROM viewing_stops s JOIN listings l ON l.id = s.listing_id
      WHERE s.viewing_id = ? AND s.deleted_at IS NULL AND l.deleted_at IS NULL
      ORDER BY s.position`,
    [viewingId],
  );
}

export function getStop(q: Queryable, stopId: string): Promise<StopRow | undefined> {
  return q.get<StopRow>(
    `SELECT s.*, l.road_address_enc, l.jibun_address_enc, l.dong_enc, l.ho_enc, l.lat, l.lon
       FROM viewing_stops s JOIN listings l ON l.id = s.listing_id
      WHERE s.id = ? AND s.deleted_at IS NULL`,
    [stopId],
  );
}

/** The stop an inspection run was started from (the run → stop direction of the link). */
export function stopForRun(q: Queryable, runId: string): Promise<{ id: string; viewing_id: string } | undefined> {
  return q.get(`SELECT id, viewing_id FROM viewing_stops WHERE inspection_run_id = ? AND deleted_at IS NULL`, [runId]);
}

/** What may be written to a stop, one field at a time (autosave). */
export type StopPatch =
  | { field: 'observations'; value: string | null }
  | { field: 'impression'; value: StopImpression | null }
  | { field: 'impressionNote'; value: string | null }
  | { field: 'followUps'; value: FollowUp[] }
  | { field: 'arrivedAt'; value: string | null }
  | { field: 'departedAt'; value: string | null }
  | { field: 'inspectionRunId'; value: string | null };

function stopColumn(cipher: FieldCipher, p: StopPatch): [string, SqlValue] {
  switch (p.field) {
    case 'observations':
      return ['observations_enc', cipher.encrypt(p.value)];
    case 'impression':
      return ['impression', p.value];
    case 'impressionNote':
      return ['impression_note_enc', cipher.encrypt(p.value)];
    case 'followUps':
      return ['follow_ups_enc', p.value.length ? cipher.encrypt(JSON.stringify(p.value)) : null];
    case 'arrivedAt':
      return ['arrived_at', p.value];
    case 'departedAt':
      return ['departed_at', p.value];
    case 'inspectionRunId':
      return ['inspection_run_id', p.value];
  }
}

export async function updateStop(q: Queryable, cipher: FieldCipher, actor: Actor, stopId: string, patch: StopPatch): Promise<boolean> {
  const [col, value] = stopColumn(cipher, patch);
  const r = await q.run(
    `UPDATE viewing_stops SET ${col} = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ? AND deleted_at IS NULL`,
    [value, actor.now, actor.managerId, actor.deviceId, stopId],
  );
  if (r.changes > 0) await writeAudit(q, actor, 'viewing_stops', stopId, 'update', [patch.field]);
  return r.changes > 0;
}

export function decryptFollowUps(cipher: FieldCipher, token: string | null): FollowUp[] {
  const plain = cipher.decrypt(token);
  return plain ? (JSON.parse(plain) as FollowUp[]) : [];
}

export interface NewStopPhoto {
  fileId: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  takenAt: string | null;
  lat: number | null;
  lon: number | null;
}

/** Adds a photo to a stop; the same content twice on one stop is kept once (returns the existing id). */
export async function addStopPhoto(q: Queryable, actor: Actor, stopId: string, p: NewStopPhoto): Promise<{ id: string; duplicate: boolean }> {
  const existing = await q.get<{ id: string }>('SELECT id FROM viewing_photos WHERE stop_id = ? AND file_id = ? AND deleted_at IS NULL', [stopId, p.fileId]);
  if (existing) return { id: existing.id, duplicate: true };
  const id = randomUUID();
  await q.run(
    `INSERT INTO viewing_photos (id, stop_id, file_id, mime, width, height, bytes, taken_at, gps_lat, gps_lon,
       created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, stopId, p.fileId, p.mime, p.width, p.height, p.bytes, p.takenAt, p.lat, p.lon, ...meta(actor)],
  );
  await writeAudit(q, actor, 'viewing_photos', id, 'create', ['stopId', 'photo']);
  return { id, duplicate: false };
}

export async function removeStopPhoto(q: Queryable, actor: Actor, photoId: string): Promise<boolean> {
  const r = await q.run('UPDATE viewing_photos SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ? AND deleted_at IS NULL', [
    actor.now, actor.now, actor.managerId, actor.deviceId, photoId,
  ]);
  if (r.changes > 0) await writeAudit(q, actor, 'viewing_photos', photoId, 'delete');
  return r.changes > 0;
}

export function listStopPhotos(q: Queryable, viewingId: string): Promise<StopPhotoRow[]> {
  return q.all<StopPhotoRow>(
    `SELECT p.* FROM viewing_photos p JOIN viewing_stops s ON s.id = p.stop_id
      WHERE s.viewing_id = ? AND p.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY p.created_at, p.id`,
    [viewingId],
  );
}

export function getStopPhoto(q: Queryable, photoId: string): Promise<(StopPhotoRow & { viewing_id: string }) | undefined> {
  return q.get(
    `SELECT p.*, s.viewing_id FROM viewing_photos p JOIN viewing_stops s ON s.id = p.stop_id
      WHERE p.id = ? AND p.deleted_at IS NULL AND s.deleted_at IS NULL`,
    [photoId],
  );
}

/** A value for the closing-time fields that are free text, one at a time (autosave before closing). */
export async function updateViewingNotes(
  q: Queryable, cipher: FieldCipher, actor: Actor, id: string, patch: { field: 'nextSteps' | 'summary'; value: string | null } | { field: 'satisfaction'; value: number | null },
) {
  const cols: Record<string, SqlValue> =
    patch.field === 'nextSteps' ? { next_steps_enc: cipher.encrypt(patch.value) }
    : patch.field === 'summary' ? { summary_enc: cipher.encrypt(patch.value) }
    : { satisfaction: patch.value };
  await touchViewing(q, actor, id, cols);
  await writeAudit(q, actor, 'viewings', id, 'update', [patch.field]);
}

export interface Confirmation {
  summary: string | null;
  nextSteps: string | null;
  satisfaction: number | null;
  tenantName: string;
  /** 'typed': the typed name is the confirmation, witnessed by the acting manager (no file). */
  method: 'drawn' | 'typed';
  /** File id of the encrypted signature PNG in the file store (drawn only). */
  signatureFile: string | null;
}

/** Closes the visit: 완료, the tenant's confirmation with its time. Read-only from here on. */
export async function confirmViewing(q: Queryable, cipher: FieldCipher, actor: Actor, id: string, c: Confirmation) {
  await touchViewing(q, actor, id, {
    status: 'done',
    summary_enc: cipher.encrypt(c.summary),
    next_steps_enc: cipher.encrypt(c.nextSteps),
    satisfaction: c.satisfaction,
    tenant_name_enc: cipher.encrypt(c.tenantName),
    signature_file: c.method === 'drawn' ? c.signatureFile : null,
    confirmation_method: c.method,
    confirmed_at: actor.now,
    confirmed_by: actor.managerId,
  });
  await writeAudit(q, actor, 'viewings', id, 'update', ['status', 'summary', 'nextSteps', 'satisfaction', 'tenantName', c.method === 'drawn' ? 'signature' : 'typedConfirmation', 'confirmedAt']);
}

export async function addAmendment(q: Queryable, cipher: FieldCipher, actor: Actor, viewingId: string, a: { field: string | null; text: string }): Promise<string> {
  const id = randomUUID();
  await q.run(
    `INSERT INTO viewing_amendments (id, viewing_id, at, by_manager, field, text_enc, created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, viewingId, actor.now, actor.managerId, a.field, cipher.encrypt(a.text), ...meta(actor)],
  );
  await writeAudit(q, actor, 'viewing_amendments', id, 'create', ['viewingId', 'field', 'text']);
  return id;
}

export function listAmendments(q: Queryable, viewingId: string): Promise<AmendmentRow[]> {
  return q.all<AmendmentRow>(
    `SELECT a.*, m.name AS by_name FROM viewing_amendments a LEFT JOIN managers m ON m.id = a.by_manager
      WHERE a.viewing_id = ? AND a.deleted_at IS NULL ORDER BY a.at, a.created_at`,
    [viewingId],
  );
}
