// SQL for desk → city statistics files: the de-identified rows a desk exports for a period, and
// the city's enrolled desks, imports and rows. Row keys are HMACs, so a case exported twice
// (overlapping periods, the same file imported again) is one row.
import type { Queryable } from '../db/sqlite.js';
import { CONSULT_TYPES, SURVEY_ITEMS } from './statistics.js';

export interface ExportRow {
  key: string;
  person: string;
  district: string;
  month: string;
  openedOn: string;
  types: Record<(typeof CONSULT_TYPES)[number], 0 | 1>;
  ageBand: string | null;
  gender: string | null;
  residence: string | null;
  listingDistrict: string | null;
  movingIntoSeoul: 0 | 1 | null;
  viewings: number;
  checklists: number;
  verdict: 'safe' | 'caution' | 'danger' | null;
  programmes: string[];
  survey: Record<(typeof SURVEY_ITEMS)[number], number | null>;
}

/** The desk's cases opened in [from, to], never deleted or demo, with keyed ids only. */
export async function exportRows(db: Queryable, from: string, to: string, deskDistrict: string | null, hmac: (kind: 'case' | 'person', id: string) => string): Promise<ExportRow[]> {
  const rows = await db.all<Record<string, string | number | null>>(
    `SELECT c.id, c.client_id, c.case_type, c.district, c.opened_on, cl.age_band, cl.gender, cl.current_district,
       s.t_contract, s.t_search, s.t_viewing, s.t_contract_day, s.t_policy, s.listing_district, s.moving_into_seoul, s.verdict,
       ${SURVEY_ITEMS.map((x) => `s.s_${x}`).join(', ')},
       (SELECT count(*) FROM viewings v WHERE v.case_id = c.id AND v.status = 'done' AND v.deleted_at IS NULL AND v.is_demo = 0) AS viewings,
       (SELECT count(*) FROM checklist_runs r JOIN listings l ON l.id = r.listing_id WHERE l.case_id = c.id AND l.deleted_at IS NULL
          AND r.status = 'completed' AND r.deleted_at IS NULL AND r.is_demo = 0) AS checklists,
       (SELECT json_group_array(programme_id) FROM case_programmes p WHERE p.case_id = c.id) AS programmes
     FROM cases c JOIN clients cl ON cl.id = c.client_id LEFT JOIN case_stats s ON s.case_id = c.id
     WHERE c.deleted_at IS NULL AND c.is_demo = 0 AND cl.deleted_at IS NULL AND cl.is_demo = 0 AND c.opened_on BETWEEN ? AND ?
     ORDER BY c.opened_on, c.id`,
    [from, to],
  );
  const fallback: Record<string, string> = { contract: 'contract_consult', search: 'housing_search', viewing: 'viewing_accompany', contract_day: 'contract_day_accompany', policy: 'policy_guide' };
  return rows.map((r) => ({
    key: hmac('case', String(r.id)),
    person: hmac('person', String(r.client_id)),
    district: String(r.district ?? deskDistrict ?? ''),
    month: String(r.opened_on).slice(0, 7),
    openedOn: String(r.opened_on),
    types: Object.fromEntries(CONSULT_TYPES.map((t) => [t, (r[`t_${t}`] ?? (r.case_type === fallback[t] ? 1 : 0)) === 1 ? 1 : 0])) as ExportRow['types'],
    ageBand: (r.age_band as string | null) ?? null,
    gender: (r.gender as string | null) ?? null,
    residence: (r.current_district as string | null) ?? null,
    listingDistrict: (r.listing_district as string | null) ?? null,
    movingIntoSeoul: r.moving_into_seoul === null ? null : (Number(r.moving_into_seoul) as 0 | 1),
    viewings: Number(r.viewings),
    checklists: Number(r.checklists),
    verdict: (r.verdict as ExportRow['verdict']) ?? null,
    programmes: JSON.parse(String(r.programmes ?? '[]')).sort(),
    survey: Object.fromEntries(SURVEY_ITEMS.map((x) => [x, r[`s_${x}`] === null ? null : Number(r[`s_${x}`])])) as ExportRow['survey'],
  }));
}

