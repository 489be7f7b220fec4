// Policy guidance and the service's statistics.
// - case_stats: what the city counts per case (consultation types in its own five categories, moving
//   into Seoul, the listing's district, the case's worst risk verdict, the close-of-case survey),
//   beside copies of the case's and client's non-identifying facts and its viewing and checklist
//   counts, kept current by triggers, so the statistics read one table.
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
      -- One row per case, kept by the triggers below: the statistics screen reads this one table
      -- (no joins), so a filter change over years of records stays fast. Copies of non-identifying
      -- facts only: the client's age band, gender and district, never a name, phone or note.
      CREATE TABLE case_stats (
        case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        client_id TEXT NOT NULL,
        opened_on TEXT NOT NULL,
        district TEXT,
        manager_id TEXT,
        -- 1 while neither the case nor its client is deleted or demo: only these are counted.
        live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
        age_band TEXT,
        gender TEXT,
        residence TEXT,
        -- 0 until a manager records the types: until then they follow the case's own type.
        types_recorded INTEGER NOT NULL DEFAULT 0 CHECK (types_recorded IN (0, 1)),
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
        viewings_done INTEGER NOT NULL DEFAULT 0,
        checklists_done INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_stats_opened ON case_stats(live, opened_on);
      CREATE INDEX case_stats_client ON case_stats(client_id);

      CREATE TRIGGER case_stats_case_insert AFTER INSERT ON cases
      BEGIN
        INSERT INTO case_stats (case_id, client_id, opened_on, district, manager_id, live, age_band, gender, residence,
            t_contract, t_search, t_viewing, t_contract_day, t_policy, updated_at)
          SELECT NEW.id, NEW.client_id, NEW.opened_on, NEW.district, NEW.manager_id,
            coalesce(NEW.deleted_at IS NULL AND NEW.is_demo = 0 AND cl.deleted_at IS NULL AND cl.is_demo = 0, 0),
            cl.age_band, cl.gender, cl.current_district,
            NEW.case_type = 'contract_consult', NEW.case_type = 'housing_search', NEW.case_type = 'viewing_accompany',
            NEW.case_type = 'contract_day_accompany', NEW.case_type = 'policy_guide', NEW.updated_at
          FROM (SELECT 1) LEFT JOIN clients cl ON cl.id = NEW.client_id
        ON CONFLICT (case_id) DO NOTHING;
      END;
      CREATE TRIGGER case_stats_case_update AFTER UPDATE OF client_id, opened_on, district, manager_id, deleted_at, is_demo, case_type ON cases
      BEGIN
        UPDATE case_stats SET client_id = NEW.client_id, opened_on = NEW.opened_on, district = NEW.district, manager_id = NEW.manager_id,
          live = NEW.deleted_at IS NULL AND NEW.is_demo = 0 AND coalesce((SELECT deleted_at IS NULL AND is_demo = 0 FROM clients WHERE id = NEW.client_id), 0),
          age_band = (SELECT age_band FROM clients WHERE id = NEW.client_id),
          gender = (SELECT gender FROM clients WHERE id = NEW.client_id),
          residence = (SELECT current_district FROM clients WHERE id = NEW.client_id),
          t_contract = CASE WHEN types_recorded THEN t_contract ELSE NEW.case_type = 'contract_consult' END,
          t_search = CASE WHEN types_recorded THEN t_search ELSE NEW.case_type = 'housing_search' END,
          t_viewing = CASE WHEN types_recorded THEN t_viewing ELSE NEW.case_type = 'viewing_accompany' END,
          t_contract_day = CASE WHEN types_recorded THEN t_contract_day ELSE NEW.case_type = 'contract_day_accompany' END,
          t_policy = CASE WHEN types_recorded THEN t_policy ELSE NEW.case_type = 'policy_guide' END
        WHERE case_id = NEW.id;
      END;
      CREATE TRIGGER case_stats_client_update AFTER UPDATE OF age_band, gender, current_district, deleted_at, is_demo ON clients
      BEGIN
        UPDATE case_stats SET age_band = NEW.age_band, gender = NEW.gender, residence = NEW.current_district,
          live = NEW.deleted_at IS NULL AND NEW.is_demo = 0 AND coalesce((SELECT deleted_at IS NULL AND is_demo = 0 FROM cases WHERE id = case_stats.case_id), 0)
        WHERE client_id = NEW.id;
      END;
      CREATE TRIGGER case_stats_viewings_insert AFTER INSERT ON viewings
      BEGIN
        UPDATE case_stats SET viewings_done = (SELECT count(*) FROM viewings v WHERE v.case_id = case_stats.case_id AND v.status = 'done' AND v.deleted_at IS NULL AND v.is_demo = 0) WHERE case_id = NEW.case_id;
      END;
      CREATE TRIGGER case_stats_runs_insert AFTER INSERT ON checklist_runs
      BEGIN
        UPDATE case_stats SET checklists_done = (SELECT count(*) FROM checklist_runs r JOIN listings l ON l.id = r.listing_id WHERE l.case_id = case_stats.case_id AND l.deleted_at IS NULL AND r.status = 'completed' AND r.deleted_at IS NULL AND r.is_demo = 0) WHERE case_id = (SELECT case_id FROM listings WHERE id = NEW.listing_id);
      END;
      CREATE TRIGGER case_stats_viewings_update AFTER UPDATE OF case_id, status, deleted_at, is_demo ON viewings
      BEGIN
        UPDATE case_stats SET viewings_done = (SELECT count(*) FROM viewings v WHERE v.case_id = case_stats.case_id AND v.status = 'done' AND v.deleted_at IS NULL AND v.is_demo = 0) WHERE case_id = NEW.case_id;
      END;
      CREATE TRIGGER case_stats_runs_update AFTER UPDATE OF listing_id, status, deleted_at, is_demo ON checklist_runs
      BEGIN
        UPDATE case_stats SET checklists_done = (SELECT count(*) FROM checklist_runs r JOIN listings l ON l.id = r.listing_id WHERE l.case_id = case_stats.case_id AND l.deleted_at IS NULL AND r.status = 'completed' AND r.deleted_at IS NULL AND r.is_demo = 0) WHERE case_id = (SELECT case_id FROM listings WHERE id = NEW.listing_id);
      END;
      CREATE TRIGGER case_stats_viewings_delete AFTER DELETE ON viewings
      BEGIN
        UPDATE case_stats SET viewings_done = (SELECT count(*) FROM viewings v WHERE v.case_id = case_stats.case_id AND v.status = 'done' AND v.deleted_at IS NULL AND v.is_demo = 0) WHERE case_id = OLD.case_id;
      END;
      CREATE TRIGGER case_stats_runs_delete AFTER DELETE ON checklist_runs
      BEGIN
        UPDATE case_stats SET checklists_done = (SELECT count(*) FROM checklist_runs r JOIN listings l ON l.id = r.listing_id WHERE l.case_id = case_stats.case_id AND l.deleted_at IS NULL AND r.status = 'completed' AND r.deleted_at IS NULL AND r.is_demo = 0) WHERE case_id = (SELECT case_id FROM listings WHERE id = OLD.listing_id);
      END;
      CREATE TRIGGER case_stats_listings_update AFTER UPDATE OF deleted_at, case_id ON listings
      BEGIN
        UPDATE case_stats SET checklists_done = (SELECT count(*) FROM checklist_runs r JOIN listings l ON l.id = r.listing_id WHERE l.case_id = case_stats.case_id AND l.deleted_at IS NULL AND r.status = 'completed' AND r.deleted_at IS NULL AND r.is_demo = 0) WHERE case_id IN (NEW.case_id, OLD.case_id);
      END;

      -- Cases that existed before this migration.
      INSERT INTO case_stats (case_id, client_id, opened_on, district, manager_id, live, age_band, gender, residence,
          t_contract, t_search, t_viewing, t_contract_day, t_policy, updated_at)
        SELECT c.id, c.client_id, c.opened_on, c.district, c.manager_id,
          c.deleted_at IS NULL AND c.is_demo = 0 AND coalesce(cl.deleted_at IS NULL AND cl.is_demo = 0, 0),
          cl.age_band, cl.gender, cl.current_district,
          c.case_type = 'contract_consult', c.case_type = 'housing_search', c.case_type = 'viewing_accompany',
          c.case_type = 'contract_day_accompany', c.case_type = 'policy_guide', c.updated_at
        FROM cases c LEFT JOIN clients cl ON cl.id = c.client_id;
      UPDATE case_stats SET viewings_done = (SELECT count(*) FROM viewings v WHERE v.case_id = case_stats.case_id AND v.status = 'done' AND v.deleted_at IS NULL AND v.is_demo = 0), checklists_done = (SELECT count(*) FROM checklist_runs r JOIN listings l ON l.id = r.listing_id WHERE l.case_id = case_stats.case_id AND l.deleted_at IS NULL AND r.status = 'completed' AND r.deleted_at IS NULL AND r.is_demo = 0);

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

    `);
  },
};
