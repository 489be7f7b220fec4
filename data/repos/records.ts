// Shared record plumbing: every row has a UUID, timestamps, last editor and device,
// a deletion tombstone and a demo mark.
import type { Queryable } from '../db/sqlite.js';
import { writeAudit, type Actor } from './audit.js';

export interface MetaRow {
  id: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  updated_by_name?: string | null;
  device_id: string;
  deleted_at: string | null;
  is_demo: number;
}

export type Table = 'managers' | 'clients' | 'cases' | 'listings' | 'geo_studies';

/** Inserts a row with its metadata and audit entry. `values` maps column → value. */
export async function insertRecord(
  q: Queryable,
  actor: Actor,
  table: Table,
  id: string,
  values: Record<string, string | number | null>,
  opts: { isDemo?: boolean; auditFields?: string[] } = {},
): Promise<void> {
  const cols = { ...values, id, created_at: actor.now, updated_at: actor.now, updated_by: actor.managerId, device_id: actor.deviceId, is_demo: opts.isDemo ? 1 : 0 };
  const names = Object.keys(cols);
  await q.run(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, Object.values(cols));
  await writeAudit(q, actor, table, id, 'create', opts.auditFields ?? Object.keys(values));
}

/** Updates the given columns of a live row, bumping its metadata, with an audit entry. */
export async function updateRecord(
  q: Queryable,
  actor: Actor,
  table: Table,
  id: string,
  values: Record<string, string | number | null>,
  auditFields: string[],
): Promise<boolean> {
  const cols = { ...values, updated_at: actor.now, updated_by: actor.managerId, device_id: actor.deviceId };
  const r = await q.run(
    `UPDATE ${table} SET ${Object.keys(cols).map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND deleted_at IS NULL`,
    [...Object.values(cols), id],
  );
  if (r.changes > 0) await writeAudit(q, actor, table, id, 'update', auditFields);
  return r.changes > 0;
}

/** Soft delete: a tombstone, so one click loses nothing and undo is possible. */
export async function softDelete(q: Queryable, actor: Actor, table: Table, id: string): Promise<boolean> {
  const r = await q.run(
    `UPDATE ${table} SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ? AND deleted_at IS NULL`,
    [actor.now, actor.now, actor.managerId, actor.deviceId, id],
  );
  if (r.changes > 0) await writeAudit(q, actor, table, id, 'delete');
  return r.changes > 0;
}

export async function restore(q: Queryable, actor: Actor, table: Table, id: string): Promise<boolean> {
  const r = await q.run(
    `UPDATE ${table} SET deleted_at = NULL, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ? AND deleted_at IS NOT NULL`,
    [actor.now, actor.managerId, actor.deviceId, id],
  );
  if (r.changes > 0) await writeAudit(q, actor, table, id, 'restore');
  return r.changes > 0;
}

export function metaView(row: MetaRow) {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name ?? null,
    isDemo: row.is_demo === 1,
  };
}
