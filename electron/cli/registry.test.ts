import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './ansim.js';
import type { CliIO } from './io.js';

function fakeIO(stdin = ''): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { readStdin: async () => stdin, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

// The same sample the app's end-to-end test can enter: a live 근저당 and a 가압류.
const listing = JSON.parse(readFileSync(new URL('../../checklists/rights/fixtures/live-mortgage-and-seizure.json', import.meta.url), 'utf8'));

describe('ansim registry analyze', () => {
  it('a live 근저당 and a 가압류 give 위험, the flags worst first and the clauses', async () => {
    const io = fakeIO(JSON.stringify(listing));
    expect(await run(['registry', 'analyze', '--as-of', '2026-11-27'], io)).toBe(0);
    const r = JSON.parse(io.stdout());
    expect(r.verdict).toBe('danger');
    expect(r.flags[0]).toMatchObject({ code: 'R2', severity: 'danger', basis: { ko: expect.any(String) } });
    expect(r.flags[0].message.ko).toMatch(/가압류/);
    // (9,600만 + 1억5,000만) / 3억 = 82 %.
    expect(r.ltv).toMatchObject({ ratio: 0.82, band: '위험', jeonseRatio: 0.5 });
    expect(r.priorityRepayment[0]).toMatchObject({ holder: '신한은행', tableEffectiveFrom: '2018-09-18', eligible: false });
    expect(r.hug).toMatchObject({ eligible: false, housePrice: 210_000_000, maxDeposit: 93_000_000 });
    expect(r.clauses.map((c: { text: { ko: string } }) => c.text.ko).join('\n')).toMatch(/을구 순위번호 1번 근저당권[\s\S]*갑구 순위번호 2번 가압류/);
    expect(r.ladder.entries.map((e: { gu: string; rank: string }) => `${e.gu} ${e.rank}`)).toEqual(['갑구 1', '을구 1', '갑구 2']);
    expect(r.warnings[0].ko).toMatch(/잔금일\(2027-01-10\)/);
    expect(r.steps.map((s: { key: string }) => s.key)).toEqual(['downPayment', 'leaseReport', 'balance', 'moveIn', 'guarantee']);
  });

  it('exits 2 naming the field of a bad entry, and for a bad --as-of', async () => {
    const bad = { ...listing, gapgu: [{ ...listing.gapgu[0], receivedAt: '2019/04/01' }] };
    const io = fakeIO(JSON.stringify(bad));
    expect(await run(['registry', 'analyze'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^ansim registry: gapgu\.0\.receivedAt: must be a valid date YYYY-MM-DD\n$/);
    const io2 = fakeIO(JSON.stringify(listing));
    expect(await run(['registry', 'analyze', '--as-of', 'today'], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/--as-of/);
    expect(await run(['registry'], fakeIO())).toBe(2);
  });
});

describe('ansim registry diff', () => {
  const fx = (n: string) => new URL(`../../checklists/rights/fixtures/${n}`, import.meta.url).pathname;
  it('prints added / cancelled / changed / ownerChanged / both verdicts', async () => {
    const io = fakeIO();
    expect(await run(['registry', 'diff', '--as-of', '2027-01-10', fx('balance-day-old.json'), fx('balance-day-new.json')], io)).toBe(0);
    const r = JSON.parse(io.stdout());
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['added', 'cancelled', 'changed', 'ownerChanged', 'verdictBefore', 'verdictAfter']));
    expect(r.added).toHaveLength(1);
    expect(r.added[0]).toMatchObject({ section: '을구', rank: '2', purpose: '근저당권설정', maxClaim: 120000000 });
    expect(r).toMatchObject({ cancelled: [], changed: [], ownerChanged: false, verdictBefore: 'safe', verdictAfter: 'danger' });
  });
  it('exits 2 naming the file and field', async () => {
    const io = fakeIO();
    expect(await run(['registry', 'diff', fx('balance-day-old.json')], io)).toBe(2);
    expect(io.stderr()).toMatch(/two files/);
    const io2 = fakeIO();
    expect(await run(['registry', 'diff', fx('balance-day-old.json'), '/nonexistent/new.json'], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/\/nonexistent\/new\.json: cannot be read/);
  });
});
