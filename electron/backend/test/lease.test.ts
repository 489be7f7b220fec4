import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consented, signedIn, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.backend.close());

const entry = (e: object) => ({ rank: '1', purpose: '', receivedAt: null, holders: [], maxClaim: null, cancelled: false, ...e });
const clean = {
  certificate: { issuedAt: '2026-11-27T10:00', collective: true },
  gapgu: [entry({ rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: '제5001호', holders: ['홍길동'] })],
  eulgu: [entry({ rank: '1', purpose: '근저당권설정', receivedAt: '2019-04-01', receiptNo: '제5002호', holders: ['신한은행'], maxClaim: 60_000_000 })],
  landlord: { taxArrears: false },
  buildingRegister: { checked: true, violation: false, mainUse: '다세대주택' },
  contract: {
    contractDate: '2026-11-27',
    downPayment: { amount: 12_000_000, date: '2026-11-27' },
    balance: { amount: 108_000_000, date: '2027-01-11' },
    moveInDate: '2027-01-11',
    fixedDate: '2027-01-11',
    endDate: '2029-01-10',
  },
};

async function caseWithListing() {
  const c = await h.api('clients.create', { consent: consented(['name']), name: '김민지', desiredDistricts: [] });
  const k = await h.api('cases.create', { clientId: c.id, caseType: 'contract_consult', openedOn: '2026-11-20' });
  const l = await h.api('listings.create', {
    caseId: k.id, roadAddress: '서울특별시 관악구 신림로 10', ho: '201호', buildingType: 'rowhouse_multiplex', leaseType: 'jeonse',
    deposit: 120_000_000, monthlyRent: 0, marketValue: 300_000_000, landlordName: '홍길동',
  });
  return { client: c, kase: k, listing: l };
}

