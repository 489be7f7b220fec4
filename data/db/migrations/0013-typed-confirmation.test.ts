import { migratedDb, withListings } from '../test-db.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../sqlite.js';

let db: Database | undefined;
afterEach(async () => db?.close());

async function withViewing() {
  db = await migratedDb('ansim-0013-');
  await withListings(db, ['l1']);
  await db.exec(`INSERT INTO viewings (id, case_id, date, start_time, created_at, updated_at, device_id) VALUES ('v', 'k', '2026-12-01', '14:00', 't', 't', 'd')`);
  return db;
}

describe('0013 typed-name confirmation', () => {
  it('records a typed confirmation with the witnessing manager and no signature file', async () => {
    const d = await withViewing();
    await d.run(`UPDATE viewings SET status = 'done', confirmation_method = 'typed', tenant_name_enc = 'v1:x', confirmed_by = 'm', confirmed_at = '2026-12-01T06:00:00Z' WHERE id = 'v'`);
    expect(await d.get('SELECT confirmation_method, signature_file FROM viewings')).toEqual({ confirmation_method: 'typed', signature_file: null });
    // Read-only once confirmed, the method too.
    await expect(d.run(`UPDATE viewings SET confirmation_method = 'drawn' WHERE id = 'v'`)).rejects.toThrow(/read-only/);
  });

  it('refuses a drawn confirmation without a signature, a typed one without a name, and unknown methods', async () => {
    const d = await withViewing();
    await expect(d.run(`UPDATE viewings SET confirmation_method = 'spoken' WHERE id = 'v'`)).rejects.toThrow(/CHECK/);
    await expect(d.run(`UPDATE viewings SET confirmation_method = 'drawn', tenant_name_enc = 'v1:x', confirmed_by = 'm', confirmed_at = 't' WHERE id = 'v'`)).rejects.toThrow(/method/);
    await expect(d.run(`UPDATE viewings SET confirmation_method = 'typed', confirmed_by = 'm', confirmed_at = 't' WHERE id = 'v'`)).rejects.toThrow(/method/);
    await d.run(`UPDATE viewings SET confirmation_method = 'drawn', signature_file = 'f', tenant_name_enc = 'v1:x', confirmed_by = 'm', confirmed_at = 't' WHERE id = 'v'`);
  });
});
