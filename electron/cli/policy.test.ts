import { describe, expect, it } from 'vitest';
import { run } from './ansim.js';
import type { CliIO } from './io.js';

function fakeIO(stdin = ''): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { readStdin: async () => stdin, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

const facts = { age: 27, annualIncome: 32_000_000, incomeBasis: 'applicant', assets: 20_000_000, householdSize: 1, married: false, householder: true, veteranMonths: 0, deposit: 10_000_000, monthlyRent: 550_000, homeless: true, region: '서울특별시 관악구 신림동 1', asOf: '2026-05-10' };

describe('ansim policy match', () => {
  it('prints every programme with a status, reasons and the missing facts', async () => {
    const io = fakeIO(JSON.stringify(facts));
    expect(await run(['policy', 'match'], io)).toBe(0);
    const out = JSON.parse(io.stdout()) as { id: string; name: string; status: string; reasons: string[]; missing: string[] }[];
    const byId = Object.fromEntries(out.map((m) => [m.id, m]));
    expect(byId['seoul-youth-rent']).toMatchObject({ name: '서울시 청년월세지원', status: 'eligible', missing: [] });
    expect(byId['molit-youth-rent']).toMatchObject({ status: 'ineligible' });
    expect(byId['molit-youth-rent'].reasons[0]).toMatch(/60% 이하 대상: 104%/);
    expect(byId['youth-deposit-interest'].status).toBe('not-open');
    expect(byId['emergency-housing'].status).toBe('ineligible');
    expect(byId['housing-benefit'].status).toBe('ineligible');
    expect(byId['housing-benefit'].reasons[0]).toMatch(/48% 이하/);
    expect(io.stderr()).toMatch(/catalogue 2026-01-01/);
  });

  it('takes the region as 시·도 + 시·군·구', async () => {
    const io = fakeIO(JSON.stringify({ ...facts, region: { sido: '경기도', sigungu: '성남시' } }));
    expect(await run(['policy', 'match'], io)).toBe(0);
    const out = JSON.parse(io.stdout()) as { id: string; status: string }[];
    expect(out.find((m) => m.id === 'seoul-youth-rent')!.status).toBe('ineligible');
  });

  it('exits 2 naming the field when a required fact is missing or wrong', async () => {
    const { homeless: _h, ...noHomeless } = facts;
    const a = fakeIO(JSON.stringify(noHomeless));
    expect(await run(['policy', 'match'], a)).toBe(2);
    expect(a.stderr()).toMatch(/homeless/);
    const b = fakeIO(JSON.stringify({ ...facts, age: 'twenty' }));
    expect(await run(['policy', 'match'], b)).toBe(2);
    expect(b.stderr()).toMatch(/^ansim policy: age: /);
    expect(b.stdout()).toBe('');
  });
});
