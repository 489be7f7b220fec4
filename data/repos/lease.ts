// A case's lease facts (encrypted as a whole under the client's own key), its timeline as dates (lease_steps, no personal
// data: keys, dates, ticks) and the listings' dated registry snapshots (encrypted, immutable).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { LeaseFacts } from '../../checklists/lease/timeline.js';
import type { Step } from '../../checklists/rights/steps.js';
import { REGISTRY_DOC_VERSION, type RegistryDoc } from '../../checklists/rights/registry-doc.js';
import { writeAudit, type Actor } from './audit.js';
import { CLIENT_ROWS, registerPersonalData } from '../privacy/registry.js';

// What the lease module stores about a client (destroyed with the client's consent or retention):
// the lease facts (the address and amounts of their lease) and the registry snapshots (권리자
// names, the landlord). The dated steps (keys, dates, ticks) are non-identifying and stay.
registerPersonalData({ name: 'lease.facts', table: 'case_leases', key: 'case_id', rows: CLIENT_ROWS.cases, remove: true });
registerPersonalData({ name: 'lease.registrySnapshots', table: 'registry_snapshots', key: 'listing_id', rows: CLIENT_ROWS.listings, remove: true });

export const LEASE_FACTS_VERSION = 1;

export interface SavedLease {
  id: string;
  caseId: string;
  listingId: string | null;
  facts: LeaseFacts;
  updatedAt: string;
}

export async function getLease(q: Queryable, cipher: FieldCipher, caseId: string): Promise<SavedLease | null> {
  const row = await q.get<{ id: string; listing_id: string | null; facts_version: number; facts_enc: string; updated_at: string }>(
    'SELECT id, listing_id, facts_version, facts_enc, updated_at FROM case_leases WHERE case_id = ? AND deleted_at IS NULL',
    [caseId],
  );
  if (!row) return null;
  if (row.facts_version !== LEASE_FACTS_VERSION) throw new Error(`lease facts version ${row.facts_version} is not known to this build`);
  return { id: row.id, caseId, listingId: row.listing_id, facts: JSON.parse(cipher.decrypt(row.facts_enc)!) as LeaseFacts, updatedAt: row.updated_at };
}

