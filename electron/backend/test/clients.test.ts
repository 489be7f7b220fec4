import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { consented, openHarness, signedIn, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.backend.close());

describe('clients', () => {
  it('stores a consented client and finds them by partial Korean words and by phone', async () => {
    h = await signedIn();
    const c = await h.api('clients.create', {
      consent: consented(),
      name: '홍길순',
      phone: '010-2345-6789',
      notes: '임대주택 관심',
      ageBand: '20s',
      gender: 'female',
      currentDistrict: '관악구',
      desiredDistricts: ['관악구', '동작구'],
      budgetDeposit: 150_000_000,
    });
    expect(c.label).toBe('홍길순');
    expect(c.consent.expiresOn).toBe('2027-11-20');
    expect((await h.api('clients.list', { query: '관악' })).map((x) => x.id)).toEqual([c.id]);
    expect((await h.api('clients.list', { query: '임대' })).map((x) => x.id)).toEqual([c.id]);
    expect((await h.api('clients.list', { query: '길순' })).map((x) => x.id)).toEqual([c.id]);
    expect(await h.api('clients.list', { query: '강남' })).toEqual([]);
    expect((await h.api('clients.findByPhone', { phone: '01023456789' })).map((x) => x.id)).toEqual([c.id]);
  });

  it('refuses personal fields without consent, naming the field in Korean and English', async () => {
    h = await signedIn();
    const r = await h.raw('clients.create', { consent: { given: false }, name: '홍길순', ageBand: '30s', desiredDistricts: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields?.[0].path).toBe('name');
    expect(r.error.message.ko).toContain('동의');
    expect(r.error.message.en).toContain('consent');
    // Without personal fields the client is anonymous but real.
    const anon = await h.api('clients.create', { consent: { given: false }, ageBand: '30s', desiredDistricts: ['마포구'] });
    expect(anon.label).toMatch(/^익명 #/);
  });

  it('never writes the name or phone number to the database file in the clear', async () => {
    h = await signedIn();
    await h.api('clients.create', { consent: consented(), name: '비밀스런이름', phone: '010-9876-5432', desiredDistricts: [] });
    await h.backend.close();
    const bytes = Buffer.concat([
      await readFile(`${h.dir}/ansim.sqlite`),
      await readFile(`${h.dir}/ansim.sqlite-wal`).catch(() => Buffer.alloc(0)),
    ]);
    expect(bytes.includes(Buffer.from('비밀스런이름'))).toBe(false);
    expect(bytes.includes(Buffer.from('9876'))).toBe(false);
    expect(bytes.includes(Buffer.from('01098765432'))).toBe(false);
    h = await openHarness({ dir: h.dir });
    await h.api('session.start', { id: (await h.api('managers.list'))[0].id, pin: '1234' });
    const [c] = await h.api('clients.list', { query: '비밀' });
    expect(c.phone).toBe('010-9876-5432');
  });

  it('soft-deletes with undo and audits every change with who did it', async () => {
    h = await signedIn();
    const c = await h.api('clients.create', { consent: consented(['name']), name: '이하나', desiredDistricts: [] });
    await h.api('clients.update', { id: c.id, consent: consented(['name']), name: '이두나', desiredDistricts: ['중구'] });
    await h.api('clients.delete', { id: c.id });
    expect(await h.api('clients.list', {})).toEqual([]);
    const back = await h.api('clients.restore', { id: c.id });
    expect(back.name).toBe('이두나');
    expect(back.updatedBy).toBe('정상담');
    const audit = await h.api('audit.list', { id: c.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(audit[1].fields).toEqual(expect.arrayContaining(['name', 'desired_districts']));
    expect(audit.every((a) => a.managerName === '정상담')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('이두나');
  });

  it('destroys personal fields when consent is withdrawn, keeping the statistics', async () => {
    h = await signedIn();
    const c = await h.api('clients.create', { consent: consented(), name: '최철회', phone: '010-1111-2222', ageBand: '40s', gender: 'male', currentDistrict: '강서구', desiredDistricts: ['강서구'], budgetDeposit: 50_000_000 });
    const w = await h.api('clients.withdrawConsent', { id: c.id });
    expect([w.name, w.phone, w.notes]).toEqual([null, null, null]);
    expect(w.label).toMatch(/^익명/);
    expect(w.consent.withdrawnAt).not.toBeNull();
    expect([w.ageBand, w.gender, w.currentDistrict, w.budgetDeposit]).toEqual(['40s', 'male', '강서구', 50_000_000]);
    expect(await h.api('clients.findByPhone', { phone: '010-1111-2222' })).toEqual([]);
  });

  it('warns before the retention period ends and destroys personal fields when it has', async () => {
    h = await signedIn({ now: new Date('2026-11-27T01:00:00Z') });
    const c = await h.api('clients.create', { consent: { ...consented(), date: '2025-12-20', retentionMonths: 12 }, name: '기한만료', desiredDistricts: [] });
    const status = await h.api('session.status');
    expect(status.retentionWarnings).toEqual([{ clientId: c.id, label: '기한만료', name: '기한만료', expiresOn: '2026-12-20' }]);
    h.clock.now = new Date('2026-12-20T00:30:00Z'); // 09:30 in Seoul on the expiry date
    await h.api('session.start', { id: (await h.api('managers.list'))[0].id, pin: '1234' });
    const after = await h.api('clients.get', { id: c.id });
    expect(after.name).toBeNull();
    expect(after.consent.destroyedAt).not.toBeNull();
  });
});
