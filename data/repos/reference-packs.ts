// Loaded reference packs (issue 13). The pack file is stored whole, as checked; the active one is
// what the engines read. Loading is audited; earlier packs stay.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import { writeAudit, type Actor } from './audit.js';

export interface ReferencePackRow {
  id: string;
  pack_version: string;
  verified_on: string;
  manifest_sha256: string;
  pack_json: string;
  signed: number;
  active: number;
  loaded_at: string;
  loaded_by: string | null;
  loaded_by_name: string | null;
  device_id: string;
}

const SELECT = `SELECT p.*, m.name AS loaded_by_name FROM reference_packs p LEFT JOIN managers m ON m.id = p.loaded_by`;

export function activePack(q: Queryable): Promise<ReferencePackRow | undefined> {
  return q.get<ReferencePackRow>(`${SELECT} WHERE p.active = 1`);
}

export function packHistory(q: Queryable): Promise<ReferencePackRow[]> {
  return q.all<ReferencePackRow>(`${SELECT} ORDER BY p.loaded_at DESC, p.rowid DESC`);
}

/** Stores a checked pack and makes it the one in force; the previous one is kept, inactive. */
export async function storePack(
  q: Queryable,
  actor: Actor,
  p: { packVersion: string; verifiedOn: string; sha256: string; json: string; signed: boolean },
): Promise<string> {
  const id = randomUUID();
  await q.run('UPDATE reference_packs SET active = 0 WHERE active = 1');
  await q.run(
    `INSERT INTO reference_packs (id, pack_version, verified_on, manifest_sha256, pack_json, signed, active, loaded_at, loaded_by, device_id)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    [id, p.packVersion, p.verifiedOn, p.sha256, p.json, p.signed ? 1 : 0, actor.now, actor.managerId, actor.deviceId],
  );
  await writeAudit(q, actor, 'reference_packs', id, 'load_reference_pack', ['packVersion', 'verifiedOn', 'sha256']);
  return id;
}
