import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './sqlite.js';
import { migrate, MigrationMismatch } from './migrate.js';
import { migrations } from './migrations/index.js';

let db: Database | undefined;
afterEach(async () => db?.close());

async function fresh() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ansim-mig-'));
  db = await Database.open(path.join(dir, 'test.sqlite'));
  return db;
}

describe('migration runner', () => {
  it('applies every known migration once, in order', async () => {
    const d = await fresh();
    expect(await migrate(d)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(d)).toEqual([]);
    const rows = await d.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
  });

  it('refuses a database whose applied migrations are not a prefix of the known ones', async () => {
    const d = await fresh();
    await migrate(d);
    await d.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from-the-future', '2030-01-01')");
    await expect(migrate(d)).rejects.toBeInstanceOf(MigrationMismatch);
    const d2 = await fresh();
    await d2.exec("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT; INSERT INTO schema_migrations VALUES (1, 'another-branch', 'x');");
    await expect(migrate(d2)).rejects.toThrow(/different version/);
  });

  it('rolls a failing migration back completely', async () => {
    const d = await fresh();
    const broken = [...migrations, { id: migrations.length + 1, name: 'broken', up: async (q: Parameters<(typeof migrations)[0]['up']>[0]) => {
      await q.exec('CREATE TABLE half_done (x INTEGER)');
      throw new Error('boom');
    } }];
    await expect(migrate(d, broken)).rejects.toThrow('boom');
    expect(await d.get("SELECT name FROM sqlite_master WHERE name = 'half_done'")).toBeUndefined();
    expect((await d.all('SELECT id FROM schema_migrations')).length).toBe(migrations.length);
  });
});

describe('0001 initial', () => {
  it('creates STRICT tables with sync metadata and enforces foreign keys', async () => {
    const d = await fresh();
    await migrate(d);
    for (const table of ['managers', 'clients', 'cases', 'listings']) {
      const sql = (await d.get<{ sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?', [table]))!.sql;
      expect(sql).toMatch(/STRICT$/);
      for (const col of ['created_at', 'updated_at', 'updated_by', 'device_id', 'deleted_at']) expect(sql).toContain(col);
    }
    await expect(
      d.run("INSERT INTO cases (id, client_id, case_type, status, opened_on, created_at, updated_at, device_id) VALUES ('k', 'no-such-client', 'x', 'y', '2026-01-01', 'a', 'a', 'd')"),
    ).rejects.toThrow(/FOREIGN KEY/);
    // STRICT: a string in an INTEGER column is refused rather than stored.
    await expect(
      d.run("INSERT INTO clients (id, consent_given, created_at, updated_at, device_id) VALUES ('c', 'yes', 'a', 'a', 'd')"),
    ).rejects.toThrow(/cannot store TEXT value in INTEGER column/);
    expect((await d.get<{ journal_mode: string }>('PRAGMA journal_mode'))!.journal_mode).toBe('wal');
  });
});
