import { afterEach, describe, expect, it } from 'vitest';
import { migrationTester, type MigrationTester } from '../test-db.js';

let m: MigrationTester | undefined;
afterEach(async () => m?.close());

describe('0112 saved calculator results and checklist amendments', () => {
  it('adds both tables next to existing runs, leaving the answers untouched', async () => {
    m = await migrationTester();
    await m.migrateTo(108);
    await m.db.exec(`
      INSERT INTO clients (id, created_at, updated_at, device_id) VALUES ('c', 't', 't', 'd');
      INSERT INTO cases (id, client_id, case_type, status, opened_on, created_at, updated_at, device_id) VALUES ('k', 'c', 'x', 'y', '2026-01-01', 't', 't', 'd');
      INSERT INTO listings (id, case_id, building_type, lease_type, created_at, updated_at, device_id) VALUES ('l', 'k', 'apartment', 'jeonse', 't', 't', 'd');
      INSERT INTO checklist_runs (id, listing_id, template_id, template_version, status, started_at, created_at, updated_at, device_id) VALUES ('r', 'l', 'inspection', 1, 'completed', 't', 't', 't', 'd');
      INSERT INTO checklist_answers (id, run_id, item_id, value, answered_at, created_at, updated_at, device_id) VALUES ('a', 'r', 'leak', '"no"', 't', 't', 't', 'd');
    `);
    await m.migrateTo(112);
    await m.db.run(`INSERT INTO checklist_run_amendments (id, run_id, item_id, value_enc, reason_enc, at, created_at, updated_at, device_id) VALUES ('x', 'r', 'leak', 'v', 'why', 't', 't', 't', 'd')`);
    await m.db.run(`INSERT INTO case_calc_results (id, case_id, calculator, input_enc, result_enc, pack_version, pack_verified_on, pack_source, saved_at, created_at, updated_at, device_id) VALUES ('s', 'k', 'brokerage', 'i', 'o', '2026.1', '2026-01-01', 'shipped', 't', 't', 't', 'd')`);
    await expect(m.db.run(`INSERT INTO case_calc_results (id, case_id, calculator, pack_version, pack_verified_on, pack_source, saved_at, created_at, updated_at, device_id) VALUES ('s2', 'nope', 'brokerage', 'p', 'd', 'shipped', 't', 't', 't', 'd')`)).rejects.toThrow(/FOREIGN KEY/);
    await expect(m.db.run(`INSERT INTO case_calc_results (id, case_id, calculator, pack_version, pack_verified_on, pack_source, saved_at, created_at, updated_at, device_id) VALUES ('s3', 'k', 'brokerage', 'p', 'd', 'guess', 't', 't', 't', 'd')`)).rejects.toThrow(/CHECK/);
    expect(await m.db.all(`SELECT item_id, value FROM checklist_answers`)).toEqual([{ item_id: 'leak', value: '"no"' }]);
  });
});
