import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffRegistry, registryChangeStep } from './diff.js';
import { leaseTimeline } from '../lease/timeline.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const oldDoc = load('balance-day-old.json');
const newDoc = load('balance-day-new.json');
const asOf = '2027-01-10';
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('registry diff', () => {
  it('a new 근저당 before the balance day: added, worse verdict, a 위험 step with the action', () => {
    const d = diffRegistry(oldDoc, newDoc, { asOf });
    expect(d.added.map((e) => [e.section, e.rank, e.kind, e.risk])).toEqual([['을구', '2', 'mortgage', 'danger']]);
    expect(d.cancelled).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.ownerChanged).toBe(false);
    expect(d.verdictBefore).not.toBe(d.verdictAfter);
    expect(d.verdictAfter).toBe('danger');
    expect(d.riskier).toBe(true);
    expect(d.actions[0].ko).toContain('지급을 멈추고');
    const s = registryChangeStep(d, '2027-01-10')!;
    expect(s).toMatchObject({ severity: 'danger', date: '2027-01-10', key: 'registryChange:2027-01-10' });
    expect(s.detail.ko).toContain('을구 2번');
    // On the timeline it sits on the balance day beside the re-check.
    const t = leaseTimeline({ leaseKind: 'new', contractDate: '2026-11-27', balanceDate: '2027-01-10', moveInDate: '2027-01-10', endDate: '2029-01-09', deposit: 120_000_000, monthlyRent: 0, address: "서울특별시 관악구 신림동 100-1" }, { extra: [s] });
    expect(t.filter((x) => x.date === '2027-01-10').map((x) => x.key)).toEqual(['balance', 'moveIn', 'registryChange:2027-01-10']);
  });

  it('a 가압류 struck through with its 말소 entry is cancelled, not added; the verdict improves', () => {
    const before = clone(oldDoc);
    before.gapgu.push({ rank: '2', purpose: '가압류', receivedAt: '2026-08-01', receiptNo: '제30001호', holders: ['주식회사 대부'], cancelled: false });
    const after = clone(before);
    after.gapgu[1].cancelled = true;
    after.gapgu.push({ rank: '3', purpose: '2번가압류등기말소', receivedAt: '2027-01-08', receiptNo: '제900호', holders: [], cancelled: false });
    const d = diffRegistry(before, after, { asOf });
    expect(d.added).toEqual([]);
    expect(d.cancelled.map((e) => [e.section, e.rank, e.kind])).toEqual([['갑구', '2', 'provisionalAttachment']]);
    expect(d.verdictBefore).toBe('danger');
    expect(['safe', 'caution']).toContain(d.verdictAfter);
    expect(d.riskier).toBe(false);
    expect(registryChangeStep(d, asOf)).toBeNull();
    // A 말소 entry alone (the original not yet struck through in the typed copy) still cancels it.
    const named = clone(before);
    named.gapgu.push({ rank: '3', purpose: '2번가압류등기말소', receivedAt: '2027-01-08', holders: [], cancelled: false });
    expect(diffRegistry(before, named, { asOf }).cancelled.map((e) => e.rank)).toEqual(['2']);
  });

  it('an owner change: 소유권이전 added and ownerChanged, both verdicts with the newer lease facts', () => {
    const after = clone(oldDoc);
    after.gapgu.push({ rank: '2', purpose: '소유권이전', receivedAt: '2027-01-06', receiptNo: '제1100호', cause: '2027년1월2일 매매', holders: ['김철수'], cancelled: false });
    const d = diffRegistry(oldDoc, after, { asOf });
    expect(d.ownerChanged).toBe(true);
    expect(d.ownersBefore).toEqual(['홍길동']);
    expect(d.ownersAfter).toEqual(['김철수']);
    expect(d.added[0]).toMatchObject({ kind: 'ownershipTransfer', risk: 'danger' });
    expect(d.riskier).toBe(true);
    expect(d.actions.map((a) => a.ko).join(' ')).toContain('새 소유자');
    // The landlord 홍길동 is no longer the owner: R1 makes the newer reading 위험; the older one, with
    // the same lease facts, is not.
    expect(d.verdictAfter).toBe('danger');
    expect(d.verdictBefore).not.toBe('danger');
  });

  it('a 부기 belongs to its 주등기: a raised 채권최고액 is a change of 을구 1, not a new entry', () => {
    const after = clone(oldDoc);
    after.eulgu.push({ rank: '1-1', purpose: '근저당권변경', receivedAt: '2027-01-07', holders: ['신한은행'], maxClaim: 130000000, cancelled: false });
    const d = diffRegistry(oldDoc, after, { asOf });
    expect(d.added).toEqual([]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ fields: ['maxClaim'], risk: 'danger' });
    expect(d.changed[0].why.ko).toContain('60,000,000원 → 130,000,000원');
    expect(d.riskier).toBe(true);
  });

  it('nothing changed: empty lists, the same verdict, not riskier', () => {
    const later = clone(oldDoc);
    later.certificate.issuedAt = '2027-01-10T09:00:00+09:00';
    const d = diffRegistry(oldDoc, later, { asOf });
    expect(d).toMatchObject({ added: [], cancelled: [], changed: [], ownerChanged: false, riskier: false, actions: [] });
    expect(d.verdictBefore).toBe(d.verdictAfter);
  });

  it('an entry missing from a 현재 유효사항 certificate is taken as cancelled and says to confirm', () => {
    const before = clone(oldDoc);
    before.eulgu.push({ rank: '2', purpose: '근저당권설정', receivedAt: '2020-01-01', holders: ['국민은행'], maxClaim: 10000000, cancelled: false });
    const d = diffRegistry(before, oldDoc, { asOf });
    expect(d.cancelled.map((e) => e.rank)).toEqual(['2']);
    expect(d.cancelled[0].why.ko).toContain('말소사항 포함');
  });
});
