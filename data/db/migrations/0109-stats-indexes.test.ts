import { afterEach, describe, expect, it } from 'vitest';
import { migrationTester, type MigrationTester } from '../test-db.js';
import { seedDistrict } from '../../../bench/seed/district.js';
import { statsSummary, type StatsFilter } from '../../repos/statistics.js';

let m: MigrationTester | undefined;
afterEach(async () => m?.close());

const filters: StatsFilter[] = [
  { from: '2024-01-01', to: '2025-12-31' }, // wide: each breakdown reads its own index
  { from: '2025-01-01', to: '2025-12-31', types: ['policy'] },
  { from: '2024-01-01', to: '2025-12-31', ageBands: ['20s', '30s'], genders: ['female'] },
  { from: '2025-06-01', to: '2025-06-30' }, // narrow: gathered by date
  {},
];

describe('0109 statistics indexes', () => {
  it('adds a covering index per breakdown; every figure is the same before and after, and breakdowns read their index without sorting', async () => {
    m = await migrationTester();
    await m.migrateTo(108);
    await seedDistrict(m.db, { seed: 9, cases: 600, checklistRuns: 1500, startYear: 2024, years: 2 });
    const before = [];
    for (const f of filters) before.push(await statsSummary(m.db, f));
    await m.migrateTo(109);
    for (const [i, f] of filters.entries()) expect(await statsSummary(m.db, f)).toEqual(before[i]);

    // Hand check of the wide figures against plain counts.
    const wide = before[0];
    const plain = (await m.db.get<{ cases: number; people: number }>(
      `SELECT count(*) AS cases, count(DISTINCT client_id) AS people FROM case_stats WHERE live = 1 AND opened_on BETWEEN '2024-01-01' AND '2025-12-31'`,
    ))!;
    expect(wide.totals).toMatchObject(plain);
    expect(wide.totals.cases).toBeGreaterThan(500);
    expect(wide.byMonth.reduce((s, r) => s + r.cases, 0)).toBe(plain.cases);
    const programmes = await m.db.all<{ id: string; cases: number }>(
      `SELECT p.programme_id AS id, count(*) AS cases FROM case_programmes p JOIN case_stats s ON s.case_id = p.case_id WHERE s.live = 1 AND s.opened_on BETWEEN '2024-01-01' AND '2025-12-31' GROUP BY p.programme_id ORDER BY cases DESC, id`,
    );
    expect(wide.programmes).toEqual(programmes);

    const indexes = (await m.db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_stats' AND name LIKE 'case_stats_by_%'`)).map((r) => r.name).sort();
    expect(indexes).toEqual(['age_band', 'district', 'gender', 'listing_district', 'manager', 'month', 'residence', 'verdict'].map((n) => `case_stats_by_${n}`));
    const plan = (await m.db.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT substr(opened_on, 1, 7) AS k, count(DISTINCT client_id), count(*) FROM case_stats WHERE live = 1 AND +opened_on >= '2024-01-01' AND +opened_on <= '2025-12-31' GROUP BY k`,
    )).map((r) => r.detail);
    expect(plan.join(' | ')).toContain('COVERING INDEX case_stats_by_month');
    expect(plan.join(' | ')).not.toContain('FOR GROUP BY');
  });
});
