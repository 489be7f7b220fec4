// One way for a screen to load data: loading and error states, a reload, and no stale answer
// overwriting a newer one (a search typed quickly, a screen left before its data came).
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Bilingual } from '../../../electron/api/errors.js';
import type { ApiInput, ApiResults, Method } from '../../../electron/api/methods.js';
import { api, ApiCallError } from './client.js';

export interface Loaded<T> {
  /** The last data loaded; kept while reloading so lists do not flicker. */
  data: T | undefined;
  /** True while a load is in flight. */
  loading: boolean;
  /** The last load's failure, in both languages; cleared by the next success. */
  error: Bilingual | null;
  /** Loads again (after a change the screen made, or from a "retry" button). */
  reload(): void;
  /** Replaces the data locally (after a save returned the new value). */
  setData(data: T): void;
}

/** The message to show for a failed load. */
export function loadError(e: unknown): Bilingual {
  if (e instanceof ApiCallError) return e.body.message;
  return { ko: `불러오지 못했습니다: ${String(e)}`, en: `Could not load: ${String(e)}` };
}

/**
 * Runs `load` when the screen mounts and whenever `deps` change. Only the newest load's result
 * is kept; a screen that has gone away gets nothing.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Bilingual | null>(null);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    loadRef.current().then(
      (d) => {
        if (mine !== generation.current) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(loadError(e));
        setLoading(false);
      },
    );
    return () => {
      // A newer load (or leaving the screen) makes this one's answer stale.
      if (generation.current === mine) generation.current++;
    };
  }, [...deps, tick]); // the caller's deps decide when to load

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload, setData };
}

/** `useLoad` for one API method; `input` null waits (e.g. until an id is known). */
export function useApi<M extends Method>(method: M, input: ApiInput<M> | null): Loaded<ApiResults[M]> {
  const key = input === null ? null : JSON.stringify(input);
  return useLoad<ApiResults[M]>(
    () => (input === null ? new Promise<never>(() => undefined) : api(method, input)),
    [method, key],
  );
}
