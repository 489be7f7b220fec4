// One-time clean-up of data written before 0006: meeting places typed in plain text are
// encrypted under their client's key (confirmed logs included: the content does not change,
// so `privacy_rewrites` lets the read-only trigger pass for this one rewrite).
import type { Database } from '../db/sqlite.js';
import type { CipherSource } from '../crypto/field-cipher.js';
import { ownerCipher } from './owner.js';
import { LISTING_PLAIN_ADDRESS_COLUMNS } from '../db/migrations/0106-listing-address-enc.js';

export async function encryptLegacyMeetingPlaces(db: Database, keys: CipherSource): Promise<number> {
  const rows = await db.all<{ id: string; meeting_place: string }>(`SELECT id, meeting_place FROM viewings WHERE meeting_place <> ''`);
  for (const r of rows) {
    const cipher = await ownerCipher(db, keys, { viewingId: r.id });
    await db.tx(async (q) => {
      await q.run(`INSERT OR REPLACE INTO privacy_rewrites (client_id, started_at) VALUES ('legacy', ?)`, [new Date().toISOString()]);
      await q.run(`UPDATE viewings SET meeting_place = '', meeting_place_enc = ? WHERE id = ?`, [cipher.encrypt(r.meeting_place), r.id]);
      await q.run(`DELETE FROM privacy_rewrites WHERE client_id = 'legacy'`);
    });
  }
  if (rows.length > 0) await db.checkpoint();
  return rows.length;
}

/**
 * One-time clean-up of listings written before 0106: the road / lot-number address, 동·호 and the
 * broker columns are encrypted under the client's key into their `_enc` columns and the plain
 * columns set to NULL (the 0106 triggers allow only that). Rows already encrypted are skipped,
 * so this runs at every start-up at no cost.
 */
export async function encryptLegacyListingAddresses(db: Database, keys: CipherSource): Promise<number> {
  const cols = LISTING_PLAIN_ADDRESS_COLUMNS;
  const rows = await db.all<Record<string, string | null> & { id: string }>(
    `SELECT id, ${cols.join(', ')} FROM listings WHERE ${cols.map((c) => `${c} IS NOT NULL`).join(' OR ')}`,
  );
  for (const r of rows) {
    const cipher = await ownerCipher(db, keys, { listingId: r.id });
    const set = cols.flatMap((c) => (r[c] === null ? [] : [`${c} = NULL`, `${c}_enc = ?`]));
    const values = cols.filter((c) => r[c] !== null).map((c) => cipher.encrypt(r[c] === '' ? null : r[c]));
    await db.run(`UPDATE listings SET ${set.join(', ')} WHERE id = ?`, [...values, r.id]);
  }
  if (rows.length > 0) await db.checkpoint();
  return rows.length;
}

/**
 * One-time clean-up of listing coordinates written before 0114 in the plaintext `lat`/`lon`
 * columns: moved into `location_enc` under the client's key (source 'typed', as the listing form
 * took them), the plaintext cleared, the WAL checkpointed (`secure_delete` zeroes freed bytes).
 */
export async function encryptLegacyListingLocations(db: Database, keys: CipherSource): Promise<number> {
  const rows = await db.all<{ id: string; lat: number; lon: number }>(`SELECT id, lat, lon FROM listings WHERE lat IS NOT NULL AND lon IS NOT NULL AND location_enc IS NULL`);
  for (const r of rows) {
    const cipher = await ownerCipher(db, keys, { listingId: r.id });
    const sealed = cipher.encrypt(JSON.stringify({ lon: r.lon, lat: r.lat, source: 'typed' }));
    await db.tx((q) => q.run(`UPDATE listings SET location_enc = ?, lat = NULL, lon = NULL WHERE id = ?`, [sealed, r.id]));
  }
  await db.run(`UPDATE listings SET lat = NULL, lon = NULL WHERE location_enc IS NOT NULL AND (lat IS NOT NULL OR lon IS NOT NULL)`);
  if (rows.length > 0) await db.checkpoint();
  return rows.length;
}
