// Checklist runs and their answers. A run pins the template (id, version) it started with;
// each answer is one row per (run, item), written with an UPSERT in the caller's transaction
// together with its audit entry, so an answer is on disk the moment it is given.
// Notes are personal free text: encrypted with the FieldCipher.
import { randomUUID } from 'node:crypto';
import type { Queryable, SqlValue } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { Answer, AnswerValue, Unmapped } from '../../checklists/engine/index.js';
import { writeAudit, type Actor } from './audit.js';

export type RunStatus = 'open' | 'completed';

export interface RunRow {
  id: string;
  listing_id: string;
  template_id: string;
  template_version: number;
  status: RunStatus;
  started_at: string;
  started_by: string | null;
  started_by_name: string | null;
  completed_at: string | null;
  completed_by: string | null;
  completed_by_name: string | null;
  upgraded_from: number | null;
  unmapped_enc: string | null;
  touched_by_process: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  is_demo: number;
}

/** A run with where it belongs, for lists across cases. */
export interface RunListRow extends RunRow {
  case_id: string;
  /** The listing's address, encrypted under its client's key: `openAddress(ctx.cipher, row)`. */
  road_address_enc: string | null;
  jibun_address_enc: string | null;
  dong_enc: string | null;
  ho_enc: string | null;
  answer_count: number;
}

/** Answers an upgrade could not carry, kept with the versions they fell between. */
export interface StoredUnmapped extends Unmapped {
  fromVersion: number;
  toVersion: number;
}

const RUN_SELECT = `SELECT r.*, s.name AS started_by_name, c.name AS completed_by_name
  FROM checklist_runs r
  LEFT JOIN managers s ON s.id = r.started_by
  LEFT JOIN managers c ON c.id = r.completed_by`;

/** The run and its listing, case and client are all live. */
const LIVE_CHAIN = `r.deleted_at IS NULL AND EXISTS (
  SELECT 1 FROM listings l JOIN cases k ON k.id = l.case_id JOIN clients cl ON cl.id = k.client_id
   WHERE l.id = r.listing_id AND l.deleted_at IS NULL AND k.deleted_at IS NULL AND cl.deleted_at IS NULL)`;

