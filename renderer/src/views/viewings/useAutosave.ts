// Per-field autosave: each field saves on its own (after a short pause in typing, and at once
// on blur), and the screen shows one quiet status: 저장 중… / 저장됨 / the error. 저장됨 means
// nothing is waiting: a field still in its typing pause already counts as 저장 중….
import { useCallback, useRef, useState } from 'react';
import { ApiCallError } from '../../api/client.js';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: { ko: string; en: string } };

export function useAutosave() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Map<string, () => Promise<unknown>>());
  const inFlight = useRef(0);

  const run = useCallback(async (key: string) => {
    const job = pending.current.get(key);
    if (!job) return;
    pending.current.delete(key);
    inFlight.current++;
    setState({ kind: 'saving' });
    try {
      await job();
      inFlight.current--;
      if (pending.current.size === 0 && inFlight.current === 0) setState({ kind: 'saved' });
    } catch (e) {
      inFlight.current--;
      setState({ kind: 'error', message: e instanceof ApiCallError ? e.body.message : { ko: String(e), en: String(e) } });
    }
  }, []);

  /** Queues `job` for `key`, replacing an unsaved earlier value; saves after `delay` ms. */
  const save = useCallback(
    (key: string, job: () => Promise<unknown>, delay = 600) => {
      pending.current.set(key, job);
      setState({ kind: 'saving' });
      clearTimeout(timers.current.get(key));
      if (delay === 0) void run(key);
      else timers.current.set(key, setTimeout(() => void run(key), delay));
    },
    [run],
  );
  /** Saves now whatever is waiting for `key` (on blur). */
  const flush = useCallback((key: string) => {
    clearTimeout(timers.current.get(key));
    void run(key);
  }, [run]);
  return { state, save, flush };
}
