// The backend: one data directory, one SQLite database, one handler map. It runs outside the
// Electron main process (a utility process) or inside the loopback host, and answers
// `call(method, input)` the same way for both: validate, check the session, dispatch.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApiError, validationError, type ApiResponse } from '../api/errors.js';
import { apiInputs, isMethod, type ApiResults, type Method } from '../api/methods.js';
import { mergeMethodMaps } from '../api/method-map.js';
import { Database } from '../../data/db/sqlite.js';
import { migrate } from '../../data/db/migrate.js';
import { ClientKeyVault } from '../../data/crypto/client-keys.js';
import { openDataDir, type KeyProtector, type OpenedDataDir } from '../../data/crypto/data-dir.js';
import { expiredClients } from '../../data/repos/clients.js';
import { registerBuiltInPersonalData } from '../../data/privacy/entries.js';
import { destroyClient, sweepClientKeys } from '../../data/privacy/destroy.js';
import { collectFiles } from '../../data/privacy/files-gc.js';
import { encryptLegacyListingAddresses, encryptLegacyListingLocations, encryptLegacyMeetingPlaces } from '../../data/privacy/legacy.js';
import { sweepDrafts } from '../../data/repos/drafts.js';
import { seedDemo } from '../../data/demo/seed.js';
import { anyManager, getSetting } from '../../data/repos/settings.js';
import { todaySeoul } from '../../checklists/common/seoul-time.js';
import type { HandlerContext, HandlerMap } from './context.js';
import { OPEN_METHODS, Session } from './session.js';
import { sessionHandlers } from './handlers/session.js';
import { managerHandlers } from './handlers/managers.js';
import { clientHandlers } from './handlers/clients.js';
import { caseHandlers } from './handlers/cases.js';
import { listingHandlers } from './handlers/listings.js';
import { miscHandlers } from './handlers/misc.js';
import { checklistHandlers } from './handlers/checklists.js';
import { rightsHandlers } from './handlers/rights.js';
import { geoHandlers } from './handlers/geo.js';
import { FileRefs } from './files.js';
import { viewingHandlers } from './handlers/viewings.js';
import { referenceHandlers } from './handlers/reference.js';
import { leaseHandlers } from './handlers/lease.js';
import { policyHandlers } from './handlers/policy.js';
import { statsHandlers } from './handlers/stats.js';
import { jobHandlers } from './handlers/jobs.js';
import { JobRunner } from './jobs/runner.js';
import { mapHandlers } from './handlers/map.js';
import { TileService } from './map/tiles.js';
import { privacyHandlers } from './handlers/privacy.js';
import { backupHandlers } from './handlers/backup.js';
import { insertFileGrant, listFileGrants } from '../../data/repos/file-grants.js';

// One handler map; a method handled by two modules throws at start-up. Add a module at the END.
export const handlers: HandlerMap = mergeMethodMaps('Handlers', {
  session: sessionHandlers,
  managers: managerHandlers,
  clients: clientHandlers,
  cases: caseHandlers,
  listings: listingHandlers,
  misc: miscHandlers,
  checklists: checklistHandlers,
  rights: rightsHandlers,
  geo: geoHandlers,
  viewings: viewingHandlers,
  reference: referenceHandlers,
  lease: leaseHandlers,
  policy: policyHandlers,
  stats: statsHandlers,
  jobs: jobHandlers,
  map: mapHandlers,
  privacy: privacyHandlers,
  backup: backupHandlers,
});

export interface BackendOptions {
  dataDir: string;
  protector: KeyProtector;
  /** Seed the clearly marked demo data into a brand-new data directory (default true). */
  seedDemo?: boolean;
  /** Clock, for tests. */
  now?: () => Date;
  /** How long to wait for another process to let go of the folder (default: fail at once). */
  waitForLockMs?: number;
}

export interface Backend {
  call<M extends Method>(method: M | string, input: unknown): Promise<ApiResponse<ApiResults[M]>>;
  close(): Promise<void>;
  readonly dataDir: OpenedDataDir;
  readonly db: Database;
  /** The per-client key vault (for tests and maintenance). */
  readonly keys: ClientKeyVault;
  /** File references (uploads through the host, grants from the desktop dialog). */
  readonly files: FileRefs;
}

/** Splits the transport-level `requestId` (a client-made UUID) off a request's input. */
export function takeRequestId(input: unknown): { requestId: string | null; rest: unknown } {
  if (!input || typeof input !== 'object' || Array.isArray(input) || !('requestId' in input)) return { requestId: null, rest: input };
  const { requestId, ...rest } = input as { requestId: unknown };
  return { requestId: typeof requestId === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(requestId) ? requestId : null, rest };
}

/** An error's kind and code and where it was thrown, without its message (which may hold personal data). */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as { code?: unknown }).code;
  const at = (e.stack ?? '').split('\n').slice(1, 4).map((l) => l.trim()).join(' < ');
  return `${e.name}${typeof code === 'string' ? ` ${code}` : ''}${at ? ` at ${at}` : ''}`;
}

