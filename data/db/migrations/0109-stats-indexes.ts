// Statistics speed (docs/STATISTICS.md "Speed"): one covering index per breakdown of case_stats.
// Each index starts with `live` and the breakdown's key, then the client (for 명) and every column
// a filter reads (period, desk district, manager, age band, gender, types). A breakdown is then
// one sequential pass over its own index, already in key order: no table lookups and no sort
// (the SQLite GROUP BY sort over 60,000 rows, once per breakdown, was what made a filter change slow).
// The totals index adds the survey answers, moving into Seoul, viewings and checklists.
// No new data, nothing personal: the same non-identifying columns, in a different order.
import type { Migration } from './types.js';

const FILTER = ['opened_on', 'district', 'manager_id', 'age_band', 'gender', 't_contract', 't_search', 't_viewing', 't_contract_day', 't_policy'];
/** Breakdown → its key expression (must match data/repos/statistics.ts). */
export const STATS_BREAKDOWN_KEYS: Record<string, string> = {
  month: 'substr(opened_on, 1, 7)',
  district: 'district',
  manager: 'manager_id',
  age_band: 'age_band',
  gender: 'gender',
  residence: 'residence',
  listing_district: 'listing_district',
  verdict: 'verdict',
};

export const m0109: Migration = {
  id: 109,
  name: 'stats-indexes',
  async up(db) {
    const sql = Object.entries(STATS_BREAKDOWN_KEYS).map(
      ([name, key]) => `CREATE INDEX case_stats_by_${name} ON case_stats(live, ${key}, client_id, ${FILTER.filter((c) => c !== key).join(', ')});`,
    );
    sql.push(
      `CREATE INDEX case_stats_totals ON case_stats(live, client_id, ${FILTER.join(', ')}, moving_into_seoul, viewings_done, checklists_done, s_solved, s_expertise, s_kindness, s_convenience, s_recommend);`,
    );
    await db.exec(sql.join('\n'));
  },
};
