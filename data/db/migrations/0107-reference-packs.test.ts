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
