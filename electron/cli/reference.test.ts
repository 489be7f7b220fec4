import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './ansim.js';
import type { CliIO } from './io.js';
import { buildPack, shippedPack } from '../../data/reference/pack/pack.js';
import { openHarness } from '../backend/test/harness.js';

function fakeIO(stdin = ''): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { readStdin: async () => stdin, out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

const pin = process.env.ANSIM_PIN;
afterEach(() => {
  if (pin === undefined) delete process.env.ANSIM_PIN;
  else process.env.ANSIM_PIN = pin;
});

describe('ansim reference', () => {
  it('show prints the shipped pack with its verification date and tables', async () => {
    const io = fakeIO();
    expect(await run(['reference', 'show'], io)).toBe(0);
    const out = JSON.parse(io.stdout());
    expect(out).toMatchObject({ source: 'shipped', verifiedOn: '2026-12-06' });
    expect(out.tables.find((t: { name: string }) => t.name === 'baseRate')).toMatchObject({ seriesCheckedThrough: '2026-02-26' });
  });

  it('validate exits 2 naming the reason; load into a folder as its coordinator; calc with --data-dir then uses it, without it the shipped pack', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ansim-ref-cli-'));
    const bad = JSON.parse(JSON.stringify(shippedPack()));
    bad.tables.baseRate.versions.reverse();
    const badFile = path.join(dir, 'bad.json');
    await writeFile(badFile, JSON.stringify(bad));
    const v = fakeIO();
    expect(await run(['reference', 'validate', badFile], v)).toBe(2);
    expect(v.stderr()).toContain('does not match the manifest');

    // A folder with a coordinator (the first manager), then closed so the CLI can take its lock.
    const data = path.join(dir, 'desk');
    const h = await openHarness({ dir: data });
    await h.api('managers.create', { name: '정상담', center: '', brokerRegNo: '', districts: [], pin: '1234' });
    await h.backend.close();
    await h.backend.dataDir.lock.release();

    const p = JSON.parse(JSON.stringify(shippedPack()));
    p.tables.priorityRepayment.versions.at(-1).groups.find((g: { key: string }) => g.key === 'seoul').priorityMax = 60_000_000;
    const file = path.join(dir, 'pack.json');
    await writeFile(file, JSON.stringify(buildPack(p.tables, { packVersion: '2027.01', verifiedOn: '2026-12-06', createdAt: '2026-12-06T00:00:00Z' })));
    expect(await run(['reference', 'validate', file], fakeIO())).toBe(0);
    process.env.ANSIM_PIN = '9999';
    expect(await run(['reference', 'load', file, '--data-dir', data, '--manager', '정상담'], fakeIO())).toBe(2);
    process.env.ANSIM_PIN = '1234';
    const l = fakeIO();
    expect(await run(['reference', 'load', file, '--data-dir', data, '--manager', '정상담'], l), l.stderr()).toBe(0);
    expect(JSON.parse(l.stdout())).toMatchObject({ loaded: true, packVersion: '2027.01' });

    const input = JSON.stringify({ address: '관악구 봉천동 1', deposit: 100_000_000, asOf: '2026-11-27' });
    const c = fakeIO(input);
    expect(await run(['calc', 'priority-repayment', '--data-dir', data], c), c.stderr()).toBe(0);
    expect(JSON.parse(c.stdout())).toMatchObject({ amount: 60_000_000, referencePack: { packVersion: '2027.01', source: 'loaded' } });
    const shipped = fakeIO(input);
    expect(await run(['calc', 'priority-repayment'], shipped)).toBe(0);
    expect(JSON.parse(shipped.stdout())).toMatchObject({ amount: 55_000_000, referencePack: { source: 'shipped' } });
  });
});
