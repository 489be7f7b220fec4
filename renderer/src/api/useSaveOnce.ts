// One save at a time per form: the button waits while saving (a second click does nothing),
// and each save attempt carries one request id, so even a repeat that reaches the backend
// (a double-click faster than React re-renders, a retry after a lost answer) is dropped there.
import { useCallback, useRef, useState } from 'react';

export function newRequestId(): string {
  return crypto.randomUUID();
}

export function useSaveOnce() {
  const busy = useRef(false);
  const requestId = useRef<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** Runs `save` unless one is running; resolves to undefined for a dropped repeat. */
  const run = useCallback(async <T,>(save: (requestId: string) => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setSaving(true);
    requestId.current ??= newRequestId();
    try {
      const result = await save(requestId.current);
      requestId.current = null; // the next save is a new one
      return result;
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, []);
  return { saving, run };
}
