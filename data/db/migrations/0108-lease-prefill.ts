// Checklist answers the app filled in from what the case already knew (the listing, the lease
// facts, the registry entry): `prefilled_from` names the source until the manager answers the
// item, which clears it. The lease module's second migration.
import type { Migration } from './types.js';

export const m0108: Migration = {
  id: 108,
  name: 'lease-prefill',
  async up(db) {
    await db.exec(`
      ALTER TABLE checklist_answers ADD COLUMN prefilled_from TEXT
        CHECK (prefilled_from IS NULL OR prefilled_from IN ('listing', 'lease', 'registry'));
    `);
  },
};
