// Form drafts (0006 form_drafts): one per manager and form, encrypted, expiring a day after the
// last change; a draft about a client is destroyed with them (data/privacy/entries.ts).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';

export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

interface DraftRow {
  form_key: string;
  data_enc: string;
  updated_at: string;
  expires_at: string;
}

export async function saveDraft(
  q: Queryable,
  cipher: FieldCipher,
  d: { managerId: string; formKey: string; clientId: string | null; data: Record<string, unknown>; now: string },
): Promise<void> {
  const expires = new Date(Date.parse(d.now) + DRAFT_TTL_MS).toISOString();
  await q.run(
    `INSERT INTO form_drafts (id, manager_id, form_key, client_id, data_enc, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (manager_id, form_key) DO UPDATE SET client_id = excluded.client_id, data_enc = excluded.data_enc,
       updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
    [randomUUID(), d.managerId, d.formKey, d.clientId, cipher.encrypt(JSON.stringify(d.data))!, d.now, expires],
  );
}

export async function getDraft(q: Queryable, cipher: FieldCipher, managerId: string, formKey: string, now: string) {
  const row = await q.get<DraftRow>(
    'SELECT form_key, data_enc, updated_at, expires_at FROM form_drafts WHERE manager_id = ? AND form_key = ? AND expires_at > ?',
    [managerId, formKey, now],
  );
  if (!row) return null;
  const text = cipher.tryDecrypt(row.data_enc);
  if (!text) return null; // destroyed with its client, or damaged: nothing to restore
  return { formKey: row.form_key, data: JSON.parse(text) as Record<string, unknown>, updatedAt: row.updated_at, expiresAt: row.expires_at };
}

export async function discardDraft(q: Queryable, managerId: string, formKey: string): Promise<boolean> {
  return (await q.run('DELETE FROM form_drafts WHERE manager_id = ? AND form_key = ?', [managerId, formKey])).changes > 0;
}

/** Deletes drafts whose day is over (run with the daily retention sweep). */
export async function sweepDrafts(q: Queryable, now: string): Promise<number> {
  return (await q.run('DELETE FROM form_drafts WHERE expires_at <= ?', [now])).changes;
}
