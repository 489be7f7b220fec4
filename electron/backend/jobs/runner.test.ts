import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner, type JobStatus } from './runner.js';

let runner: JobRunner | undefined;
afterEach(async () => runner?.close());

const until = async (r: JobRunner, id: string, ok: (s: JobStatus) => boolean) => {
  for (let i = 0; i < 400; i++) {
    const s = r.status(id);
    if (ok(s)) return s;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('timed out');
};

describe('jobs in worker threads', () => {
  it('reports phase and progress, then the result, with typed arrays moved back', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ansim-jobs-'));
    runner = new JobRunner(path.join(root, 'jobs'));
    let seen: unknown;
    const id = runner.start('test.sleep', { steps: 4, ms: 40 }, {
      finalize: async (result, workDir) => {
        seen = result;
        expect(readdirSync(workDir).sort()).toEqual(['part-0.txt', 'part-1.txt', 'part-2.txt', 'part-3.txt']);
        return { steps: (result as { steps: number }).steps };
      },
    });
    const mid = await until(runner, id, (s) => s.done >= 1);
    expect(mid).toMatchObject({ state: 'running', phase: 'sleep', total: 4 });
    const end = await until(runner, id, (s) => s.state !== 'running');
    expect(end).toMatchObject({ state: 'done', result: { steps: 4 }, done: 4 });
    // The worker's Float64Array arrived whole, as a buffer of its own (transferred).
    const buf = (seen as { buf: ArrayBuffer }).buf;
    expect(buf.byteLength).toBe(8000);
    expect(new Float64Array(buf)[999]).toBe(1.5);
    // The scratch folder is gone once the outputs were taken.
    expect(existsSync(path.join(root, 'jobs', id))).toBe(false);
  });

  it('cancel stops the worker and leaves nothing it wrote', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ansim-jobs-'));
    runner = new JobRunner(path.join(root, 'jobs'));
    let finalized = false;
    const id = runner.start('test.sleep', { steps: 50, ms: 40 }, { finalize: async () => { finalized = true; return null; } });
    await until(runner, id, (s) => s.done >= 2);
    expect(readdirSync(path.join(root, 'jobs', id)).length).toBeGreaterThan(0);
    await expect(runner.cancel(id)).resolves.toBe(true);
    expect(runner.status(id).state).toBe('cancelled');
    expect(existsSync(path.join(root, 'jobs', id))).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    // Nothing reappears after the worker was told to stop, and the job never completes.
    expect(existsSync(path.join(root, 'jobs', id))).toBe(false);
    expect(finalized).toBe(false);
    await expect(runner.cancel(id)).resolves.toBe(false);
  });

  it('a failing job reports the engine error and removes its scratch folder', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ansim-jobs-'));
    runner = new JobRunner(path.join(root, 'jobs'));
    const id = runner.start('geo.import.inspect', { path: path.join(root, 'missing.shp') }, { finalize: async () => null });
    const end = await until(runner, id, (s) => s.state !== 'running');
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'path' }] });
    expect(end.error!.message.ko).toMatch(/파일/);
    expect(existsSync(path.join(root, 'jobs', id))).toBe(false);
  });

  it('clears scratch folders left by a crash when it starts', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ansim-jobs-'));
    const first = new JobRunner(path.join(root, 'jobs'));
    const id = first.start('test.sleep', { steps: 50, ms: 40 }, { finalize: async () => null });
    await until(first, id, (s) => s.done >= 1);
    runner = new JobRunner(path.join(root, 'jobs'));
    expect(existsSync(path.join(root, 'jobs'))).toBe(false);
    await first.close();
  });
});