/** Saves the facts and rewrites the case's steps (keeping ticks of steps that remain). */
export async function saveLease(q: Queryable, cipher: FieldCipher, actor: Actor, caseId: string, listingId: string | null, facts: LeaseFacts, steps: Step[]): Promise<void> {
  const enc = cipher.encrypt(JSON.stringify(facts))!;
  const live = await q.get<{ id: string }>('SELECT id FROM case_leases WHERE case_id = ? AND deleted_at IS NULL', [caseId]);
  const fields = Object.entries(facts).filter(([, v]) => v !== null && v !== undefined).map(([k]) => k);
  if (live) {
    await q.run('UPDATE case_leases SET listing_id = ?, facts_version = ?, facts_enc = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?', [
      listingId, LEASE_FACTS_VERSION, enc, actor.now, actor.managerId, actor.deviceId, live.id,
    ]);
    await writeAudit(q, actor, 'case_leases', live.id, 'update', fields);
  } else {
    const id = randomUUID();
    await q.run(
      `INSERT INTO case_leases (id, case_id, listing_id, facts_version, facts_enc, created_at, updated_at, updated_by, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, caseId, listingId, LEASE_FACTS_VERSION, enc, actor.now, actor.now, actor.managerId, actor.deviceId],
    );
    await writeAudit(q, actor, 'case_leases', id, 'create', fields);
  }
  await writeSteps(q, actor, caseId, steps);
}

/** Rewrites the dated steps of a case; ticks on keys that remain are kept. */
export async function writeSteps(q: Queryable, actor: Actor, caseId: string, steps: Step[]): Promise<void> {
  const keys = steps.map((s) => s.key);
  await q.run(`DELETE FROM lease_steps WHERE case_id = ? AND step_key NOT IN (SELECT value FROM json_each(?))`, [caseId, JSON.stringify(keys)]);
  for (const s of steps) {
    await q.run(
      `INSERT INTO lease_steps (case_id, manager_id, step_key, due_on, from_on, deadline, status, severity, updated_at)
       VALUES (?, (SELECT manager_id FROM cases WHERE id = ?), ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id, step_key) DO UPDATE SET manager_id = excluded.manager_id, due_on = excluded.due_on, from_on = excluded.from_on,
         deadline = excluded.deadline, status = excluded.status, severity = excluded.severity, updated_at = excluded.updated_at`,
      [caseId, caseId, s.key, s.window?.to ?? s.date, s.window?.from ?? null, s.deadline ? 1 : 0, s.status ?? 'scheduled', s.severity ?? null, actor.now],
    );
  }
}

export async function stepTicks(q: Queryable, caseId: string): Promise<Record<string, string>> {
  const rows = await q.all<{ step_key: string; done_on: string }>('SELECT step_key, done_on FROM lease_steps WHERE case_id = ? AND done_on IS NOT NULL', [caseId]);
  return Object.fromEntries(rows.map((r) => [r.step_key, r.done_on]));
}

/** Ticks a step done on `doneOn`, or clears the tick (null). False when the step does not exist. */
export async function tickStep(q: Queryable, actor: Actor, caseId: string, stepKey: string, doneOn: string | null): Promise<boolean> {
  const r = await q.run('UPDATE lease_steps SET done_on = ?, done_by = ?, updated_at = ? WHERE case_id = ? AND step_key = ?', [
    doneOn, doneOn ? actor.managerId : null, actor.now, caseId, stepKey,
  ]);
  if (!r.changes) return false;
  const lease = await q.get<{ id: string }>('SELECT id FROM case_leases WHERE case_id = ? AND deleted_at IS NULL', [caseId]);
  if (lease) await writeAudit(q, actor, 'case_leases', lease.id, 'update', [`step:${stepKey}`]);
  return true;
}

// ---- registry snapshots ----
export type SnapshotStage = 'consultation' | 'contract' | 'balance' | 'other';

export interface Snapshot {
  id: string;
  listingId: string;
  stage: SnapshotStage;
  takenOn: string;
  supersedes: string | null;
  /** Set when a later snapshot corrects this one. */
  supersededBy: string | null;
  createdAt: string;
  createdBy: string | null;
  doc: RegistryDoc;
}

export async function addSnapshot(
  q: Queryable, cipher: FieldCipher, actor: Actor,
  s: { listingId: string; stage: SnapshotStage; takenOn: string; supersedes: string | null; doc: RegistryDoc },
): Promise<string> {
  const id = randomUUID();
  await q.run(
    `INSERT INTO registry_snapshots (id, listing_id, stage, taken_on, supersedes, doc_version, doc_enc, created_at, created_by, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, s.listingId, s.stage, s.takenOn, s.supersedes, REGISTRY_DOC_VERSION, cipher.encrypt(JSON.stringify(s.doc))!, actor.now, actor.managerId, actor.deviceId],
  );
  await writeAudit(q, actor, 'registry_snapshots', id, 'create', ['stage', 'takenOn', ...(s.supersedes ? ['supersedes'] : [])]);
  return id;
}

/** The listing's snapshots, oldest first (by the day read, then when recorded). */
export async function listSnapshots(q: Queryable, cipher: FieldCipher, listingId: string): Promise<Snapshot[]> {
  const rows = await q.all<{ id: string; stage: SnapshotStage; taken_on: string; supersedes: string | null; superseded_by: string | null; doc_version: number; doc_enc: string; created_at: string; created_by: string | null }>(
    `SELECT s.id, s.stage, s.taken_on, s.supersedes, (SELECT c.id FROM registry_snapshots c WHERE c.supersedes = s.id LIMIT 1) AS superseded_by,
            s.doc_version, s.doc_enc, s.created_at, m.name AS created_by
       FROM registry_snapshots s LEFT JOIN managers m ON m.id = s.created_by
      WHERE s.listing_id = ? ORDER BY s.taken_on, s.created_at`,
    [listingId],
  );
  return rows.map((r) => {
    if (r.doc_version !== REGISTRY_DOC_VERSION) throw new Error(`registry document version ${r.doc_version} is not known to this build`);
    return {
      id: r.id, listingId, stage: r.stage, takenOn: r.taken_on, supersedes: r.supersedes, supersededBy: r.superseded_by,
      createdAt: r.created_at, createdBy: r.created_by, doc: JSON.parse(cipher.decrypt(r.doc_enc)!) as RegistryDoc,
    };
  });
}
