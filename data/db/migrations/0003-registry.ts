// Per listing, the registry (등기사항전부증명서) as the manager entered it, with the landlord,
// building-register and contract facts: one validated JSON document, encrypted as a whole because
// 권리자 names are personal data. One live row per listing. Plus the base-rate (기준금리) decisions
// the user added beyond the series shipped in data/reference.
import type { Migration } from './types.js';

const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  device_id TEXT NOT NULL,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0`;

export const m0003: Migration = {
  id: 3,
  name: 'registry',
  async up(db) {
    await db.exec(`
      CREATE TABLE listing_registries (
        id TEXT PRIMARY KEY,
        listing_id TEXT NOT NULL REFERENCES listings(id),
        -- Version of the JSON document's shape, so a later build can read older rows.
        doc_version INTEGER NOT NULL,
        doc_enc TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE UNIQUE INDEX listing_registries_live ON listing_registries(listing_id) WHERE deleted_at IS NULL;

      CREATE TABLE user_base_rates (
        id TEXT PRIMARY KEY,
        effective_from TEXT NOT NULL,
        rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 5000),
        note TEXT,
        ${META}
      ) STRICT;
      CREATE UNIQUE INDEX user_base_rates_live ON user_base_rates(effective_from) WHERE deleted_at IS NULL;
    `);
  },
};
