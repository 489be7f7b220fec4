// Calculator results saved to a case (issue 11): the calculator, its inputs and its result as the
// backend recomputed them, encrypted under the client's key, with the reference pack whose tables
// gave the result. Destroyed (removed) with the client's consent or retention.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { writeAudit, type Actor } from './audit.js';
import { CLIENT_ROWS, registerPersonalData } from '../privacy/registry.js';

registerPersonalData({ name: 'calculators.savedResults', table: 'case_calc_results', key: 'case_id', rows: CLIENT_ROWS.cases, remove: true });

export interface SavedCalcRow {
  id: string;
  case_id: string;
  calculator: string;
  input_enc: string | null;
  result_enc: string | null;
  pack_version: string;
  pack_verified_on: string;
  pack_source: 'shipped' | 'loaded';
  saved_at: string;
  saved_by: string | null;
  saved_by_name: string | null;
}

export async function saveCalcResult(
  q: Queryable,
  cipher: FieldCipher,
  actor: Actor,
  f: { caseId: string; name: string; input: unknown; result: unknown; pack: { packVersion: string; verifiedOn: string; source: 'shipped' | 'loaded' }},
): Promise<string> {
  const id = randomUUID();
  await q.run(
    `INSERT INTO case_calc_results (id, case_id, calculator, input_enc, result_enc, pack_version, pack_verified_on, pack_source,
       saved_at, saved_by, created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id, f.caseId, f.name, cipher.encrypt(JSON.stringify(f.input)), cipher.encrypt(JSON.stringify(f.result)),
      f.pack.packVersion, f.pack.verifiedOn, f.pack.source,
      actor.now, actor.managerId, actor.now, actor.now, actor.managerId, actor.deviceId,
    ],
  );
  await writeAudit(q, actor, 'case_calc_results', id, 'create', ['caseId', 'calculator', 'input', 'result', 'pack']);
  return id;
}

export function listCalcResults(q: Queryable, caseId: string): Promise<SavedCalcRow[]> {
  return q.all<SavedCalcRow>(
    `SELECT s.*, m.name AS saved_by_name FROM case_calc_results s LEFT JOIN managers m ON m.id = s.saved_by
      WHERE s.case_id = ? AND s.deleted_at IS NULL ORDER BY s.saved_at DESC, s.rowid DESC`,
    [caseId],
  );
}

export function getCalcResult(q: Queryable, id: string): Promise<{ id: string; case_id: string } | undefined> {
  return q.get('SELECT id, case_id FROM case_calc_results WHERE id = ? AND deleted_at IS NULL', [id]);
}

/** Deleting a saved result removes its row (inputs and result are the client's data). */
export async function deleteCalcResult(q: Queryable, actor: Actor, id: string): Promise<boolean> {
  const r = await q.run('DELETE FROM case_calc_results WHERE id = ?', [id]);
  if (r.changes > 0) await writeAudit(q, actor, 'case_calc_results', id, 'delete');
  return r.changes > 0;
}
