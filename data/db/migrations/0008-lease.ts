// Following one lease: the case's lease facts (encrypted: the address and amounts of a
// tenant's lease), its timeline steps as dates only (so the desk's "what is due" list is one
// indexed query, without decrypting 60,000 cases), and the dated, immutable registry snapshots
// per listing (encrypted: 권리자 names), and the indexes the desk's home screen reads through. A correction to a snapshot is a new snapshot that names
// the one it supersedes; the trigger refuses any UPDATE. DELETE stays possible for destruction.
import type { Migration } from './types.js';

const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  device_id TEXT NOT NULL,
  deleted_at TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0`;

export const m0008: Migration = {
  id: 8,
  name: 'lease',
  async up(db) {
    await db.exec(`
      CREATE TABLE case_leases (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        listing_id TEXT REFERENCES listings(id),
        facts_version INTEGER NOT NULL,
        facts_enc TEXT NOT NULL,
        ${META}
      ) STRICT;
      CREATE UNIQUE INDEX case_leases_case ON case_leases(case_id) WHERE deleted_at IS NULL;

      -- The timeline as dates only: key, the day (or the window's last day), the window's first
      -- day, and when it was ticked done. Rewritten when the facts change; ticks are kept.
      CREATE TABLE lease_steps (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        -- The case's manager, copied (and kept by the trigger below) so the home screen reads one
        -- manager's open steps in a date range from one index.
        manager_id TEXT,
        step_key TEXT NOT NULL,
        due_on TEXT,
        from_on TEXT,
        deadline INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('scheduled','undecided','exempt','notApplicable')),
        severity TEXT CHECK (severity IS NULL OR severity = 'danger'),
        done_on TEXT,
        done_by TEXT REFERENCES managers(id),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (case_id, step_key)
      ) STRICT;
      CREATE INDEX lease_steps_open ON lease_steps(manager_id, due_on) WHERE done_on IS NULL;
      CREATE INDEX lease_steps_windows ON lease_steps(manager_id, from_on) WHERE done_on IS NULL AND from_on IS NOT NULL;
      CREATE TRIGGER lease_steps_manager AFTER UPDATE OF manager_id ON cases
      BEGIN UPDATE lease_steps SET manager_id = NEW.manager_id WHERE case_id = NEW.id; END;

      CREATE TABLE registry_snapshots (
        id TEXT PRIMARY KEY,
        listing_id TEXT NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('consultation','contract','balance','other')),
        taken_on TEXT NOT NULL,
        supersedes TEXT REFERENCES registry_snapshots(id),
        doc_version INTEGER NOT NULL,
        doc_enc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES managers(id),
        device_id TEXT NOT NULL,
        is_demo INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX registry_snapshots_listing ON registry_snapshots(listing_id, taken_on);
      -- The home screen's lists (electron/backend/lease/home.ts), each one indexed range.
      CREATE INDEX cases_manager_updated ON cases(manager_id, updated_at);
      CREATE INDEX checklist_runs_open ON checklist_runs(started_at) WHERE status = 'open';
      CREATE INDEX clients_consent_expires ON clients(consent_expires_on) WHERE consent_expires_on IS NOT NULL;

      CREATE TRIGGER registry_snapshots_immutable BEFORE UPDATE ON registry_snapshots
      BEGIN SELECT RAISE(ABORT, 'registry snapshots are immutable: add a correcting snapshot'); END;
    `);
  },
};
