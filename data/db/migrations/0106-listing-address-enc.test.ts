import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientKeyVault } from '../../crypto/client-keys.js';
import { encryptLegacyListingAddresses } from '../../privacy/legacy.js';
import { migrationTester, type MigrationTester } from '../test-db.js';

let m: MigrationTester | undefined;
afterEach(async () => m?.close());

const ROAD = '서울특별시 관악구 옛주소길 12';
const OFFICE = '옛날공인중개사사무소';

describe('0106 listing addresses under the client key', () => {
  it('adds the _enc columns; start-up encrypts rows written before under their client key and blanks the plain columns', async () => {
    m = await migrationTester();
    await m.migrateTo(13);
    await m.db.exec(`
      INSERT INTO clients (id, created_at, updated_at, device_id) VALUES ('c', 't', 't', 'd');
      INSERT INTO cases (id, client_id, case_type, status, opened_on, created_at, updated_at, device_id) VALUES ('k', 'c', 'x', 'y', '2026-01-01', 't', 't', 'd');
      INSERT INTO listings (id, case_id, road_address, jibun_address, dong, ho, broker_name, broker_office, broker_reg_no, building_type, lease_type, created_at, updated_at, device_id)
        VALUES ('l1', 'k', '${ROAD}', '서울특별시 관악구 옛동 1-2', '101동', '202호', '옛중개인', '${OFFICE}', '11620-2020-00001', 'apartment', 'jeonse', 't', 't', 'd');
      INSERT INTO listings (id, case_id, road_address, dong, building_type, lease_type, created_at, updated_at, device_id)
        VALUES ('l2', 'k', '서울특별시 동작구 다른길 3', '', 'apartment', 'jeonse', 't', 't', 'd');
    `);
    await m.migrateTo(106);
    const cols = (await m.db.all<{ name: string }>(`SELECT name FROM pragma_table_info('listings')`)).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['road_address_enc', 'jibun_address_enc', 'dong_enc', 'ho_enc', 'broker_name_enc', 'broker_office_enc', 'broker_reg_no_enc']));
    // New plain values are refused from here on (a forgotten writer fails loudly, not silently in clear).
    await expect(m.db.run(`INSERT INTO listings (id, case_id, road_address, building_type, lease_type, created_at, updated_at, device_id) VALUES ('l3', 'k', 'x', 'apartment', 'jeonse', 't', 't', 'd')`)).rejects.toThrow(/encrypted/);
    await expect(m.db.run(`UPDATE listings SET broker_office = 'y' WHERE id = 'l2'`)).rejects.toThrow(/encrypted/);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'ansim-0106-'));
    const folderKey = randomBytes(32);
    const keys = new ClientKeyVault(dir, folderKey);
    expect(await encryptLegacyListingAddresses(m.db, keys)).toBe(2);
    expect(await encryptLegacyListingAddresses(m.db, keys)).toBe(0); // runs at every start, once per row
    const r = (await m.db.get<Record<string, string | null>>(`SELECT * FROM listings WHERE id = 'l1'`))!;
    expect([r.road_address, r.jibun_address, r.dong, r.ho, r.broker_name, r.broker_office, r.broker_reg_no]).toEqual([null, null, null, null, null, null, null]);
    const c = keys.folderCipher;
    expect(r.road_address_enc).toMatch(/^k1:c:/);
    expect([r.road_address_enc, r.jibun_address_enc, r.dong_enc, r.ho_enc, r.broker_name_enc, r.broker_office_enc, r.broker_reg_no_enc].map((t) => c.decrypt(t)))
      .toEqual([ROAD, '서울특별시 관악구 옛동 1-2', '101동', '202호', '옛중개인', OFFICE, '11620-2020-00001']);
    const r2 = (await m.db.get<Record<string, string | null>>(`SELECT road_address_enc, dong, dong_enc FROM listings WHERE id = 'l2'`))!;
    expect(r2).toMatchObject({ dong: null, dong_enc: null });
    expect(c.decrypt(r2.road_address_enc)).toBe('서울특별시 동작구 다른길 3');

    // Nothing of the old plain text is left in the file (secure_delete + checkpoint)…
    const bytes = await readFile(m.db.file);
    for (const s of [ROAD, OFFICE]) {
      for (const b of [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le'), iconv.encode(s, 'cp949')]) expect(bytes.includes(b)).toBe(false);
    }
    // …and once the client's key is destroyed the address reads as nothing.
    keys.destroy('c');
    expect(new ClientKeyVault(dir, folderKey).folderCipher.decrypt(r.road_address_enc)).toBeNull();
  });
});
