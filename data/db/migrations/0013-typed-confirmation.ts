// A viewing may be closed by the tenant typing their name, with the manager as witness and the
// time recorded, instead of drawing a signature (KWCAG 2.2 / WCAG 2.1 2.5.1: a keyboard-only or
// motor-impaired tenant cannot draw). The drawn signature stays the default; which one was used
// is part of the confirmed record and as read-only as the rest of it.
import type { Migration } from './types.js';

export const m0013: Migration = {
  id: 13,
  name: 'typed-confirmation',
  async up(db) {
    await db.exec(`
      ALTER TABLE viewings ADD COLUMN confirmation_method TEXT
        CHECK (confirmation_method IS NULL OR confirmation_method IN ('drawn', 'typed'));
      -- Logs confirmed before this migration were all signed on the screen.
      UPDATE viewings SET confirmation_method = 'drawn' WHERE confirmed_at IS NOT NULL AND signature_file IS NOT NULL;

      CREATE TRIGGER viewings_confirmation_method_readonly
        BEFORE UPDATE OF confirmation_method ON viewings
        WHEN OLD.confirmed_at IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'confirmed viewing logs are read-only');
      END;

      -- A confirmation carries what its method needs: a drawn one its signature file, a typed one
      -- the (encrypted) typed name and the witnessing manager. (The app always names the method;
      -- the schema of 0004 alone did not, so a confirmation without one is not refused here.)
      CREATE TRIGGER viewings_confirmation_complete
        BEFORE UPDATE OF confirmed_at ON viewings
        WHEN NEW.confirmed_at IS NOT NULL AND OLD.confirmed_at IS NULL AND NEW.confirmation_method IS NOT NULL AND NOT (
          (NEW.confirmation_method = 'drawn' AND NEW.signature_file IS NOT NULL AND NEW.tenant_name_enc IS NOT NULL)
          OR (NEW.confirmation_method = 'typed' AND NEW.tenant_name_enc IS NOT NULL AND NEW.confirmed_by IS NOT NULL)
        )
      BEGIN
        SELECT RAISE(ABORT, 'a confirmation needs its method and what that method records');
      END;
    `);
  },
};
