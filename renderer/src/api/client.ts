// The renderer's only way to the backend: one typed `api(method, input)`.
// In Electron it goes through the preload's allow-listed bridge; in a browser it posts to
// the loopback host with the per-run token taken from the page's URL fragment.
import type { ApiErrorBody, ApiResponse } from '../../../electron/api/errors.js';
import type { ApiInput, ApiResults, Method } from '../../../electron/api/methods.js';

declare global {
  interface Window {
    ansim?: {
      call(method: string, input: unknown): Promise<ApiResponse<unknown>>;
      /** Desktop app: the system file dialog (see api/files.ts). */
      pickFiles?(options: { accept?: string[]; multiple?: boolean }): Promise<ApiResponse<unknown>>;
    };
  }
}

export class ApiCallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message.en);
  }
}

const TOKEN_KEY = 'ansim.token';

/** Takes the token out of the URL fragment once, so it is not left in history or screenshots. */
export function token(): string | null {
  const m = /token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The loopback host's token (browser host only), for binary GETs such as vector tiles. */
export function authToken(): string | null {
  return token();
}

const listeners = new Set<(e: ApiErrorBody) => void>();
/** Session-level errors (LOCKED, NO_SESSION) are broadcast so the shell can react. */
export function onSessionError(fn: (e: ApiErrorBody) => void) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

async function transport(method: string, input: unknown): Promise<ApiResponse<unknown>> {
  if (window.ansim) return window.ansim.call(method, input);
  const t = token();
  if (!t) return { ok: false, error: { code: 'FORBIDDEN', message: { ko: '인증 토큰이 없습니다. 서버가 출력한 주소(#token=…)로 여세요.', en: 'No access token. Open the address the server printed (#token=…).' } } };
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: { ko: '백엔드에 연결할 수 없습니다.', en: 'Cannot reach the backend.' } } };
  }
  return (await res.json()) as ApiResponse<unknown>;
}

/**
 * Calls one API method. `requestId` (a UUID made once per save attempt) lets the backend drop
 * a repeat of the same save — a double-click or a retry — and answer with the first result.
 */
export async function api<M extends Method>(method: M, input?: ApiInput<M>, opts: { requestId?: string } = {}): Promise<ApiResults[M]> {
  const body = opts.requestId ? { ...(input ?? {}), requestId: opts.requestId } : (input ?? {});
  const r = await transport(method, body);
  if (!r.ok) {
    if (r.error.code === 'LOCKED' || r.error.code === 'NO_SESSION') listeners.forEach((fn) => fn(r.error));
    throw new ApiCallError(r.error);
  }
  return r.result as ApiResults[M];
}
