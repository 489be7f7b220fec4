// Reference packs a coordinator loaded (issue 13): the whole pack file as it was checked, which one
// is in force, who loaded it and when. Older packs stay (the previous one can be seen and exported);
// at most one is active, and with none active the pack shipped with the build applies. Also where a
// listing's market value comes from (issue 13 item 4).
import type { Migration } from './types.js';

export const m0107: Migration = {
  id: 107,
  name: 'reference-packs',
  async up(db) {
    await db.exec(`
      CREATE TABLE reference_packs (
        id TEXT PRIMARY KEY,
        pack_version TEXT NOT NULL,
        verified_on TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        pack_json TEXT NOT NULL CHECK (json_valid(pack_json)),
        signed INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        loaded_at TEXT NOT NULL,
        loaded_by TEXT REFERENCES managers(id),
        device_id TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX reference_packs_one_active ON reference_packs(active) WHERE active = 1;
      -- What a listing's 시세 is: KB, 한국부동산원, or an asking price (HUG counts only the first two).
      ALTER TABLE listings ADD COLUMN market_value_source TEXT CHECK (market_value_source IN ('kb', 'reb', 'asking'));
    `);
  },
};
