// Files the user picked in the desktop app's dialog (electron/backend/files.ts): the grant used to
// last one run, so a saved site study naming a picked layer had to have it picked again after a
// restart. Grants now persist: one row per ref, the path sealed with the folder key (a path can
// carry a user name), with when it was granted.
import type { Migration } from './types.js';

export const m0115: Migration = {
  id: 115,
  name: 'file-grants',
  async up(db) {
    await db.exec(`
      CREATE TABLE file_grants (
        ref TEXT PRIMARY KEY,
        path_enc TEXT NOT NULL,
        granted_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
