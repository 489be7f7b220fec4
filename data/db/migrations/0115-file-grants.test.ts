import { afterEach, describe, expect, it } from 'vitest';
import { migrationTester, type MigrationTester } from '../test-db.js';

let m: MigrationTester | undefined;
afterEach(async () => m?.close());

describe('0115 file grants', () => {
  it('adds the grants table beside the existing data, one row per ref', async () => {
    m = await migrationTester();
    await m.migrateTo(114);
    await m.db.exec(`INSERT INTO settings (key, value) VALUES ('map.basemap', '{"enabled":false}')`);
    await m.migrateTo(115);
    expect(await m.db.all(`SELECT key FROM settings WHERE key = 'map.basemap'`)).toEqual([{ key: 'map.basemap' }]);
    await m.db.run(`INSERT INTO file_grants (ref, path_enc, granted_at) VALUES ('grant:a', 'v1:x', '2026-12-06T00:00:00Z')`);
    await expect(m.db.run(`INSERT INTO file_grants (ref, path_enc, granted_at) VALUES ('grant:a', 'v1:y', 't')`)).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(m.db.run(`INSERT INTO file_grants (ref, granted_at) VALUES ('grant:b', 't')`)).rejects.toThrow(/NOT NULL/);
  });
});
