// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useApp } from './app.js';

beforeEach(() => {
  vi.useFakeTimers();
  useApp.setState({ session: null, route: { name: 'dashboard' }, notices: [] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the app store', () => {
  it('goes to a screen', () => {
    useApp.getState().go({ name: 'case', id: 'k1' });
    expect(useApp.getState().route).toEqual({ name: 'case', id: 'k1' });
  });

  it('keeps notices until they are dismissed (how long one is shown is a11y/NoticeItem\'s business)', () => {
    const { notify } = useApp.getState();
    notify({ text: '저장했습니다.' });
    notify({ text: '삭제했습니다.', undo: async () => undefined });
    vi.advanceTimersByTime(60_000);
    expect(useApp.getState().notices.map((n) => n.text)).toEqual(['저장했습니다.', '삭제했습니다.']);
  });

  it('dismisses one notice by id and leaves the others', () => {
    const { notify } = useApp.getState();
    notify({ text: 'a' });
    notify({ text: 'b' });
    const [a] = useApp.getState().notices;
    useApp.getState().dismiss(a.id);
    expect(useApp.getState().notices.map((n) => n.text)).toEqual(['b']);
  });

  it('refreshSession asks the backend who is working', async () => {
    sessionStorage.setItem('ansim.token', 't');
    const session = { manager: { id: 'm1', name: '정상담' }, locked: false };
    vi.stubGlobal('fetch', vi.fn(async (url: string) => ({ json: async () => (url === '/api/session.status' ? { ok: true, result: session } : { ok: false }) })));
    await useApp.getState().refreshSession();
    expect(useApp.getState().session).toEqual(session);
  });
});
