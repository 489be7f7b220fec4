// The service's figures, as the city counts them, from one desk's records or from the city's
// imported desk files. SQL lives here only.
//
// Counting (docs/STATISTICS.md):
// - 명 (people): distinct clients (city: distinct person keys per desk);
// - 건 (consultations): one per consultation type a case had, in the city's five categories, so
//   type shares add up to 100 % over 건; cases (상담 사례) are counted too;
// - "by district" is the serving desk's district; the client's residence and the listing's
//   district are separate dimensions;
// - never deleted or demo records; only non-identifying columns are read.
import type { Queryable, SqlValue } from '../db/sqlite.js';
import { CONSULT_TYPES, SURVEY_ITEMS, DIMENSIONS, type ConsultType, type SurveyItem, type Dimension, type StatsSource, type StatsFilter, type Counts, type GroupRow, type SurveySummary, type StatsSummary, type DrillRow, type CaseStatsRecord } from '../../electron/api/stats-types.js';
export { CONSULT_TYPES, SURVEY_ITEMS, DIMENSIONS };
export type { ConsultType, SurveyItem, Dimension, StatsSource, StatsFilter, Counts, GroupRow, SurveySummary, StatsSummary, DrillRow, CaseStatsRecord };



const TYPE_COLS = CONSULT_TYPES.map((t) => `t_${t}`);

/** One row per case with only non-identifying columns, the same shape for a desk and the city. */
function sourceSql(source: StatsSource): string {
  const survey = SURVEY_ITEMS.map((x) => `s_${x}`).join(', ');
  if (source === 'city') {
    return `SELECT row_key AS id, desk_fingerprint || ':' || person_key AS person, opened_on, month, district, NULL AS manager_id,
      ${TYPE_COLS.join(', ')}, age_band, gender, residence_district AS residence, listing_district, moving_into_seoul, verdict,
      ${survey}, viewings AS viewings_done, checklists AS checklists_done
      FROM stats_city_rows`;
  }
  // case_stats is kept by triggers (migration 0009): one table, no joins.
  return `SELECT case_id AS id, client_id AS person, opened_on, substr(opened_on, 1, 7) AS month, district, manager_id,
      ${TYPE_COLS.join(', ')}, age_band, gender, residence, listing_district, moving_into_seoul, verdict,
      ${survey}, viewings_done, checklists_done
      FROM case_stats WHERE live = 1`;
}

/** A period longer than a quarter (or open): read in whole breakdown indexes rather than by date. */
const isWide = (f: StatsFilter) => !f.from || !f.to || Date.parse(f.to) - Date.parse(f.from) > 92 * 86_400_000;

