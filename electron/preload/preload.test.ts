import { describe, expect, it, vi } from 'vitest';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { METHODS } from '../api/methods.js';
import { encodeMethodsArg, readMethodsArg } from './allow-list.js';
import { makeBridge } from './bridge.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('allow-list handed from main to the preload', () => {
  it('carries exactly the API methods through process.argv', () => {
    const argv = ['/opt/electron', '--type=renderer', encodeMethodsArg(METHODS), '--other=1'];
    expect([...readMethodsArg(argv)].sort()).toEqual([...METHODS].sort());
  });

  it('fails closed when the argument is missing', () => {
    expect(readMethodsArg(['/opt/electron', '--type=renderer']).size).toBe(0);
  });

  it('drops anything that is not shaped like a method name', () => {
    const allowed = readMethodsArg(['--ansim-api-methods=clients.list,__proto__,constructor,geo.site.import,,x y.z,.a,a.']);
    expect([...allowed]).toEqual(['clients.list', 'geo.site.import']);
  });

  it('refuses to encode a name that would corrupt the list', () => {
    expect(() => encodeMethodsArg(['clients.list', 'evil,cases.delete'])).toThrow();
  });
});

describe('window.ansim bridge', () => {
  it('forwards an allowed method to main on the api channel', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, result: [] }));
    const bridge = makeBridge(new Set(['clients.list']), invoke);
    await expect(bridge.call('clients.list', { q: '관악' })).resolves.toEqual({ ok: true, result: [] });
    expect(invoke).toHaveBeenCalledWith('api', 'clients.list', { q: '관악' });
  });

  it('refuses a method outside the allow-list without reaching main, in Korean and English', async () => {
    const invoke = vi.fn();
    const bridge = makeBridge(new Set(['clients.list']), invoke);
    const r = await bridge.call('fs.readFile', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    if (!r.ok) expect(r.error.message.ko).toContain('허용되지 않은');
    await expect(bridge.call(42 as unknown as string)).resolves.toMatchObject({ ok: false });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('exposes only platform, call and pickFiles, frozen', () => {
    const bridge = makeBridge(new Set(), vi.fn());
    expect(Object.keys(bridge).sort()).toEqual(['call', 'pickFiles', 'platform']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('pickFiles asks main for the dialog with clean options only (main grants the paths)', async () => {
    const invoke = vi.fn().mockResolvedValue({ ok: true, result: [{ ref: 'grant:x' }] });
    const bridge = makeBridge(new Set(), invoke);
    await bridge.pickFiles({ accept: ['shp', '../x', 'csv'], multiple: true, extra: 1 } as never);
    expect(invoke).toHaveBeenCalledWith('pick-files', { accept: ['shp', 'csv'], multiple: true });
  });
});

describe('preload bundle', () => {
  // A sandboxed preload can require only `electron` (and a few built-ins): a stray import of
  // the API schemas would bundle `require("zod")` and the bridge would silently not exist.
  it('requires nothing but electron', async () => {
    const out = await build({
      entryPoints: [path.join(root, 'electron/preload/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
  });
});
