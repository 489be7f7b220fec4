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
import type { Params, Queryable, SqlValue } from '../db/sqlite.js';

export const CONSULT_TYPES = ['contract', 'search', 'viewing', 'contract_day', 'policy'] as const;
export type ConsultType = (typeof CONSULT_TYPES)[number];
export const SURVEY_ITEMS = ['solved', 'expertise', 'kindness', 'convenience', 'recommend'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];
export const DIMENSIONS = ['month', 'district', 'manager', 'ageBand', 'gender', 'residence', 'listingDistrict', 'verdict', 'type', 'movingIntoSeoul'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type StatsSource = 'desk' | 'city';

export interface StatsFilter {
  source?: StatsSource;
  /** Inclusive YYYY-MM-DD bounds on the case's opening day. */
  from?: string;
  to?: string;
  districts?: string[];
  managerIds?: string[];
  types?: ConsultType[];
  ageBands?: string[];
  genders?: string[];
}

const TYPE_COLS = CONSULT_TYPES.map((t) => `t_${t}`);

/** One row per case with only non-identifying columns, the same shape for a desk and the city. */
function sourceSql(source: StatsSource): string {
  if (source === 'city') {
    return `SELECT row_key AS id, desk_fingerprint || ':' || person_key AS person, opened_on, month, district, NULL AS manager_id,
      ${TYPE_COLS.join(', ')}, age_band, gender, residence_district AS residence, listing_district, moving_into_seoul, verdict,
      ${SURVEY_ITEMS.map((s) => `s_${s}`).join(', ')}
      FROM stats_city_rows`;
  }
  // A case without its statistics row still counts, under its own case type.
  const typeFrom = (col: string, caseType: string) => `COALESCE(s.${col}, c.case_type = '${caseType}')`;
  return `SELECT c.id AS id, c.client_id AS person, c.opened_on, substr(c.opened_on, 1, 7) AS month, c.district, c.manager_id,
      ${typeFrom('t_contract', 'contract_consult')} AS t_contract, ${typeFrom('t_search', 'housing_search')} AS t_search,
      ${typeFrom('t_viewing', 'viewing_accompany')} AS t_viewing, ${typeFrom('t_contract_day', 'contract_day_accompany')} AS t_contract_day,
      ${typeFrom('t_policy', 'policy_guide')} AS t_policy,
      cl.age_band, cl.gender, cl.current_district AS residence, s.listing_district, s.moving_into_seoul, s.verdict,
      ${SURVEY_ITEMS.map((x) => `s.s_${x}`).join(', ')}
      FROM cases c JOIN clients cl ON cl.id = c.client_id LEFT JOIN case_stats s ON s.case_id = c.id
      WHERE c.deleted_at IS NULL AND c.is_demo = 0 AND cl.deleted_at IS NULL AND cl.is_demo = 0`;
}

function where(f: StatsFilter): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const inList = (col: string, xs?: string[]) => {
    if (!xs?.length) return;
    parts.push(`${col} IN (${xs.map(() => '?').join(', ')})`);
    params.push(...xs);
  };
  if (f.from) (parts.push('opened_on >= ?'), params.push(f.from));
  if (f.to) (parts.push('opened_on <= ?'), params.push(f.to));
  inList('district', f.districts);
  inList('manager_id', f.managerIds);
  inList('age_band', f.ageBands);
  inList('gender', f.genders);
  if (f.types?.length) parts.push(`(${f.types.map((t) => `t_${t} = 1`).join(' OR ')})`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** A CTE `f` of the filtered cases, for every query below. */
function filtered(f: StatsFilter): { cte: string; params: SqlValue[] } {
  const w = where(f);
  return { cte: `WITH f AS MATERIALIZED (SELECT * FROM (${sourceSql(f.source ?? 'desk')}) ${w.sql})`, params: w.params };
}

export interface Counts {
  people: number;
  cases: number;
  /** 건: consultations, one per type per case. */
  consultations: number;
  types: Record<ConsultType, number>;
}

export interface GroupRow extends Counts {
  key: string | null;
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

export interface SurveySummary {
  respondents: number;
  /** Per item: answers, share answering 4 or 5 (satisfied), mean on 1–5. */
  items: Record<SurveyItem, { answers: number; satisfiedShare: number | null; mean: number | null }>;
}

export interface StatsSummary {
  totals: Counts;
  byMonth: GroupRow[];
  byDistrict: GroupRow[];
  byManager: GroupRow[];
  byAgeBand: GroupRow[];
  byGender: GroupRow[];
  byResidence: GroupRow[];
  byListingDistrict: GroupRow[];
  byVerdict: GroupRow[];
  movingIntoSeoul: number;
  /** Desk only (the city's rows carry them per case): viewings held, checklists completed. */
  viewingsHeld: number;
  checklistsCompleted: number;
  programmes: { id: string; cases: number }[];
  survey: SurveySummary;
}

async function groupBy(db: Queryable, f: StatsFilter, dim: Exclude<Dimension, 'type'>): Promise<GroupRow[]> {
  const { cte, params } = filtered(f);
  const col = DIM_SQL[dim];
  const rows = await db.all<RawCounts & { key: string | number | null }>(`${cte} SELECT ${col} AS key, ${countCols} FROM f GROUP BY ${col} ORDER BY ${col}`, params);
  return rows.map((r) => ({ key: r.key === null ? null : String(r.key), ...toCounts(r) }));
}

export async function statsSummary(db: Queryable, f: StatsFilter): Promise<StatsSummary> {
  const source = f.source ?? 'desk';
  const { cte, params } = filtered(f);
  const totals = toCounts(await db.get<RawCounts>(`${cte} SELECT ${countCols} FROM f`, params));
  const [byMonth, byDistrict, byManager, byAgeBand, byGender, byResidence, byListingDistrict, byVerdict] = await Promise.all(
    (['month', 'district', 'manager', 'ageBand', 'gender', 'residence', 'listingDistrict', 'verdict'] as const).map((d) => groupBy(db, f, d)),
  );
  const moving = await db.get<{ n: number }>(`${cte} SELECT count(*) AS n FROM f WHERE moving_into_seoul = 1`, params);
  let viewingsHeld = 0;
  let checklistsCompleted = 0;
  let programmes: { id: string; cases: number }[] = [];
  if (source === 'desk') {
    viewingsHeld = (await db.get<{ n: number }>(`${cte} SELECT count(*) AS n FROM viewings v JOIN f ON f.id = v.case_id WHERE v.status = 'done' AND v.deleted_at IS NULL AND v.is_demo = 0`, params))!.n;
    checklistsCompleted = (await db.get<{ n: number }>(
      `${cte} SELECT count(*) AS n FROM checklist_runs r JOIN listings l ON l.id = r.listing_id JOIN f ON f.id = l.case_id
       WHERE r.status = 'completed' AND r.deleted_at IS NULL AND r.is_demo = 0 AND l.deleted_at IS NULL`,
      params,
    ))!.n;
    programmes = await db.all(`${cte} SELECT p.programme_id AS id, count(*) AS cases FROM case_programmes p JOIN f ON f.id = p.case_id GROUP BY p.programme_id ORDER BY cases DESC, id`, params);
  } else {
    const r = await db.get<{ v: number; c: number }>(`${cte} SELECT total(r.viewings) AS v, total(r.checklists) AS c FROM stats_city_rows r JOIN f ON f.id = r.row_key`, params);
    viewingsHeld = r?.v ?? 0;
    checklistsCompleted = r?.c ?? 0;
    programmes = await db.all(`${cte} SELECT j.value AS id, count(*) AS cases FROM stats_city_rows r JOIN f ON f.id = r.row_key, json_each(r.programmes) j GROUP BY j.value ORDER BY cases DESC, id`, params);
  }
  const survey = await surveySummary(db, cte, params);
  return { totals, byMonth, byDistrict, byManager, byAgeBand, byGender, byResidence, byListingDistrict, byVerdict, movingIntoSeoul: moving?.n ?? 0, viewingsHeld, checklistsCompleted, programmes, survey };
}

async function surveySummary(db: Queryable, cte: string, params: Params): Promise<SurveySummary> {
  const cols = SURVEY_ITEMS.map((s) => `count(s_${s}) AS ${s}_n, sum(s_${s} >= 4) AS ${s}_sat, avg(s_${s}) AS ${s}_mean`).join(', ');
  const r = (await db.get<Record<string, number | null>>(`${cte} SELECT count(*) FILTER (WHERE ${SURVEY_ITEMS.map((s) => `s_${s} IS NOT NULL`).join(' OR ')}) AS respondents, ${cols} FROM f`, params))!;
  const items = Object.fromEntries(
    SURVEY_ITEMS.map((s) => {
      const n = Number(r[`${s}_n`] ?? 0);
      return [s, { answers: n, satisfiedShare: n ? Number(r[`${s}_sat`]) / n : null, mean: n ? Number(r[`${s}_mean`]) : null }];
    }),
  ) as SurveySummary['items'];
  return { respondents: Number(r.respondents ?? 0), items };
}

export interface DrillRow {
  id: string;
  openedOn: string;
  district: string | null;
  managerId: string | null;
  types: ConsultType[];
  ageBand: string | null;
  gender: string | null;
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
export interface CaseStatsRecord {
  types: ConsultType[];
  movingIntoSeoul: boolean | null;
  listingDistrict: string | null;
  verdict: 'safe' | 'caution' | 'danger' | null;
  survey: { on: string; answers: Partial<Record<SurveyItem, number>> } | null;
  programmes: string[];
}

export async function getCaseStats(db: Queryable, caseId: string): Promise<CaseStatsRecord | null> {
  const r = await db.get<Record<string, string | number | null>>(`SELECT * FROM case_stats WHERE case_id = ?`, [caseId]);
  const programmes = (await db.all<{ programme_id: string }>(`SELECT programme_id FROM case_programmes WHERE case_id = ? ORDER BY programme_id`, [caseId])).map((x) => x.programme_id);
  if (!r) return programmes.length ? { types: [], movingIntoSeoul: null, listingDistrict: null, verdict: null, survey: null, programmes } : null;
  const answers: Partial<Record<SurveyItem, number>> = {};
  for (const s of SURVEY_ITEMS) if (r[`s_${s}`] !== null) answers[s] = Number(r[`s_${s}`]);
  return {
    types: CONSULT_TYPES.filter((t) => r[`t_${t}`] === 1),
    movingIntoSeoul: r.moving_into_seoul === null ? null : r.moving_into_seoul === 1,
    listingDistrict: (r.listing_district as string | null) ?? null,
    verdict: (r.verdict as CaseStatsRecord['verdict']) ?? null,
    survey: r.survey_on ? { on: String(r.survey_on), answers } : null,
    programmes,
  };
}

export async function saveCaseStats(db: Queryable, caseId: string, rec: CaseStatsRecord, at: string, by: string | null): Promise<void> {
  const a = rec.survey?.answers ?? {};
  await db.run(
    `INSERT INTO case_stats (case_id, ${TYPE_COLS.join(', ')}, moving_into_seoul, listing_district, verdict, survey_on, ${SURVEY_ITEMS.map((s) => `s_${s}`).join(', ')}, updated_at)
     VALUES (?, ${TYPE_COLS.map(() => '?').join(', ')}, ?, ?, ?, ?, ${SURVEY_ITEMS.map(() => '?').join(', ')}, ?)
     ON CONFLICT (case_id) DO UPDATE SET ${[...TYPE_COLS, 'moving_into_seoul', 'listing_district', 'verdict', 'survey_on', ...SURVEY_ITEMS.map((s) => `s_${s}`), 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    [
      caseId,
      ...CONSULT_TYPES.map((t) => (rec.types.includes(t) ? 1 : 0)),
      rec.movingIntoSeoul === null ? null : rec.movingIntoSeoul ? 1 : 0,
      rec.listingDistrict,
      rec.verdict,
      rec.survey?.on ?? null,
      ...SURVEY_ITEMS.map((s) => a[s] ?? null),
      at,
    ],
  );
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
