import { afterEach, describe, expect, it } from 'vitest';
import { migratedDb, withListings } from '../test-db.js';
import type { Database } from '../sqlite.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0006 privacy', () => {
  it('a confirmed log stays read-only, except while its client is being destroyed', async () => {
    db = await migratedDb('ansim-0006-');
    await withListings(db, ['l1']);
    await db.exec(`
      INSERT INTO viewings (id, case_id, date, start_time, meeting_place_enc, created_at, updated_at, device_id) VALUES ('v', 'k', '2026-12-01', '14:00', 'k1:c:x', 't', 't', 'd');
      INSERT INTO viewing_stops (id, viewing_id, listing_id, position, observations_enc, created_at, updated_at, device_id) VALUES ('s', 'v', 'l1', 0, 'k1:c:y', 't', 't', 'd');
      INSERT INTO viewing_amendments (id, viewing_id, at, text_enc, created_at, updated_at, device_id) VALUES ('a', 'v', 't3', 'k1:c:z', 't', 't', 'd');
      UPDATE viewings SET confirmed_at = 't2', summary_enc = 'k1:c:s' WHERE id = 'v';
    `);
    await expect(db.run(`UPDATE viewings SET meeting_place_enc = NULL WHERE id = 'v'`)).rejects.toThrow(/read-only/);
    await expect(db.run(`UPDATE viewing_stops SET observations_enc = NULL WHERE id = 's'`)).rejects.toThrow(/read-only/);
    await expect(db.run(`UPDATE viewing_amendments SET text_enc = 'x' WHERE id = 'a'`)).rejects.toThrow(/immutable/);
    await db.tx(async (q) => {
      await q.run(`INSERT INTO privacy_rewrites (client_id, started_at) VALUES ('c', 't')`);
      await q.run(`UPDATE viewings SET meeting_place_enc = NULL, summary_enc = NULL WHERE id = 'v'`);
      await q.run(`UPDATE viewing_stops SET observations_enc = NULL WHERE id = 's'`);
      await q.run(`DELETE FROM privacy_rewrites`);
    });
    expect(await db.get(`SELECT meeting_place_enc, summary_enc FROM viewings WHERE id = 'v'`)).toEqual({ meeting_place_enc: null, summary_enc: null });
    // …and read-only again afterwards.
    await expect(db.run(`UPDATE viewings SET date = '2026-12-02' WHERE id = 'v'`)).rejects.toThrow(/read-only/);
  });

  it('keeps one draft per manager and form, which goes with its client', async () => {
    db = await migratedDb('ansim-0006-');
    await withListings(db, []);
    await db.exec(`INSERT INTO managers (id, name, pin_salt, pin_hash, created_at, updated_at, device_id) VALUES ('m', 'x', 's', 'h', 't', 't', 'd')`);
    const ins = (id: string) =>
      db!.run(`INSERT INTO form_drafts (id, manager_id, form_key, client_id, data_enc, updated_at, expires_at) VALUES (?, 'm', 'client:c', 'c', 'v1:x', 't', 't')`, [id]);
    await ins('d1');
    await expect(ins('d2')).rejects.toThrow(/UNIQUE/);
    await db.run(`DELETE FROM cases`);
    await db.run(`DELETE FROM clients`);
    expect(await db.all('SELECT id FROM form_drafts')).toEqual([]);
  });
});