function where(f: StatsFilter): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const inList = (col: string, xs?: string[]) => {
    if (!xs?.length) return;
    parts.push(`${col} IN (${xs.map(() => '?').join(', ')})`);
    params.push(...xs);
  };
  // A wide period reads the whole table in storage order (one sequential pass) rather than
  // hopping through the date index row by row; a narrow one uses the index.
  const wide = isWide(f);
  const col = wide ? '+opened_on' : 'opened_on';
  if (f.from) {
    parts.push(`${col} >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    parts.push(`${col} <= ?`);
    params.push(f.to);
  }
  inList('district', f.districts);
  inList('manager_id', f.managerIds);
  inList('age_band', f.ageBands);
  inList('gender', f.genders);
  if (f.types?.length) parts.push(`(${f.types.map((t) => `t_${t} = 1`).join(' OR ')})`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * A CTE `f` of the filtered cases, for every query below. On a desk, over a wide period, it is
 * inlined into each breakdown, so each reads its own covering index of case_stats (migration
 * 0109) in key order — one pass, no sort, no table lookups. A narrow period (a month, a quarter)
 * gathers its few cases once by date instead; so does the city (its imported rows).
 */
function filtered(f: StatsFilter): { cte: string; params: SqlValue[]; inlined: boolean } {
  const w = where(f);
  const source = f.source ?? 'desk';
  const inlined = source === 'desk' && isWide(f);
  return { cte: `WITH f AS ${inlined ? 'NOT MATERIALIZED' : 'MATERIALIZED'} (SELECT * FROM (${sourceSql(source)}) ${w.sql})`, params: w.params, inlined };
}


const countCols = `count(DISTINCT person) AS people, count(*) AS cases,
  ${TYPE_COLS.map((c) => `total(${c}) AS ${c}`).join(', ')}`;

interface RawCounts {
  people: number;
  cases: number;
  t_contract: number;
  t_search: number;
  t_viewing: number;
  t_contract_day: number;
  t_policy: number;
}
function toCounts(r: RawCounts | undefined): Counts {
  const types = Object.fromEntries(CONSULT_TYPES.map((t) => [t, Number(r?.[`t_${t}` as keyof RawCounts] ?? 0)])) as Record<ConsultType, number>;
  return { people: r?.people ?? 0, cases: r?.cases ?? 0, consultations: Object.values(types).reduce((a, b) => a + b, 0), types };
}

const DIM_SQL: Record<Exclude<Dimension, 'type'>, string> = {
  month: 'month',
  district: 'district',
  manager: 'manager_id',
  ageBand: 'age_band',
  gender: 'gender',
  residence: 'residence',
  listingDistrict: 'listing_district',
  verdict: 'verdict',
  movingIntoSeoul: 'moving_into_seoul',
};


export async function statsSummary(db: Queryable, f: StatsFilter): Promise<StatsSummary> {
  const { cte, params, inlined } = filtered(f);
  const dims = ['month', 'district', 'manager', 'ageBand', 'gender', 'residence', 'listingDistrict', 'verdict'] as const;
  // All breakdowns in one statement, so the filtered cases are gathered once.
  const grouped = await db.all<RawCounts & { dim: string; key: string | number | null }>(
    `${cte} ${dims.map((d) => `SELECT '${d}' AS dim, ${DIM_SQL[d]} AS key, ${countCols} FROM f GROUP BY ${DIM_SQL[d]}`).join(' UNION ALL ')}`,
    params,
  );
  const rowsOf = (d: string) =>
    grouped
      .filter((r) => r.dim === d)
      .map((r) => ({ key: r.key === null ? null : String(r.key), ...toCounts(r) }))
      .sort((x, y) => (x.key === y.key ? 0 : x.key === null ? -1 : y.key === null ? 1 : x.key < y.key ? -1 : 1));
  const surveyCols = SURVEY_ITEMS.map((s) => `count(s_${s}) AS ${s}_n, sum(s_${s} >= 4) AS ${s}_sat, avg(s_${s}) AS ${s}_mean`).join(', ');
  const t = (await db.get<RawCounts & Record<string, number | null>>(
    `${cte} SELECT ${countCols}, count(*) FILTER (WHERE moving_into_seoul = 1) AS moving, total(viewings_done) AS viewings, total(checklists_done) AS checklists,
      count(*) FILTER (WHERE ${SURVEY_ITEMS.map((s) => `s_${s} IS NOT NULL`).join(' OR ')}) AS respondents, ${surveyCols} FROM f`,
    params,
  ))!;
  const programmes = await db.all<{ id: string; cases: number }>(
    (f.source ?? 'desk') === 'desk'
      ? // Wide: from the few pointed-to programmes to their cases (by key), not from every case.
        `${cte} SELECT p.programme_id AS id, count(*) AS cases FROM ${inlined ? 'case_programmes p CROSS JOIN f' : 'f JOIN case_programmes p'} ON p.case_id = f.id GROUP BY p.programme_id ORDER BY cases DESC, id`
      : `${cte} SELECT j.value AS id, count(*) AS cases FROM f JOIN stats_city_rows r ON r.row_key = f.id, json_each(r.programmes) j GROUP BY j.value ORDER BY cases DESC, id`,
    params,
  );
  const items = Object.fromEntries(
    SURVEY_ITEMS.map((s) => {
      const n = Number(t[`${s}_n`] ?? 0);
      return [s, { answers: n, satisfiedShare: n ? Number(t[`${s}_sat`]) / n : null, mean: n ? Number(t[`${s}_mean`]) : null }];
    }),
  ) as SurveySummary['items'];
  return {
    totals: toCounts(t),
    byMonth: rowsOf('month'),
    byDistrict: rowsOf('district'),
    byManager: rowsOf('manager'),
    byAgeBand: rowsOf('ageBand'),
    byGender: rowsOf('gender'),
    byResidence: rowsOf('residence'),
    byListingDistrict: rowsOf('listingDistrict'),
    byVerdict: rowsOf('verdict'),
    movingIntoSeoul: Number(t.moving ?? 0),
    viewingsHeld: Number(t.viewings ?? 0),
    checklistsCompleted: Number(t.checklists ?? 0),
    programmes,
    survey: { respondents: Number(t.respondents ?? 0), items },
  };
}


/** The cases behind a number: the filter plus one dimension's value (or a type). */
export async function statsDrill(db: Queryable, f: StatsFilter, dim: Dimension | null, key: string | null, limit = 500): Promise<{ total: number; rows: DrillRow[] }> {
  const { cte, params } = filtered(f);
  let cond = '1';
  const p: SqlValue[] = [...params];
  if (dim === 'type') {
    if (!CONSULT_TYPES.includes(key as ConsultType)) throw new Error(`unknown type ${key}`);
    cond = `t_${key} = 1`;
  } else if (dim) {
    cond = key === null ? `${DIM_SQL[dim]} IS NULL` : `${DIM_SQL[dim]} = ?`;
    if (key !== null) p.push(dim === 'movingIntoSeoul' ? Number(key) : key);
  }
  const total = (await db.get<{ n: number }>(`${cte} SELECT count(*) AS n FROM f WHERE ${cond}`, p))!.n;
  const rows = await db.all<Record<string, string | number | null>>(`${cte} SELECT * FROM f WHERE ${cond} ORDER BY opened_on DESC, id LIMIT ?`, [...p, limit]);
  return {
    total,
    rows: rows.map((r) => ({
      id: String(r.id),
      openedOn: String(r.opened_on),
      district: (r.district as string | null) ?? null,
      managerId: (r.manager_id as string | null) ?? null,
      types: CONSULT_TYPES.filter((t) => Number(r[`t_${t}`]) === 1),
      ageBand: (r.age_band as string | null) ?? null,
      gender: (r.gender as string | null) ?? null,
    })),
  };
}

// ---- per-case statistics (recorded by the manager) ----

export async function getCaseStats(db: Queryable, caseId: string): Promise<CaseStatsRecord | null> {
  const r = await db.get<Record<string, string | number | null>>(`SELECT * FROM case_stats WHERE case_id = ?`, [caseId]);
  const programmes = (await db.all<{ programme_id: string }>(`SELECT programme_id FROM case_programmes WHERE case_id = ? ORDER BY programme_id`, [caseId])).map((x) => x.programme_id);
  if (!r) return null;
  const answers: Partial<Record<SurveyItem, number>> = {};
  for (const s of SURVEY_ITEMS) if (r[`s_${s}`] !== null) answers[s] = Number(r[`s_${s}`]);
  return {
    recorded: r.types_recorded === 1,
    types: CONSULT_TYPES.filter((t) => r[`t_${t}`] === 1),
    movingIntoSeoul: r.moving_into_seoul === null ? null : r.moving_into_seoul === 1,
    listingDistrict: (r.listing_district as string | null) ?? null,
    verdict: (r.verdict as CaseStatsRecord['verdict']) ?? null,
    survey: r.survey_on ? { on: String(r.survey_on), answers } : null,
    programmes,
  };
}

/** Records what the manager says about a case (its row exists from the case's creation). */
export async function saveCaseStats(db: Queryable, caseId: string, rec: CaseStatsRecord, at: string, by: string | null): Promise<void> {
  const a = rec.survey?.answers ?? {};
  const r = await db.run(
    `UPDATE case_stats SET types_recorded = 1, ${TYPE_COLS.map((c) => `${c} = ?`).join(', ')}, moving_into_seoul = ?, listing_district = ?, verdict = ?,
       survey_on = ?, ${SURVEY_ITEMS.map((s) => `s_${s} = ?`).join(', ')}, updated_at = ? WHERE case_id = ?`,
    [
      ...CONSULT_TYPES.map((t) => (rec.types.includes(t) ? 1 : 0)),
      rec.movingIntoSeoul === null ? null : rec.movingIntoSeoul ? 1 : 0,
      rec.listingDistrict,
      rec.verdict,
      rec.survey?.on ?? null,
      ...SURVEY_ITEMS.map((s) => a[s] ?? null),
      at,
      caseId,
    ],
  );
  if (r.changes === 0) throw new Error(`no statistics row for case ${caseId}`);
  if (!rec.programmes) return;
  await db.run(`DELETE FROM case_programmes WHERE case_id = ? AND programme_id NOT IN (SELECT value FROM json_each(?))`, [caseId, JSON.stringify(rec.programmes)]);
  for (const p of rec.programmes) {
    await db.run(`INSERT INTO case_programmes (case_id, programme_id, pointed_on, pointed_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, [caseId, p, at.slice(0, 10), by]);
  }
}

// ---- yearly target ----
export async function getTarget(db: Queryable, year: number): Promise<{ year: number; cases: number; people: number | null } | null> {
  const r = await db.get<{ year: number; target_cases: number; target_people: number | null }>(`SELECT year, target_cases, target_people FROM stats_targets WHERE year = ?`, [year]);
  return r ? { year: r.year, cases: r.target_cases, people: r.target_people } : null;
}

export async function setTarget(db: Queryable, year: number, cases: number, people: number | null, by: string | null, at: string): Promise<void> {
  await db.run(
    `INSERT INTO stats_targets (year, target_cases, target_people, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET target_cases = excluded.target_cases, target_people = excluded.target_people, set_by = excluded.set_by, set_at = excluded.set_at`,
    [year, cases, people, by, at],
  );
}
