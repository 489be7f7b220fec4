// Issue 11 ("what the manager should not have to type twice"): calculator results saved to a
// case (inputs and result encrypted under the client's key, with the reference pack used), and
// dated amendments of a completed checklist run (the original answers stay as they were).
import type { Migration } from './types.js';

export const m0112: Migration = {
  id: 112,
  name: 'saved-calcs-amendments',
  async up(db) {
    await db.exec(`
      CREATE TABLE case_calc_results (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        calculator TEXT NOT NULL,
        input_enc TEXT,
        result_enc TEXT,
        pack_version TEXT NOT NULL,
        pack_verified_on TEXT NOT NULL,
        pack_source TEXT NOT NULL CHECK (pack_source IN ('shipped', 'loaded')),
        saved_at TEXT NOT NULL,
        saved_by TEXT REFERENCES managers(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        device_id TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX case_calc_results_case ON case_calc_results(case_id, saved_at);

      CREATE TABLE checklist_run_amendments (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES checklist_runs(id),
        item_id TEXT NOT NULL,
        value_enc TEXT,
        note_enc TEXT,
        reason_enc TEXT,
        at TEXT NOT NULL,
        by_manager TEXT REFERENCES managers(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        device_id TEXT NOT NULL
      );
      CREATE INDEX checklist_run_amendments_run ON checklist_run_amendments(run_id, at);
    `);
  },
};
