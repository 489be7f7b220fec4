// Issue 10 item 1 (migration 0106): a listing's address, 동·호 and broker live only as ciphertext
// under the client's key. A folder written before 0106 (plain columns) is encrypted at start-up,
// and every reader still shows the address: listing views and search, check-list runs, viewings.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../../data/db/sqlite.js';
import { consented, openHarness, signedIn } from './harness.js';

let h: Awaited<ReturnType<typeof openHarness>> | undefined;
afterEach(async () => h?.backend.close());

const OLD_ROAD = '서울특별시 관악구 옛날주소길 55';
const OLD_OFFICE = '옛날부동산중개사무소';
const inFile = async (file: string, s: string) => {
  const bytes = await readFile(file);
  return [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le'), iconv.encode(s, 'cp949')].some((b) => bytes.includes(b));
};

describe('listing addresses under the client key', () => {
  it('encrypts rows written before 0106 at start-up; views, search, runs and viewings still show the address', async () => {
    const first = await signedIn();
    h = first;
    const c = await first.api('clients.create', { consent: consented(), name: '주소테스트', ageBand: '30s', gender: 'male', currentDistrict: '관악구', desiredDistricts: ['관악구'] });
    const k = await first.api('cases.create', { clientId: c.id, caseType: 'viewing_accompany', district: '관악구', openedOn: '2026-11-20' });
    const l = await first.api('listings.create', { caseId: k.id, roadAddress: '서울특별시 관악구 새주소길 1', ho: '101호', buildingType: 'officetel', leaseType: 'jeonse', deposit: 100_000_000, monthlyRent: 0 });
    await first.api('checklists.runs.start', { listingId: l.id, templateId: 'inspection' });
    await first.api('viewings.plan', { caseId: k.id, date: '2026-11-28', startTime: '10:00', meetingPlace: '역 앞', listingIds: [l.id] });
    await first.backend.close();
    h = undefined;

    // The row as a version before 0106 wrote it: plain address and broker office, no ciphertext.
    const file = path.join(first.dir, 'ansim.sqlite');
    const raw = await Database.open(file);
    const triggers = await raw.all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'listings_no_plain_address%'`);
    expect(triggers).toHaveLength(2);
    for (const t of triggers) await raw.exec(`DROP TRIGGER ${t.name}`);
    await raw.run(`UPDATE listings SET road_address = ?, road_address_enc = NULL, broker_office = ?, broker_office_enc = NULL WHERE id = ?`, [OLD_ROAD, OLD_OFFICE, l.id]);
    for (const t of triggers) await raw.exec(t.sql);
    await raw.checkpoint();
    await raw.close();
    expect(await inFile(file, OLD_ROAD)).toBe(true);

    h = await openHarness({ dir: first.dir });
    await h.api('session.start', { id: first.manager.id, pin: '1234' });
    // Start-up moved it under the client's key and overwrote the plain text in the file.
    expect(await inFile(file, OLD_ROAD)).toBe(false);
    expect(await inFile(file, OLD_OFFICE)).toBe(false);
    const row = await h.backend.db.get<Record<string, string | null>>('SELECT road_address, broker_office, road_address_enc FROM listings WHERE id = ?', [l.id]);
    expect(row).toMatchObject({ road_address: null, broker_office: null });
    expect(row!.road_address_enc).toMatch(new RegExp(`^k1:${c.id}:`));

    expect(await h.api('listings.get', { id: l.id })).toMatchObject({ roadAddress: OLD_ROAD, brokerOffice: OLD_OFFICE, ho: '101호' });
    expect((await h.api('listings.list', { query: '옛날주소 101호' })).map((x) => x.id)).toEqual([l.id]);
    expect((await h.api('listings.list', { query: '옛날부동산' })).map((x) => x.id)).toEqual([l.id]);
    expect(await h.api('listings.list', { query: '새주소길' })).toEqual([]);
    const runs = await h.api('checklists.runs.list', { listingId: l.id });
    expect(runs[0].address).toBe(`${OLD_ROAD} 101호`);
    const viewings = await h.api('viewings.forCase', { caseId: k.id });
    expect(JSON.stringify(viewings)).toContain(OLD_ROAD);
    // New writes never reach the plain columns.
    await h.api('listings.update', { id: l.id, caseId: k.id, roadAddress: '서울특별시 관악구 바뀐길 9', buildingType: 'officetel', leaseType: 'jeonse', deposit: 100_000_000, monthlyRent: 0 });
    await h.backend.db.checkpoint();
    expect(await inFile(file, '바뀐길')).toBe(false);
    expect((await h.api('listings.get', { id: l.id })).roadAddress).toBe('서울특별시 관악구 바뀐길 9');
  }, 60_000);
});
