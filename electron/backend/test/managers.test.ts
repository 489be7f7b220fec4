import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, signedIn, type Harness } from './harness.js';
import { listAudit } from '../../../data/repos/audit.js';

let h: Harness;
afterEach(async () => h?.backend.close());

const second = { name: '박동행', center: '관악구 1인가구지원센터', brokerRegNo: '11620-2021-00001', districts: ['관악구' as const], pin: '5678' };

describe('managers: roles, editing, deactivation, PIN', () => {
  it('makes the first manager a coordinator and later ones managers; a coordinator grants the role, audited', async () => {
    const s = await signedIn();
    h = s;
    expect(s.manager.role).toBe('coordinator');
    const b = await h.api('managers.create', second);
    expect(b.role).toBe('manager');
    const granted = await h.api('managers.setRole', { id: b.id, role: 'coordinator' });
    expect(granted.role).toBe('coordinator');
    const audit = await listAudit(h.backend.db, b.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'grant_coordinator']);
    expect(audit[1].manager_name).toBe('정상담');
  });

  it('refuses coordinator actions to a plain manager, in Korean and English', async () => {
    const s = await signedIn();
    h = s;
    const b = await h.api('managers.create', second);
    await h.api('session.start', { id: b.id, pin: '5678' });
    const r = await h.raw('managers.setRole', { id: b.id, role: 'coordinator' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('FORBIDDEN');
    expect(r.error.message.ko).toContain('코디네이터');
    expect(r.error.message.en).toContain('coordinator');
    expect((await h.raw('managers.setActive', { id: s.manager.id, active: false })).ok).toBe(false);
    // A manager edits their own profile but not someone else's.
    expect((await h.api('managers.update', { id: b.id, center: '동작구 센터' })).center).toBe('동작구 센터');
    expect((await h.raw('managers.update', { id: s.manager.id, name: '바꿈' })).ok).toBe(false);
  });

  it('keeps the last coordinator: cannot be demoted or deactivated, nor deactivate oneself', async () => {
    const s = await signedIn();
    h = s;
    const demote = await h.raw('managers.setRole', { id: s.manager.id, role: 'manager' });
    expect(demote.ok || demote.error.code).toBe('CONFLICT');
    const self = await h.raw('managers.setActive', { id: s.manager.id, active: false });
    expect(self.ok || self.error.message.en).toContain('yourself');
  });

  it('a deactivated manager cannot sign in, is not offered at sign-in, and their records stay', async () => {
    const s = await signedIn();
    h = s;
    const b = await h.api('managers.create', second);
    await h.api('session.start', { id: b.id, pin: '5678' });
    const client = await h.api('clients.create', { consent: { given: false }, desiredDistricts: [] });
    await h.api('session.start', { id: s.manager.id, pin: '1234' });
    const off = await h.api('managers.setActive', { id: b.id, active: false });
    expect(off.active).toBe(false);
    const r = await h.raw('session.start', { id: b.id, pin: '5678' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FORBIDDEN');
      expect(r.error.message.ko).toContain('비활성화');
    }
    expect((await h.api('managers.list')).map((m) => m.id)).toEqual([s.manager.id]);
    expect((await h.api('managers.list', { includeInactive: true })).map((m) => [m.name, m.active])).toEqual([['정상담', true], ['박동행', false]]);
    expect((await h.api('clients.get', { id: client.id })).updatedBy).toBe('박동행');
    expect((await listAudit(h.backend.db, b.id)).map((a) => a.action)).toContain('deactivate');
    // Reactivated, they sign in again.
    await h.api('managers.setActive', { id: b.id, active: true });
    expect((await h.api('session.start', { id: b.id, pin: '5678' })).manager?.id).toBe(b.id);
  });

  it('edits a profile with an audit of which fields changed', async () => {
    const s = await signedIn();
    h = s;
    const m = await h.api('managers.update', { id: s.manager.id, name: '정상담2', districts: ['관악구', '동작구'] });
    expect([m.name, m.districts]).toEqual(['정상담2', ['관악구', '동작구']]);
    const audit = await listAudit(h.backend.db, s.manager.id);
    expect(JSON.parse(audit.at(-1)!.fields)).toEqual(['name', 'districts']);
  });

  it('changes the PIN only with the current one; the new PIN signs in, the old one no longer does', async () => {
    const s = await signedIn();
    h = s;
    const wrong = await h.raw('managers.changePin', { oldPin: '9999', newPin: '4321' });
    expect(wrong.ok || wrong.error.code).toBe('BAD_PIN');
    const same = await h.raw('managers.changePin', { oldPin: '1234', newPin: '1234' });
    expect(same.ok || same.error.fields?.[0].path).toBe('newPin');
    expect(await h.api('managers.changePin', { oldPin: '1234', newPin: '4321' })).toEqual({ ok: true });
    await h.api('session.end');
    expect((await h.raw('session.start', { id: s.manager.id, pin: '1234' })).ok).toBe(false);
    expect((await h.api('session.start', { id: s.manager.id, pin: '4321' })).manager?.id).toBe(s.manager.id);
    const audit = await listAudit(h.backend.db, s.manager.id);
    expect(audit.map((a) => a.action)).toContain('change_pin');
  });

  it('on a demo desk the demo manager coordinates the demo, and the first real manager becomes a coordinator too', async () => {
    h = await openHarness({ seedDemo: true });
    const [demo] = await h.api('managers.list');
    expect([demo.isDemo, demo.role]).toEqual([true, 'coordinator']);
    const real = await h.api('managers.create', second);
    expect(real.role).toBe('coordinator');
  });
});
