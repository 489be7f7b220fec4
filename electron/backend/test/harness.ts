// Opens a real backend on a fresh temporary data directory (real SQLite file, real keys).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../backend.js';
import { keyFileProtector } from '../../../data/crypto/data-dir.js';
import type { ApiInput, ApiResults, Method } from '../../api/methods.js';

export interface Harness {
  backend: Backend;
  dir: string;
  clock: { now: Date };
  /** Calls a method and returns its result, throwing the API error otherwise. */
  api<M extends Method>(method: M, input?: ApiInput<M>): Promise<ApiResults[M]>;
  /** Calls a method and returns the raw response. */
  raw(method: string, input?: unknown): ReturnType<Backend['call']>;
}

export async function openHarness(opts: { seedDemo?: boolean; dir?: string; now?: Date } = {}): Promise<Harness> {
  const dir = opts.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'ansim-test-')));
  const clock = { now: opts.now ?? new Date('2026-11-27T01:00:00Z') };
  const backend = await openBackend({ dataDir: dir, protector: keyFileProtector, seedDemo: opts.seedDemo ?? false, now: () => clock.now });
  const raw = (method: string, input?: unknown) => backend.call(method, input ?? {});
  return {
    backend,
    dir,
    clock,
    raw,
    async api(method, input) {
      const r = await backend.call(method, input ?? {});
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message.en}`), { body: r.error });
      return r.result as never;
    },
  };
}

/** A harness with one manager signed in. */
export async function signedIn(opts: Parameters<typeof openHarness>[0] = {}) {
  const h = await openHarness(opts);
  const m = await h.api('managers.create', { name: '정상담', center: '관악구 1인가구지원센터', brokerRegNo: '11620-2020-01234', districts: ['관악구'], pin: '1234' });
  await h.api('session.start', { id: m.id, pin: '1234' });
  return { ...h, manager: m };
}

export const consented = (items: ('name' | 'phone' | 'notes')[] = ['name', 'phone', 'notes'], date = '2026-11-20') => ({
  given: true,
  date,
  retentionMonths: 12,
  items,
  purpose: '안심계약 상담',
});
