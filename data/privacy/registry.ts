// The destruction registry: every module lists here, once, what it stores about a client and
// what happens to it when the client's consent is withdrawn or retention ends — personal fields
// and free text destroyed, records the service's statistics need reduced to non-identifying
// facts (district, age band, gender, consultation types, moving into Seoul, dates, verdicts,
// amounts, satisfaction answers, programmes pointed to). The client's own key is destroyed as
// well (data/crypto/client-keys.ts), so copies nothing here can rewrite become unreadable.
//
// Registering (at module load, beside the module's repository):
//
//   registerPersonalData({
//     name: 'lease.registrySnapshots',           // module.what, for docs and tests
//     table: 'registry_snapshots',
//     rows: `SELECT s.id FROM registry_snapshots s JOIN listings l ON l.id = s.listing_id
//            JOIN cases k ON k.id = l.case_id WHERE k.client_id = $client`,
//     clear: { doc_enc: null, holder_names_enc: null },   // set these columns (null or a constant)
//     // or: remove: true                                  // delete the rows instead
//   });
//
//   registerFileRefs({ kind: 'photos', live: `SELECT id AS name FROM checklist_photos` });
//
// `rows` is SQL selecting the table's `id`s (or `key`) for the client bound as `$client`;
// `CLIENT_ROWS` has the common joins. Entries run in registration order inside one transaction;
// a custom `run(q, clientId)` covers what a column list cannot. Files in the sealed file store
// are removed by `collectFiles` when no registered `live` query names them any more.
import type { Queryable, SqlValue } from '../db/sqlite.js';

export interface PersonalData {
  /** 'module.what' — unique; shown in the docs and tests. */
  name: string;
  /** The table holding the rows (omit for a custom-only entry). */
  table?: string;
  /** SQL selecting the rows' keys for the client bound as `$client`. */
  rows?: string;
  /** The key column `rows` selects (default 'id'). */
  key?: string;
  /** Columns to overwrite: null destroys, a constant reduces (e.g. 'masked'). */
  clear?: Record<string, SqlValue>;
  /** Delete the rows instead of clearing columns. */
  remove?: boolean;
  /** Anything else, in the same transaction. */
  run?(q: Queryable, clientId: string): Promise<void>;
}

export interface FileRefs {
  /** The file store's folder (`files/<kind>/`). */
  kind: string;
  /** SQL returning a `name` column: every file base name still in use. */
  live: string;
}

const entries: PersonalData[] = [];
const fileRefs: FileRefs[] = [];

/** Joins other modules reuse: each selects ids for the client `$client`. */
export const CLIENT_ROWS = {
  cases: `SELECT id FROM cases WHERE client_id = $client`,
  listings: `SELECT l.id FROM listings l JOIN cases k ON k.id = l.case_id WHERE k.client_id = $client`,
  runs: `SELECT r.id FROM checklist_runs r JOIN listings l ON l.id = r.listing_id JOIN cases k ON k.id = l.case_id WHERE k.client_id = $client`,
  viewings: `SELECT v.id FROM viewings v JOIN cases k ON k.id = v.case_id WHERE k.client_id = $client`,
  stops: `SELECT s.id FROM viewing_stops s JOIN viewings v ON v.id = s.viewing_id JOIN cases k ON k.id = v.case_id WHERE k.client_id = $client`,
} as const;

/** Registers what a module stores about a client. Re-registering a name replaces it. */
export function registerPersonalData(entry: PersonalData): void {
  if (!entry.run && !(entry.table && entry.rows && (entry.clear || entry.remove))) {
    throw new Error(`personal data entry ${entry.name}: give table + rows + clear/remove, or run`);
  }
  const i = entries.findIndex((e) => e.name === entry.name);
  if (i >= 0) entries[i] = entry;
  else entries.push(entry);
}

/** Registers which sealed files of a kind are still in use (the rest are garbage). */
export function registerFileRefs(refs: FileRefs): void {
  const i = fileRefs.findIndex((r) => r.kind === refs.kind && r.live === refs.live);
  if (i < 0) fileRefs.push(refs);
}

export function personalDataEntries(): readonly PersonalData[] {
  return entries;
}

export function fileRefEntries(): readonly FileRefs[] {
  return fileRefs;
}

/** Runs every registered entry for one client (inside the caller's transaction). */
export async function applyEntries(q: Queryable, clientId: string): Promise<void> {
  for (const e of entries) {
    if (e.table && e.rows) {
      const key = e.key ?? 'id';
      const where = `${key} IN (${e.rows})`;
      if (e.remove) {
        await q.run(`DELETE FROM ${e.table} WHERE ${where}`, { $client: clientId });
      } else if (e.clear) {
        const cols = Object.keys(e.clear);
        const params: Record<string, SqlValue> = { $client: clientId };
        cols.forEach((c, i) => (params[`$v${i}`] = e.clear![c]));
        await q.run(`UPDATE ${e.table} SET ${cols.map((c, i) => `${c} = $v${i}`).join(', ')} WHERE ${where}`, params);
      }
    }
    if (e.run) await e.run(q, clientId);
  }
}
