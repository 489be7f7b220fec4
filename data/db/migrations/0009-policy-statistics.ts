// Policy guidance and the service's statistics.
// - case_stats: what the city counts per case (consultation types in its own five categories, moving
//   into Seoul, the listing's district, the case's worst risk verdict, the close-of-case survey).
//   Age band, gender and residence district stay on `clients` (non-identifying facts that survive
//   destruction of personal data); viewings and checklist runs are counted from their own tables.
// - case_programmes: programmes a manager pointed the client to (catalogue ids, no personal data).
// - client_policy_facts: the facts matching needs (age, income, assets, marriage, 세대주, 제대군인
//   service) — personal data, kept only with the client's own consent item, always encrypted.
// - stats_targets: the yearly target a coordinator sets.
// - stats_desks / stats_imports / stats_city_rows: the city's side of desk → city statistics files:
//   enrolled desks by key fingerprint, each imported file, and de-identified rows keyed by an HMAC
//   of the case id so overlapping periods and repeated imports count once.
import type { Migration } from './types.js';

const flag = (c: string) => `${c} INTEGER NOT NULL DEFAULT 0 CHECK (${c} IN (0, 1))`;
const score = (c: string) => `${c} INTEGER CHECK (${c} BETWEEN 1 AND 5)`;

export const m0009: Migration = {
  id: 9,
  name: 'policy-statistics',
  async up(db) {
    await db.exec(`
      CREATE TABLE case_stats (
        case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        ${flag('t_contract')},
        ${flag('t_search')},
        ${flag('t_viewing')},
        ${flag('t_contract_day')},
        ${flag('t_policy')},
        moving_into_seoul INTEGER CHECK (moving_into_seoul IN (0, 1)),
        listing_district TEXT,
        verdict TEXT CHECK (verdict IN ('safe', 'caution', 'danger')),
        survey_on TEXT,
        ${score('s_solved')},
        ${score('s_expertise')},
        ${score('s_kindness')},
        ${score('s_convenience')},
        ${score('s_recommend')},
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_programmes (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        programme_id TEXT NOT NULL,
        pointed_on TEXT NOT NULL,
        pointed_by TEXT,
        PRIMARY KEY (case_id, programme_id)
      ) STRICT;
      CREATE INDEX case_programmes_programme ON case_programmes(programme_id);

      CREATE TABLE client_policy_facts (
        client_id TEXT PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
        facts_enc TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      ) STRICT;

      CREATE TABLE stats_targets (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        target_cases INTEGER NOT NULL CHECK (target_cases > 0),
        target_people INTEGER CHECK (target_people > 0),
        set_by TEXT,
        set_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE stats_desks (
        fingerprint TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        district TEXT,
        public_key TEXT,
        enrolled_at TEXT NOT NULL,
        enrolled_by TEXT,
        revoked_at TEXT
      ) STRICT;

      CREATE TABLE stats_imports (
        id TEXT PRIMARY KEY,
        desk_fingerprint TEXT NOT NULL REFERENCES stats_desks(fingerprint),
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        new_rows INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT
      ) STRICT;

      CREATE TABLE stats_city_rows (
        row_key TEXT PRIMARY KEY,
        desk_fingerprint TEXT NOT NULL,
        district TEXT NOT NULL,
        month TEXT NOT NULL,
        opened_on TEXT NOT NULL,
        ${flag('t_contract')},
        ${flag('t_search')},
        ${flag('t_viewing')},
        ${flag('t_contract_day')},
        ${flag('t_policy')},
        person_key TEXT NOT NULL,
        age_band TEXT,
        gender TEXT,
        residence_district TEXT,
        listing_district TEXT,
        moving_into_seoul INTEGER,
        viewings INTEGER NOT NULL DEFAULT 0,
        checklists INTEGER NOT NULL DEFAULT 0,
        verdict TEXT,
        programmes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(programmes)),
        ${score('s_solved')},
        ${score('s_expertise')},
        ${score('s_kindness')},
        ${score('s_convenience')},
        ${score('s_recommend')},
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stats_city_rows_month ON stats_city_rows(month, district);

      CREATE INDEX stats_cases_opened_on ON cases(opened_on);
      CREATE INDEX stats_cases_manager ON cases(manager_id);
    `);
  },
};
