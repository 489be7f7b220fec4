// Site studies (the planners' side): the document and its last run's summary.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { Actor } from './audit.js';
import { writeAudit } from './audit.js';
import { insertRecord, metaView, restore, softDelete, updateRecord, type MetaRow } from './records.js';

interface StudyRow extends MetaRow {
  name: string;
  study_json: string;
  last_run_json: string | null;
  last_run_at: string | null;
}

export function studyView(row: StudyRow) {
  return {
    ...metaView(row),
    name: row.name,
    study: JSON.parse(row.study_json) as Record<string, unknown>,
    lastRun: row.last_run_json ? (JSON.parse(row.last_run_json) as unknown) : null,
    lastRunAt: row.last_run_at,
  };
}

const SELECT = `SELECT s.*, m.name AS updated_by_name FROM geo_studies s LEFT JOIN managers m ON m.id = s.updated_by`;

export function listStudies(q: Queryable) {
  return q.all<StudyRow>(`${SELECT} WHERE s.deleted_at IS NULL ORDER BY s.updated_at DESC`);
}

export function getStudy(q: Queryable, id: string) {
  return q.get<StudyRow>(`${SELECT} WHERE s.id = ? AND s.deleted_at IS NULL`, [id]);
}

export async function saveStudy(q: Queryable, actor: Actor, id: string | undefined, name: string, study: unknown): Promise<string | null> {
  const json = JSON.stringify(study);
  if (!id) {
    const newId = randomUUID();
    await insertRecord(q, actor, 'geo_studies', newId, { name, study_json: json }, { auditFields: ['name', 'study'] });
    return newId;
  }
  // A changed document invalidates the last run's results.
  const ok = await updateRecord(q, actor, 'geo_studies', id, { name, study_json: json, last_run_json: null, last_run_at: null }, ['name', 'study']);
  return ok ? id : null;
}

export async function recordRun(q: Queryable, actor: Actor, id: string, run: unknown): Promise<void> {
  await q.run(`UPDATE geo_studies SET last_run_json = ?, last_run_at = ? WHERE id = ? AND deleted_at IS NULL`, [JSON.stringify(run), actor.now, id]);
  await writeAudit(q, actor, 'geo_studies', id, 'update', ['lastRun']);
}

export const deleteStudy = (q: Queryable, actor: Actor, id: string) => softDelete(q, actor, 'geo_studies', id);
export const restoreStudy = (q: Queryable, actor: Actor, id: string) => restore(q, actor, 'geo_studies', id);
