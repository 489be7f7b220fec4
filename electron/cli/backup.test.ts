// `ansim backup`: exit codes — 0 create/verify/restore on a free folder, 1 when the app holds it
// (naming 설정 → 백업) or the passphrase is wrong, 2 for bad input.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './ansim.js';
import type { CliIO } from './io.js';
import { openHarness } from '../backend/test/harness.js';

function fakeIO(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { readStdin: async () => '', out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

const saved = process.env.ANSIM_BACKUP_PASSPHRASE;
afterEach(() => {
  if (saved === undefined) delete process.env.ANSIM_BACKUP_PASSPHRASE;
  else process.env.ANSIM_BACKUP_PASSPHRASE = saved;
});

describe('ansim backup', () => {
  it('create → verify → restore on a free folder; 1 while an app holds it or with a wrong passphrase; 2 for bad input', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'ansim-bk-cli-'));
    const data = path.join(tmp, 'data');
    const out = path.join(tmp, 'desk.ansimbak');
    const h = await openHarness({ dir: data, seedDemo: true });
    process.env.ANSIM_BACKUP_PASSPHRASE = '충분히 긴 백업 암호';
    const busy = fakeIO();
    expect(await run(['backup', 'create', '--data-dir', data, '--out', out], busy)).toBe(1);
    expect(busy.stderr()).toContain('설정 → 백업');
    expect(busy.stderr()).toContain('Settings');
    await h.backend.close();

    expect(await run(['backup', 'create', '--data-dir', data], fakeIO())).toBe(2);
    const c = fakeIO();
    expect(await run(['backup', 'create', '--data-dir', data, '--out', out], c), c.stderr()).toBe(0);
    const made = JSON.parse(c.stdout());
    expect(made).toMatchObject({ verified: true });
    expect(made.counts.clients).toBeGreaterThan(0);
    expect(c.stderr()).toContain('backup: verify');

    const v = fakeIO();
    expect(await run(['backup', 'verify', out], v)).toBe(0);
    expect(JSON.parse(v.stdout()).counts).toEqual(made.counts);

    expect(await run(['backup', 'restore', out, '--to', data], fakeIO())).toBe(1); // not empty, no --replace
    const r = fakeIO();
    expect(await run(['backup', 'restore', out, '--to', path.join(tmp, 'restored')], r), r.stderr()).toBe(0);
    expect(JSON.parse(r.stdout()).restoredTo).toBe(path.join(tmp, 'restored'));

    process.env.ANSIM_BACKUP_PASSPHRASE = '틀린 암호 입니다 확실히';
    const w = fakeIO();
    expect(await run(['backup', 'verify', out], w)).toBe(1);
    expect(w.stderr()).toContain('백업 암호가 맞지 않습니다');
    delete process.env.ANSIM_BACKUP_PASSPHRASE;
    expect(await run(['backup', 'verify', out], fakeIO())).toBe(2);
    expect(await run(['backup', 'frobnicate'], fakeIO())).toBe(2);
  });
});
