// The registry document per listing (encrypted as a whole: 권리자 names are personal data) and
// the user's own base-rate rows. One live registry row per listing; saving replaces its document.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { UserBaseRateRow } from '../reference/index.js';
import { REGISTRY_DOC_VERSION, type RegistryDoc } from '../../checklists/rights/registry-doc.js';
import { writeAudit, type Actor } from './audit.js';

export interface SavedRegistry {
  doc: RegistryDoc;
  updatedAt: string;
  updatedBy: string | null;
}

interface RegistryRow {
  id: string;
  doc_version: number;
  doc_enc: string;
  updated_at: string;
  updated_by_name: string | null;
}

export async function getRegistry(q: Queryable, cipher: FieldCipher, listingId: string): Promise<SavedRegistry | null> {
  const row = await q.get<RegistryRow>(
    `SELECT r.id, r.doc_version, r.doc_enc, r.updated_at, m.name AS updated_by_name
       FROM listing_registries r LEFT JOIN managers m ON m.id = r.updated_by
      WHERE r.listing_id = ? AND r.deleted_at IS NULL`,
    [listingId],
  );
  if (!row) return null;
  if (row.doc_version !== REGISTRY_DOC_VERSION) throw new Error(`registry document version ${row.doc_version} is not known to this build`);
  return { doc: JSON.parse(cipher.decrypt(row.doc_enc)!) as RegistryDoc, updatedAt: row.updated_at, updatedBy: row.updated_by_name };
}

/** Creates or replaces the listing's registry document (validated by the caller), with audit. */
export async function saveRegistry(q: Queryable, cipher: FieldCipher, actor: Actor, listingId: string, doc: RegistryDoc): Promise<void> {
  const enc = cipher.encrypt(JSON.stringify(doc))!;
  const live = await q.get<{ id: string }>('SELECT id FROM listing_registries WHERE listing_id = ? AND deleted_at IS NULL', [listingId]);
  // The audit names the parts of the document, never its values.
  const fields = Object.keys(doc);
  if (live) {
    await q.run(
      'UPDATE listing_registries SET doc_version = ?, doc_enc = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?',
      [REGISTRY_DOC_VERSION, enc, actor.now, actor.managerId, actor.deviceId, live.id],
    );
    await writeAudit(q, actor, 'listing_registries', live.id, 'update', fields);
    return;
  }
  const id = randomUUID();
  await q.run(
    `INSERT INTO listing_registries (id, listing_id, doc_version, doc_enc, created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, listingId, REGISTRY_DOC_VERSION, enc, actor.now, actor.now, actor.managerId, actor.deviceId],
  );
  await writeAudit(q, actor, 'listing_registries', id, 'create', fields);
}

export interface BaseRateRow extends UserBaseRateRow {
  id: string;
  note?: string;
  createdAt: string;
}

interface RateRow {
  id: string;
  effective_from: string;
  rate_bp: number;
  note: string | null;
  created_at: string;
}

export async function listBaseRates(q: Queryable): Promise<BaseRateRow[]> {
  const rows = await q.all<RateRow>('SELECT id, effective_from, rate_bp, note, created_at FROM user_base_rates WHERE deleted_at IS NULL ORDER BY effective_from');
  return rows.map((r) => ({ id: r.id, effectiveFrom: r.effective_from, rateBp: r.rate_bp, ...(r.note ? { note: r.note } : {}), createdAt: r.created_at }));
}

/** Adds a row; false when a live row already has that date. */
export async function addBaseRate(q: Queryable, actor: Actor, row: UserBaseRateRow): Promise<string | null> {
  if (await q.get('SELECT 1 FROM user_base_rates WHERE effective_from = ? AND deleted_at IS NULL', [row.effectiveFrom])) return null;
  const id = randomUUID();
  await q.run(
    `INSERT INTO user_base_rates (id, effective_from, rate_bp, note, created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, row.effectiveFrom, row.rateBp, row.note ?? null, actor.now, actor.now, actor.managerId, actor.deviceId],
  );
  await writeAudit(q, actor, 'user_base_rates', id, 'create', ['effectiveFrom', 'rateBp', ...(row.note ? ['note'] : [])]);
  return id;
}

export async function removeBaseRate(q: Queryable, actor: Actor, id: string): Promise<boolean> {
  const r = await q.run(
    'UPDATE user_base_rates SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ? AND deleted_at IS NULL',
    [actor.now, actor.now, actor.managerId, actor.deviceId, id],
  );
  if (r.changes > 0) await writeAudit(q, actor, 'user_base_rates', id, 'delete');
  return r.changes > 0;
}
