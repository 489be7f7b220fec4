import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../sqlite.js';
import { migratedDb, withListings } from '../test-db.js';
import { seedDistrict } from '../../../bench/seed/district.js';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('0009 policy and statistics', () => {
  it('keeps survey answers on the 5-point scale and consultation types as flags', async () => {
    db = await migratedDb('ansim-0009-');
    await withListings(db, []);
    const put = (set: string) => db!.run(`UPDATE case_stats SET ${set} WHERE case_id = 'k'`);
    await expect(put('s_solved = 6')).rejects.toThrow(/CHECK/);
    await expect(put('t_policy = 2')).rejects.toThrow(/CHECK/);
    await put('t_policy = 1, t_contract = 1, s_solved = 5');
    expect(await db.get(`SELECT t_policy, t_contract, t_search, s_solved FROM case_stats`)).toEqual({ t_policy: 1, t_contract: 1, t_search: 0, s_solved: 5 });
  });

  it('keeps each case’s statistics row current: type, client facts, deletion, viewings and checklists', async () => {
    db = await migratedDb('ansim-0009-');
    await withListings(db, ['L']);
    const row = () => db!.get<Record<string, unknown>>(`SELECT live, age_band, t_contract, t_search, viewings_done, checklists_done FROM case_stats WHERE case_id = 'k'`);
    // withListings' case has the type 'x' (none of the city's five) and a client without an age band.
    expect(await row()).toEqual({ live: 1, age_band: null, t_contract: 0, t_search: 0, viewings_done: 0, checklists_done: 0 });
    await db.run(`UPDATE cases SET case_type = 'housing_search' WHERE id = 'k'`);
    await db.run(`UPDATE clients SET age_band = '20s' WHERE id = 'c'`);
    await db.exec(`
      INSERT INTO viewings (id, case_id, date, start_time, status, created_at, updated_at, device_id) VALUES ('v1', 'k', '2026-01-02', '14:00', 'planned', 't', 't', 'd');
      INSERT INTO checklist_runs (id, listing_id, template_id, template_version, status, started_at, created_at, updated_at, device_id) VALUES ('r1', 'L', 'registry', 1, 'open', 't', 't', 't', 'd');
    `);
    expect(await row()).toMatchObject({ age_band: '20s', t_search: 1, viewings_done: 0, checklists_done: 0 });
    await db.run(`UPDATE viewings SET status = 'done' WHERE id = 'v1'`);
    await db.run(`UPDATE checklist_runs SET status = 'completed' WHERE id = 'r1'`);
    expect(await row()).toMatchObject({ viewings_done: 1, checklists_done: 1 });
    await db.run(`UPDATE listings SET deleted_at = 't' WHERE id = 'L'`);
    expect(await row()).toMatchObject({ checklists_done: 0 });
    // Recorded types stay when the case's own type changes; a deleted case stops counting.
    await db.run(`UPDATE case_stats SET types_recorded = 1, t_contract = 1, t_search = 0 WHERE case_id = 'k'`);
    await db.run(`UPDATE cases SET case_type = 'policy_guide', deleted_at = 't' WHERE id = 'k'`);
    expect(await row()).toMatchObject({ live: 0, t_contract: 1, t_search: 0 });
    await db.run(`UPDATE clients SET is_demo = 1 WHERE id = 'c'`);
    await db.run(`UPDATE cases SET deleted_at = NULL WHERE id = 'k'`);
    expect(await row()).toMatchObject({ live: 0 });
  });

  it('removes a case’s statistics and programmes with the case', async () => {
    db = await migratedDb('ansim-0009-');
    await withListings(db, []);
    await db.run(`INSERT INTO case_programmes (case_id, programme_id, pointed_on) VALUES ('k', 'housing-benefit', '2026-01-01')`);
    await db.run(`DELETE FROM cases WHERE id = 'k'`);
    expect(await db.get(`SELECT (SELECT count(*) FROM case_stats) + (SELECT count(*) FROM case_programmes) AS n`)).toEqual({ n: 0 });
  });

  it('the seeded district generator is reproducible and fills the statistics tables', async () => {
    db = await migratedDb('ansim-0009-');
    const summary = await seedDistrict(db, { seed: 7, cases: 600, checklistRuns: 3000 });
    expect(summary).toMatchObject({ cases: 600, checklistRuns: 3000, clients: 450, withStats: true });
    const counts = await db.get<Record<string, number>>(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM case_stats) AS stats,
      (SELECT count(*) FROM checklist_runs) AS runs, (SELECT count(DISTINCT client_id) FROM cases) AS people`);
    expect(counts).toMatchObject({ cases: 600, stats: 600, runs: 3000 });
    expect(counts!.people).toBeLessThan(600);
    const first = await db.all(`SELECT id, opened_on, case_type FROM cases ORDER BY id LIMIT 5`);
    const again = await migratedDb('ansim-0009b-');
    try {
      await seedDistrict(again, { seed: 7, cases: 600, checklistRuns: 3000 });
      expect(await again.all(`SELECT id, opened_on, case_type FROM cases ORDER BY id LIMIT 5`)).toEqual(first);
    } finally {
      await again.close();
    }
    // Every case has at least one consultation type.
    expect(await db.get(`SELECT count(*) AS n FROM case_stats WHERE t_contract + t_search + t_viewing + t_contract_day + t_policy = 0`)).toEqual({ n: 0 });
  });
});
