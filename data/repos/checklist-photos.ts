// Photo evidence rows: the photo itself (keyed content hash, size, EXIF time and GPS) and its
// links to a run's item. The bytes live encrypted in the file store, never in the database.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { writeAudit, type Actor } from './audit.js';

export interface PhotoRow {
  id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  original_name_enc: string | null;
  taken_at: string | null;
  gps_lat: number | null;
  gps_lon: number | null;
  created_at: string;
}

export interface NewPhoto {
  id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  originalName: string | null;
  takenAt: string | null;
  lat: number | null;
  lon: number | null;
}

/** Adds the photo row unless the same content is already stored (then it is reused). */
export async function ensurePhoto(q: Queryable, cipher: FieldCipher, actor: Actor, p: NewPhoto): Promise<void> {
  await q.run(
    `INSERT INTO checklist_photos (id, mime, width, height, bytes, original_name_enc, taken_at, gps_lat, gps_lon,
       created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET deleted_at = NULL`,
    [p.id, p.mime, p.width, p.height, p.bytes, cipher.encrypt(p.originalName), p.takenAt, p.lat, p.lon, actor.now, actor.now, actor.managerId, actor.deviceId],
  );
}

/** Links a photo to a run's item (once; attaching the same photo again is a no-op). */
export async function linkPhoto(q: Queryable, actor: Actor, runId: string, itemId: string, photoId: string): Promise<boolean> {
  const r = await q.run(
    `INSERT INTO checklist_photo_links (id, run_id, item_id, photo_id, created_at, updated_at, updated_by, device_id)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?
      WHERE NOT EXISTS (SELECT 1 FROM checklist_photo_links WHERE run_id = ? AND item_id = ? AND photo_id = ? AND deleted_at IS NULL)`,
    [randomUUID(), runId, itemId, photoId, actor.now, actor.now, actor.managerId, actor.deviceId, runId, itemId, photoId],
  );
  if (r.changes > 0) await writeAudit(q, actor, 'checklist_runs', runId, 'update', [`photos.${itemId}`]);
  return r.changes > 0;
}

export async function unlinkPhoto(q: Queryable, actor: Actor, runId: string, itemId: string, photoId: string): Promise<boolean> {
  const r = await q.run(
    `UPDATE checklist_photo_links SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ?
      WHERE run_id = ? AND item_id = ? AND photo_id = ? AND deleted_at IS NULL`,
    [actor.now, actor.now, actor.managerId, actor.deviceId, runId, itemId, photoId],
  );
  if (r.changes > 0) await writeAudit(q, actor, 'checklist_runs', runId, 'update', [`photos.${itemId}`]);
  return r.changes > 0;
}

/** A photo that some live run still links to (a photo of a deleted run cannot be fetched). */
export function getLinkedPhoto(q: Queryable, id: string): Promise<PhotoRow | undefined> {
  return q.get<PhotoRow>(
    `SELECT p.* FROM checklist_photos p
      WHERE p.id = ? AND p.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM checklist_photo_links k JOIN checklist_runs r ON r.id = k.run_id
                     WHERE k.photo_id = p.id AND k.deleted_at IS NULL AND r.deleted_at IS NULL)`,
    [id],
  );
}

export function runPhotos(q: Queryable, runId: string): Promise<(PhotoRow & { item_id: string })[]> {
  return q.all<PhotoRow & { item_id: string }>(
    `SELECT p.*, k.item_id FROM checklist_photo_links k JOIN checklist_photos p ON p.id = k.photo_id
      WHERE k.run_id = ? AND k.deleted_at IS NULL ORDER BY k.created_at, k.rowid`,
    [runId],
  );
}

export async function photoExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.get('SELECT 1 FROM checklist_photos WHERE id = ?', [id])) !== undefined;
}

/** The live photo ids linked to one item of a run, in the order they were attached. */
export async function itemPhotoIds(q: Queryable, runId: string, itemId: string): Promise<string[]> {
  const rows = await q.all<{ photo_id: string }>(
    'SELECT photo_id FROM checklist_photo_links WHERE run_id = ? AND item_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid',
    [runId, itemId],
  );
  return rows.map((r) => r.photo_id);
}
