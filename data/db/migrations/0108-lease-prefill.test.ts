import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../sqlite.js';
import { migratedDb, withListings } from '../test-db.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0108 lease prefill', () => {
  it('marks a prefilled answer with its source, and only a known one', async () => {
    db = await migratedDb('ansim-0108-');
    await withListings(db, ['l']);
    await db.run(`INSERT INTO checklist_runs (id, listing_id, template_id, template_version, status, started_at, created_at, updated_at, device_id) VALUES ('r', 'l', 'inspection', 1, 'open', 't', 't', 't', 'd')`);
    const answer = (id: string, item: string, from: string | null) =>
      db!.run(`INSERT INTO checklist_answers (id, run_id, item_id, value, answered_at, prefilled_from, created_at, updated_at, device_id) VALUES (?, 'r', ?, '"x"', 't', ?, 't', 't', 'd')`, [id, item, from]);
    await answer('a', 'floorLevel', 'listing');
    await answer('b', 'deposit', null);
    await expect(answer('c', 'other', 'guess')).rejects.toThrow(/CHECK/);
    expect((await db.get<{ p: string }>(`SELECT prefilled_from AS p FROM checklist_answers WHERE id = 'a'`))!.p).toBe('listing');
  });
});
