// The planners' site studies: the study document as JSON (layers, constraints, criteria,
// assembly — docs/SITE-STUDY.md) and the summary of its last run. Parcel data stays in the
// files the study names; outputs are written beside the data directory's geo/ folder.
import type { Migration } from './types.js';

export const m0005: Migration = {
  id: 5,
  name: 'geo-studies',
  async up(db) {
    await db.exec(`
      CREATE TABLE geo_studies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        study_json TEXT NOT NULL CHECK (json_valid(study_json)),
        last_run_json TEXT CHECK (last_run_json IS NULL OR json_valid(last_run_json)),
        last_run_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        device_id TEXT NOT NULL,
        deleted_at TEXT,
        is_demo INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
