// Amendments of a completed checklist run (issue 11), like a viewing's: dated, with the item, the
// new answer and note, the reason and the manager; the run's original answers stay unchanged.
// Value, note and reason may be free text → encrypted under the client's key, removed on destruction.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { AnswerValue } from '../../checklists/engine/index.js';
import { writeAudit, type Actor } from './audit.js';
import { CLIENT_ROWS, registerPersonalData } from '../privacy/registry.js';

registerPersonalData({ name: 'checklists.amendments', table: 'checklist_run_amendments', key: 'run_id', rows: CLIENT_ROWS.runs, remove: true });

export interface RunAmendment {
  id: string;
  itemId: string;
  /** The new answer; null when the key was destroyed or the answer was withdrawn. */
  value: AnswerValue | null;
  note: string | null;
  reason: string | null;
  at: string;
  by: string | null;
}

export async function addRunAmendment(
  q: Queryable,
  cipher: FieldCipher,
  actor: Actor,
  runId: string,
  a: { itemId: string; value: AnswerValue | null; note: string | null; reason: string },
): Promise<string> {
  const id = randomUUID();
  await q.run(
    `INSERT INTO checklist_run_amendments (id, run_id, item_id, value_enc, note_enc, reason_enc, at, by_manager, created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, runId, a.itemId, cipher.encrypt(JSON.stringify(a.value)), cipher.encrypt(a.note), cipher.encrypt(a.reason), actor.now, actor.managerId, actor.now, actor.now, actor.managerId, actor.deviceId],
  );
  await writeAudit(q, actor, 'checklist_run_amendments', id, 'create', ['runId', 'itemId', 'value', 'note', 'reason']);
  return id;
}

/** A run's amendments, oldest first. */
export async function listRunAmendments(q: Queryable, runId: string, cipher: FieldCipher): Promise<RunAmendment[]> {
  const rows = await q.all<{ id: string; item_id: string; value_enc: string | null; note_enc: string | null; reason_enc: string | null; at: string; by_name: string | null }>(
    `SELECT a.id, a.item_id, a.value_enc, a.note_enc, a.reason_enc, a.at, m.name AS by_name
       FROM checklist_run_amendments a LEFT JOIN managers m ON m.id = a.by_manager
      WHERE a.run_id = ? ORDER BY a.at, a.rowid`,
    [runId],
  );
  return rows.map((r) => {
    const v = cipher.decrypt(r.value_enc);
    return { id: r.id, itemId: r.item_id, value: v === null ? null : (JSON.parse(v) as AnswerValue), note: cipher.decrypt(r.note_enc), reason: cipher.decrypt(r.reason_enc), at: r.at, by: r.by_name };
  });
}
