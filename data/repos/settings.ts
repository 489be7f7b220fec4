// The desk's own settings (key → text value) and the facts start-up asks about the store.
import type { Queryable } from '../db/sqlite.js';

export async function getSetting(q: Queryable, key: string): Promise<string | null> {
  return (await q.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))?.value ?? null;
}

export async function setSetting(q: Queryable, key: string, value: string): Promise<void> {
  await q.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}

/** True once any manager profile (demo or real) exists. */
export async function anyManager(q: Queryable): Promise<boolean> {
  return (await q.get('SELECT 1 AS x FROM managers LIMIT 1')) !== undefined;
}

/** True while any demo-marked client or manager is left. */
export async function demoPresent(q: Queryable): Promise<boolean> {
  const r = await q.get<{ n: number }>(
    'SELECT (SELECT COUNT(*) FROM clients WHERE is_demo = 1) + (SELECT COUNT(*) FROM managers WHERE is_demo = 1) AS n',
  );
  return (r?.n ?? 0) > 0;
}
