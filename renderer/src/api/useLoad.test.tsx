// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useApi, useLoad } from './useLoad.js';
import { ApiCallError } from './client.js';
import { LoadStatus } from '../components/LoadStatus.js';
import '../i18n/index.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('is loading, then has the data', async () => {
    const d = deferred<string[]>();
    const { result } = renderHook(() => useLoad(() => d.promise, []));
    expect(result.current).toMatchObject({ data: undefined, loading: true, error: null });
    await act(async () => d.resolve(['김지은']));
    expect(result.current).toMatchObject({ data: ['김지은'], loading: false, error: null });
  });

  it('keeps the answer of the newest request when an older one arrives last (a search typed quickly)', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const { result, rerender } = renderHook(({ q }) => useLoad(() => (q === '김' ? slow.promise : fast.promise), [q]), { initialProps: { q: '김' } });
    rerender({ q: '김지' });
    await act(async () => fast.resolve('results for 김지'));
    await act(async () => slow.resolve('results for 김'));
    expect(result.current.data).toBe('results for 김지');
    expect(result.current.loading).toBe(false);
  });

  it('gives the API error in both languages, and a reload that succeeds clears it', async () => {
    let calls = 0;
    const load = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new ApiCallError({ code: 'LOCKED', message: { ko: '화면이 잠겼습니다.', en: 'Locked.' } });
      return 3;
    });
    const { result } = renderHook(() => useLoad(load, []));
    await waitFor(() => expect(result.current.error).toEqual({ ko: '화면이 잠겼습니다.', en: 'Locked.' }));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data).toBe(3));
    expect(result.current.error).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not set state after the screen is gone', async () => {
    const d = deferred<number>();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result, unmount } = renderHook(() => useLoad(() => d.promise, []));
    unmount();
    await act(async () => d.resolve(1));
    expect(result.current.data).toBeUndefined();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('useApi', () => {
  it('calls the method with its input and loads again only when the input changes', async () => {
    sessionStorage.setItem('ansim.token', 't0k');
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => ({
      json: async () => ({ ok: true, result: [{ echo: JSON.parse(String(init.body)) }] }),
    }));
    vi.stubGlobal('fetch', fetchMock);
    const { result, rerender } = renderHook(({ query }) => useApi('clients.list', { query }), { initialProps: { query: '김' } });
    await waitFor(() => expect(result.current.data).toEqual([{ echo: { query: '김' } }]));
    rerender({ query: '김' }); // same input, new object: no second request
    rerender({ query: '이' });
    await waitFor(() => expect(result.current.data).toEqual([{ echo: { query: '이' } }]));
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/clients.list', '/api/clients.list']);
  });

  it('waits while the input is null', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { result } = renderHook(() => useApi('clients.get', null));
    await new Promise((r) => setTimeout(r, 0));
    expect(result.current.loading).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('LoadStatus', () => {
  it('says it is loading, then shows a failure with a retry button that loads again', async () => {
    let fail = true;
    function Screen() {
      const state = useLoad(async () => {
        if (fail) throw new ApiCallError({ code: 'INTERNAL', message: { ko: '백엔드에 연결할 수 없습니다.', en: 'Cannot reach the backend.' } });
        return ['ok'];
      }, []);
      return state.data && !state.error ? <p>{state.data.join()}</p> : <LoadStatus state={state} />;
    }
    render(<Screen />);
    expect(screen.getByRole('status').textContent).toBe('불러오는 중…');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('백엔드에 연결할 수 없습니다.');
    fail = false;
    act(() => screen.getByRole('button', { name: '다시 시도' }).click());
    expect(await screen.findByText('ok')).toBeTruthy();
  });
});
