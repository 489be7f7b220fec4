// The desk's first schema: managers, clients (personal fields encrypted), cases, listings,
// the audit log and settings. Every record carries a UUID, timestamps, who and which device
// changed it last, and a deletion tombstone, so laptops can later sync with the center.
import type { Migration } from './types.js';

const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  device_id TEXT NOT NULL,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0`;

export const m0001: Migration = {
  id: 1,
  name: 'initial',
  async up(db) {
    await db.exec(`
      CREATE TABLE managers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        center TEXT NOT NULL DEFAULT '',
        broker_reg_no TEXT NOT NULL DEFAULT '',
        districts TEXT NOT NULL DEFAULT '[]',
        pin_salt TEXT NOT NULL,
        pin_hash TEXT NOT NULL,
        ${META}
      ) STRICT;

      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        consent_given INTEGER NOT NULL DEFAULT 0,
        consent_date TEXT,
        consent_items TEXT NOT NULL DEFAULT '[]',
        consent_purpose TEXT,
        retention_months INTEGER,
        consent_expires_on TEXT,
        consent_withdrawn_at TEXT,
        personal_destroyed_at TEXT,
        name_enc TEXT,
        phone_enc TEXT,
        phone_hash TEXT,
        notes_enc TEXT,
        age_band TEXT,
        gender TEXT,
        current_district TEXT,
        desired_districts TEXT NOT NULL DEFAULT '[]',
        budget_deposit INTEGER,
        budget_monthly_rent INTEGER,
        budget_maintenance INTEGER,
        move_in_date TEXT,
        ${META}
      ) STRICT;
      CREATE INDEX clients_phone_hash ON clients(phone_hash);

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id),
        case_type TEXT NOT NULL,
        status TEXT NOT NULL,
        district TEXT,
        manager_id TEXT REFERENCES managers(id),
        opened_on TEXT NOT NULL,
        closed_on TEXT,
        notes_enc TEXT,
        ${META}
      ) STRICT;
      CREATE INDEX cases_client ON cases(client_id);

      CREATE TABLE listings (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        road_address TEXT,
        jibun_address TEXT,
        dong TEXT,
        ho TEXT,
        building_type TEXT NOT NULL,
        lease_type TEXT NOT NULL,
        deposit INTEGER NOT NULL DEFAULT 0,
        monthly_rent INTEGER NOT NULL DEFAULT 0,
        maintenance_fee INTEGER,
        exclusive_area_m2 REAL,
        floor INTEGER,
        floor_kind TEXT,
        approval_year INTEGER,
        market_value INTEGER,
        official_price INTEGER,
        lat REAL,
        lon REAL,
        landlord_name_enc TEXT,
        broker_name TEXT,
        broker_office TEXT,
        broker_reg_no TEXT,
        notes_enc TEXT,
        ${META}
      ) STRICT;
      CREATE INDEX listings_case ON listings(case_id);

      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        manager_id TEXT,
        device_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX audit_entity ON audit(entity, entity_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