export async function createRun(
  q: Queryable,
  actor: Actor,
  f: { listingId: string; templateId: string; version: number; processId: string; isDemo?: boolean },
): Promise<string> {
  const id = randomUUID();
  await q.run(
    `INSERT INTO checklist_runs (id, listing_id, template_id, template_version, status, started_at, started_by,
       touched_by_process, created_at, updated_at, updated_by, device_id, is_demo)
     VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, f.listingId, f.templateId, f.version, actor.now, actor.managerId, f.processId, actor.now, actor.now, actor.managerId, actor.deviceId, f.isDemo ? 1 : 0],
  );
  await writeAudit(q, actor, 'checklist_runs', id, 'create', ['listingId', 'templateId', 'templateVersion']);
  return id;
}

export function getRun(q: Queryable, id: string): Promise<RunRow | undefined> {
  return q.get<RunRow>(`${RUN_SELECT} WHERE r.id = ? AND ${LIVE_CHAIN}`, [id]);
}

/** Runs, most recently touched first; of one listing, or across every live case; or one run by id. */
export function listRuns(q: Queryable, f: { listingId?: string; runId?: string; limit?: number } = {}): Promise<RunListRow[]> {
  const where = [LIVE_CHAIN];
  const params: SqlValue[] = [];
  if (f.listingId) {
    where.push('r.listing_id = ?');
    params.push(f.listingId);
  }
  if (f.runId) {
    where.push('r.id = ?');
    params.push(f.runId);
  }
  params.push(f.limit ?? 500);
  return q.all<RunListRow>(
    `SELECT r.*, s.name AS started_by_name, c.name AS completed_by_name,
            l.case_id, l.road_address_enc, l.jibun_address_enc, l.dong_enc, l.ho_enc,
            (SELECT count(*) FROM checklist_answers a WHERE a.run_id = r.id AND a.deleted_at IS NULL) AS answer_count
       FROM checklist_runs r
       JOIN listings l ON l.id = r.listing_id
       LEFT JOIN managers s ON s.id = r.started_by
       LEFT JOIN managers c ON c.id = r.completed_by
      WHERE ${where.join(' AND ')}
      ORDER BY r.updated_at DESC, r.started_at DESC
      LIMIT ?`,
    params,
  );
}

/** Marks the run as written by this backend process (and bumps its metadata). */
export async function touchRun(q: Queryable, actor: Actor, runId: string, processId: string) {
  await q.run(
    'UPDATE checklist_runs SET touched_by_process = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?',
    [processId, actor.now, actor.managerId, actor.deviceId, runId],
  );
}

interface AnswerRow {
  item_id: string;
  value: string;
  note_enc: string | null;
  answered_at: string;
}

/**
 * How an answer value is stored: the answer to a text item (what a person typed) as
 * {"$enc": token}; choices, numbers, dates and photo lists as they are, so they remain as
 * verdicts after a client's data is destroyed.
 */
export function storedValue(cipher: FieldCipher, value: AnswerValue, secret = false): string {
  return JSON.stringify(secret && typeof value === 'string' ? { $enc: cipher.encrypt(value) ?? '' } : value);
}

/** The inverse of storedValue; a destroyed text reads as ''. */
export function readValue(cipher: FieldCipher | undefined, stored: string): AnswerValue {
  const v = JSON.parse(stored) as AnswerValue | { $enc: string };
  if (v && typeof v === 'object' && !Array.isArray(v) && '$enc' in v) return (cipher?.decrypt(v.$enc) ?? '') as AnswerValue;
  return v as AnswerValue;
}

/** Saves one answer (insert or replace) with its audit entry. A note left undefined keeps the stored one. */
export async function upsertAnswer(
  q: Queryable,
  cipher: FieldCipher,
  actor: Actor,
  runId: string,
  a: { itemId: string; value: AnswerValue; note?: string | null; /** a text item: encrypt the value */ secret?: boolean },
  processId: string,
): Promise<void> {
  await q.run(
    `INSERT INTO checklist_answers (id, run_id, item_id, value, note_enc, answered_at, answered_by, created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, item_id) DO UPDATE SET
       value = excluded.value, note_enc = CASE WHEN ? THEN excluded.note_enc ELSE checklist_answers.note_enc END,
       answered_at = excluded.answered_at, prefilled_from = NULL,
       answered_by = excluded.answered_by, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
       device_id = excluded.device_id, deleted_at = NULL`,
    [randomUUID(), runId, a.itemId, storedValue(cipher, a.value, a.secret), cipher.encrypt(a.note ?? null), actor.now, actor.managerId, actor.now, actor.now, actor.managerId, actor.deviceId, a.note === undefined ? 0 : 1],
  );
  await touchRun(q, actor, runId, processId);
  await writeAudit(q, actor, 'checklist_runs', runId, 'update', [`answers.${a.itemId}`]);
}

/** Withdraws an answer (a tombstone; answering again brings the row back). */
export async function clearAnswer(q: Queryable, actor: Actor, runId: string, itemId: string, processId: string): Promise<boolean> {
  const r = await q.run(
    'UPDATE checklist_answers SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE run_id = ? AND item_id = ? AND deleted_at IS NULL',
    [actor.now, actor.now, actor.managerId, actor.deviceId, runId, itemId],
  );
  if (r.changes === 0) return false;
  await touchRun(q, actor, runId, processId);
  await writeAudit(q, actor, 'checklist_runs', runId, 'update', [`answers.${itemId}`]);
  return true;
}

/** The live photo ids of a run, by item, in the order they were attached. */
export async function runPhotoIds(q: Queryable, runId: string): Promise<Map<string, string[]>> {
  const rows = await q.all<{ item_id: string; photo_id: string }>(
    'SELECT item_id, photo_id FROM checklist_photo_links WHERE run_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid',
    [runId],
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.item_id, [...(map.get(r.item_id) ?? []), r.photo_id]);
  return map;
}

/**
 * The run's answers as engine records: value, decrypted note, and the photos attached to the
 * item. Notes are left out when no cipher is given.
 */
export async function runAnswers(q: Queryable, runId: string, cipher?: FieldCipher): Promise<(Answer & { answeredAt: string; prefilledFrom?: 'listing' | 'lease' | 'registry' })[]> {
  const rows = await q.all<AnswerRow & { prefilled_from: 'listing' | 'lease' | 'registry' | null }>(
    'SELECT item_id, value, note_enc, answered_at, prefilled_from FROM checklist_answers WHERE run_id = ? AND deleted_at IS NULL ORDER BY answered_at, rowid',
    [runId],
  );
  const photos = await runPhotoIds(q, runId);
  return rows.map((r) => {
    const note = cipher ? cipher.decrypt(r.note_enc) : null;
    const photoIds = photos.get(r.item_id);
    return {
      itemId: r.item_id,
      value: readValue(cipher, r.value),
      ...(note ? { note } : {}),
      ...(photoIds ? { photoIds } : {}),
      answeredAt: r.answered_at,
      // lease module: filled in from what the case knew, until the manager answers it.
      ...(r.prefilled_from ? { prefilledFrom: r.prefilled_from } : {}),
    };
  });
}

/** Records completion: the time and the manager. Only an open run can be completed. */
export async function completeRun(q: Queryable, actor: Actor, runId: string, processId: string): Promise<boolean> {
  const r = await q.run(
    `UPDATE checklist_runs SET status = 'completed', completed_at = ?, completed_by = ?, touched_by_process = ?,
       updated_at = ?, updated_by = ?, device_id = ?
     WHERE id = ? AND status = 'open' AND deleted_at IS NULL`,
    [actor.now, actor.managerId, processId, actor.now, actor.managerId, actor.deviceId, runId],
  );
  if (r.changes > 0) await writeAudit(q, actor, 'checklist_runs', runId, 'update', ['status', 'completedAt', 'completedBy']);
  return r.changes > 0;
}

export function readUnmapped(cipher: FieldCipher, row: Pick<RunRow, 'unmapped_enc'>): StoredUnmapped[] {
  const plain = cipher.decrypt(row.unmapped_enc);
  return plain ? (JSON.parse(plain) as StoredUnmapped[]) : [];
}

/**
 * Moves an open run to a newer template version: the carried answers replace the stored ones
 * (an answer that did not carry is withdrawn), and the unmapped ones are kept on the run so the
 * UI can show them. Photos stay linked by item id.
 */
export async function upgradeRunTo(
  q: Queryable,
  cipher: FieldCipher,
  actor: Actor,
  run: RunRow,
  toVersion: number,
  carried: Answer[],
  unmapped: Unmapped[],
  processId: string,
  /** Items whose answers are typed text (encrypted). */
  secretItems: ReadonlySet<string> = new Set(),
): Promise<void> {
  const keep = new Set(carried.map((a) => a.itemId));
  await q.run(
    `UPDATE checklist_answers SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ?
      WHERE run_id = ? AND deleted_at IS NULL AND item_id NOT IN (SELECT value FROM json_each(?))`,
    [actor.now, actor.now, actor.managerId, actor.deviceId, run.id, JSON.stringify([...keep])],
  );
  for (const a of carried) {
    await q.run(
      `UPDATE checklist_answers SET value = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE run_id = ? AND item_id = ?`,
      [storedValue(cipher, a.value, secretItems.has(a.itemId)), actor.now, actor.managerId, actor.deviceId, run.id, a.itemId],
    );
  }
  const all: StoredUnmapped[] = [
    ...readUnmapped(cipher, run),
    ...unmapped.map((u) => ({ ...u, fromVersion: run.template_version, toVersion })),
  ];
  await q.run(
    `UPDATE checklist_runs SET template_version = ?, upgraded_from = ?, unmapped_enc = ?, touched_by_process = ?,
       updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?`,
    [toVersion, run.template_version, all.length ? cipher.encrypt(JSON.stringify(all)) : null, processId, actor.now, actor.managerId, actor.deviceId, run.id],
  );
  await writeAudit(q, actor, 'checklist_runs', run.id, 'update', ['templateVersion', ...unmapped.map((u) => `unmapped.${u.itemId}`)]);
}

export async function deleteRun(q: Queryable, actor: Actor, runId: string): Promise<boolean> {
  const r = await q.run(
    'UPDATE checklist_runs SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ? AND deleted_at IS NULL',
    [actor.now, actor.now, actor.managerId, actor.deviceId, runId],
  );
  if (r.changes > 0) await writeAudit(q, actor, 'checklist_runs', runId, 'delete');
  return r.changes > 0;
}

/**
 * The answers of the most recently started live run of a template on a listing (any version),
 * for other modules (the rights analysis reads the 권리분석 run). Notes are decrypted only
 * when a cipher is given.
 */
export async function latestRunAnswers(
  q: Queryable,
  listingId: string,
  templateId: string,
  cipher?: FieldCipher,
): Promise<{ runId: string; templateId: string; version: number; answers: Answer[]; completed: boolean } | null> {
  const run = await q.get<RunRow>(
    `SELECT r.* FROM checklist_runs r WHERE r.listing_id = ? AND r.template_id = ? AND ${LIVE_CHAIN}
      ORDER BY r.started_at DESC, r.rowid DESC LIMIT 1`,
    [listingId, templateId],
  );
  if (!run) return null;
  const answers = (await runAnswers(q, run.id, cipher)).map(({ answeredAt: _at, prefilledFrom: _p, ...a }) => a);
  return { runId: run.id, templateId: run.template_id, version: run.template_version, answers, completed: run.status === 'completed' };
}
