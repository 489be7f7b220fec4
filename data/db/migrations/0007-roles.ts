// Roles and deactivation for managers (issue 13 and issue 11). A coordinator may grant the role,
// load a reference pack and run the desk's other center-level actions. The desk's first manager
// is the coordinator, so an upgraded desk gets one too: its oldest real manager (and, on a demo
// desk, the oldest demo manager, so the demo can show what a coordinator sees). A deactivated
// manager cannot sign in; their records and audit entries stay.
import type { Migration } from './types.js';

export const m0007: Migration = {
  id: 7,
  name: 'manager-roles',
  async up(db) {
    await db.exec(`
      ALTER TABLE managers ADD COLUMN role TEXT NOT NULL DEFAULT 'manager' CHECK (role IN ('manager', 'coordinator'));
      ALTER TABLE managers ADD COLUMN deactivated_at TEXT;
      UPDATE managers SET role = 'coordinator'
       WHERE id IN (SELECT id FROM managers WHERE deleted_at IS NULL AND is_demo = 0 ORDER BY created_at, rowid LIMIT 1)
          OR id IN (SELECT id FROM managers WHERE deleted_at IS NULL AND is_demo = 1 ORDER BY created_at, rowid LIMIT 1);
    `);
  },
};
