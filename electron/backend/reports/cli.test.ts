import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/ansim.js';
import type { CliIO } from '../../cli/io.js';

function captureIO(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    readStdin: async () => '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  };
  return io;
}

describe('ansim report sample', () => {
  it('exits 2 naming --out when it is missing', async () => {
    const io = captureIO();
    expect(await run(['report', 'sample'], io)).toBe(2);
    expect(io.stderr).toMatch(/--out/);
    expect(io.stdout).toBe('');
  });

  it('exits 2 naming --kind for an unknown kind', async () => {
    const io = captureIO();
    expect(await run(['report', 'sample', '--out', 'x.pdf', '--kind', 'lease'], io)).toBe(2);
    expect(io.stderr).toMatch(/--kind/);
  });

  it('writes the demo tenant report and prints the result as JSON', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ansim-cli-report-'));
    try {
      const out = path.join(dir, 'sample.pdf');
      const io = captureIO();
      expect(await run(['report', 'sample', '--out', out], io)).toBe(0);
      const result = JSON.parse(io.stdout) as { file: string; kind: string; bytes: number };
      expect(result).toMatchObject({ file: out, kind: 'tenant' });
      const bytes = await readFile(out);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBe(result.bytes);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
