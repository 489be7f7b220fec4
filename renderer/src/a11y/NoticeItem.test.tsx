// @vitest-environment happy-dom
// How long a notice stays (WCAG 2.2.1): a few seconds, but not while the pointer or focus is on
// it, and a notice that holds an undo stays until it is used or closed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { NOTICE_MS, NoticeItem } from './NoticeItem.js';
import '../i18n/index.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('NoticeItem', () => {
  it('goes by itself after a few seconds', () => {
    const onDismiss = vi.fn();
    render(<NoticeItem notice={{ id: 1, text: '저장했습니다.' }} onDismiss={onDismiss} />);
    act(() => vi.advanceTimersByTime(NOTICE_MS - 100));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(200));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('waits while it has keyboard focus or the pointer, and starts again after', () => {
    const onDismiss = vi.fn();
    render(<NoticeItem notice={{ id: 1, text: '저장했습니다.' }} onDismiss={onDismiss} />);
    const close = screen.getByRole('button', { name: '닫기' });
    act(() => close.focus());
    act(() => vi.advanceTimersByTime(NOTICE_MS * 3));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => close.blur());
    fireEvent.mouseEnter(screen.getByTestId('notice'));
    act(() => vi.advanceTimersByTime(NOTICE_MS * 3));
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.mouseLeave(screen.getByTestId('notice'));
    act(() => vi.advanceTimersByTime(NOTICE_MS + 10));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('with an undo, stays until used or closed', async () => {
    const onDismiss = vi.fn();
    const undo = vi.fn(async () => undefined);
    render(<NoticeItem notice={{ id: 1, text: '삭제했습니다.', undo }} onDismiss={onDismiss} />);
    act(() => vi.advanceTimersByTime(10 * 60_000));
    expect(onDismiss).not.toHaveBeenCalled();
    await act(async () => screen.getByRole('button', { name: '되돌리기' }).click());
    expect(undo).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
