import { afterEach, describe, expect, it } from 'vitest';
import { consented, signedIn, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.backend.close());

async function client(name: string) {
  return h.api('clients.create', { consent: consented(['name']), name, desiredDistricts: [] });
}

describe('cases', () => {
  it('filters by district, type, status, manager and month, and searches client names', async () => {
    h = await signedIn();
    const a = await client('가나다');
    const b = await client('라마바');
    const me = (await h.api('session.status')).manager!.id;
    const k1 = await h.api('cases.create', { clientId: a.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-03' });
    await h.api('cases.create', { clientId: b.id, caseType: 'policy_guide', status: 'completed', district: '마포구', openedOn: '2026-10-15' });
    expect(k1.managerId).toBe(me); // defaults to who is working
    expect(k1.status).toBe('received');
    const ids = async (f: object) => (await h.api('cases.list', f)).map((c) => c.clientLabel);
    expect(await ids({ district: '관악구' })).toEqual(['가나다']);
    expect(await ids({ caseType: 'policy_guide' })).toEqual(['라마바']);
    expect(await ids({ status: 'completed' })).toEqual(['라마바']);
    expect(await ids({ month: '2026-11' })).toEqual(['가나다']);
    expect(await ids({ managerId: me })).toEqual(['가나다', '라마바']);
    expect(await ids({ query: '마바' })).toEqual(['라마바']);
    expect(await ids({ query: '마바 마포' })).toEqual(['라마바']);
    expect(await ids({ query: '마바 관악' })).toEqual([]);
  });

  it('closes a case on the day it is completed, and refuses an unknown client', async () => {
    h = await signedIn();
    const a = await client('가나다');
    const k = await h.api('cases.create', { clientId: a.id, caseType: 'housing_search', openedOn: '2026-11-01' });
    const done = await h.api('cases.update', { id: k.id, clientId: a.id, caseType: 'housing_search', status: 'completed', openedOn: '2026-11-01' });
    expect(done.closedOn).toBe('2026-11-27');
    const r = await h.raw('cases.create', { clientId: '00000000-0000-4000-8000-000000000000', caseType: 'housing_search', openedOn: '2026-11-01' });
    expect(r.ok ? null : r.error.fields?.[0].path).toBe('clientId');
  });
});

describe('listings', () => {
  const base = { buildingType: 'multi_household', leaseType: 'semi_monthly', deposit: 10_000_000, monthlyRent: 500_000 } as const;

  it('adds listings to a case, finds them by partial address, and hides them with their case', async () => {
    h = await signedIn();
    const a = await client('가나다');
    const k = await h.api('cases.create', { clientId: a.id, caseType: 'contract_consult', openedOn: '2026-11-01' });
    const l1 = await h.api('listings.create', { ...base, caseId: k.id, roadAddress: '서울특별시 관악구 신림로 1', ho: '301호', landlordName: '임대인' });
    await h.api('listings.create', { ...base, caseId: k.id, jibunAddress: '서울특별시 마포구 서교동 1-1' });
    expect(l1.landlordName).toBe('임대인');
    expect((await h.api('listings.list', { query: '관악' })).map((l) => l.id)).toEqual([l1.id]);
    expect((await h.api('listings.list', { query: '301' })).map((l) => l.id)).toEqual([l1.id]);
    // Several words: each must match somewhere.
    expect((await h.api('listings.list', { query: '관악 신림' })).map((l) => l.id)).toEqual([l1.id]);
    expect(await h.api('listings.list', { query: '관악 서교' })).toEqual([]);
    expect((await h.api('listings.list', { caseId: k.id })).length).toBe(2);
    await h.api('cases.delete', { id: k.id });
    expect(await h.api('listings.list', {})).toEqual([]);
    await h.api('cases.restore', { id: k.id });
    expect((await h.api('listings.list', {})).length).toBe(2);
  });

  it('refuses impossible amounts and inconsistent leases, naming the field', async () => {
    h = await signedIn();
    const a = await client('가나다');
    const k = await h.api('cases.create', { clientId: a.id, caseType: 'contract_consult', openedOn: '2026-11-01' });
    const bad = async (input: object) => {
      const r = await h.raw('listings.create', { ...base, caseId: k.id, roadAddress: '서울 어딘가', ...input });
      return r.ok ? 'accepted' : r.error.fields!.map((f) => `${f.path}: ${f.message.ko}`).join('; ');
    };
    expect(await bad({ deposit: -1 })).toBe('deposit: 금액은 0 이상이어야 합니다.');
    expect(await bad({ deposit: 2e12 })).toBe('deposit: 1조원을 넘는 금액은 입력할 수 없습니다.');
    expect(await bad({ deposit: 1.5 })).toBe('deposit: 금액은 원 단위 정수여야 합니다.');
    expect(await bad({ leaseType: 'jeonse' })).toMatch(/^monthlyRent: 전세는 월세가 0원/);
    expect(await bad({ roadAddress: null })).toMatch(/^roadAddress: 도로명 또는 지번/);
    expect(await bad({ lat: 37.5 })).toMatch(/^lat: 위도와 경도/);
    expect(await bad({})).toBe('accepted');
  });
});

describe('session', () => {
  it('locks after inactivity and only the PIN unlocks; nothing is reachable meanwhile', async () => {
    h = await signedIn();
    h.clock.now = new Date(h.clock.now.getTime() + 11 * 60_000);
    const r = await h.raw('clients.list', {});
    expect(r.ok ? null : r.error.code).toBe('LOCKED');
    expect((await h.api('session.status')).locked).toBe(true);
    expect((await h.raw('session.unlock', { pin: '0000' })).ok).toBe(false);
    await h.api('session.unlock', { pin: '1234' });
    expect((await h.raw('clients.list', {})).ok).toBe(true);
  });

  it('records who changed a record last', async () => {
    h = await signedIn();
    const c = await client('가나다');
    expect(c.updatedBy).toBe('정상담');
  });

  it('removes every demo record in one action, keeping real data', async () => {
    h = await signedIn({ seedDemo: true });
    expect((await h.api('session.status')).demo.present).toBe(true);
    const mine = await client('실제고객');
    const r = await h.api('demo.remove');
    expect(r.removed).toBeGreaterThan(5);
    expect((await h.api('clients.list', {})).map((c) => c.id)).toEqual([mine.id]);
    expect((await h.api('session.status')).demo.present).toBe(false);
  });
});

describe('PIN attempts', () => {
  it('refuses the PIN for five minutes after five wrong ones, even the right one', async () => {
    h = await signedIn();
    await h.api('session.lock');
    for (let i = 0; i < 5; i++) expect((await h.raw('session.unlock', { pin: '0000' })).ok).toBe(false);
    const blocked = await h.raw('session.unlock', { pin: '1234' });
    expect(blocked.ok ? null : blocked.error.message.ko).toMatch(/5분 뒤에 다시 시도/);
    h.clock.now = new Date(h.clock.now.getTime() + 5 * 60_000 + 1000);
    expect((await h.raw('session.unlock', { pin: '1234' })).ok).toBe(true);
  });
});
