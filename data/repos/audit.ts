// The audit log: who changed what, when, from which device — written in the same
// transaction as the change. It records field names, never personal values.
import type { Queryable } from '../db/sqlite.js';

export interface Actor {
  managerId: string | null;
  deviceId: string;
  /** ISO instant of the change. */
  now: string;
}

export type AuditAction =
  | 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'withdraw_consent' | 'destroy_personal'
  // managers (issue 11/13): PIN change, role grant/revoke, deactivation; the reference pack load
  | 'change_pin' | 'grant_coordinator' | 'revoke_coordinator' | 'deactivate' | 'reactivate' | 'load_reference_pack';

export async function writeAudit(
  q: Queryable,
  actor: Actor,
  entity: string,
  entityId: string,
  action: AuditAction,
  fields: string[] = [],
): Promise<void> {
  await q.run(
    'INSERT INTO audit (at, manager_id, device_id, entity, entity_id, action, fields) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [actor.now, actor.managerId, actor.deviceId, entity, entityId, action, JSON.stringify(fields)],
  );
}

export interface AuditRow {
  seq: number;
  at: string;
  manager_name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  fields: string;
}

export function listAudit(q: Queryable, entityId: string): Promise<AuditRow[]> {
  return q.all<AuditRow>(
    `SELECT a.seq, a.at, m.name AS manager_name, a.entity, a.entity_id, a.action, a.fields
       FROM audit a LEFT JOIN managers m ON m.id = a.manager_id
      WHERE a.entity_id = ? ORDER BY a.seq`,
    [entityId],
  );
}

/** Columns whose value differs between two snapshots (for the audit entry). */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
  return (Object.keys(after) as (keyof T)[])
    .filter((k) => after[k] !== undefined && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map(String);
}

/**
 * A search's words: every one must match somewhere (「관악 신림」 finds a 관악구 listing on 신림로),
 * each as a partial, case-insensitive word.
 */
export function searchWords(query: string | undefined): string[] {
  return (query ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** True when every word occurs in the text. */
export function matchesAll(text: string, words: string[]): boolean {
  const hay = text.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Escapes a user's search text for `LIKE '%…%' ESCAPE '\'`. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How many audit entries a record has (a revision counter, e.g. for calendar SEQUENCE). */
export async function auditCount(q: Queryable, entity: string, entityId: string): Promise<number> {
  return (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit WHERE entity = ? AND entity_id = ?', [entity, entityId]))?.n ?? 0;
}
