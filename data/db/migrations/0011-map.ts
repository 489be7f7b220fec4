// The planners' map: layers imported onto it (the file converted to WGS84 GeoJSON in the data
// folder's geo/imports/, its import report and style), and every saved version of a study
// document (kept by a trigger, so each save of geo_studies is a numbered version).
import type { Migration } from './types.js';

export const m0011: Migration = {
  id: 11,
  name: 'map',
  async up(db) {
    await db.exec(`
      CREATE TABLE map_layers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- File name inside <data>/geo/imports/ (never a user path).
        file TEXT NOT NULL CHECK (file NOT LIKE '%/%' AND file NOT LIKE '%\\%'),
        report_json TEXT NOT NULL CHECK (json_valid(report_json)),
        style_json TEXT CHECK (style_json IS NULL OR json_valid(style_json)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        device_id TEXT NOT NULL,
        deleted_at TEXT,
        is_demo INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE geo_study_versions (
        study_id TEXT NOT NULL REFERENCES geo_studies(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        study_json TEXT NOT NULL CHECK (json_valid(study_json)),
        saved_at TEXT NOT NULL,
        saved_by TEXT,
        PRIMARY KEY (study_id, version)
      ) STRICT;

      CREATE TRIGGER geo_study_version_insert AFTER INSERT ON geo_studies BEGIN
        INSERT INTO geo_study_versions (study_id, version, name, study_json, saved_at, saved_by)
        VALUES (NEW.id, 1, NEW.name, NEW.study_json, NEW.updated_at, NEW.updated_by);
      END;

      CREATE TRIGGER geo_study_version_update AFTER UPDATE OF study_json, name ON geo_studies
      WHEN NEW.study_json IS NOT OLD.study_json OR NEW.name IS NOT OLD.name BEGIN
        INSERT INTO geo_study_versions (study_id, version, name, study_json, saved_at, saved_by)
        VALUES (NEW.id, (SELECT COALESCE(MAX(version), 0) + 1 FROM geo_study_versions WHERE study_id = NEW.id), NEW.name, NEW.study_json, NEW.updated_at, NEW.updated_by);
      END;

      -- Studies saved before this migration start their history at version 1.
      INSERT INTO geo_study_versions (study_id, version, name, study_json, saved_at, saved_by)
      SELECT id, 1, name, study_json, updated_at, updated_by FROM geo_studies;
    `);
  },
};
