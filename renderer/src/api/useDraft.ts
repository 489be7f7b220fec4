// Unsaved form input survives an auto-lock, a reload and Back: the form's state is kept as a
// draft through the API (encrypted, per manager, for a day, destroyed with its client), restored
// when the form opens again, and leaving a changed form asks first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client.js';
import { useApp } from '../store/app.js';

export interface DraftState {
  /** When a stored draft was put back into the form (ISO time), else null. */
  restoredAt: string | null;
  /** The form changed since it was opened or saved. */
  dirty: boolean;
  /** After a successful save: the draft is dropped and leaving no longer asks. */
  clear(): Promise<void>;
  /** Throws the restored input away (the form reloads its saved state itself). */
  discard(): Promise<void>;
}

export function useDraft<T extends object>(
  formKey: string | null,
  value: T,
  restore: (v: T) => void,
  opts: { clientId?: string | null; leaveQuestion: string; ready?: boolean },
): DraftState {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const loaded = useRef(false);
  const initial = useRef<string | null>(null);
  const dirtyRef = useRef(false);
  const setLeaveGuard = useApp((s) => s.setLeaveGuard);
  const ready = opts.ready ?? true;
  const valueRef = useRef(value);
  valueRef.current = value;

  // Restore once the form has its own data (ready).
  useEffect(() => {
    loaded.current = false;
    initial.current = null;
    if (!formKey || !ready) return;
    let cancelled = false;
    void api('drafts.get', { formKey })
      .then((d) => {
        if (cancelled) return;
        // The baseline is the form as it opened; a restored draft counts as a change.
        initial.current = JSON.stringify(valueRef.current);
        if (d) {
          restore(d.data as T);
          setRestoredAt(d.updatedAt);
          dirtyRef.current = true;
          setDirty(true);
        }
      })
      .catch(() => {
        initial.current = JSON.stringify(valueRef.current);
      })
      .finally(() => {
        loaded.current = true;
      });
    return () => {
      cancelled = true;
    };
  }, [formKey, ready]);

  // Save changes (debounced) once loaded; the first value seen is the baseline.
  const text = JSON.stringify(value);
  useEffect(() => {
    if (!formKey || !ready || !loaded.current || initial.current === null) return;
    if (text === initial.current && !dirtyRef.current) return;
    dirtyRef.current = true;
    setDirty(true);
    const timer = setTimeout(() => {
      void api('drafts.save', { formKey, clientId: opts.clientId ?? null, data: value as Record<string, unknown> }).catch(() => undefined);
    }, 600);
    return () => clearTimeout(timer);
  }, [text, formKey, ready]);

  // Ask before leaving a changed form: in-app navigation and closing/reloading the page.
  useEffect(() => {
    const guard = () => !dirtyRef.current || window.confirm(opts.leaveQuestion);
    setLeaveGuard(guard);
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [opts.leaveQuestion, setLeaveGuard]);

  const clear = useCallback(async () => {
    dirtyRef.current = false;
    setDirty(false);
    setRestoredAt(null);
    initial.current = JSON.stringify(valueRef.current);
    if (formKey) await api('drafts.discard', { formKey }).catch(() => undefined);
  }, [formKey]);

  return { restoredAt, dirty, clear, discard: clear };
}