export async function openBackend(opts: BackendOptions): Promise<Backend> {
  registerBuiltInPersonalData();
  // The folder's lock first: everything below (key, migrations, demo, sweeps) runs as its one writer.
  const dir = await openDataDir(opts.dataDir, opts.protector, { waitMs: opts.waitForLockMs });
  let db: Database;
  try {
    db = await Database.open(dir.dbFile, { exclusive: true });
  } catch (e) {
    await dir.lock.release();
    throw e;
  }
  let keys: ClientKeyVault;
  try {
    await migrate(db);
    keys = new ClientKeyVault(dir.dir, dir.dataKey);
    await sweepClientKeys(db, keys);
    await encryptLegacyMeetingPlaces(db, keys);
    await encryptLegacyListingAddresses(db, keys);
    await encryptLegacyListingLocations(db, keys);
    await collectFiles(db, dir.filesDir);
  } catch (e) {
    await db.close();
    await dir.lock.release();
    throw e;
  }
  const cipher = keys.folderCipher;
  const session = new Session();
  const now = opts.now ?? (() => new Date());
  const files = new FileRefs(path.join(dir.dir, 'imports'), {
    // A grant whose path no longer opens (damaged row) is skipped: its study asks for the file again.
    load: async () => (await listFileGrants(db)).flatMap((g) => {
      try {
        const p = cipher.decrypt(g.path_enc);
        return p ? [{ ref: g.ref, path: p }] : [];
      } catch {
        return [];
      }
    }),
    save: (ref, p) => db.tx((q) => insertFileGrant(q, ref, cipher.encrypt(p)!, now().toISOString())),
  });
  await files.load();
  const jobs = new JobRunner(path.join(dir.dir, 'jobs'));
  const ctx: HandlerContext = {
    folder: { dir: dir.dir, dataKey: dir.dataKey, manifest: dir.manifest, protector: opts.protector },
    files,
    jobs,
    tiles: new TileService({ geoDir: path.join(path.dirname(dir.filesDir), 'geo') }),
    db,
    cipher,
    keys,
    deviceId: dir.manifest.deviceId,
    filesDir: dir.filesDir,
    session,
    now,
    today: () => todaySeoul(now()),
    actor: () => ({ managerId: session.managerId, deviceId: dir.manifest.deviceId, now: now().toISOString() }),
  };
  const lockSetting = await getSetting(db, 'lockAfterMinutes');
  if (lockSetting) session.lockAfterMinutes = Number(lockSetting);

  // Demo data goes into a brand-new desk once; removing it never brings it back.
  // (seedDemo checks again inside its transaction.)
  if ((opts.seedDemo ?? true) && !(await getSetting(db, 'demoSeeded')) && !(await anyManager(db))) {
    await seedDemo(db, keys, { managerId: null, deviceId: dir.manifest.deviceId, now: now().toISOString() }, ctx.today());
  }

  /** Destroys personal data, everywhere it lives, of clients whose consented retention has ended. */
  async function sweepRetention() {
    await sweepDrafts(db, now().toISOString());
    for (const { id } of await expiredClients(db, ctx.today())) {
      await destroyClient({ db, vault: keys, filesDir: dir.filesDir }, { managerId: null, deviceId: dir.manifest.deviceId, now: now().toISOString() }, id, 'destroy_personal');
    }
  }
  await sweepRetention();
  let lastSweep = ctx.today();

  // Idempotent saves: a request carrying a client-made `requestId` (a double-click, a retry
  // after a lost answer) gets the first request's response instead of running again.
  const recent = new Map<string, { method: string; response: Promise<ApiResponse<unknown>> }>();
  function call(method: string, input: unknown): Promise<ApiResponse<unknown>> {
    const { requestId, rest } = takeRequestId(input);
    if (!requestId) return callOnce(method, rest);
    const prior = recent.get(requestId);
    if (prior && prior.method === method) return prior.response;
    const response = callOnce(method, rest);
    recent.set(requestId, { method, response });
    if (recent.size > 1000) recent.delete(recent.keys().next().value!);
    // Only a success is remembered: a refused save may be corrected and sent again.
    void response.then((r) => {
      if (!r.ok) recent.delete(requestId);
    });
    return response;
  }

  async function callOnce(method: string, input: unknown): Promise<ApiResponse<unknown>> {
    try {
      if (!isMethod(method)) {
        throw new ApiError('UNKNOWN_METHOD', { ko: `알 수 없는 기능입니다: ${method}`, en: `Unknown method: ${method}` });
      }
      const parsed = apiInputs[method].safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      if (ctx.today() !== lastSweep) {
        lastSweep = ctx.today();
        await sweepRetention();
      }
      const t = now().getTime();
      session.checkIdle(t);
      if (!OPEN_METHODS.has(method) && !(method === 'managers.create')) {
        if (!session.managerId) throw new ApiError('NO_SESSION', { ko: '먼저 매니저를 선택해 로그인하세요.', en: 'Sign in first.' });
        if (session.locked) throw new ApiError('LOCKED', { ko: '화면이 잠겼습니다. PIN으로 잠금을 해제하세요.', en: 'Locked. Unlock with your PIN.' });
      }
      if (method !== 'session.status' && session.managerId && !session.locked) session.lastActivity = t;
      const handler = handlers[method] as (i: unknown, c: HandlerContext) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data, ctx) };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toBody() };
      // Unexpected: log a reference and the error's kind (never its text, which may quote
      // personal data) for the developer; the user gets a plain message with the reference.
      const ref = randomUUID().slice(0, 8);
      console.error(`[backend] ${method} failed (ref ${ref}): ${describeError(e)}`);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: {
            ko: `처리 중 오류가 발생했습니다. 저장된 데이터는 그대로입니다. (오류 번호 ${ref})`,
            en: `Something went wrong; saved data is unchanged. (error ref ${ref})`,
          },
        },
      };
    }
  }

  return {
    call: call as Backend['call'],
    close: async () => {
      await jobs.close();
      await db.close();
      await dir.lock.release();
    },
    dataDir: dir,
    db,
    keys,
    files,
  };
}
