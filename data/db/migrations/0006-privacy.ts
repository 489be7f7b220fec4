// Privacy: destruction that reaches read-only records, the meeting place encrypted, form drafts.
// - `privacy_rewrites`: while a row naming a client is here (only inside the destruction
//   transaction, or the one-time re-encryption of legacy plaintext), the read-only triggers of
//   confirmed viewing logs let personal fields be cleared or re-encrypted. Nothing else changes
//   them: the triggers are otherwise the same as 0004's.
// - `viewings.meeting_place_enc`: the meeting place is free text a person typed; the plaintext
//   column stays (SQLite cannot drop it cheaply) but is emptied once its value is encrypted.
// - `form_drafts`: a manager's unsaved form, encrypted, expiring after a day, destroyed with the
//   client it belongs to.
import type { Migration } from './types.js';

const REWRITING = `NOT EXISTS (SELECT 1 FROM privacy_rewrites)`;

export const m0006: Migration = {
  id: 6,
  name: 'privacy',
  async up(db) {
    await db.exec(`
      CREATE TABLE privacy_rewrites (
        client_id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE viewings ADD COLUMN meeting_place_enc TEXT;

      DROP TRIGGER viewings_confirmed_readonly;
      CREATE TRIGGER viewings_confirmed_readonly
        BEFORE UPDATE OF case_id, date, start_time, meeting_place, meeting_place_enc, manager_ids, status, next_steps_enc, summary_enc,
          satisfaction, tenant_name_enc, signature_file, confirmed_at, confirmed_by ON viewings
        WHEN OLD.confirmed_at IS NOT NULL AND ${REWRITING}
      BEGIN
        SELECT RAISE(ABORT, 'confirmed viewing logs are read-only');
      END;

      DROP TRIGGER viewing_stops_confirmed_readonly;
      CREATE TRIGGER viewing_stops_confirmed_readonly
        BEFORE UPDATE OF viewing_id, listing_id, position, arrived_at, departed_at, observations_enc, impression,
          impression_note_enc, follow_ups_enc ON viewing_stops
        WHEN (SELECT confirmed_at FROM viewings WHERE id = OLD.viewing_id) IS NOT NULL AND ${REWRITING}
      BEGIN
        SELECT RAISE(ABORT, 'confirmed viewing logs are read-only');
      END;

      DROP TRIGGER viewing_amendments_immutable;
      CREATE TRIGGER viewing_amendments_immutable BEFORE UPDATE OF at, field, text_enc, viewing_id ON viewing_amendments
        WHEN ${REWRITING}
      BEGIN
        SELECT RAISE(ABORT, 'viewing amendments are immutable');
      END;

      CREATE TABLE form_drafts (
        id TEXT PRIMARY KEY,
        manager_id TEXT NOT NULL REFERENCES managers(id) ON DELETE CASCADE,
        -- Which form, e.g. 'client:new' or 'viewing:<id>' (no personal data).
        form_key TEXT NOT NULL,
        -- The client the draft is about, when known: the draft is destroyed with them.
        client_id TEXT REFERENCES clients(id) ON DELETE CASCADE,
        data_enc TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        UNIQUE (manager_id, form_key)
      ) STRICT;
      CREATE INDEX form_drafts_client ON form_drafts(client_id);
      CREATE INDEX form_drafts_expiry ON form_drafts(expires_at);
    `);
  },
};
