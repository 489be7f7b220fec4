import { migratedDb, withListings } from '../test-db.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';

let db: Database | undefined;
afterEach(async () => db?.close());

async function withTwoListings() {
  db = await migratedDb('ansim-0004-');
  await withListings(db, ['l1', 'l2']);
  await db.exec(`
    INSERT INTO viewings (id, case_id, date, start_time, created_at, updated_at, device_id) VALUES ('v', 'k', '2026-12-01', '14:00', 't', 't', 'd');
    INSERT INTO viewing_stops (id, viewing_id, listing_id, position, created_at, updated_at, device_id) VALUES ('s1', 'v', 'l1', 0, 't', 't', 'd');
  `);
  return db;
}

describe('0004 viewings', () => {
  it('visits a listing once per viewing and only listings that exist; status and satisfaction are checked', async () => {
    const d = await withTwoListings();
    await expect(d.run(`INSERT INTO viewing_stops (id, viewing_id, listing_id, position, created_at, updated_at, device_id) VALUES ('s2', 'v', 'l1', 1, 't', 't', 'd')`)).rejects.toThrow(/UNIQUE/);
    await expect(d.run(`INSERT INTO viewing_stops (id, viewing_id, listing_id, position, created_at, updated_at, device_id) VALUES ('s3', 'v', 'nope', 1, 't', 't', 'd')`)).rejects.toThrow(/FOREIGN KEY/);
    await expect(d.run(`UPDATE viewings SET status = '완료' WHERE id = 'v'`)).rejects.toThrow(/CHECK/);
    await expect(d.run(`UPDATE viewings SET satisfaction = 6 WHERE id = 'v'`)).rejects.toThrow(/CHECK/);
    await expect(d.run(`UPDATE viewing_stops SET impression = 'great' WHERE id = 's1'`)).rejects.toThrow(/CHECK/);
  });

  it('a confirmed log refuses edits and new stops, but takes amendments, which are never edited', async () => {
    const d = await withTwoListings();
    await d.run(`UPDATE viewings SET status = 'done', confirmed_at = '2026-12-01T06:00:00Z', tenant_name_enc = 'v1:x' WHERE id = 'v'`);
    await expect(d.run(`UPDATE viewings SET meeting_place = '다른 곳' WHERE id = 'v'`)).rejects.toThrow(/read-only/);
    await expect(d.run(`UPDATE viewing_stops SET observations_enc = 'v1:y' WHERE id = 's1'`)).rejects.toThrow(/read-only/);
    await expect(d.run(`INSERT INTO viewing_stops (id, viewing_id, listing_id, position, created_at, updated_at, device_id) VALUES ('s2', 'v', 'l2', 1, 't', 't', 'd')`)).rejects.toThrow(/read-only/);
    // Sync metadata and the tombstone may still change.
    await d.run(`UPDATE viewings SET updated_at = 't2', deleted_at = 't2' WHERE id = 'v'`);
    await d.run(`INSERT INTO viewing_amendments (id, viewing_id, at, text_enc, created_at, updated_at, device_id) VALUES ('a', 'v', 't3', 'v1:z', 't', 't', 'd')`);
    await expect(d.run(`UPDATE viewing_amendments SET text_enc = 'v1:w' WHERE id = 'a'`)).rejects.toThrow(/immutable/);
  });

  it('goes with its case when the case is removed for good (demo removal), and is STRICT with sync metadata', async () => {
    const d = await withTwoListings();
    await d.run('DELETE FROM listings');
    await d.run('DELETE FROM cases');
    expect(await d.all('SELECT id FROM viewings')).toEqual([]);
    expect(await d.all('SELECT id FROM viewing_stops')).toEqual([]);
    for (const table of ['viewings', 'viewing_stops', 'viewing_photos', 'viewing_amendments']) {
      const sql = (await d.get<{ sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?', [table]))!.sql;
      expect(sql).toMatch(/STRICT$/);
      for (const col of ['created_at', 'updated_at', 'updated_by', 'device_id', 'deleted_at', 'is_demo']) expect(sql).toContain(col);
    }
  });
});
