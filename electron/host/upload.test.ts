// Streamed uploads through the loopback host (PUT /upload/<name>): token required, files land in
// <data>/imports/<group>/, the ref resolves to exactly that file, unsafe names are refused.
import { readFileSync, existsSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../backend/backend.js';
import { keyFileProtector } from '../../data/crypto/data-dir.js';
import { startHttpHost, type HttpHost } from './http-host.js';

let backend: Backend;
let host: HttpHost;
let dataDir: string;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ansim-upload-'));
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  dataDir = path.join(dir, 'data');
  backend = await openBackend({ dataDir, protector: keyFileProtector, seedDemo: false });
  host = await startHttpHost({ backend, rendererDir, uploads: backend.files });
});
afterAll(async () => {
  await host.close();
  await backend.close();
});

type Json = { ok: boolean; result: { ref: string; group: string; bytes: number } };
const put = (name: string, body: string | ReadableStream, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${host.port}/upload/${encodeURIComponent(name)}`, { method: 'PUT', body, headers, duplex: 'half' } as RequestInit);

describe('PUT /upload', () => {
  it('needs the token', async () => {
    const r = await put('a.csv', 'x,y\n1,2\n');
    expect(r.status).toBe(401);
  });
  it('streams a Shapefile set into one group and returns refs the backend resolves', async () => {
    const auth = { Authorization: `Bearer ${host.token}`, 'X-Upload-Group': 'set1' };
    // A body sent in chunks (a ReadableStream), as a browser streams a large file.
    const chunks = Array.from({ length: 64 }, (_, i) => new Uint8Array(16 * 1024).fill(i));
    const stream = new ReadableStream({ pull(c) { const n = chunks.shift(); if (n) c.enqueue(n); else c.close(); } });
    const shp = (await (await put('필지.shp', stream, auth)).json()) as Json;
    const dbf = (await (await put('필지.dbf', 'dbf bytes', auth)).json()) as Json;
    expect(shp).toEqual({ ok: true, result: { ref: 'upload:set1/필지.shp', group: 'set1', bytes: 64 * 16 * 1024 } });
    expect(dbf.result.ref).toBe('upload:set1/필지.dbf');
    const file = backend.files.resolve(shp.result.ref);
    expect(path.dirname(file)).toBe(path.join(dataDir, 'imports', 'set1'));
    expect(readFileSync(file).length).toBe(64 * 16 * 1024);
    expect(readFileSync(file)[16 * 1024 * 63]).toBe(63);
  });
  it('refuses names and groups that would leave the imports folder', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    for (const [name, group] of [['../escape.csv', 'g'], ['ok.csv', '../g'], ['.hidden', 'g'], ['a/b.csv', 'g']]) {
      const r = await put(name, 'x', { ...auth, 'X-Upload-Group': group });
      expect(r.status, `${name} ${group}`).toBe(400);
    }
    expect(existsSync(path.join(dataDir, 'escape.csv'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'imports', 'escape.csv'))).toBe(false);
  });
});
