// The desk's home against a seeded database whose answers were counted by hand (today is
// Friday 2026-11-27 in Seoul; the week runs Monday 11-23 to Sunday 11-29).
import { afterEach, describe, expect, it } from 'vitest';
import { signedIn, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.backend.close());

const consent = (date: string) => ({ given: true, date, retentionMonths: 12, items: ['name'] as ('name')[], purpose: '안심계약 상담' });

describe('desk.home', () => {
  it('lists what is due for the signed-in manager only, each with its case', async () => {
    h = await signedIn();
    const b = await h.api('managers.create', { name: '이동행', center: '관악구 1인가구지원센터', brokerRegNo: '11620-2020-09999', districts: ['관악구'], pin: '5678' });
    const A = (await h.api('session.status')).manager!.id;

    const client = (name: string, date: string) => h.api('clients.create', { consent: consent(date), name, desiredDistricts: [] });
    const gA = await client('가나', '2025-12-10'); // retention ends 2026-12-10: within 30 days
    const nA = await client('나다', '2025-12-30'); // 2026-12-30: beyond 12-27
    const dA = await client('다라', '2026-11-20'); // 2027-11-20
    const rB = await client('라마', '2025-12-01'); // 12-01, but only B's case
    await client('마바', '2025-12-05'); // 12-05, no case at all: the desk's, shown

    const kase = async (clientId: string, managerId: string) => {
      const k = await h.api('cases.create', { clientId, caseType: 'contract_consult', openedOn: '2026-11-01', managerId });
      const l = await h.api('listings.create', { caseId: k.id, roadAddress: '서울특별시 관악구 신림로 1', buildingType: 'rowhouse_multiplex', leaseType: 'jeonse', deposit: 100_000_000, monthlyRent: 0 });
      return { k, l };
    };
    const k1 = await kase(gA.id, A);
    const k2 = await kase(nA.id, A);
    const k3 = await kase(dA.id, A);
    const kb = await kase(rB.id, b.id);

    // Viewings: today (A), Tuesday this week (A), next Monday (A), today (B only), Saturday (B leads, A joins).
    const plan = (caseId: string, listingId: string, date: string, startTime: string, managerIds: string[]) =>
      h.api('viewings.plan', { caseId, date, startTime, managerIds, listingIds: [listingId] });
    await plan(k1.k.id, k1.l.id, '2026-11-27', '10:00', [A]);
    await plan(k2.k.id, k2.l.id, '2026-11-24', '14:00', [A]);
    await plan(k3.k.id, k3.l.id, '2026-11-30', '10:00', [A]);
    await plan(kb.k.id, kb.l.id, '2026-11-27', '11:00', [b.id]);
    await plan(kb.k.id, kb.l.id, '2026-11-28', '09:30', [b.id, A]);

    // Leases: k1 has the 임대차 신고 overdue (10-20 + 30 = 11-19) and balance + move-in on 12-01 (within 7 days);
    // k2 is a same-amount renewal (report exempt, nothing due); B's case has overdue steps that are not A's.
    const facts = (f: object) => ({ leaseKind: 'new', contractDate: '2026-10-20', balanceDate: '2026-12-01', moveInDate: '2026-12-01', endDate: '2028-11-30', deposit: 100_000_000, monthlyRent: 0, address: '서울특별시 관악구 신림로 1', ...f });
    await h.api('lease.save', { caseId: k1.k.id, listingId: k1.l.id, facts: facts({}) as never });
    await h.api('lease.tick', { caseId: k1.k.id, stepKey: 'contract', doneOn: '2026-10-20' });
    await h.api('lease.save', { caseId: k2.k.id, listingId: k2.l.id, facts: facts({ leaseKind: 'agreedRenewal', sameAmounts: true, contractDate: '2026-11-25', balanceDate: null, moveInDate: null, startDate: '2026-12-01' }) as never });
    await h.api('lease.tick', { caseId: k2.k.id, stepKey: 'contract', doneOn: '2026-11-25' });
    await h.api('lease.save', { caseId: kb.k.id, listingId: kb.l.id, facts: facts({}) as never });

    // Checklist runs: one open on A's listing, one open on B's.
    await h.api('checklists.runs.start', { listingId: k1.l.id, templateId: 'inspection' });
    await h.api('checklists.runs.start', { listingId: kb.l.id, templateId: 'inspection' });

    const home = await h.api('desk.home', {});
    expect([home.today, home.weekFrom, home.weekTo]).toEqual(['2026-11-27', '2026-11-23', '2026-11-29']);
    expect(home.viewingsToday.map((v) => [v.clientLabel, v.startTime])).toEqual([['가나', '10:00']]);
    expect(home.viewingsThisWeek.map((v) => [v.clientLabel, v.date])).toEqual([['나다', '2026-11-24'], ['가나', '2026-11-27'], ['라마', '2026-11-28']]);
    expect(home.stepsDue.map((s) => [s.clientLabel, s.stepKey, s.overdue])).toEqual([
      ['가나', 'leaseReport', true],
      ['가나', 'balance', false],
      ['가나', 'moveIn', false],
    ]);
    expect(home.stepsDue.every((s) => s.caseId === k1.k.id)).toBe(true);
    expect(home.retentionEnding.map((r) => [r.clientLabel, r.date])).toEqual([['마바', '2026-12-05'], ['가나', '2026-12-10']]);
    expect(home.retentionEnding[1].caseId).toBe(k1.k.id);
    expect(home.openRuns.map((r) => [r.clientLabel, r.caseId])).toEqual([['가나', k1.k.id]]);
    expect(home.recentClients.map((r) => r.clientLabel).sort()).toEqual(['가나', '나다', '다라']);

    // Ticking the overdue step takes it off the list.
    await h.api('lease.tick', { caseId: k1.k.id, stepKey: 'leaseReport', doneOn: '2026-11-18' });
    expect((await h.api('desk.home', {})).stepsDue.map((s) => s.stepKey)).toEqual(['balance', 'moveIn']);

    // Handing the case to B moves its steps to B's home.
    const k1v = await h.api('cases.get', { id: k1.k.id });
    await h.api('cases.update', { id: k1.k.id, clientId: k1v.clientId, caseType: k1v.caseType, status: k1v.status, district: k1v.district, managerId: b.id, openedOn: k1v.openedOn, closedOn: null, notes: null } as never);
    expect((await h.api('desk.home', {})).stepsDue).toEqual([]);

    // A step missed more than 90 days ago is left to the case screen.
    h.clock.now = new Date('2027-03-05T01:00:00Z');
    await h.api('session.unlock', { pin: '1234' });
    await h.api('lease.save', { caseId: k3.k.id, listingId: k3.l.id, facts: facts({ contractDate: '2026-11-01', balanceDate: '2026-11-20', moveInDate: '2026-11-20', endDate: '2028-11-19' }) as never });
    // contract 11-01, leaseReport 12-01, balance and moveIn 11-20 are all more than 90 days back; nothing else is due.
    expect((await h.api('desk.home', {})).stepsDue.filter((s) => s.caseId === k3.k.id).map((s) => s.stepKey)).toEqual([]);
  });
});
