// Which client a record belongs to, so a module can write under that client's own key:
// `ctx.keys.cipherFor(await clientIdOf(q, { listingId }))`.
import type { Queryable } from '../db/sqlite.js';
import type { CipherSource, FieldCipher } from '../crypto/field-cipher.js';

export type OwnerRef =
  | { caseId: string }
  | { listingId: string }
  | { runId: string }
  | { viewingId: string }
  | { stopId: string };

const SQL: Record<string, string> = {
  caseId: 'SELECT client_id AS id FROM cases WHERE id = ?',
  listingId: 'SELECT k.client_id AS id FROM listings l JOIN cases k ON k.id = l.case_id WHERE l.id = ?',
  runId: 'SELECT k.client_id AS id FROM checklist_runs r JOIN listings l ON l.id = r.listing_id JOIN cases k ON k.id = l.case_id WHERE r.id = ?',
  viewingId: 'SELECT k.client_id AS id FROM viewings v JOIN cases k ON k.id = v.case_id WHERE v.id = ?',
  stopId: 'SELECT k.client_id AS id FROM viewing_stops s JOIN viewings v ON v.id = s.viewing_id JOIN cases k ON k.id = v.case_id WHERE s.id = ?',
};

/** The client id behind a case, listing, checklist run, viewing or stop; null when there is none. */
export async function clientIdOf(q: Queryable, ref: OwnerRef): Promise<string | null> {
  const [kind, id] = Object.entries(ref)[0] as [string, string];
  return (await q.get<{ id: string }>(SQL[kind], [id]))?.id ?? null;
}

/** The cipher to write a record's data with: its client's own key, or the folder key when it has no client. */
export async function ownerCipher(q: Queryable, keys: CipherSource, ref: OwnerRef): Promise<FieldCipher> {
  const clientId = await clientIdOf(q, ref);
  return clientId ? keys.cipherFor(clientId) : keys.folderCipher;
}
