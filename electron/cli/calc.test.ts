import { describe, expect, it } from 'vitest';
import { run } from './ansim.js';
import type { CliIO } from './io.js';

function fakeIO(stdin = ''): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { readStdin: async () => stdin, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

describe('ansim calc', () => {
  it('prints the brokerage cap as JSON', async () => {
    const io = fakeIO(JSON.stringify({ deposit: 10_000_000, monthlyRent: 500_000, contractDate: '2026-11-27', propertyKind: 'housing' }));
    expect(await run(['calc', 'brokerage'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ transactionAmount: 60_000_000, rate: 0.004, cap: 300_000, maxFee: 240_000 });
  });

  it('prints 최우선변제 for an address in a partly covered city as 확인필요', async () => {
    const io = fakeIO(JSON.stringify({ address: '경기도 시흥시 정왕동 1', deposit: 50_000_000, seniorSecurityDate: '2024-01-01' }));
    expect(await run(['calc', 'priority-repayment'], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({ regionGroup: '확인필요', eligible: null, tableEffectiveFrom: '2023-02-21' });
  });

  it('takes building types in the Korean words users write (연립·다세대, 다가구주택)', async () => {
    const input = (buildingType: string) => JSON.stringify({ buildingType, address: '서울특별시 관악구 신림동 1', deposit: 100_000_000, officialPrice: 100_000_000, contractDate: '2026-01-01' });
    for (const word of ['연립·다세대', '연립 · 다세대', '다가구주택', '다세대', 'rowhouse_multiplex']) {
      const io = fakeIO(input(word));
      expect(await run(['calc', 'hug'], io), `${word}: ${io.stderr()}`).toBe(0);
      expect(JSON.parse(io.stdout()).maxDeposit).toBe(126_000_000);
    }
    const bad = fakeIO(input('성'));
    expect(await run(['calc', 'hug'], bad)).toBe(2);
    expect(bad.stderr()).toMatch(/^ansim calc: buildingType: must be one of .*연립·다세대, 다가구\(주택\)/);
  });

  it('exits 2 with one line naming the field on bad input', async () => {
    const io = fakeIO(JSON.stringify({ convertedDeposit: -5, date: '2026-01-01' }));
    expect(await run(['calc', 'conversion'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^ansim calc: convertedDeposit: must not be negative\n$/);
    expect(io.stdout()).toBe('');
  });

  it('exits 2 for an unknown calculator, missing stdin or no name', async () => {
    const a = fakeIO('{}');
    expect(await run(['calc', 'mortgage'], a)).toBe(2);
    expect(a.stderr()).toMatch(/unknown calculator "mortgage"/);
    const b = fakeIO('');
    expect(await run(['calc', 'ltv'], b)).toBe(2);
    expect(b.stderr()).toMatch(/stdin/);
    const c = fakeIO('');
    expect(await run(['calc'], c)).toBe(2);
    expect(c.stderr()).toMatch(/brokerage \| conversion/);
  });
});