export interface DeskRow {
  fingerprint: string;
  label: string;
  district: string | null;
  enrolledAt: string;
  revokedAt: string | null;
}

export async function listDesks(db: Queryable): Promise<DeskRow[]> {
  return db.all<DeskRow>(`SELECT fingerprint, label, district, enrolled_at AS enrolledAt, revoked_at AS revokedAt FROM stats_desks ORDER BY label`);
}

export async function enrolDesk(db: Queryable, d: { fingerprint: string; label: string; district: string | null }, at: string, by: string | null): Promise<void> {
  await db.run(
    `INSERT INTO stats_desks (fingerprint, label, district, enrolled_at, enrolled_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET label = excluded.label, district = excluded.district, revoked_at = NULL`,
    [d.fingerprint, d.label, d.district, at, by],
  );
}

export async function revokeDesk(db: Queryable, fingerprint: string, at: string): Promise<boolean> {
  return (await db.run(`UPDATE stats_desks SET revoked_at = ? WHERE fingerprint = ? AND revoked_at IS NULL`, [at, fingerprint])).changes > 0;
}

/** Imports rows in one statement per 5,000 rows; a row already known (same key) is replaced by the newer export. */
export async function importRows(
  db: Queryable,
  imp: { id: string; fingerprint: string; period: { from: string; to: string }; sha256: string; at: string; by: string | null },
  rows: ExportRow[],
): Promise<{ rows: number; newRows: number }> {
  const before = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM stats_city_rows`))!.n;
  const cols = ['row_key', 'desk_fingerprint', 'district', 'month', 'opened_on', ...CONSULT_TYPES.map((t) => `t_${t}`), 'person_key', 'age_band', 'gender', 'residence_district', 'listing_district', 'moving_into_seoul', 'viewings', 'checklists', 'verdict', 'programmes', ...SURVEY_ITEMS.map((s) => `s_${s}`), 'imported_at'];
  const sql = `INSERT INTO stats_city_rows (${cols.join(', ')}) SELECT ${cols.map((c, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) WHERE 1
    ON CONFLICT (row_key) DO UPDATE SET ${cols.filter((c) => c !== 'row_key').map((c) => `${c} = excluded.${c}`).join(', ')}`;
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000).map((r) => [
      r.key, imp.fingerprint, r.district, r.month, r.openedOn, ...CONSULT_TYPES.map((t) => r.types[t]), r.person, r.ageBand, r.gender, r.residence, r.listingDistrict,
      r.movingIntoSeoul, r.viewings, r.checklists, r.verdict, JSON.stringify(r.programmes), ...SURVEY_ITEMS.map((s) => r.survey[s]), imp.at,
    ]);
    await db.run(sql, [JSON.stringify(batch)]);
  }
  const after = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM stats_city_rows`))!.n;
  await db.run(
    `INSERT INTO stats_imports (id, desk_fingerprint, period_from, period_to, file_sha256, row_count, new_rows, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [imp.id, imp.fingerprint, imp.period.from, imp.period.to, imp.sha256, rows.length, after - before, imp.at, imp.by],
  );
  return { rows: rows.length, newRows: after - before };
}

export async function listImports(db: Queryable): Promise<{ id: string; desk: string; from: string; to: string; rows: number; newRows: number; importedAt: string }[]> {
  return db.all(`SELECT i.id, coalesce(d.label, i.desk_fingerprint) AS desk, i.period_from AS "from", i.period_to AS "to", i.row_count AS rows, i.new_rows AS newRows, i.imported_at AS importedAt
    FROM stats_imports i LEFT JOIN stats_desks d ON d.fingerprint = i.desk_fingerprint ORDER BY i.imported_at DESC`);
}
