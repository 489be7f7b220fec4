// Pure security decisions for the desktop shell, kept out of main.ts so they can be tested
// without the Electron binary: which URLs are our app, which links may leave for the OS
// browser, and whether an IPC call may reach the backend.
import type { ApiResponse } from '../api/errors.js';
import { isMethod } from '../api/methods.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string | undefined | null): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs of our own renderer (app://desk/…). */
export function isAppUrl(url: string | undefined | null): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
}

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:127(\.\d{1,3}){3}\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/i;
const PRIVATE_V4 = /^(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+)$/;

/**
 * The URL to hand to the OS browser, or null. Only plain http(s) links to a public host name
 * qualify: no credentials in the URL, nothing on this machine or the local network (a link
 * must not become a way to poke the loopback host or a router), at most 2,000 characters.
 */
export function externalBrowserUrl(url: string | undefined | null): string | null {
  if (typeof url !== 'string' || url.length > 2000) return null;
  const u = parse(url);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return null;
  if (u.username || u.password) return null;
  const host = u.hostname.toLowerCase();
  if (!host || LOOPBACK.test(host) || PRIVATE_V4.test(host) || !host.includes('.')) return null;
  return u.href;
}

/**
 * Whether a sub-frame (an iframe of our page) may load `url`: our own pages, blob: URLs our
 * page created (e.g. a PDF preview), and the empty documents iframes start with.
 */
export function subframeAllowed(url: string | undefined | null): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  if (typeof url === 'string' && url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length));
  return isAppUrl(url);
}

export type NavigationDecision = { action: 'deny' } | { action: 'open-external'; url: string };

/**
 * What to do when the page tries to navigate away or open a window. The window never leaves
 * app://desk (the renderer routes inside the page), so every navigation is denied; clearly
 * external web links go to the OS browser instead.
 */
export function navigationDecision(url: string): NavigationDecision {
  const external = externalBrowserUrl(url);
  return external ? { action: 'open-external', url: external } : { action: 'deny' };
}

function refused(code: 'FORBIDDEN' | 'UNKNOWN_METHOD', ko: string, en: string): ApiResponse<never> {
  return { ok: false, error: { code, message: { ko, en } } };
}

/**
 * Main's gate in front of the backend: the calling frame must be our app:// page and the
 * method must be in the API. Returns the refusal to send back, or null to let the call through.
 */
export function refuseApiCall(senderUrl: string | undefined | null, method: unknown): ApiResponse<never> | null {
  if (!isAppUrl(senderUrl)) {
    return refused('FORBIDDEN', '앱 화면이 아닌 곳에서 온 요청은 처리하지 않습니다.', 'Requests from outside the app page are refused.');
  }
  if (typeof method !== 'string' || !isMethod(method)) {
    const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
    return refused('UNKNOWN_METHOD', `알 수 없는 기능입니다: ${name}`, `Unknown method: ${name}`);
  }
  return null;
}
