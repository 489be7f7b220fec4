// A listing's place (입지 안내): stored encrypted under the client's key, destroyed on withdrawal,
// and drawn in the tenant report's 입지 안내 section (read back with pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consented, openHarness, signedIn } from './harness.js';

let h: Awaited<ReturnType<typeof signedIn>> | undefined;
afterEach(async () => h?.backend.close());

const LON = 126.9528317, LAT = 37.4812913; // beside 서울대입구역

function f64(v: number) {
  const le = Buffer.alloc(8); le.writeDoubleLE(v);
  const be = Buffer.alloc(8); be.writeDoubleBE(v);
  return [le, be];
}

async function rawDbHas(dir: string, needles: Buffer[]) {
  await h!.backend.call('session.status', {});
  const bytes = Buffer.concat(['ansim.sqlite', 'ansim.sqlite-wal'].map((f) => { try { return readFileSync(path.join(dir, f)); } catch { return Buffer.alloc(0); } }));
  return needles.some((n) => bytes.includes(n));
}

async function seed() {
  h = await signedIn();
  const c = await h.api('clients.create', { consent: consented(), name: '문지도', phone: '010-2222-3333', ageBand: '20s', gender: 'female', currentDistrict: '관악구', desiredDistricts: ['관악구'], budgetDeposit: 100_000_000 });
  const k = await h.api('cases.create', { clientId: c.id, caseType: 'viewing_accompany', district: '관악구', openedOn: '2026-11-20' });
  const l = await h.api('listings.create', { caseId: k.id, roadAddress: '서울특별시 관악구 관악로 1', buildingType: 'rowhouse_multiplex', leaseType: 'jeonse', deposit: 150_000_000, monthlyRent: 0 });
  return { c, k, l };
}

describe('listings.setLocation', () => {
  it('stores the place encrypted under the client key, reads it back, clears it', async () => {
    const { l } = await seed();
    expect(l.lat).toBeNull();
    const placed = await h!.api('listings.setLocation', { listingId: l.id, lon: LON, lat: LAT, source: 'typed' });
    expect([placed.lon, placed.lat, placed.locationSource]).toEqual([LON, LAT, 'typed']);
    const row = await h!.backend.db.get<{ lat: number | null; lon: number | null; e: string }>('SELECT lat, lon, location_enc AS e FROM listings WHERE id = ?', [l.id]);
    expect(row!.lat).toBeNull();
    expect(row!.lon).toBeNull();
    expect(row!.e).toMatch(/^k1:/);
    // The raw database file carries neither the coordinates as text nor as doubles.
    expect(await rawDbHas(h!.dir, [Buffer.from(String(LAT)), Buffer.from(String(LON)), Buffer.from('37.48129'), ...f64(LAT), ...f64(LON)])).toBe(false);
    // An update that names no coordinates keeps the place.
    const again = await h!.api('listings.update', { id: l.id, caseId: l.caseId, roadAddress: '서울특별시 관악구 관악로 1', buildingType: 'rowhouse_multiplex', leaseType: 'jeonse', deposit: 160_000_000, monthlyRent: 0 });
    expect(again.lat).toBe(LAT);
    const cleared = await h!.api('listings.clearLocation', { listingId: l.id });
    expect([cleared.lat, cleared.lon, cleared.locationSource]).toEqual([null, null, null]);
    expect((await h!.raw('listings.setLocation', { listingId: l.id, lon: 0, lat: LAT, source: 'typed' })).ok).toBe(false);
  });

  it('the tenant report gets 입지 안내 with the nearest station; withdrawal destroys the place', async () => {
    const { c, k, l } = await seed();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-loc-'));
    const text = async (name: string) => {
      const pdf = await h!.api('reports.tenant', { caseId: k.id, locale: 'ko' });
      writeFileSync(path.join(dir, name), Buffer.from(pdf.dataBase64, 'base64'));
      return execFileSync('pdftotext', ['-layout', path.join(dir, name), '-'], { encoding: 'utf8' });
    };
    expect(await text('none.pdf')).not.toContain('입지 안내');
    await h!.api('listings.setLocation', { listingId: l.id, lon: LON, lat: LAT, source: 'click' });
    const t = await text('placed.pdf');
    expect(t).toContain('입지 안내');
    expect(t).toContain('서울대입구');
    expect(t).toMatch(/× ?1\.3/);
    expect(t).toContain('지하철역');
    await h!.api('clients.withdrawConsent', { id: c.id });
    const row = await h!.backend.db.get<{ e: string | null; lat: number | null }>('SELECT location_enc AS e, lat FROM listings WHERE id = ?', [l.id]);
    expect(row).toEqual({ e: null, lat: null });
    expect((await h!.api('listings.get', { id: l.id })).lat).toBeNull();
  });

  it('moves plaintext coordinates written before 0114 into the encrypted place at start-up', async () => {
    const { l } = await seed();
    await h!.backend.db.run('UPDATE listings SET location_enc = NULL, lat = ?, lon = ? WHERE id = ?', [LAT, LON, l.id]);
    const dir = h!.dir;
    await h!.backend.close();
    h = { ...(await openHarness({ dir })), manager: h!.manager };
    const row = await h.backend.db.get<{ lat: number | null; e: string | null }>('SELECT lat, location_enc AS e FROM listings WHERE id = ?', [l.id]);
    expect(row!.lat).toBeNull();
    expect(row!.e).toMatch(/^k1:/);
    expect(await rawDbHas(dir, [...f64(LAT), ...f64(LON)])).toBe(false);
  });
});
