import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';
import { migrate } from '../migrate.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0008 lease', () => {
  it('keeps registry snapshots immutable and one live lease per case', async () => {
    db = await Database.open(path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-0008-')), 't.sqlite'));
    await migrate(db);
    await db.exec(`
      INSERT INTO clients (id, created_at, updated_at, device_id) VALUES ('c', 't', 't', 'd');
      INSERT INTO cases (id, client_id, case_type, status, opened_on, created_at, updated_at, device_id) VALUES ('k', 'c', 'consultation', 'open', '2026-01-01', 't', 't', 'd');
      INSERT INTO listings (id, case_id, building_type, lease_type, created_at, updated_at, device_id) VALUES ('l', 'k', 'multiplex', 'jeonse', 't', 't', 'd');
    `);
    await db.run(`INSERT INTO registry_snapshots (id, listing_id, stage, taken_on, doc_version, doc_enc, created_at, device_id) VALUES ('s1', 'l', 'contract', '2026-11-27', 1, 'x', 't', 'd')`);
    await expect(db.run(`UPDATE registry_snapshots SET doc_enc = 'y' WHERE id = 's1'`)).rejects.toThrow(/immutable/);
    await db.run(`INSERT INTO registry_snapshots (id, listing_id, stage, taken_on, supersedes, doc_version, doc_enc, created_at, device_id) VALUES ('s2', 'l', 'contract', '2026-11-27', 's1', 1, 'z', 't', 'd')`);
    await expect(db.run(`INSERT INTO registry_snapshots (id, listing_id, stage, taken_on, doc_version, doc_enc, created_at, device_id) VALUES ('s3', 'l', 'later', '2026-11-27', 1, 'z', 't', 'd')`)).rejects.toThrow(/CHECK/);
    const lease = (id: string) => db!.run(`INSERT INTO case_leases (id, case_id, facts_version, facts_enc, created_at, updated_at, device_id) VALUES (?, 'k', 1, 'e', 't', 't', 'd')`, [id]);
    await lease('a');
    await expect(lease('b')).rejects.toThrow(/UNIQUE/);
    await db.run(`DELETE FROM registry_snapshots WHERE id IN ('s2', 's1')`);
  });
});
