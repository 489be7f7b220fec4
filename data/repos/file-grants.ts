// Files the user picked in the desktop dialog, kept across runs (migration 0115). The path is
// sealed with the folder cipher: it can name the user's home folder.
import type { Queryable } from '../db/sqlite.js';

export interface FileGrantRow {
  ref: string;
  path_enc: string;
  granted_at: string;
}

export async function listFileGrants(q: Queryable): Promise<FileGrantRow[]> {
  return q.all<FileGrantRow>('SELECT ref, path_enc, granted_at FROM file_grants ORDER BY granted_at, ref');
}

export async function insertFileGrant(q: Queryable, ref: string, pathEnc: string, at: string): Promise<void> {
  await q.run('INSERT INTO file_grants (ref, path_enc, granted_at) VALUES (?, ?, ?)', [ref, pathEnc, at]);
}
