// Accompanied viewings (안심동행): the plan (case, day, start, meeting place, managers, status),
// the ordered stops (one per listing, with arrival/departure, observations, the tenant's
// impression, follow-ups and the inspection checklist run started there), the stop photos,
// and the dated amendments added after the tenant has confirmed the log.
// Free text and the tenant's typed name are encrypted (`*_enc`); the signature PNG and the
// photos live encrypted in the file store, the rows hold only their content ids.
// A confirmed viewing is read-only: the handlers refuse edits with a clear message, and the
// triggers below refuse them again if anything slips past, so the original stays as it was.
import type { Migration } from './types.js';

const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  device_id TEXT NOT NULL,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0`;

export const m0004: Migration = {
  id: 4,
  name: 'viewings',
  async up(db) {
    await db.exec(`
      CREATE TABLE viewings (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        meeting_place TEXT NOT NULL DEFAULT '',
        -- JSON array of manager ids; the first is the lead.
        manager_ids TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled', 'no-show')),
        next_steps_enc TEXT,
        summary_enc TEXT,
        satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
        tenant_name_enc TEXT,
        signature_file TEXT,
        confirmed_at TEXT,
        confirmed_by TEXT,
        ${META}
      ) STRICT;
      CREATE INDEX viewings_date ON viewings(date, start_time);
      CREATE INDEX viewings_case ON viewings(case_id);

      CREATE TABLE viewing_stops (
        id TEXT PRIMARY KEY,
        viewing_id TEXT NOT NULL REFERENCES viewings(id) ON DELETE CASCADE,
        listing_id TEXT NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        arrived_at TEXT,
        departed_at TEXT,
        observations_enc TEXT,
        impression TEXT CHECK (impression IN ('good', 'ok', 'poor')),
        impression_note_enc TEXT,
        -- JSON list of {text, done}, encrypted (free text).
        follow_ups_enc TEXT,
        inspection_run_id TEXT REFERENCES checklist_runs(id) ON DELETE SET NULL,
        ${META}
      ) STRICT;
      CREATE INDEX viewing_stops_viewing ON viewing_stops(viewing_id, position);
      CREATE UNIQUE INDEX viewing_stops_live ON viewing_stops(viewing_id, listing_id) WHERE deleted_at IS NULL;
      CREATE INDEX viewing_stops_run ON viewing_stops(inspection_run_id);

      CREATE TABLE viewing_photos (
        id TEXT PRIMARY KEY,
        stop_id TEXT NOT NULL REFERENCES viewing_stops(id) ON DELETE CASCADE,
        -- Keyed content hash: the file name in the encrypted file store.
        file_id TEXT NOT NULL,
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        taken_at TEXT,
        gps_lat REAL,
        gps_lon REAL,
        ${META}
      ) STRICT;
      CREATE INDEX viewing_photos_stop ON viewing_photos(stop_id);

      CREATE TABLE viewing_amendments (
        id TEXT PRIMARY KEY,
        viewing_id TEXT NOT NULL REFERENCES viewings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        by_manager TEXT,
        -- Which part it corrects (free label, e.g. 'stop:2:observations'), or NULL for the whole log.
        field TEXT,
        text_enc TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE INDEX viewing_amendments_viewing ON viewing_amendments(viewing_id, at);
      -- Amendments are the record of corrections: never edited afterwards.
      CREATE TRIGGER viewing_amendments_immutable BEFORE UPDATE OF at, field, text_enc, viewing_id ON viewing_amendments
      BEGIN
        SELECT RAISE(ABORT, 'viewing amendments are immutable');
      END;

      -- A confirmed log is read-only (its tombstone and sync metadata may still change; so may a
      -- stop's inspection_run_id, which ON DELETE SET NULL clears when a run is removed for good).
      CREATE TRIGGER viewings_confirmed_readonly
        BEFORE UPDATE OF case_id, date, start_time, meeting_place, manager_ids, status, next_steps_enc, summary_enc,
          satisfaction, tenant_name_enc, signature_file, confirmed_at, confirmed_by ON viewings
        WHEN OLD.confirmed_at IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'confirmed viewing logs are read-only');
      END;
      CREATE TRIGGER viewing_stops_confirmed_readonly
        BEFORE UPDATE OF viewing_id, listing_id, position, arrived_at, departed_at, observations_enc, impression,
          impression_note_enc, follow_ups_enc ON viewing_stops
        WHEN (SELECT confirmed_at FROM viewings WHERE id = OLD.viewing_id) IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'confirmed viewing logs are read-only');
      END;
      CREATE TRIGGER viewing_stops_confirmed_noinsert BEFORE INSERT ON viewing_stops
        WHEN (SELECT confirmed_at FROM viewings WHERE id = NEW.viewing_id) IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'confirmed viewing logs are read-only');
      END;
      CREATE TRIGGER viewing_photos_confirmed_noinsert BEFORE INSERT ON viewing_photos
        WHEN (SELECT v.confirmed_at FROM viewings v JOIN viewing_stops s ON s.viewing_id = v.id WHERE s.id = NEW.stop_id) IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'confirmed viewing logs are read-only');
      END;
    `);
  },
};
