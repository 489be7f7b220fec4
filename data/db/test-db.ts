// Test support: a migrated database in a fresh temp file, optionally with one client, one case
// and some bare listings (ids 'c', 'k' and the given listing ids) for tests of later tables; and
// `migrationTester()` to test one migration step N → N+1 against data written at version N.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from './sqlite.js';
import { migrate } from './migrate.js';
import { migrations as knownMigrations, type Migration } from './migrations/index.js';

export async function migratedDb(prefix = 'ansim-test-'): Promise<Database> {
  const db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), prefix)), 'test.sqlite'));
  await migrate(db);
  return db;
}

export async function withListings(db: Database, listingIds: string[]): Promise<void> {
  await db.exec(`
    INSERT INTO clients (id, created_at, updated_at, device_id) VALUES ('c', 't', 't', 'd');
    INSERT INTO cases (id, client_id, case_type, status, opened_on, created_at, updated_at, device_id) VALUES ('k', 'c', 'x', 'y', '2026-01-01', 't', 't', 'd');
    ${listingIds.map((id) => `INSERT INTO listings (id, case_id, building_type, lease_type, created_at, updated_at, device_id) VALUES ('${id}', 'k', 'apartment', 'jeonse', 't', 't', 'd');`).join('\n')}
  `);
}

/**
 * A database for testing ONE migration the way Signal Desktop does: migrate to the version
 * before it, insert rows shaped as they were then, migrate one step further, assert what became
 * of them.
 *
 *   const m = await migrationTester();
 *   await m.migrateTo(11);                     // every migration up to and including 0011
 *   await m.db.run('INSERT INTO listings …');  // data as version 11 wrote it
 *   await m.migrateTo(12);                     // just 0012
 *   expect(await m.db.all('SELECT … FROM listings')).toEqual([…]);
 *
 * Versions are migration ids; they follow the order of `migrations/index.ts` (gaps are fine).
 * Going backwards or naming an unknown id throws.
 */
export interface MigrationTester {
  db: Database;
  /** The id of the last applied migration (0 before any). */
  readonly version: number;
  /** Applies the known migrations after the current one, up to and including `id`. */
  migrateTo(id: number): Promise<void>;
  close(): Promise<void>;
}

export async function migrationTester(list: Migration[] = knownMigrations): Promise<MigrationTester> {
  const db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-migration-')), 'test.sqlite'));
  let version = 0;
  return {
    db,
    get version() {
      return version;
    },
    async migrateTo(id: number) {
      const to = list.findIndex((m) => m.id === id);
      if (to < 0) throw new Error(`migrateTo(${id}): no migration with id ${id} (known: ${list.map((m) => m.id).join(', ')})`);
      const from = list.findIndex((m) => m.id === version);
      if (to < from) throw new Error(`migrateTo(${id}): the database is already at ${version}; migrations only go forward`);
      await migrate(db, list.slice(0, to + 1));
      version = id;
    },
    close: () => db.close(),
  };
}
