// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiCallError, onSessionError } from './client.js';

beforeEach(() => {
  sessionStorage.clear();
  delete window.ansim;
  history.replaceState(null, '', '/');
});
afterEach(() => vi.unstubAllGlobals());

const okFetch = (result: unknown) => vi.fn(async (_url: string, _init: RequestInit) => ({ json: async () => ({ ok: true, result }) }));

describe('api() in a browser (loopback host)', () => {
  it('takes the token from the URL fragment once, removes it from the address, and sends it as a Bearer token', async () => {
    history.replaceState(null, '', '/#token=abc123');
    const fetchMock = okFetch({ ok: true });
    vi.stubGlobal('fetch', fetchMock);
    await api('session.touch');
    expect(location.hash).toBe('');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/session.touch');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer abc123');
    // The next call still has it (kept for the tab, not in the address bar).
    await api('session.touch');
    expect((fetchMock.mock.calls[1][1].headers as Record<string, string>).Authorization).toBe('Bearer abc123');
  });

  it('without a token it fails with a message saying which address to open, without calling the server', async () => {
    const fetchMock = okFetch(null);
    vi.stubGlobal('fetch', fetchMock);
    const e = await api('session.status').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiCallError);
    expect((e as ApiCallError).body.message.ko).toContain('#token=');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a server that cannot be reached gives a plain message rather than a raw TypeError', async () => {
    sessionStorage.setItem('ansim.token', 't');
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const e = (await api('clients.list', {}).catch((x: unknown) => x)) as ApiCallError;
    expect(e.body).toMatchObject({ code: 'INTERNAL', message: { ko: '백엔드에 연결할 수 없습니다.' } });
  });

  it('throws the API error with its fields, and tells the shell when the session is locked', async () => {
    sessionStorage.setItem('ansim.token', 't');
    const locked = { code: 'LOCKED', message: { ko: '화면이 잠겼습니다.', en: 'Locked.' } };
    vi.stubGlobal('fetch', vi.fn(async () => ({ json: async () => ({ ok: false, error: locked }) })));
    const heard: unknown[] = [];
    const off = onSessionError((e) => heard.push(e));
    await expect(api('clients.list', {})).rejects.toBeInstanceOf(ApiCallError);
    expect(heard).toEqual([locked]);
    off();
    const validation = { code: 'VALIDATION', message: { ko: '확인', en: 'Check' }, fields: [{ path: 'phone', message: { ko: '형식', en: 'format' } }] };
    vi.stubGlobal('fetch', vi.fn(async () => ({ json: async () => ({ ok: false, error: validation }) })));
    const e = (await api('clients.create', { consent: { given: false } }).catch((x: unknown) => x)) as ApiCallError;
    expect(e.body.fields).toEqual(validation.fields);
    expect(heard).toHaveLength(1); // a validation error is the form's business, not the shell's
  });
});

describe('api() in Electron', () => {
  it('goes through the preload bridge, not HTTP', async () => {
    const call = vi.fn(async () => ({ ok: true as const, result: [] }));
    window.ansim = { call };
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    expect(await api('managers.list', {})).toEqual([]);
    expect(call).toHaveBeenCalledWith('managers.list', {});
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
