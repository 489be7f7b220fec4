// main.ts wired against a stand-in `electron` module (the binary cannot run here): the window's
// webPreferences, the privileged app:// scheme, the deny-by-default handlers, and an IPC call
// travelling main → relay → backend service → real SQLite in a temporary user-data folder.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FromBackend, ToBackend } from './relay-protocol.js';

type Handler = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    userData: '',
    appEvents: new Map<string, (...a: unknown[]) => void>(),
    readyResolve: null as null | (() => void),
    privileged: [] as unknown[],
    registeredBeforeReady: false,
    ready: false,
    protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
    ipc: new Map<string, (...a: unknown[]) => unknown>(),
    windows: [] as { options: Record<string, unknown>; url?: string }[],
    permissionRequest: null as null | ((...a: unknown[]) => void),
    permissionCheck: null as null | ((...a: unknown[]) => unknown),
    devicePermission: null as null | ((...a: unknown[]) => unknown),
    forks: [] as string[],
    errors: [] as string[],
    external: [] as string[],
  };
  return state;
});

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const { sep } = await import('node:path');
  // main.ts checks that the built renderer exists; in the source tree it does not.
  const existsSync = (p: string) => (String(p).endsWith(`renderer${sep}index.html`) ? true : fs.existsSync(p));
  return { ...fs, default: { ...fs, existsSync }, existsSync };
});

vi.mock('electron', async () => {
  // Factories are hoisted above the imports, so they load what they need themselves.
  const { EventEmitter } = await import('node:events');
  const path = await import('node:path');
  const os = await import('node:os');
  const { openBackend } = await import('../backend/backend.js');
  const { runBackendService } = await import('./backend-service.js');
  class FakeChild extends EventEmitter {
    private toService: ((m: ToBackend) => void) | null = null;
    constructor() {
      super();
      runBackendService(
        { postMessage: (m: FromBackend) => setImmediate(() => this.emit('message', structuredClone(m))), onMessage: (l) => (this.toService = l) },
        (o) => openBackend({ ...o, seedDemo: true }),
        () => setImmediate(() => this.emit('exit', 0)),
      );
    }
    postMessage(m: ToBackend) {
      const copy = structuredClone(m);
      setImmediate(() => this.toService?.(copy));
    }
    kill() {
      this.emit('exit', 143);
      return true;
    }
  }
  class BrowserWindow {
    static getAllWindows = () => h.windows;
    record: { options: Record<string, unknown>; url?: string };
    webContents = {};
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      h.windows.push(this.record);
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  const app = {
    isPackaged: false,
    setPath: (name: string, p: string) => {
      if (name === 'userData') h.userData = p;
    },
    getPath: (name: string) => (name === 'userData' ? h.userData : path.join(os.tmpdir(), 'ansim-appdata-unused')),
    requestSingleInstanceLock: () => true,
    setName: () => undefined,
    enableSandbox: () => undefined,
    quit: () => undefined,
    on: (event: string, listener: (...a: unknown[]) => void) => h.appEvents.set(event, listener),
    whenReady: () => new Promise<void>((r) => (h.readyResolve = r)),
  };
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`),
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice('sealed:'.length), 'hex').toString(),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (t: string, b: string) => h.errors.push(`${t}\n${b}`) },
    ipcMain: { handle: (ch: string, fn: Handler) => h.ipc.set(ch, fn) },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => {
        h.privileged.push(...s);
        h.registeredBeforeReady = !h.ready;
      },
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => h.protocolHandlers.set(scheme, fn),
    },
    safeStorage,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => (h.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Handler) => (h.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Handler) => (h.devicePermission = fn),
      },
    },
    shell: { openExternal: async (url: string) => void h.external.push(url) },
    utilityProcess: {
      fork: (modulePath: string) => {
        h.forks.push(modulePath);
        return new FakeChild();
      },
    },
  };
});

let dataDir: string;
const argv = process.argv;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ansim-main-'));
  process.argv = [...argv, '--data-dir', dataDir];
  await import('./main.js');
  h.ready = true;
  h.readyResolve!();
  await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  process.argv = argv;
  const quit = h.appEvents.get('before-quit');
  let prevented = false;
  quit?.({ preventDefault: () => (prevented = true) });
  expect(prevented).toBe(true); // holds the quit until the backend has closed its database
  await new Promise((r) => setTimeout(r, 200));
  await rm(dataDir, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('uses the --data-dir folder as user data', () => {
    expect(h.userData).toBe(dataDir);
  });

  it('registers app:// as a privileged standard scheme before ready and serves it', async () => {
    expect(h.registeredBeforeReady).toBe(true);
    expect(h.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(h.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one hardened window on app://desk with the allow-list for the preload', () => {
    expect(h.windows).toHaveLength(1);
    const win = h.windows[0];
    expect(win.url).toBe('app://desk/index.html');
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect((prefs.additionalArguments as string[]).some((a) => a.startsWith('--ansim-api-methods=') && a.includes('clients.list'))).toBe(true);
  });

  it('denies every permission by default', () => {
    const answers: boolean[] = [];
    h.permissionRequest!({}, 'media', (ok: boolean) => answers.push(ok));
    h.permissionRequest!({}, 'geolocation', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(h.permissionCheck!({}, 'notifications')).toBe(false);
    expect(h.devicePermission!({})).toBe(false);
  });

  it('blocks navigation and new windows on every web contents, sending external links to the OS browser', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(fn: Handler): void; openHandler?: Handler };
    contents.setWindowOpenHandler = (fn) => (contents.openHandler = fn);
    h.appEvents.get('web-contents-created')!({}, contents);

    let prevented = 0;
    const ev = (url: string, extra = {}) => ({ url, preventDefault: () => prevented++, ...extra });
    contents.emit('will-navigate', ev('https://www.seoul.go.kr/'));
    contents.emit('will-navigate', ev('file:///etc/passwd'));
    contents.emit('will-redirect', ev('http://127.0.0.1:8080/'));
    contents.emit('will-attach-webview', ev('about:blank'));
    expect(prevented).toBe(4);
    expect(contents.openHandler!({ url: 'https://evil.example/x' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' });
    expect(h.external).toEqual(['https://www.seoul.go.kr/', 'https://evil.example/x']);
  });

  it('relays API calls from our page to the backend utility process, and refuses others', async () => {
    expect(h.forks).toHaveLength(1);
    expect(h.forks[0]).toMatch(/backend-process\.js$/);
    const api = h.ipc.get('api')!;
    const ours = (await api({ senderFrame: { url: 'app://desk/index.html' } }, 'managers.list', {})) as { ok: boolean; result: unknown[] };
    expect(ours.ok).toBe(true);
    expect(ours.result.length).toBeGreaterThan(0);
    expect(await api({ senderFrame: { url: 'https://evil.example/' } }, 'managers.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api({ senderFrame: null }, 'managers.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api({ senderFrame: { url: 'app://desk/index.html' } }, 'system.exec', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('keeps the data key only in safeStorage-sealed form and marks the folder as safeStorage', async () => {
    const manifest = JSON.parse(await readFile(path.join(dataDir, 'ansim-data.json'), 'utf8'));
    expect(manifest.protector).toBe('safeStorage');
    expect((await readFile(path.join(dataDir, 'keys', 'data.key.safe'), 'utf8')).startsWith('sealed:')).toBe(true);
    expect(h.errors).toEqual([]);
  });
});
