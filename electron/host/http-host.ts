// The typed API over HTTP on 127.0.0.1, plus the built renderer, so the UI runs in a real
// browser (end-to-end tests, users without Electron). Contract:
//   POST /api/<method>  JSON body  →  {ok, result} | {ok:false, error}
//   Authorization: Bearer <per-run token> on every API request (401 otherwise);
//   Host / Origin must be 127.0.0.1:<port> or localhost:<port> (421 / 403: DNS rebinding);
//   invalid input → 400 with the validation message. Nothing listens beyond loopback.
//   GET /tiles/<layer>/<z>/<x>/<y> (same token): a vector tile as application/x-protobuf (204 when empty).
//   PUT /upload/<file name>  raw bytes, streamed to <data>/imports/<group>/ (X-Upload-Group: <id>
//   keeps a Shapefile's .shp/.dbf/.shx/.prj/.cpg together)  →  {ok, result: {ref, group}}.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomBytes as uploadId } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ApiError, type ApiErrorCode } from '../api/errors.js';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES as TYPES } from './csp.js';
import { MAX_REQUEST_BODY } from '../api/limits.js';

export interface ApiCaller {
  call(method: string, input: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: { code: ApiErrorCode } }>;
}

export interface HttpHostOptions {
  backend: ApiCaller;
  rendererDir: string;
  port?: number;
  /** The page's CSP, asked for each page load (the basemap host joins it only while switched on). */
  csp?: () => Promise<string>;
  /** Fixed token (tests); a random one per run otherwise. */
  token?: string;
  /** Receives streamed uploads (the backend's file references); without it PUT /upload is 404. */
  uploads?: { receive(group: string, name: string, body: Readable): Promise<{ ref: string; group: string }> };
}

export interface HttpHost {
  port: number;
  token: string;
  /** The page's URL with the token in the fragment (never sent to a server or its logs). */
  url: string;
  close(): Promise<void>;
}

const STATUS: Record<ApiErrorCode, number> = {
  VALIDATION: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NO_SESSION: 403,
  LOCKED: 403,
  BAD_PIN: 403,
  FORBIDDEN: 403,
  INTERNAL: 500,
};

// One limit with the API's photo size (photos arrive base64-encoded in JSON): electron/api/limits.ts.
const MAX_BODY = MAX_REQUEST_BODY;

/** decodeURIComponent that answers null for malformed percent-encoding (a 400, not a 500). */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const BAD_URL = { ok: false, error: { code: 'VALIDATION', message: { ko: '주소(URL)의 % 인코딩이 올바르지 않습니다.', en: 'The URL has malformed percent-encoding.' } } };

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(data);
}

function sendBytes(res: ServerResponse, bytes: Uint8Array) {
  res.writeHead(bytes.length ? 200 : 204, {
    'Content-Type': 'application/x-protobuf',
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(bytes.length ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(opts.rendererDir);
  let port = 0;

  const server = createServer(async (req, res) => {
    try {
      // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
      const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, 'Misdirected request: wrong Host');
      const origin = req.headers.origin;
      if (origin && !allowedHosts.map((h) => `http://${h}`).includes(origin)) return send(res, 403, 'Forbidden origin');

      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST', { Allow: 'POST' });
        if (!tokenMatches(req.headers.authorization, token)) {
          return send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: { ko: '인증 토큰이 없거나 틀립니다.', en: 'Missing or wrong token.' } } }, { 'WWW-Authenticate': 'Bearer' });
        }
        const method = decodePath(url.pathname.slice('/api/'.length));
        if (method === null) return send(res, 400, BAD_URL);
        const text = await readBody(req);
        let input: unknown = {};
        if (text.trim()) {
          try {
            input = JSON.parse(text);
          } catch {
            return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: { ko: '요청 본문이 JSON이 아닙니다.', en: 'The request body is not JSON.' } } });
          }
        }
        const response = await opts.backend.call(method, input);
        if (response.ok && response.result instanceof Uint8Array) return sendBytes(res, response.result);
        return send(res, response.ok ? 200 : STATUS[response.error.code] ?? 500, response);
      }
      // Vector tiles as plain GETs (MapLibre's protocol handler fetches them with the token):
      // GET /tiles/<layer>/<z>/<x>/<y> → application/x-protobuf.
      const tile = /^\/tiles\/([^/]+)\/(\d+)\/(\d+)\/(\d+)(?:\.pbf)?$/.exec(url.pathname);
      if (tile) {
        if (req.method !== 'GET') return send(res, 405, 'Use GET', { Allow: 'GET' });
        if (!tokenMatches(req.headers.authorization, token)) {
          return send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: { ko: '인증 토큰이 없거나 틀립니다.', en: 'Missing or wrong token.' } } }, { 'WWW-Authenticate': 'Bearer' });
        }
        const response = await opts.backend.call('map.tiles.get', { layer: decodeURIComponent(tile[1]), z: Number(tile[2]), x: Number(tile[3]), y: Number(tile[4]) });
        if (response.ok && response.result instanceof Uint8Array) return sendBytes(res, response.result);
        return send(res, response.ok ? 500 : STATUS[response.error.code] ?? 500, response);
      }

      if (url.pathname.startsWith('/upload/')) {
        if (req.method !== 'PUT') return send(res, 405, 'Use PUT', { Allow: 'PUT' });
        if (!tokenMatches(req.headers.authorization, token)) {
          return send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: { ko: '인증 토큰이 없거나 틀립니다.', en: 'Missing or wrong token.' } } }, { 'WWW-Authenticate': 'Bearer' });
        }
        if (!opts.uploads) return send(res, 404, 'Not found');
        let name: string;
        try {
          name = decodeURIComponent(url.pathname.slice('/upload/'.length));
        } catch {
          return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: { ko: '파일 이름이 올바르지 않습니다.', en: 'Invalid file name.' } } });
        }
        const group = String(req.headers['x-upload-group'] ?? uploadId(12).toString('base64url'));
        try {
          // Streamed to disk as it arrives: a Shapefile of hundreds of MB is never held in memory.
          const result = await opts.uploads.receive(group, name, req);
          return send(res, 200, { ok: true, result });
        } catch (e) {
          if (e instanceof ApiError) return send(res, 400, { ok: false, error: e.toBody() });
          throw e;
        }
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      // Static renderer files; anything unknown falls back to index.html (client routing).
      const decoded = decodePath(url.pathname);
      if (decoded === null) return send(res, 400, BAD_URL);
      const rel = path.normalize(decoded).replace(/^([/\\])+/, '');
      let file = path.join(rendererDir, rel || 'index.html');
      if (!file.startsWith(rendererDir)) return send(res, 403, 'Forbidden');
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) file = path.join(rendererDir, 'index.html');
      const data = await readFile(file).catch(() => null);
      if (!data) return send(res, 500, 'The renderer is not built: run npm run build');
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Security-Policy': opts.csp ? await opts.csp() : CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      if (!res.headersSent) {
        send(
          res,
          status,
          status === 413
            ? { ok: false, error: { code: 'VALIDATION', message: { ko: '요청이 너무 큽니다 (사진은 40MB 이하).', en: 'The request is too large (photos: 40 MB at most).' } } }
            : { ok: false, error: { code: 'INTERNAL', message: { ko: '처리 중 오류가 발생했습니다.', en: 'Something went wrong.' } } },
        );
      }
      // Never the exception's text (it may quote personal data): its kind and stack frames.
      if (status === 500) console.error('[host]', e instanceof Error ? `${e.name} ${(e.stack ?? '').split('\n').slice(1, 3).join(' ')}` : typeof e);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
