import { describe, expect, it } from 'vitest';
import { run } from './ansim.js';
import type { CliIO } from './io.js';

function fakeIO(stdin = ''): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { readStdin: async () => stdin, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

describe('ansim lease timeline', () => {
  it('prints the steps in the issue’s input shape, each with one date or a window', async () => {
    const io = fakeIO(JSON.stringify({
      leaseKind: 'new', contractDate: '2026-11-26', balanceDate: '2027-01-08', moveInDate: '2027-01-08',
      endDate: '2029-01-07', deposit: 150_000_000, monthlyRent: 0, address: '서울특별시 관악구 신림동 100-1',
    }));
    expect(await run(['lease', 'timeline'], io)).toBe(0);
    const { steps } = JSON.parse(io.stdout());
    const by = Object.fromEntries(steps.map((s: { key: string }) => [s.key, s]));
    // Day 30 is Saturday 2026-12-26 → Monday 2026-12-28 (민법 §161).
    expect(by.leaseReport).toMatchObject({ date: '2026-12-28', shiftedFrom: '2026-12-26', status: 'scheduled' });
    expect(by.renewalWindow).toMatchObject({ window: { from: '2028-07-08', to: '2028-11-07' } });
    expect(by.renewalWindow.date).toBeUndefined();
    expect(by.balance.window).toBeUndefined();
    expect(by.moveIn.detail.ko).toContain('2027-01-09 0시');
    for (const s of steps) expect('date' in s !== 'window' in s).toBe(true);
  });
  it('exits 2 naming the bad field', async () => {
    const io = fakeIO(JSON.stringify({ leaseKind: 'sublet', contractDate: '2026-11-26' }));
    expect(await run(['lease', 'timeline'], io)).toBe(2);
    expect(io.stderr()).toMatch(/leaseKind/);
    const io2 = fakeIO(JSON.stringify({ contractDate: '2026-11-26', moveInDate: '2026-11-01' }));
    expect(await run(['lease', 'timeline'], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/moveInDate: is before the contract date/);
  });
});
