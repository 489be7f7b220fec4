// Destroying a client's personal data, everywhere it lives:
//   1. one transaction runs every registered entry (data/privacy/registry.ts) and clears the
//      client's own fields, with `privacy_rewrites` naming the client so read-only records
//      (confirmed viewing logs, amendments) may be cleared too;
//   2. the client's key is destroyed (crypto-shredding: copies we cannot rewrite — backups,
//      snapshots — become unreadable);
//   3. the WAL is checkpointed (with secure_delete on, freed pages are already zeroed), so the old
//      ciphertext is gone from the database and its WAL;
//   4. sealed files no live row names any more are deleted.
import type { Database, Queryable } from '../db/sqlite.js';
import type { ClientKeyVault } from '../crypto/client-keys.js';
import type { Actor } from '../repos/audit.js';
import { destroyPersonal } from '../repos/clients.js';
import { applyEntries } from './registry.js';
import { collectFiles, liveFiles } from './files-gc.js';

export type DestroyReason = 'withdraw_consent' | 'destroy_personal';

export interface DestroyDeps {
  db: Database;
  vault: ClientKeyVault;
  filesDir: string;
}

/** Destroys within a transaction the caller holds (steps 1 only); see `destroyClient`. */
export async function destroyClientRows(q: Queryable, actor: Actor, clientId: string, reason: DestroyReason): Promise<boolean> {
  await q.run('INSERT OR REPLACE INTO privacy_rewrites (client_id, started_at) VALUES (?, ?)', [clientId, actor.now]);
  try {
    await applyEntries(q, clientId);
    return await destroyPersonal(q, actor, clientId, reason);
  } finally {
    await q.run('DELETE FROM privacy_rewrites WHERE client_id = ?', [clientId]);
  }
}

/** Destroys one client's personal data for good. Returns false when there is no such client. */
export async function destroyClient(deps: DestroyDeps, actor: Actor, clientId: string, reason: DestroyReason): Promise<boolean> {
  const before = await liveFiles(deps.db);
  const done = await deps.db.tx((q) => destroyClientRows(q, actor, clientId, reason));
  if (!done) return false;
  deps.vault.destroy(clientId);
  const after = await liveFiles(deps.db);
  const released = new Map([...before].map(([kind, names]) => [kind, new Set([...names].filter((n) => !after.get(kind)?.has(n)))]));
  await scrub(deps, released);
  return true;
}

/** After destruction: the WAL folded in and truncated, garbage files removed. */
export async function scrub(deps: DestroyDeps, released?: Map<string, Set<string>>): Promise<void> {
  await deps.db.checkpoint();
  await collectFiles(deps.db, deps.filesDir, { released });
}

/**
 * Start-up consistency of the key vault with the database: keys of clients that do not exist
 * (a creation that rolled back) or whose data was destroyed (a crash after the commit, before the
 * key was unlinked) are destroyed.
 */
export async function sweepClientKeys(db: Database, vault: ClientKeyVault): Promise<string[]> {
  const live = new Set(
    (await db.all<{ id: string }>('SELECT id FROM clients WHERE personal_destroyed_at IS NULL')).map((r) => r.id),
  );
  return vault.sweep((id) => live.has(id));
}
