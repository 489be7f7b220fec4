// One-time clean-up of data written before 0006: meeting places typed in plain text are
// encrypted under their client's key (confirmed logs included: the content does not change,
// so `privacy_rewrites` lets the read-only trigger pass for this one rewrite).
import type { Database } from '../db/sqlite.js';
import type { CipherSource } from '../crypto/field-cipher.js';
import { ownerCipher } from './owner.js';

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
