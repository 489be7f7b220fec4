import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0007 manager roles', () => {
  it('makes the oldest real manager of an existing desk its coordinator, and only known roles are stored', async () => {
    db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-0007-')), 't.sqlite'));
    // Migrate up to 0006 first, then insert the managers an older desk would have.
    await migrate(db, migrations.filter((m) => m.id < 7));
    const add = (id: string, created: string, demo = 0) =>
      db!.run(
        `INSERT INTO managers (id, name, pin_salt, pin_hash, created_at, updated_at, device_id, is_demo) VALUES (?, ?, 's', 'h', ?, ?, 'd', ?)`,
        [id, id, created, created, demo],
      );
    await add('demo', '2026-01-01T00:00:00Z', 1);
    await add('second', '2026-03-01T00:00:00Z');
    await add('first', '2026-02-01T00:00:00Z');
    await migrate(db);
    const roles = await db.all<{ id: string; role: string; deactivated_at: string | null }>('SELECT id, role, deactivated_at FROM managers ORDER BY id');
    expect(roles).toEqual([
      { id: 'demo', role: 'coordinator', deactivated_at: null },
      { id: 'first', role: 'coordinator', deactivated_at: null },
      { id: 'second', role: 'manager', deactivated_at: null },
    ]);
    await expect(db.run(`UPDATE managers SET role = 'admin' WHERE id = 'second'`)).rejects.toThrow(/CHECK/);
  });
});
