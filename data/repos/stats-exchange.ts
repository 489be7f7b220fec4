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
    `SELECT s.*, (SELECT json_group_array(programme_id) FROM case_programmes p WHERE p.case_id = s.case_id) AS programmes
     FROM case_stats s WHERE s.live = 1 AND s.opened_on BETWEEN ? AND ? ORDER BY s.opened_on, s.case_id`,
    [from, to],
  );
  return rows.map((r) => ({
    key: hmac('case', String(r.case_id)),
    person: hmac('person', String(r.client_id)),
    district: String(r.district ?? deskDistrict ?? ''),
    month: String(r.opened_on).slice(0, 7),
    openedOn: String(r.opened_on),
    types: Object.fromEntries(CONSULT_TYPES.map((t) => [t, r[`t_${t}`] === 1 ? 1 : 0])) as ExportRow['types'],
    ageBand: (r.age_band as string | null) ?? null,
    gender: (r.gender as string | null) ?? null,
    residence: (r.residence as string | null) ?? null,
    listingDistrict: (r.listing_district as string | null) ?? null,
    movingIntoSeoul: r.moving_into_seoul === null ? null : (Number(r.moving_into_seoul) as 0 | 1),
    viewings: Number(r.viewings_done),
    checklists: Number(r.checklists_done),
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

/**
 * Imports a verified payload's rows straight from its JSON text (SQLite's JSON reader, one
 * statement); a row already known (same key) is replaced by the newer export.
 */
export async function importRows(
  db: Queryable,
  imp: { id: string; fingerprint: string; period: { from: string; to: string }; sha256: string; at: string; by: string | null },
  payloadText: string,
  rowCount: number,
): Promise<{ rows: number; newRows: number }> {
  // One statement, no per-row JavaScript: SQLite reads the payload's rows (json_each), turns each
  // row into JSONB once, materialised (so the 23 column reads do not re-parse its text), and inserts by key;
  // a known key is replaced by the newer export. New rows get rowids above the table's largest
  // (rows are never renumbered), so counting them is a rowid range, not a lookup per row.
  const before = (await db.get<{ m: number }>(`SELECT coalesce(max(rowid), 0) AS m FROM stats_city_rows`))!.m;
  // Column positions follow ROW_COLUMNS in electron/backend/statistics/city-file.ts.
  const cols: [string, string][] = [
    ['row_key', 'b ->> 0'], ['person_key', 'b ->> 1'], ['district', 'b ->> 2'], ['opened_on', 'b ->> 3'], ['month', 'substr(b ->> 3, 1, 7)'],
    ...CONSULT_TYPES.map((t, i): [string, string] => [`t_${t}`, `b ->> ${4 + i}`]),
    ['age_band', 'b ->> 9'], ['gender', 'b ->> 10'], ['residence_district', 'b ->> 11'], ['listing_district', 'b ->> 12'],
    ['moving_into_seoul', 'b ->> 13'], ['viewings', 'b ->> 14'], ['checklists', 'b ->> 15'], ['verdict', 'b ->> 16'], ['programmes', 'json(b -> 17)'],
    ...SURVEY_ITEMS.map((s, i): [string, string] => [`s_${s}`, `b ->> ${18 + i}`]),
    ['desk_fingerprint', '?'], ['imported_at', '?'],
  ];
  await db.run(
    `WITH r AS MATERIALIZED (SELECT jsonb(value) AS b FROM json_each(?, '$.rows'))
     INSERT INTO stats_city_rows (${cols.map((c) => c[0]).join(', ')})
     SELECT ${cols.map((c) => c[1]).join(', ')} FROM r WHERE 1
     ON CONFLICT (row_key) DO UPDATE SET ${cols.filter((c) => c[0] !== 'row_key').map((c) => `${c[0]} = excluded.${c[0]}`).join(', ')}`,
    [payloadText, imp.fingerprint, imp.at],
  );
  const newRows = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM stats_city_rows WHERE rowid > ?`, [before]))!.n;
  await db.run(
    `INSERT INTO stats_imports (id, desk_fingerprint, period_from, period_to, file_sha256, row_count, new_rows, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [imp.id, imp.fingerprint, imp.period.from, imp.period.to, imp.sha256, rowCount, newRows, imp.at, imp.by],
  );
  return { rows: rowCount, newRows };
}

export async function listImports(db: Queryable): Promise<{ id: string; desk: string; from: string; to: string; rows: number; newRows: number; importedAt: string }[]> {
  return db.all(`SELECT i.id, coalesce(d.label, i.desk_fingerprint) AS desk, i.period_from AS "from", i.period_to AS "to", i.row_count AS rows, i.new_rows AS newRows, i.imported_at AS importedAt
    FROM stats_imports i LEFT JOIN stats_desks d ON d.fingerprint = i.desk_fingerprint ORDER BY i.imported_at DESC`);
}
