import { afterEach, describe, expect, it } from 'vitest';
import { migrationTester, type MigrationTester } from '../test-db.js';

let m: MigrationTester | undefined;
afterEach(async () => m?.close());

describe('0114 listing location', () => {
  it('adds the encrypted location column and keeps the rows written at 0108', async () => {
    m = await migrationTester();
    await m.migrateTo(108);
    await m.db.exec(`
      INSERT INTO clients (id, created_at, updated_at, device_id) VALUES ('c', 't', 't', 'd');
      INSERT INTO cases (id, client_id, case_type, status, opened_on, created_at, updated_at, device_id) VALUES ('k', 'c', 'x', 'y', '2026-01-01', 't', 't', 'd');
      INSERT INTO listings (id, case_id, building_type, lease_type, lat, lon, created_at, updated_at, device_id) VALUES ('l', 'k', 'apartment', 'jeonse', 37.48, 126.93, 't', 't', 'd');
    `);
    await m.migrateTo(114);
    expect(await m.db.all(`SELECT id, lat, lon, location_enc FROM listings`)).toEqual([{ id: 'l', lat: 37.48, lon: 126.93, location_enc: null }]);
    await m.db.run(`UPDATE listings SET location_enc = 'k1:c:x', lat = NULL, lon = NULL WHERE id = 'l'`);
    expect((await m.db.get<{ e: string }>(`SELECT location_enc AS e FROM listings`))!.e).toBe('k1:c:x');
  });
});
