import { request } from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../backend/backend.js';
import { keyFileProtector } from '../../data/crypto/data-dir.js';
import { startHttpHost, type HttpHost } from './http-host.js';

let backend: Backend;
let host: HttpHost;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ansim-host-'));
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  backend = await openBackend({ dataDir: path.join(dir, 'data'), protector: keyFileProtector, seedDemo: true });
  host = await startHttpHost({ backend, rendererDir });
});
afterAll(async () => {
  await host.close();
  await backend.close();
});

/** A raw request, so the Host header can be forged (fetch would not allow it). */
function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: opts.method ?? 'POST', path: opts.path, headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.method === 'GET' ? undefined : (opts.body ?? '{}'));
  });
}
const auth = () => ({ Authorization: `Bearer ${host.token}` });

describe('loopback host', () => {
  it('prints a URL on 127.0.0.1 with the token in the fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{40,}$`));
  });

  it('answers API calls that carry the token', async () => {
    const r = await send({ path: '/api/managers.list', headers: auth() });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).result[0].name).toBe('데모 매니저');
  });

  it('refuses a request without the token, and with a wrong one', async () => {
    expect((await send({ path: '/api/managers.list' })).status).toBe(401);
    expect((await send({ path: '/api/managers.list', headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await send({ path: '/api/managers.list', headers: { Authorization: `Bearer ${host.token}x` } })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const r = await send({ path: '/api/managers.list', headers: { ...auth(), Host: `evil.example:${host.port}` } });
    expect(r.status).toBe(421);
    const o = await send({ path: '/api/managers.list', headers: { ...auth(), Origin: 'http://evil.example' } });
    expect(o.status).toBe(403);
    const ok = await send({ path: '/api/managers.list', headers: { ...auth(), Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` } });
    expect(ok.status).toBe(200);
  });

  it('answers invalid input with 400 and a message naming the field, in Korean and English', async () => {
    const r = await send({ path: '/api/session.start', headers: auth(), body: JSON.stringify({ id: 'not-a-uuid', pin: '12' }) });
    expect(r.status).toBe(400);
    const body = JSON.parse(r.body);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['id', 'pin']);
    expect(body.error.message.ko).toContain('PIN');
    expect((await send({ path: '/api/session.start', headers: auth(), body: '{not json' })).status).toBe(400);
  });

  it('refuses methods outside the allow-list', async () => {
    expect((await send({ path: '/api/constructor', headers: auth() })).status).toBe(404);
    expect((await send({ path: '/api/__proto__', headers: auth() })).status).toBe(404);
  });

  it('serves the renderer with a strict Content-Security-Policy and no path traversal', async () => {
    const r = await send({ method: 'GET', path: '/' });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(r.headers['content-security-policy'])).not.toContain('unsafe-eval');
    const t = await send({ method: 'GET', path: '/../../data/ansim-data.json' });
    expect(t.body).not.toContain('deviceId');
  });
});

describe('loopback host: bad URLs and sizes (issue 10 item 6)', () => {
  it('malformed percent-encoding is a 400 with a clear message, not a 500 with a stack', async () => {
    for (const p of ['/api/%E0%A4%A', '/%E0%A4%A', '/api/session.status%']) {
      const r = await send({ path: p, headers: auth(), method: p.startsWith('/api/') ? 'POST' : 'GET' });
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body).error.message.ko).toContain('인코딩');
      expect(r.body).not.toMatch(/URIError|at .*\.ts/);
    }
  });

  it('the body limit matches the 40 MB photo limit: a 40 MB photo in base64 fits, more is a clear 413', async () => {
    const { MAX_PHOTO_BYTES, MAX_PHOTO_BASE64, MAX_REQUEST_BODY } = await import('../api/limits.js');
    expect(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 200).toBeLessThanOrEqual(MAX_PHOTO_BASE64);
    expect(MAX_PHOTO_BASE64).toBeLessThan(MAX_REQUEST_BODY);
    const big = await send({ path: '/api/session.status', headers: auth(), body: `{"x":"${'a'.repeat(MAX_REQUEST_BODY)}"}` });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.message.en).toContain('40 MB');
  });
});
