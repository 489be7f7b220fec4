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
    const put = (cols: string, vals: string) => db!.run(`INSERT INTO case_stats (case_id, updated_at, ${cols}) VALUES ('k', 't', ${vals})`);
    await expect(put('s_solved', '6')).rejects.toThrow(/CHECK/);
    await expect(put('t_policy', '2')).rejects.toThrow(/CHECK/);
    await put('t_policy, t_contract, s_solved', '1, 1, 5');
    expect(await db.get(`SELECT t_policy, t_contract, t_search, s_solved FROM case_stats`)).toEqual({ t_policy: 1, t_contract: 1, t_search: 0, s_solved: 5 });
  });

  it('removes a case’s statistics and programmes with the case', async () => {
    db = await migratedDb('ansim-0009-');
    await withListings(db, []);
    await db.run(`INSERT INTO case_stats (case_id, updated_at) VALUES ('k', 't')`);
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
