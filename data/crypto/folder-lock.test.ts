import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, stat, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderBusy, lockDataDir } from './folder-lock.js';
import { keyFileProtector, openDataDir } from './data-dir.js';
import { openBackend } from '../../electron/backend/backend.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Another process that opens the folder as the app does and keeps it until killed. */
function holder(dir: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from ${JSON.stringify(path.join(here, 'folder-lock.ts'))};
    await lockDataDir(${JSON.stringify(dir)}); process.stdout.write('locked\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

const temp = () => mkdtemp(path.join(os.tmpdir(), 'ansim-lock-'));

describe('one writer per data folder', () => {
  it('a second opener gets a clear Korean/English message; after the holder is SIGKILLed the folder opens at once', async () => {
    const dir = await temp();
    const child = await holder(dir);
    const busy = await lockDataDir(dir).catch((e) => e);
    expect(busy).toBeInstanceOf(FolderBusy);
    expect(busy.ko).toContain('한 폴더는 한 번에 한 앱만');
    expect(busy.en).toContain('One folder is used by one app at a time');
    await expect(openBackend({ dataDir: dir, protector: keyFileProtector, seedDemo: false })).rejects.toBeInstanceOf(FolderBusy);

    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const t0 = Date.now();
    const b = await openBackend({ dataDir: dir, protector: keyFileProtector, seedDemo: false });
    expect(Date.now() - t0).toBeLessThan(5000);
    await b.close();
  }, 30_000);

  it('the same process cannot open one folder twice, and can once the first is closed', async () => {
    const dir = await temp();
    const a = await openDataDir(dir, keyFileProtector);
    await expect(openDataDir(dir, keyFileProtector)).rejects.toBeInstanceOf(FolderBusy);
    await a.lock.release();
    const b = await openDataDir(dir, keyFileProtector);
    expect(b.dataKey.equals(a.dataKey)).toBe(true);
    await b.lock.release();
  });

  it('waits for the holder when asked to (a command that must not go around the app)', async () => {
    const dir = await temp();
    const a = await lockDataDir(dir);
    setTimeout(() => void a.release(), 300);
    const b = await lockDataDir(dir, { waitMs: 5000 });
    await b.release();
  });

  it('makes the folder 0700 even when it already exists, and the database and its WAL 0600', async () => {
    const dir = await temp();
    await mkdir(dir, { recursive: true });
    await chmod(dir, 0o755);
    const b = await openBackend({ dataDir: dir, protector: keyFileProtector, seedDemo: true });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const f of ['ansim.sqlite', 'ansim.sqlite-wal', 'ansim.lock', 'keys/data.key']) {
      expect([f, (await stat(path.join(dir, f))).mode & 0o777]).toEqual([f, 0o600]);
    }
    for (const d of ['keys', 'keys/clients', 'files']) expect([d, (await stat(path.join(dir, d))).mode & 0o777]).toEqual([d, 0o700]);
    await b.close();
  });
});
