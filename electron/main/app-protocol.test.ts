import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../host/csp.js';
import { handleAppRequest, resolveAppFile } from './app-protocol.js';

let base: string;
let dir: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'ansim-proto-'));
  dir = path.join(base, 'renderer');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>안심데스크</title>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'not for the renderer');
  // A sibling whose name starts with the renderer's: a naive startsWith check lets it through.
  await mkdir(path.join(base, 'renderer-evil'));
  await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil');
  await symlink(path.join(base, 'secret.txt'), path.join(dir, 'assets', 'link.txt')).catch(() => undefined);
});

afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppRequest(dir, new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves index.html at the root with the CSP and nosniff', async () => {
    const res = await get('app://desk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('안심데스크');
  });

  it('serves assets with their type, and the CSP on every response', async () => {
    const res = await get('app://desk/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const missing = await get('app://desk/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('falls back to index.html for client-side routes', async () => {
    const res = await get('app://desk/cases/123');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>');
  });

  it('never reads outside the renderer directory', async () => {
    for (const url of [
      'app://desk/../secret.txt',
      'app://desk/%2e%2e/secret.txt',
      'app://desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://desk/..%2f..%2frenderer-evil/x.js',
      'app://desk/%2e%2e%2frenderer-evil/x.js',
    ]) {
      const res = await get(url);
      const body = await res.text();
      expect(body, url).not.toContain('not for the renderer');
      expect(body, url).not.toContain('evil');
    }
    expect(await resolveAppFile(dir, 'app://desk/..%5c..%5csecret.txt')).toEqual({ status: 400 });
    expect(await resolveAppFile(dir, 'app://desk/index.html%00.js')).toEqual({ status: 400 });
    expect(await resolveAppFile(dir, 'app://desk/%E0%A4%A')).toEqual({ status: 400 });
  });

  it('refuses a symlink that points out of the renderer directory', async () => {
    expect(await resolveAppFile(dir, 'app://desk/assets/link.txt')).toEqual({ status: 403 });
  });

  it('answers only our host and only GET/HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
