// The relay and the utility-process service wired together in-process (messages go through
// structuredClone, as over Electron's port) against a real backend on a temporary folder.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../backend/backend.js';
import { keyFileProtector, DataDirError } from '../../data/crypto/data-dir.js';
import { BACKEND_GONE, BACKEND_RESTARTED, BackendRelay, type BackendChild } from './backend-relay.js';
import { runBackendService, type OpenBackend } from './backend-service.js';
import { handleAppRequest } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../host/csp.js';
import type { FromBackend, ToBackend } from './relay-protocol.js';
import { safeStorageProtector, type SafeStorageLike } from './safe-storage-protector.js';

/** Stands in for the OS keychain: reversible only with this machine's secret. */
function fakeSafeStorage(secret = 'this-machine'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (s) => Buffer.from(`${secret}|${Buffer.from(s).toString('hex')}`),
    decryptString: (b) => {
      const [who, hex] = b.toString().split('|');
      if (who !== secret) throw new Error('cannot decrypt');
      return Buffer.from(hex, 'hex').toString();
    },
  };
}

/** A utility process run in-process; `crash()` makes it die like a real one would. */
class InProcessChild implements BackendChild {
  private messageListeners: ((m: FromBackend) => void)[] = [];
  private exitListeners: ((code: number) => void)[] = [];
  private toService: ((m: ToBackend) => void) | null = null;
  private alive = true;
  backends: Backend[] = [];

  constructor(open: OpenBackend) {
    const tracked: OpenBackend = async (o) => {
      const b = await open(o);
      this.backends.push(b);
      return b;
    };
    runBackendService(
      {
        postMessage: (m) => setImmediate(() => this.alive && this.messageListeners.forEach((l) => l(structuredClone(m)))),
        onMessage: (l) => (this.toService = l),
      },
      tracked,
      () => this.exit(0),
    );
  }
  postMessage(m: ToBackend) {
    const copy = structuredClone(m);
    setImmediate(() => this.alive && this.toService?.(copy));
  }
  on(event: 'message' | 'exit', listener: (arg: never) => void) {
    if (event === 'message') this.messageListeners.push(listener as (m: FromBackend) => void);
    else this.exitListeners.push(listener as (c: number) => void);
    return this;
  }
  kill() {
    this.exit(143);
    return true;
  }
  crash() {
    this.exit(1);
  }
  private exit(code: number) {
    if (!this.alive) return;
    this.alive = false;
    for (const b of this.backends) void b.close();
    setImmediate(() => this.exitListeners.forEach((l) => l(code)));
  }
}

const dirs: string[] = [];
const relays: BackendRelay[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.stop(500);
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir() {
  const d = await mkdtemp(path.join(os.tmpdir(), 'ansim-relay-'));
  dirs.push(d);
  return d;
}

function desktop(dir: string, opts: { safe?: SafeStorageLike; open?: OpenBackend; fatal?: unknown[] } = {}) {
  const protector = safeStorageProtector(opts.safe ?? fakeSafeStorage());
  const children: InProcessChild[] = [];
  const open: OpenBackend = opts.open ?? ((o: BackendOptions) => openBackend({ ...o, seedDemo: true, waitForLockMs: 2000 }));
  const relay = new BackendRelay({
    spawn: () => {
      const c = new InProcessChild(open);
      children.push(c);
      return c;
    },
    init: async () => {
      const key = await protector.load(dir);
      return { dataDir: dir, key: key ? key.toString('base64') : null };
    },
    storeKey: (k) => protector.store(dir, Buffer.from(k, 'base64')),
    onFatal: (m) => opts.fatal?.push(m),
  });
  relays.push(relay);
  return { relay, children };
}

describe('desktop backend relay', () => {
  it('creates a data folder whose key is sealed by safeStorage and which the loopback host refuses', async () => {
    const dir = await tempDir();
    const { relay } = desktop(dir);
    await relay.start();
    const r = await relay.call('managers.list', {});
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.result as unknown[]).length).toBeGreaterThan(0); // demo managers

    const manifest = JSON.parse(await readFile(path.join(dir, 'ansim-data.json'), 'utf8'));
    expect(manifest.protector).toBe('safeStorage');
    const sealed = await readFile(path.join(dir, 'keys', 'data.key.safe'), 'utf8');
    expect(sealed.startsWith('this-machine|')).toBe(true);
    await relay.stop();

    await expect(openBackend({ dataDir: dir, protector: keyFileProtector })).rejects.toBeInstanceOf(DataDirError);
  });

  it('reopens the same data with the key main unwraps, and sees what was saved', async () => {
    const dir = await tempDir();
    const first = desktop(dir).relay;
    await first.start();
    const created = await first.call('managers.create', { name: '김매니저', center: '관악구 센터', brokerRegNo: '11620-2020-00001', districts: ['관악구'], pin: '4321' });
    expect(created.ok).toBe(true);
    await first.stop();

    const second = desktop(dir).relay;
    await second.start();
    const list = await second.call('managers.list', {});
    expect(list.ok && (list.result as { name: string }[]).some((m) => m.name === '김매니저')).toBe(true);
  });

  it('refuses a desktop folder copied to another machine, with a bilingual reason on every call', async () => {
    const dir = await tempDir();
    const first = desktop(dir).relay;
    await first.start();
    await first.call('managers.list', {});
    await first.stop();

    const fatal: unknown[] = [];
    const elsewhere = desktop(dir, { safe: fakeSafeStorage('other-machine'), fatal }).relay;
    await expect(elsewhere.start()).rejects.toBeInstanceOf(DataDirError);
    const r = await elsewhere.call('managers.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!r.ok) expect(r.error.message.ko).toContain('키체인');
    expect(fatal).toHaveLength(1);
  });

  it('reports a folder made by the loopback host as fatal instead of restarting', async () => {
    const dir = await tempDir();
    await (await openBackend({ dataDir: dir, protector: keyFileProtector, seedDemo: false })).close();
    const fatal: unknown[] = [];
    const { relay, children } = desktop(dir, { fatal });
    await relay.start();
    const r = await relay.call('managers.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!r.ok) expect(r.error.message.en).toContain('browser host');
    expect(fatal).toHaveLength(1);
    expect(children).toHaveLength(1);
  });

  it('restarts a dead backend once, telling the caller, then gives up with a plain message', async () => {
    const dir = await tempDir();
    // A backend whose handler never answers, so a call is in flight when the process dies.
    let hang = false;
    const open: OpenBackend = async (o) => {
      // A real crash ends the process and the OS drops the folder lock; in-process, closing takes a moment.
      const b = await openBackend({ ...o, seedDemo: false, waitForLockMs: 2000 });
      return { ...b, call: (m: string, i: unknown) => (hang ? new Promise(() => undefined) : b.call(m, i)), close: () => b.close() } as Backend;
    };
    const { relay, children } = desktop(dir, { open });
    await relay.start();
    expect((await relay.call('session.status', {})).ok).toBe(true);

    hang = true;
    const inFlight = relay.call('session.status', {});
    await new Promise((r) => setTimeout(r, 20));
    children[0].crash();
    expect(await inFlight).toEqual({ ok: false, error: { code: 'INTERNAL', message: BACKEND_RESTARTED } });

    hang = false;
    const after = await relay.call('session.status', {});
    expect(after.ok).toBe(true);
    expect(children).toHaveLength(2);

    children[1].crash();
    await new Promise((r) => setTimeout(r, 20));
    expect(await relay.call('session.status', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: BACKEND_GONE } });
    expect(children).toHaveLength(2);
  });
});

