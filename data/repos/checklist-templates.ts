// Districts' and coordinators' own checklist templates, stored as the JSON that was accepted.
// Rows are never updated (a trigger refuses it) and (template_id, version) is UNIQUE.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import { writeAudit, type Actor } from './audit.js';

export interface StoredTemplateRow {
  id: string;
  template_id: string;
  version: number;
  json: string;
  added_by: string | null;
  added_by_name: string | null;
  created_at: string;
}

export function listStoredTemplates(q: Queryable): Promise<StoredTemplateRow[]> {
  return q.all<StoredTemplateRow>(
    `SELECT t.id, t.template_id, t.version, t.json, t.added_by, m.name AS added_by_name, t.created_at
       FROM checklist_templates t LEFT JOIN managers m ON m.id = t.added_by
      WHERE t.deleted_at IS NULL ORDER BY t.template_id, t.version`,
  );
}

/** Stores an accepted template; the UNIQUE constraint refuses a published (id, version). */
export async function insertTemplate(q: Queryable, actor: Actor, t: { id: string; version: number }, json: string): Promise<string> {
  const rowId = randomUUID();
  await q.run(
    `INSERT INTO checklist_templates (id, template_id, version, json, added_by, created_at, updated_at, updated_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [rowId, t.id, t.version, json, actor.managerId, actor.now, actor.now, actor.managerId, actor.deviceId],
  );
  await writeAudit(q, actor, 'checklist_templates', rowId, 'create', ['templateId', 'version']);
  return rowId;
}
