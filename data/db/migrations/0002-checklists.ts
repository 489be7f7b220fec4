// Checklist storage: districts' own templates (immutable once added), runs pinned to a template
// version, one answer per (run, item) with its note encrypted, and photos. Photo bytes live
// encrypted outside the database (data/crypto/file-store.ts); rows here hold only what the
// app needs to list and show them. Runs, answers and photo links go with a hard-deleted
// listing (the demo removal deletes demo listings); normal deletion is a tombstone.
import type { Migration } from './types.js';

const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  device_id TEXT NOT NULL,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0`;

export const m0002: Migration = {
  id: 2,
  name: 'checklists',
  async up(db) {
    await db.exec(`
      CREATE TABLE checklist_templates (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        json TEXT NOT NULL,
        added_by TEXT,
        ${META},
        UNIQUE (template_id, version)
      ) STRICT;
      -- A published (id, version) never changes: the engine's acceptTemplate refuses a
      -- duplicate, the UNIQUE constraint refuses one that slips past, and this refuses edits.
      CREATE TRIGGER checklist_templates_immutable
        BEFORE UPDATE OF template_id, version, json ON checklist_templates
      BEGIN
        SELECT RAISE(ABORT, 'published checklist templates are immutable');
      END;

      CREATE TABLE checklist_runs (
        id TEXT PRIMARY KEY,
        listing_id TEXT NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        template_id TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'completed')),
        started_at TEXT NOT NULL,
        started_by TEXT,
        completed_at TEXT,
        completed_by TEXT,
        upgraded_from INTEGER,
        -- Answers an upgrade could not carry over (JSON, encrypted: it holds notes).
        unmapped_enc TEXT,
        -- Which backend process last wrote to the run: an unfinished run last written by an
        -- earlier process was interrupted (crash, killed process, closed app) and is "recovered".
        touched_by_process TEXT,
        ${META}
      ) STRICT;
      CREATE INDEX checklist_runs_listing ON checklist_runs(listing_id, template_id);

      CREATE TABLE checklist_answers (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES checklist_runs(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value TEXT NOT NULL,
        note_enc TEXT,
        answered_at TEXT NOT NULL,
        answered_by TEXT,
        ${META},
        UNIQUE (run_id, item_id)
      ) STRICT;

      CREATE TABLE checklist_photos (
        id TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        original_name_enc TEXT,
        taken_at TEXT,
        gps_lat REAL,
        gps_lon REAL,
        ${META}
      ) STRICT;

      CREATE TABLE checklist_photo_links (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES checklist_runs(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        photo_id TEXT NOT NULL REFERENCES checklist_photos(id),
        ${META}
      ) STRICT;
      CREATE INDEX checklist_photo_links_run ON checklist_photo_links(run_id, item_id);
      CREATE UNIQUE INDEX checklist_photo_links_live ON checklist_photo_links(run_id, item_id, photo_id) WHERE deleted_at IS NULL;
    `);
  },
};
