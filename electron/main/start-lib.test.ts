// `npm start`'s decisions (build/start-lib.mjs) and its browser fallback, run for real.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadPlan, findElectronBinary, hasDisplay, missingDist, parseStartArgs, probeReachable } from '../../build/start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm start arguments', () => {
  it('passes --data-dir and --port through and knows --browser / --no-open', () => {
    expect(parseStartArgs(['--data-dir', '/d', '--port=0', '--browser', '--no-open'])).toEqual({ dataDir: '/d', port: 0, browser: true, open: false });
    expect(parseStartArgs(['--data-dir=/x'])).toEqual({ dataDir: '/x', browser: false, open: true });
  });
  it('rejects what it does not understand instead of ignoring it', () => {
    expect(parseStartArgs(['--dta-dir', '/d'])).toHaveProperty('error');
    expect(parseStartArgs(['--port', '70000'])).toHaveProperty('error');
    expect(parseStartArgs(['--data-dir'])).toHaveProperty('error');
    expect(parseStartArgs(['--data-dir', '--browser'])).toHaveProperty('error');
  });
});

describe('finding the Electron binary without triggering a download', () => {
  const files = new Set<string>();
  const ctx = (over: Partial<Parameters<typeof findElectronBinary>[0]> = {}) => ({
    electronDir: '/p/node_modules/electron',
    env: {},
    platform: 'linux',
    exists: (f: string) => files.has(f),
    readText: (f: string) => (f === '/p/node_modules/electron/path.txt' && files.has(f) ? 'electron' : null),
    ...over,
  });

  it('returns null when the package was installed without its binary', () => {
    files.clear();
    expect(findElectronBinary(ctx())).toBeNull();
  });
  it('uses the path recorded by the installer, or the platform default', () => {
    files.clear();
    files.add('/p/node_modules/electron/dist/electron');
    expect(findElectronBinary(ctx())).toBe('/p/node_modules/electron/dist/electron');
    files.add('/p/node_modules/electron/path.txt');
    expect(findElectronBinary(ctx())).toBe('/p/node_modules/electron/dist/electron');
    files.clear();
    files.add('/p/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron');
    expect(findElectronBinary(ctx({ platform: 'darwin' }))).toBe('/p/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron');
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    files.clear();
    files.add('/opt/electron/electron');
    expect(findElectronBinary(ctx({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } }))).toBe('/opt/electron/electron');
  });
});

describe('when to build, when a window is possible, when to download', () => {
  it('lists the dist files that are missing', () => {
    expect(missingDist('/r', () => true)).toEqual([]);
    expect(missingDist('/r', (f) => !f.endsWith('preload.cjs'))).toEqual(['dist/electron/preload.cjs']);
  });
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });
  it('skips the download when told to, and probes the mirror or proxy @electron/get would use', () => {
    expect(downloadPlan({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toEqual({ try: false, reason: 'skipDownload' });
    expect(downloadPlan({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toMatchObject({ try: true, url: 'https://github.com/' });
    expect(downloadPlan({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toMatchObject({ url: 'https://npmmirror.com/' });
    expect(downloadPlan({ HTTPS_PROXY: 'http://proxy.local:3128' })).toMatchObject({ url: 'https://github.com/' });
    expect(downloadPlan({ HTTPS_PROXY: 'http://proxy.local:3128', ELECTRON_GET_USE_PROXY: 'true' })).toMatchObject({ url: 'http://proxy.local:3128/' });
  });
});

describe('probing the download server', () => {
  const servers: { close(): void }[] = [];
  afterAll(() => servers.forEach((s) => s.close()));
  const listen = (s: Server | ReturnType<typeof createTcpServer>) =>
    new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as { port: number }).port)));

  it('is true when an HTTP server answers, whatever the status', async () => {
    const s = createServer((_q, res) => res.writeHead(404).end());
    servers.push(s);
    expect(await probeReachable(`http://127.0.0.1:${await listen(s)}/`, 2000)).toBe(true);
  });

  it('is false within the time limit when connections are accepted but never answered', async () => {
    const s = createTcpServer(() => undefined); // accepts, says nothing
    servers.push(s);
    const port = await listen(s);
    const t0 = Date.now();
    expect(await probeReachable(`http://127.0.0.1:${port}/`, 300)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('is false for a closed port or a name that does not resolve', async () => {
    const s = createTcpServer();
    const port = await listen(s);
    await new Promise((r) => s.close(r));
    expect(await probeReachable(`http://127.0.0.1:${port}/`, 2000)).toBe(false);
    expect(await probeReachable('https://no-such-host.invalid/', 2000)).toBe(false);
  });
});

describe('npm start without the desktop shell', () => {
  // Needs the built host (npm install runs the build); `--browser` forces the fallback even
  // on a machine that has Electron, `--no-open` keeps a browser tab from popping up.
  it.skipIf(!existsSync(path.join(root, 'dist/host/serve.js')))(
    'says why in Korean and English and prints the host URL with its token on stdout',
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ansim-start-'));
      const child = spawn(process.execPath, [path.join(root, 'build/start.mjs'), '--browser', '--no-open', '--data-dir', dataDir, '--port', '0'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no URL within 15 s; stderr: ${stderr}`)), 15000);
          child.stdout.on('data', (d) => {
            stdout += d;
            const line = stdout.split('\n').find((l) => l.startsWith('http://'));
            if (line) {
              clearTimeout(timer);
              resolve(line);
            }
          });
          child.on('exit', (code) => reject(new Error(`start exited ${code}: ${stderr}`)));
        });
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
        expect(stderr).toContain('브라우저');
        expect(stderr).toContain('browser');
        const page = await fetch(url.split('#')[0]);
        expect(page.status).toBe(200);
      } finally {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        }
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    20000,
  );
});
