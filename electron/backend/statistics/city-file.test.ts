import { createPrivateKey, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../data/db/sqlite.js';
import { migratedDb } from '../../../data/db/test-db.js';
import { seedDistrict } from '../../../bench/seed/district.js';
import { enrolDesk, exportRows, importRows, listDesks, revokeDesk } from '../../../data/repos/stats-exchange.js';
import { statsSummary } from '../../../data/repos/statistics.js';
import { CityFileRefused, fingerprint, hmacKey, newDeskKeys, normaliseFingerprint, signFile, verifyFile, type DeskKeys } from './city-file.js';

const open: Database[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
const db = async (p: string) => {
  const d = await migratedDb(p);
  open.push(d);
  return d;
};

async function deskFile(desk: Database, keys: DeskKeys, from: string, to: string) {
  const rows = await exportRows(desk, from, to, '관악구', (k, id) => hmacKey(keys, k, id));
  return signFile(keys, { desk: { label: '관악구 센터', district: '관악구' }, period: { from, to }, createdAt: '2026-12-06T00:00:00Z', rows });
}

async function importFile(city: Database, text: string, id: string) {
  const desks = await listDesks(city);
  const { payload, payloadText, sha256 } = verifyFile(text, (fp) => desks.find((d) => d.fingerprint === fp));
  return importRows(city, { id, fingerprint: payload.desk.fingerprint, period: payload.period, sha256, at: 't', by: null }, payloadText, payload.rows.length);
}

describe('desk → city statistics files', () => {
  it('round trip: the city sees the desk’s figures; a repeated or overlapping file counts each case once', async () => {
    const desk = await db('ansim-desk-');
    await seedDistrict(desk, { seed: 3, cases: 400, checklistRuns: 1200, startYear: 2025, years: 1 });
    const keys = newDeskKeys();
    const city = await db('ansim-city-');
    await enrolDesk(city, { fingerprint: normaliseFingerprint(fingerprint(keys.publicKey).toUpperCase().replace(/ /g, ':')), label: '관악구 센터', district: '관악구' }, 't', null);

    const h1 = await deskFile(desk, keys, '2025-01-01', '2025-06-30');
    const h2 = await deskFile(desk, keys, '2025-04-01', '2025-12-31'); // overlaps April–June
    const a = await importFile(city, h1, 'i1');
    expect(a.newRows).toBe(a.rows);
    const again = await importFile(city, h1, 'i2');
    expect(again.newRows).toBe(0);
    const b = await importFile(city, h2, 'i3');
    expect(b.newRows).toBeLessThan(b.rows);

    const year = { from: '2025-01-01', to: '2025-12-31' };
    const mine = await statsSummary(desk, year);
    const theirs = await statsSummary(city, { ...year, source: 'city' });
    expect(theirs.totals).toEqual(mine.totals);
    expect(theirs.byMonth).toEqual(mine.byMonth);
    expect(theirs.survey).toEqual(mine.survey);
    expect(theirs.programmes).toEqual(mine.programmes);
    expect(theirs.viewingsHeld).toBe(mine.viewingsHeld);
    expect(theirs.checklistsCompleted).toBe(mine.checklistsCompleted);
    expect(mine.totals.cases).toBeGreaterThan(300); // demo and deleted cases left out on both sides
  });

  it('carries no personal data: no case or client ids, names or free text', async () => {
    const desk = await db('ansim-desk-');
    await seedDistrict(desk, { seed: 4, cases: 50, checklistRuns: 100, startYear: 2025, years: 1 });
    const keys = newDeskKeys();
    const text = await deskFile(desk, keys, '2025-01-01', '2025-12-31');
    const ids = await desk.all<{ id: string; client_id: string }>(`SELECT id, client_id FROM cases`);
    for (const r of ids) {
      expect(text).not.toContain(r.id);
      expect(text).not.toContain(r.client_id);
    }
    expect(text).not.toContain('seed:');
  });

  it('refuses an altered file and one from a desk that is not enrolled or was revoked, saying why', async () => {
    const desk = await db('ansim-desk-');
    await seedDistrict(desk, { seed: 5, cases: 30, checklistRuns: 60, startYear: 2025, years: 1 });
    const keys = newDeskKeys();
    const city = await db('ansim-city-');
    const text = await deskFile(desk, keys, '2025-01-01', '2025-12-31');

    const refusal = async (t: string) => {
      try {
        await importFile(city, t, `x${Math.random()}`);
      } catch (e) {
        if (e instanceof CityFileRefused) return e;
        throw e;
      }
      throw new Error('accepted');
    };
    const notEnrolled = await refusal(text);
    expect(notEnrolled.reason).toBe('not-enrolled');
    expect(notEnrolled.detail.ko).toContain(fingerprint(keys.publicKey));

    await enrolDesk(city, { fingerprint: fingerprint(keys.publicKey), label: '관악구 센터', district: '관악구' }, 't', null);
    const outer = JSON.parse(text);
    expect(outer.payload).toContain('"20s"');
    outer.payload = outer.payload.replace('"20s"', '"30s"');
    expect((await refusal(JSON.stringify(outer))).reason).toBe('altered');
    expect((await refusal('{"hello":1}')).reason).toBe('malformed');
    // Another desk's key signing a file that claims this desk's key.
    const forged = JSON.parse(signFile(newDeskKeys(), { desk: { label: 'x', district: null }, period: { from: '2025-01-01', to: '2025-12-31' }, createdAt: 't', rows: [] }));
    const claimed = JSON.parse(forged.payload);
    claimed.desk.publicKey = keys.publicKey;
    claimed.desk.fingerprint = fingerprint(keys.publicKey);
    expect((await refusal(JSON.stringify({ ...forged, payload: JSON.stringify(claimed) }))).reason).toBe('altered');
    expect(await city.get(`SELECT count(*) AS n FROM stats_city_rows`)).toEqual({ n: 0 });

    // A correctly signed file whose rows carry more than the format allows (e.g. a name) is refused.
    const leaky = JSON.parse(JSON.parse(text).payload);
    leaky.rows[0].push('김철수');
    const leakyText = JSON.stringify(leaky);
    const sig = sign(null, Buffer.from(leakyText), createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' })).toString('base64');
    const leak = await refusal(JSON.stringify({ format: 'ansim-stats-signed/1', payload: leakyText, signature: sig }));
    expect(leak.reason).toBe('malformed');
    expect(leak.detail.ko).toMatch(/1번째 행/);

    await revokeDesk(city, fingerprint(keys.publicKey), '2026-12-01T00:00:00Z');
    expect((await refusal(text)).reason).toBe('revoked');
  });
});
