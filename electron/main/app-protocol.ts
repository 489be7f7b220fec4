// Serves the built renderer on app://desk/ from one directory. Pure (web Request → Response)
// so it is tested without Electron; main.ts registers it with `protocol.handle`.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES as TYPES } from '../host/csp.js';
import { APP_HOST, APP_SCHEME } from './policy.js';


export type Resolved = { file: string } | { status: 400 | 403 | 404 | 405 };

/**
 * Maps an app:// URL to a file inside `rendererDir`, or the status to answer with.
 * Paths without an extension fall back to index.html (client-side routes); a missing file
 * with an extension is a 404, so a broken asset shows up as one instead of as HTML.
 */
export async function resolveAppFile(rendererDir: string, url: string, method = 'GET'): Promise<Resolved> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400 };
  }
  // A backslash or NUL has no business in a renderer asset path (and a backslash is a
  // separator on Windows, which would sidestep the POSIX normalisation below).
  if (pathname.includes('\0') || pathname.includes('\\')) return { status: 400 };
  const rel = path.posix.normalize(`/${pathname}`).replace(/^\/+/, '');
  if (rel.split('/').includes('..')) return { status: 403 };

  const root = await realpath(rendererDir).catch(() => null);
  if (!root) return { status: 404 };
  const wanted = rel === '' ? 'index.html' : rel;
  let file = path.join(root, ...wanted.split('/'));
  let st = await stat(file).catch(() => null);
  if (!st?.isFile()) {
    if (path.extname(wanted)) return { status: 404 };
    file = path.join(root, 'index.html');
    st = await stat(file).catch(() => null);
    if (!st?.isFile()) return { status: 404 };
  }
  // Follow symlinks and make sure the real file is still inside the renderer directory.
  const real = await realpath(file).catch(() => null);
  if (!real) return { status: 404 };
  const relReal = path.relative(root, real);
  if (relReal.startsWith('..') || path.isAbsolute(relReal)) return { status: 403 };
  return { file: real };
}

/** Headers every app:// response carries. */
export function securityHeaders(contentType: string, csp = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The `protocol.handle('app', …)` handler body. `pageCsp` gives the policy for documents (HTML):
 * the backend's, which names the online basemap's host only while the desk has it switched on.
 * Every other response keeps the fixed policy.
 */
export async function handleAppRequest(rendererDir: string, request: Request, pageCsp?: () => Promise<string>): Promise<Response> {
  const resolved = await resolveAppFile(rendererDir, request.url, request.method);
  if ('status' in resolved) {
    return new Response(null, { status: resolved.status, headers: securityHeaders('text/plain; charset=utf-8') });
  }
  const type = TYPES[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream';
  const body = request.method === 'HEAD' ? null : await readFile(resolved.file);
  const csp = pageCsp && type.startsWith('text/html') ? await pageCsp().catch(() => CONTENT_SECURITY_POLICY) : CONTENT_SECURITY_POLICY;
  return new Response(body, { status: 200, headers: securityHeaders(type, csp) });
}
