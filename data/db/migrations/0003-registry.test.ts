import { migratedDb, withListings } from '../test-db.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';

let db: Database | undefined;
afterEach(async () => db?.close());

async function withListing() {
  db = await migratedDb('ansim-0003-');
  await withListings(db, ['l']);
  return db;
}

const reg = (id: string, listing = 'l', deleted: string | null = null) =>
  `INSERT INTO listing_registries (id, listing_id, doc_version, doc_enc, created_at, updated_at, device_id, deleted_at) VALUES ('${id}', '${listing}', 1, 'v1:x', 't', 't', 'd', ${deleted ? `'${deleted}'` : 'NULL'})`;

describe('0003 registry', () => {
  it('keeps one live registry per listing; a deleted one may be followed by a new one', async () => {
    const d = await withListing();
    await d.run(reg('r1'));
    await expect(d.run(reg('r2'))).rejects.toThrow(/UNIQUE/);
    await d.run("UPDATE listing_registries SET deleted_at = 't2' WHERE id = 'r1'");
    await d.run(reg('r2'));
    expect((await d.all('SELECT id FROM listing_registries')).length).toBe(2);
  });

  it('refuses a registry for a listing that does not exist, and is STRICT with sync metadata', async () => {
    const d = await withListing();
    await expect(d.run(reg('r1', 'nope'))).rejects.toThrow(/FOREIGN KEY/);
    for (const table of ['listing_registries', 'user_base_rates']) {
      const sql = (await d.get<{ sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?', [table]))!.sql;
      expect(sql).toMatch(/STRICT$/);
      for (const col of ['created_at', 'updated_at', 'updated_by', 'device_id', 'deleted_at', 'is_demo']) expect(sql).toContain(col);
    }
  });

  it('base rates: one live row per date, in basis points within 0–50 %', async () => {
    const d = await withListing();
    const rate = (id: string, date: string, bp: number) =>
      d.run('INSERT INTO user_base_rates (id, effective_from, rate_bp, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?)', [id, date, bp, 't', 't', 'd']);
    await rate('a', '2027-01-16', 250);
    await expect(rate('b', '2027-01-16', 275)).rejects.toThrow(/UNIQUE/);
    await expect(rate('c', '2027-02-16', 6000)).rejects.toThrow(/CHECK/);
    await expect(rate('d', '2027-02-16', 2.5)).rejects.toThrow(/cannot store REAL value in INTEGER column/);
  });
});
