import { generateKeyPairSync, sign } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCalculator } from '../../../checklists/calculators/index.js';
import { buildPack, canonicalJson, checkPack, monthsBetween, shippedPack, type PackFile } from './pack.js';
import { registeredTables } from './registry.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** A changed copy of the shipped pack, re-hashed so only the change itself is wrong. */
function edited(change: (tables: PackFile['tables']) => void): PackFile {
  const p = clone(shippedPack());
  change(p.tables);
  return buildPack(p.tables, { packVersion: 'test', verifiedOn: '2026-12-06', createdAt: '2026-12-06T00:00:00Z' });
}
const codes = (raw: unknown, key?: string) => {
  const r = checkPack(raw, { publicKeyPem: key });
  return r.ok ? [] : r.refusals.map((x) => x.code);
};

describe('reference pack', () => {
  it('holds every table file in data/reference (a new table joins by its file and a registered validator)', () => {
    const dir = path.join(__dirname, '..');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const names = registeredTables().map((s) => s.shipped.name).sort();
    expect(names).toHaveLength(files.length);
    expect(Object.keys(shippedPack().tables).sort()).toEqual(names);
  });

  it('the shipped pack passes its own checks; re-exported and loaded it gives the same results', () => {
    const r = checkPack(JSON.parse(JSON.stringify(shippedPack())));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const input = { address: '관악구 봉천동 1', deposit: 150_000_000, seniorSecurityDate: '2024-01-10', asOf: '2026-11-27' };
    expect(runCalculator('priority-repayment', input, { tables: r.tables })).toEqual(runCalculator('priority-repayment', input));
    const conv = { convertedDeposit: 100_000_000, date: '2026-11-27' };
    expect(runCalculator('conversion', conv, { tables: r.tables })).toEqual(runCalculator('conversion', conv));
  });

  it('a loaded pack with a changed figure reaches the engines without a rebuild', () => {
    const p = edited((t) => {
      const v = (t.priorityRepayment.versions.at(-1) as unknown as { groups: { key: string; priorityMax: number }[] });
      v.groups.find((g) => g.key === 'seoul')!.priorityMax = 60_000_000;
    });
    const r = checkPack(p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(runCalculator('priority-repayment', { address: '서울특별시 관악구 신림동 1', deposit: 100_000_000, asOf: '2026-11-27' }, { tables: r.tables }).amount).toBe(60_000_000);
  });

  it('refuses, with a reason in Korean and English, each kind of bad pack', () => {
    expect(codes({ hello: 1 })).toEqual(['format']);
    // A figure changed after the manifest was made.
    const tampered = clone(shippedPack());
    (tampered.tables.baseRate.versions.at(-1) as unknown as { rateBp: number }).rateBp = 300;
    expect(codes(tampered)).toEqual(['hash']);
    expect(codes(edited((t) => { (t.baseRate.versions.at(-1) as unknown as { rateBp: string }).rateBp = 'x'; }))).toEqual(['schema']);
    expect(codes(edited((t) => { t.baseRate.versions.reverse(); }))).toContain('dates');
    expect(codes(edited((t) => { t.priorityRepayment.versions.shift(); }))).toEqual(['gap']);
    expect(codes(edited((t) => { (t.rentConversion.versions[0] as { effectiveTo?: string }).effectiveTo = '2005-01-01'; }))).toEqual(['gap']);
    expect(new Set(codes(edited((t) => { t.renewalIncreaseCap.source = []; })))).toEqual(new Set(['source']));
    expect(codes(edited((t) => { delete (t as Record<string, unknown>).leaseReport; }))).toEqual(['missing-table']);
    expect(codes(edited((t) => { (t as Record<string, unknown>).lotteryOdds = { ...t.baseRate, name: 'lotteryOdds' }; }))).toEqual(['unknown-table']);
    const unlisted = clone(shippedPack());
    unlisted.manifest.tables = unlisted.manifest.tables.filter((x) => x.name !== 'brokerage');
    expect(codes(unlisted)).toEqual(['manifest']);
    const r = checkPack(tampered);
    if (!r.ok) {
      expect(r.refusals[0].ko).toContain('SHA-256');
      expect(r.refusals[0].en).toContain('does not match the manifest');
    }
  });

  it('where the center configures a key, only a pack signed with it loads', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const p = shippedPack();
    expect(codes(p, pem)).toEqual(['signature']);
    const signed = { ...p, signature: sign(null, Buffer.from(canonicalJson(p.manifest)), privateKey).toString('base64') };
    const ok = checkPack(signed, { publicKeyPem: pem });
    expect(ok.ok && ok.signed).toBe(true);
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(codes({ ...p, signature: sign(null, Buffer.from(canonicalJson(p.manifest)), other).toString('base64') }, pem)).toEqual(['signature']);
  });

  it('counts months by the calendar for the 6-month warning', () => {
    expect(monthsBetween('2026-06-06', '2026-12-06')).toBe(6);
    expect(monthsBetween('2026-06-07', '2026-12-06')).toBe(5);
  });
});
