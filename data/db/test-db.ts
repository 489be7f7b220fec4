// Test support: a migrated database in a fresh temp file, optionally with one client, one case
// and some bare listings (ids 'c', 'k' and the given listing ids) for tests of later tables.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from './sqlite.js';
import { migrate } from './migrate.js';

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
