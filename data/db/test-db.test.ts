import { afterEach, describe, expect, it } from 'vitest';
import { migrationTester, withListings, type MigrationTester } from './test-db.js';
import { migrations, type Migration } from './migrations/index.js';

let m: MigrationTester | undefined;
afterEach(async () => m?.close());

describe('migrationTester: one migration step N → N+1 on data written at N', () => {
  it('stops at the named version, so data can be written in that version\u2019s shape', async () => {
    m = await migrationTester();
    await m.migrateTo(3);
    expect(m.version).toBe(3);
    const applied = await m.db.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(await m.db.get("SELECT name FROM sqlite_master WHERE name = 'viewings'")).toBeUndefined();
  });

  it('0003 → 0004: listings written before viewings existed survive, and can be visited', async () => {
    m = await migrationTester();
    await m.migrateTo(3);
    await withListings(m.db, ['l1', 'l2']);
    await m.migrateTo(4);
    expect(await m.db.all('SELECT id, building_type FROM listings ORDER BY id')).toEqual([
      { id: 'l1', building_type: 'apartment' },
      { id: 'l2', building_type: 'apartment' },
    ]);
    await m.db.run(
      "INSERT INTO viewings (id, case_id, date, start_time, status, created_at, updated_at, device_id) VALUES ('v', 'k', '2026-12-01', '10:00', 'planned', 't', 't', 'd')",
    );
    await m.db.run(
      "INSERT INTO viewing_stops (id, viewing_id, listing_id, position, created_at, updated_at, device_id) VALUES ('s', 'v', 'l1', 0, 't', 't', 'd')",
    );
    expect((await m.db.all('SELECT id FROM viewing_stops')).length).toBe(1);
  });

  it('runs a data-transforming step on the rows written before it', async () => {
    // A stand-in for a future migration that rewrites stored codes, appended after the real ones.
    const rename: Migration = {
      id: 9001,
      name: 'rename-building-code',
      up: async (q) => {
        await q.run("UPDATE listings SET building_type = 'apt' WHERE building_type = 'apartment'");
      },
    };
    const last = migrations[migrations.length - 1].id;
    m = await migrationTester([...migrations, rename]);
    await m.migrateTo(last);
    await withListings(m.db, ['l']);
    await m.migrateTo(9001);
    expect(await m.db.get('SELECT building_type FROM listings')).toEqual({ building_type: 'apt' });
  });

  it('refuses unknown versions and going backwards', async () => {
    m = await migrationTester();
    await expect(m.migrateTo(777)).rejects.toThrow(/no migration with id 777/);
    await m.migrateTo(4);
    await expect(m.migrateTo(2)).rejects.toThrow(/already at 4/);
  });
});
