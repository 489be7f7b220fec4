// Garbage collection of sealed files (photos, signatures): a file whose last row is gone —
// destroyed with its client, or removed for good — is deleted. Files written in the last
// minutes are left alone: a photo's bytes are stored just before the row naming them.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/sqlite.js';
import { fileRefEntries } from './registry.js';

const GRACE_MS = 10 * 60 * 1000;

/** The base name a stored file belongs to (`<id>.full` / `<id>.thumb` → `<id>`). */
export function fileBase(name: string): string {
  return name.replace(/\.(full|thumb)$/, '');
}

/** Deletes unreferenced files of every registered kind. Returns the paths removed (relative). */
export async function liveFiles(q: Queryable): Promise<Map<string, Set<string>>> {
  const kinds = new Map<string, Set<string>>();
  for (const ref of fileRefEntries()) {
    const set = kinds.get(ref.kind) ?? new Set<string>();
    for (const r of await q.all<{ name: string }>(ref.live)) if (r.name) set.add(r.name);
    kinds.set(ref.kind, set);
  }
  return kinds;
}

/**
 * Deletes unreferenced files of every registered kind. Files named in `released` (whose rows were
 * just destroyed) go at once; others only after the grace period. Returns the removed names.
 */
export async function collectFiles(
  q: Queryable,
  filesDir: string,
  opts: { now?: number; graceMs?: number; released?: Map<string, Set<string>> } = {},
): Promise<string[]> {
  const now = opts.now ?? Date.now();
  const graceMs = opts.graceMs ?? GRACE_MS;
  const removed: string[] = [];
  const kinds = await liveFiles(q);
  for (const [kind, live] of kinds) {
    const released = opts.released?.get(kind);
    const dir = path.join(filesDir, kind);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    for (const name of names) {
      const isTmp = name.endsWith('.tmp');
      if (!isTmp && live.has(fileBase(name))) continue;
      const file = path.join(dir, name);
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) continue;
      if (!(released?.has(fileBase(name)) && !isTmp) && now - st.mtimeMs < graceMs) continue;
      await rm(file, { force: true });
      removed.push(`${kind}/${name}`);
    }
  }
  return removed;
}
