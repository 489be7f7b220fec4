// Layers imported onto the planners' map, and the saved versions of study documents.
import type { Queryable } from '../db/sqlite.js';
import type { Actor } from './audit.js';
import { writeAudit } from './audit.js';

export interface MapLayerRow {
  id: string;
  name: string;
  file: string;
  report_json: string;
  style_json: string | null;
  created_at: string;
}

export async function insertMapLayer(q: Queryable, actor: Actor, row: { id: string; name: string; file: string; report: unknown; style?: unknown }): Promise<void> {
  await q.run(
    `INSERT INTO map_layers (id, name, file, report_json, style_json, created_at, updated_at, updated_by, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.id, row.name, row.file, JSON.stringify(row.report), row.style ? JSON.stringify(row.style) : null, actor.now, actor.now, actor.managerId, actor.deviceId],
  );
  await writeAudit(q, actor, 'map_layers', row.id, 'create', ['name', 'file']);
}

export async function listMapLayers(q: Queryable): Promise<MapLayerRow[]> {
  return q.all<MapLayerRow>(`SELECT id, name, file, report_json, style_json, created_at FROM map_layers WHERE deleted_at IS NULL ORDER BY created_at`);
}

export async function removeMapLayer(q: Queryable, actor: Actor, id: string): Promise<MapLayerRow | null> {
  const row = await q.get<MapLayerRow>(`SELECT id, name, file, report_json, style_json, created_at FROM map_layers WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) return null;
  await q.run(`UPDATE map_layers SET deleted_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?`, [actor.now, actor.now, actor.managerId, actor.deviceId, id]);
  await writeAudit(q, actor, 'map_layers', id, 'delete', []);
  return row;
}

/** A layer's style by attribute (JSON), null for its single colour. False when there is no such layer. */
export async function setMapLayerStyle(q: Queryable, actor: Actor, id: string, style: unknown): Promise<boolean> {
  const r = await q.run(`UPDATE map_layers SET style_json = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ? AND deleted_at IS NULL`, [style ? JSON.stringify(style) : null, actor.now, actor.managerId, actor.deviceId, id]);
  if (!r.changes) return false;
  await writeAudit(q, actor, 'map_layers', id, 'update', ['style_json']);
  return true;
}

export async function studyVersions(q: Queryable, studyId: string): Promise<{ version: number; name: string; savedAt: string }[]> {
  return q.all(`SELECT version, name, saved_at AS savedAt FROM geo_study_versions WHERE study_id = ? ORDER BY version DESC`, [studyId]);
}
