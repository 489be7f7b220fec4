import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';
import { migrate } from '../migrate.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0107 reference packs', () => {
  it('keeps every loaded pack but lets only one be active, and stores only valid JSON', async () => {
    db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-0107-')), 't.sqlite'));
    await migrate(db);
    const add = (id: string, active: number, json = '{}') =>
      db!.run(`INSERT INTO reference_packs (id, pack_version, verified_on, manifest_sha256, pack_json, active, loaded_at, device_id) VALUES (?, 'v', '2026-12-06', 'h', ?, ?, 't', 'd')`, [id, json, active]);
    await add('a', 1);
    await add('b', 0);
    await expect(add('c', 1)).rejects.toThrow(/UNIQUE/);
    await expect(add('d', 0, '{broken')).rejects.toThrow(/CHECK/);
    expect((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM reference_packs'))!.n).toBe(2);
  });
});

describe('0107 listing market value source', () => {
  it('stores only kb, reb or asking', async () => {
    db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-0107b-')), 't.sqlite'));
    await migrate(db);
    await db.run(`INSERT INTO clients (id, created_at, updated_at, device_id) VALUES ('c', 't', 't', 'd')`);
    await db.run(`INSERT INTO cases (id, client_id, case_type, status, opened_on, created_at, updated_at, device_id) VALUES ('k', 'c', 'x', 'y', '2026-01-01', 't', 't', 'd')`);
    const add = (id: string, src: string | null) =>
      db!.run(`INSERT INTO listings (id, case_id, building_type, lease_type, market_value_source, created_at, updated_at, device_id) VALUES (?, 'k', 'apartment', 'jeonse', ?, 't', 't', 'd')`, [id, src]);
    await add('a', 'kb');
    await add('b', null);
    await expect(add('c', 'zigbang')).rejects.toThrow(/CHECK/);
  });
});