describe('the lease of a case', () => {
  it('suggests facts from the listing and its registry, saves them, ticks steps, and follows the balance-day re-check', async () => {
    h = await signedIn();
    const { kase, listing } = await caseWithListing();
    await h.api('registry.save', { listingId: listing.id, registry: clean });

    const suggested = await h.api('lease.get', { caseId: kase.id });
    expect(suggested.updatedAt).toBeNull();
    expect(suggested.listingId).toBe(listing.id);
    expect(suggested.facts).toMatchObject({ contractDate: '2026-11-27', deposit: 120_000_000, endDate: '2029-01-10', moveInDate: '2027-01-11' });
    expect(suggested.facts.address).toContain('신림로 10');

    const saved = await h.api('lease.save', { caseId: kase.id, listingId: listing.id, facts: { ...suggested.facts, leaseKind: 'new' } });
    const by = Object.fromEntries(saved.steps.map((s) => [s.key, s]));
    // Day 30 after 2026-11-27 is Sunday 12-27 → Monday 12-28.
    expect(by.leaseReport).toMatchObject({ date: '2026-12-28', shiftedFrom: '2026-12-27', progress: 'upcoming' });
    expect(by.renewalWindow.window).toEqual({ from: '2028-07-11', to: '2028-11-10' });

    // The contract-day reading, then a new 근저당 appears before the balance day.
    await h.api('snapshots.take', { listingId: listing.id, stage: 'contract' });
    h.clock.now = new Date('2027-01-11T00:30:00Z');
    await h.api('session.unlock', { pin: '1234' });
    await h.api('registry.save', {
      listingId: listing.id,
      registry: { ...clean, certificate: { issuedAt: '2027-01-11T09:00', collective: true }, eulgu: [...clean.eulgu, entry({ rank: '2', purpose: '근저당권설정', receivedAt: '2027-01-08', receiptNo: '제100호', holders: ['주식회사 대부'], maxClaim: 120_000_000 })] },
    });
    const snaps = await h.api('snapshots.take', { listingId: listing.id, stage: 'balance' });
    expect(snaps.map((s) => [s.stage, s.takenOn])).toEqual([['contract', '2026-11-27'], ['balance', '2027-01-11']]);

    const after = await h.api('lease.get', { caseId: kase.id });
    expect(after.recheck!.diff.added.map((e) => `${e.section} ${e.rank}`)).toEqual(['을구 2']);
    expect(after.recheck!.diff.verdictAfter).toBe('danger');
    const danger = after.steps.find((s) => s.severity === 'danger')!;
    expect(danger).toMatchObject({ key: 'registryChange:2027-01-11', date: '2027-01-11', progress: 'due' });
    expect(danger.detail.ko).toContain('지급을 멈추고');
    // The leaseReport deadline passed unticked: overdue; tick it with the day it was done.
    expect(after.steps.find((s) => s.key === 'leaseReport')!.progress).toBe('overdue');
    const ticked = await h.api('lease.tick', { caseId: kase.id, stepKey: 'leaseReport', doneOn: '2026-12-10' });
    expect(ticked.steps.find((s) => s.key === 'leaseReport')).toMatchObject({ progress: 'done', doneOn: '2026-12-10' });
    const future = await h.raw('lease.tick', { caseId: kase.id, stepKey: 'balance', doneOn: '2027-02-01' });
    expect(!future.ok && future.error.fields?.[0].path).toBe('doneOn');

    // The desk's home lists the danger step first.
    const home = await h.api('desk.home', {});
    expect(home.stepsDue[0]).toMatchObject({ caseId: kase.id, danger: true });

    // Snapshots are immutable: a correction is a new snapshot naming the old one.
    const balance = snaps[1];
    const corrected = await h.api('snapshots.take', { listingId: listing.id, stage: 'balance', supersedes: balance.id, takenOn: '2027-01-11' });
    expect(corrected.find((s) => s.id === balance.id)!.supersededBy).toBe(corrected[2].id);
    const again = await h.raw('snapshots.take', { listingId: listing.id, stage: 'balance', supersedes: balance.id });
    expect(again.ok).toBe(false);

    // Handout: a one-page PDF of the dates and an .ics.
    const pdf = await h.api('lease.handout', { caseId: kase.id, format: 'pdf' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-handout-'));
    writeFileSync(path.join(dir, 'h.pdf'), Buffer.from(pdf.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'h.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('임대차 신고');
    expect(text).toContain('김*지');
    expect(text).not.toContain('김민지');
    expect(execFileSync('pdfinfo', [path.join(dir, 'h.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const ics = Buffer.from((await h.api('lease.handout', { caseId: kase.id, format: 'ics' })).dataBase64, 'base64').toString('utf8');
    expect(ics).toContain('DTSTART;VALUE=DATE:20280711');
    expect(ics).toContain('DTEND;VALUE=DATE:20281111');
    expect(ics).not.toContain('김민지');

    // The tenant report carries the re-check and the lease timeline.
    const report = await h.api('reports.tenant', { caseId: kase.id });
    writeFileSync(path.join(dir, 'r.pdf'), Buffer.from(report.dataBase64, 'base64'));
    const rtext = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(rtext).toContain('등기부 재확인');
    expect(rtext).toMatch(/을구 2번 \(근\)저당권/);
    expect(rtext).toContain('안전 → 위험');
    expect(rtext).toContain('계약갱신요구 가능 기간');

    // Snapshots (권리자 names) are encrypted at rest.
    await h.backend.close();
    for (const name of ['ansim.sqlite', 'ansim.sqlite-wal']) {
      const f = await readFile(path.join(h.dir, name)).catch(() => Buffer.alloc(0));
      // (The listing's own address column is plaintext by design of 0001; the holders are not.)
      expect(f.includes(Buffer.from('주식회사 대부'))).toBe(false);
    }
    h = undefined as never;
  });

  it('rejects a listing of another case and bad facts, naming the field', async () => {
    h = await signedIn();
    const a = await caseWithListing();
    const b = await caseWithListing();
    const r = await h.raw('lease.save', { caseId: a.kase.id, listingId: b.listing.id, facts: {} });
    expect(!r.ok && r.error.fields?.[0].path).toBe('listingId');
    const r2 = await h.raw('lease.save', { caseId: a.kase.id, listingId: null, facts: { contractDate: '2026-11-27', moveInDate: '2026-11-01' } });
    expect(!r2.ok && r2.error.fields?.[0]).toMatchObject({ path: 'facts.moveInDate', message: { ko: expect.stringContaining('입주일') } });
  });
});

describe('destruction', () => {
  it('withdrawing consent removes the lease facts and the registry snapshots; the dated steps stay', async () => {
    h = await signedIn();
    const { client, kase, listing } = await caseWithListing();
    await h.api('registry.save', { listingId: listing.id, registry: clean });
    const got = await h.api('lease.get', { caseId: kase.id });
    await h.api('lease.save', { caseId: kase.id, listingId: listing.id, facts: { ...got.facts, leaseKind: 'new' } });
    await h.api('snapshots.take', { listingId: listing.id, stage: 'contract' });
    await h.api('clients.withdrawConsent', { id: client.id });
    const count = async (sql: string) => (await h.backend.db.get<{ n: number }>(sql))!.n;
    expect(await count('SELECT COUNT(*) AS n FROM case_leases')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM registry_snapshots')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM lease_steps')).toBeGreaterThan(0);
  });
});

describe('checklist runs start with what the case knows', () => {
  it('prefills from the listing, the lease facts and the registry entry; answering an item makes it the manager’s', async () => {
    h = await signedIn();
    const { kase, listing } = await caseWithListing();
    await h.api('registry.save', { listingId: listing.id, registry: clean });
    const got = await h.api('lease.get', { caseId: kase.id });
    await h.api('lease.save', { caseId: kase.id, listingId: listing.id, facts: { ...got.facts, leaseKind: 'agreedRenewal', sameAmounts: false } });
    const run = await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'contract' });
    const by = Object.fromEntries(run.answers.map((a) => [a.itemId, a]));
    expect(by.contractKind).toMatchObject({ value: 'renewalAgreed', prefilledFrom: 'lease' });
    expect(by.deposit).toMatchObject({ value: 120_000_000, prefilledFrom: 'lease' });
    expect(by.balanceDate).toMatchObject({ value: '2027-01-11', prefilledFrom: 'lease' });
    const answered = await h.api('checklists.runs.answer', { runId: run.run.id, itemId: 'deposit', value: 125_000_000 });
    expect(answered.answer).toMatchObject({ value: 125_000_000 });
    expect(answered.answer!.prefilledFrom).toBeUndefined();
    const reg = await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'registry' });
    expect(reg.answers.find((a) => a.itemId === 'eulguEntries')).toMatchObject({ value: ['mortgage'], prefilledFrom: 'registry' });
  });
});