describe('the desktop app and the data folder it shares with the page', () => {
  const signIn = async (relay: BackendRelay) => {
    const list = await relay.call('managers.list', {});
    const demo = (list.ok ? (list.result as { id: string; name: string }[]) : []).find((m) => m.name === '데모 매니저')!;
    expect((await relay.call('session.start', { id: demo.id, pin: '0000' })).ok).toBe(true);
  };

  it('serves documents with the basemap host in the CSP only while the desk has it switched on', async () => {
    const dir = await tempDir();
    const renderer = await tempDir();
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>안심데스크</title>');
    await writeFile(path.join(renderer, 'app.js'), '1');
    const { relay } = desktop(dir);
    await relay.start();
    const csp = async (url: string) => (await handleAppRequest(renderer, new Request(url), () => relay.pageCsp())).headers.get('content-security-policy');
    expect(await csp('app://desk/')).toBe(CONTENT_SECURITY_POLICY);
    await signIn(relay);
    const on = await relay.call('map.basemap.set', { enabled: true, url: 'https://tiles.example.test/{z}/{x}/{y}.png', attribution: '© 예시' });
    expect(on.ok).toBe(true);
    expect(await csp('app://desk/')).toMatch(/img-src 'self' data: blob: https:\/\/tiles\.example\.test;/);
    expect(await csp('app://desk/sites')).toMatch(/connect-src 'self' https:\/\/tiles\.example\.test;/);
    expect(await csp('app://desk/app.js')).toBe(CONTENT_SECURITY_POLICY); // only documents carry it
    await relay.call('map.basemap.set', { enabled: false, url: 'https://tiles.example.test/{z}/{x}/{y}.png', attribution: '© 예시' });
    expect(await csp('app://desk/')).toBe(CONTENT_SECURITY_POLICY);
    await relay.stop();
    expect(await relay.pageCsp()).toBe(CONTENT_SECURITY_POLICY); // a stopped backend never widens it
  });

  it('keeps files picked in the dialog granted across a restart: the same file gets the same ref', async () => {
    const dir = await tempDir();
    const picked = path.join(await tempDir(), '후보지.csv');
    await writeFile(picked, 'x,y\n127,37\n');
    const first = desktop(dir).relay;
    await first.start();
    const a = await first.grant([picked]);
    expect(a.ok).toBe(true);
    await first.stop();
    const second = desktop(dir).relay;
    await second.start();
    const b = await second.grant([picked]);
    expect(b).toEqual(a);
    await second.stop();
  });
});

describe('safeStorage key protector', () => {
  it('stores the key only in sealed form and reads it back', async () => {
    const dir = await tempDir();
    const p = safeStorageProtector(fakeSafeStorage());
    expect(await p.load(dir)).toBeNull();
    const key = Buffer.alloc(32, 7);
    await p.store(dir, key);
    const onDisk = await readFile(path.join(dir, 'keys', 'data.key.safe'), 'utf8');
    expect(onDisk).not.toContain(key.toString('base64'));
    expect((await p.load(dir))?.equals(key)).toBe(true);
  });

  it('refuses to store a key when the OS keychain is unavailable', async () => {
    const dir = await tempDir();
    const p = safeStorageProtector({ ...fakeSafeStorage(), isEncryptionAvailable: () => false });
    await expect(p.store(dir, Buffer.alloc(32))).rejects.toMatchObject({ ko: expect.stringContaining('키체인') });
  });
});
