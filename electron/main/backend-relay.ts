// Main's side of the relay to the backend utility process: request ids, one restart if the
// process dies, and plain bilingual errors for the renderer when it does. Written against a
// small child interface so tests drive it with a fake (or an in-process service) instead of
// Electron's UtilityProcess.
import type { ApiResponse, Bilingual } from '../api/errors.js';
import type { FromBackend, ToBackend } from './relay-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../host/csp.js';

/** The parts of Electron's UtilityProcess the relay uses. */
export interface BackendChild {
  postMessage(message: ToBackend): void;
  on(event: 'message', listener: (message: FromBackend) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface RelayOptions {
  spawn(): BackendChild;
  /** Data directory and the current data key (base64 or null), read afresh for every start. */
  init(): Promise<{ dataDir: string; key: string | null }>;
  /** Protects a data key the backend generated for a new data directory. */
  storeKey(keyB64: string): Promise<unknown>;
  /** How many times a dead backend is restarted (default 1). */
  maxRestarts?: number;
  /** Told when the backend cannot open its data (shown to the user as a dialog by main). */
  onFatal?(message: Bilingual): void;
  log?(line: string): void;
}

export const BACKEND_RESTARTED: Bilingual = {
  ko: '백엔드 프로세스가 예기치 않게 종료되어 다시 시작했습니다. 방금 한 작업이 저장되지 않았을 수 있으니 확인한 뒤 다시 시도하세요.',
  en: 'The backend process stopped unexpectedly and was restarted. Your last action may not have been saved; check it and try again.',
};

export const BACKEND_GONE: Bilingual = {
  ko: '백엔드 프로세스가 다시 종료되었습니다. 저장된 데이터는 안전합니다. 앱을 다시 시작하세요.',
  en: 'The backend process stopped again. Saved data is safe. Please restart the app.',
};

const STOPPED: Bilingual = { ko: '앱이 종료되는 중입니다.', en: 'The app is shutting down.' };

/** Errors that carry their own bilingual text (DataDirError) keep it; others get a prefix. */
export function bilingualOf(e: unknown, ko: string, en: string): Bilingual {
  const err = e as { ko?: unknown; en?: unknown; message?: unknown } | null;
  if (err && typeof err.ko === 'string' && typeof err.en === 'string') return { ko: err.ko, en: err.en };
  const detail = err && typeof err.message === 'string' ? err.message : String(e);
  return { ko: `${ko}: ${detail}`, en: `${en}: ${detail}` };
}

type State = 'idle' | 'running' | 'failed' | 'stopped';

function failure(message: Bilingual): ApiResponse<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

export class BackendRelay {
  private child: BackendChild | null = null;
  private state: State = 'idle';
  private failedWith: Bilingual = BACKEND_GONE;
  private restarts = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (r: ApiResponse<unknown>) => void>();
  private exited: Promise<void> = Promise.resolve();
  private starting: Promise<void> | null = null;

  constructor(private readonly opts: RelayOptions) {}

  /** Forks the backend and sends it `init`. Calls made before it is ready wait in its queue. */
  start(): Promise<void> {
    if (this.state === 'running' || this.state === 'stopped') return Promise.resolve();
    this.starting ??= this.launch()
      .catch((e: unknown) => {
        // Unwrapping the key or forking failed: nothing will answer, so say why on every call.
        this.state = 'failed';
        this.failedWith = bilingualOf(e, '백엔드를 시작하지 못했습니다', 'Could not start the backend');
        this.opts.onFatal?.(this.failedWith);
        throw e;
      })
      .finally(() => (this.starting = null));
    return this.starting;
  }

  private async launch(): Promise<void> {
    const { dataDir, key } = await this.opts.init();
    if (this.state === 'stopped') return;
    const child = this.opts.spawn();
    this.child = child;
    this.state = 'running';
    let onExit!: () => void;
    this.exited = new Promise<void>((r) => (onExit = r));
    child.on('message', (m) => this.onMessage(child, m));
    child.on('exit', (code) => {
      onExit();
      this.onExit(child, code);
    });
    child.postMessage({ type: 'init', dataDir, key });
  }

  async call(method: string, input: unknown): Promise<ApiResponse<unknown>> {
    // During a (re)start, wait for the new process rather than failing the call.
    if (this.starting) await this.starting.catch(() => undefined);
    if (this.state === 'failed') return failure(this.failedWith);
    if (this.state === 'stopped') return failure(STOPPED);
    if (!this.child) return failure({ ko: '백엔드가 아직 시작되지 않았습니다.', en: 'The backend has not started yet.' });
    return this.ask((id) => ({ type: 'call', id, method, input }));
  }

  /** Grants files the user picked in the system dialog; resolves to `{ok, result: FileRef[]}`. */
  async grant(paths: string[]): Promise<ApiResponse<unknown>> {
    if (this.starting) await this.starting.catch(() => undefined);
    if (this.state === 'failed') return failure(this.failedWith);
    if (this.state === 'stopped' || !this.child) return failure(STOPPED);
    return this.ask((id) => ({ type: 'grant', id, paths }));
  }

  /**
   * The Content-Security-Policy for a page load: the backend's answer (the online basemap's host
   * joins it only while switched on), or the fixed policy whenever the backend cannot answer.
   */
  async pageCsp(): Promise<string> {
    if (this.starting) await this.starting.catch(() => undefined);
    if (this.state !== 'running' || !this.child) return CONTENT_SECURITY_POLICY;
    const r = await this.ask((id) => ({ type: 'page-csp', id }));
    return r.ok && typeof r.result === 'string' ? r.result : CONTENT_SECURITY_POLICY;
  }

  /** Posts a request to the running child; its `result` (by id) settles the promise. */
  private ask(message: (id: number) => ToBackend): Promise<ApiResponse<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child!.postMessage(message(id));
    });
  }

  /** Asks the backend to close its database and exit; kills it if it has not within `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    const child = this.child;
    this.state = 'stopped';
    this.settleAll(STOPPED);
    if (!child) return;
    child.postMessage({ type: 'shutdown' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), graceMs)));
    const how = await Promise.race([this.exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (how === 'timeout') child.kill();
    this.child = null;
  }

  private onMessage(child: BackendChild, m: FromBackend) {
    if (child !== this.child) return;
    switch (m.type) {
      case 'result': {
        const resolve = this.pending.get(m.id);
        this.pending.delete(m.id);
        resolve?.(m.response);
        return;
      }
      case 'store-key':
        this.opts.storeKey(m.key).then(
          () => child.postMessage({ type: 'key-stored', ok: true }),
          (e: unknown) =>
            child.postMessage({ type: 'key-stored', ok: false, message: bilingualOf(e, '데이터 키를 보호하지 못했습니다', 'Could not protect the data key') }),
        );
        return;
      case 'fatal':
        // The data cannot be opened (wrong protector, damaged key, unknown migrations):
        // restarting cannot fix that, so every call gets this message.
        this.state = 'failed';
        this.failedWith = m.message;
        this.settleAll(m.message);
        this.opts.onFatal?.(m.message);
        child.postMessage({ type: 'shutdown' });
        return;
      case 'ready':
        this.opts.log?.('backend ready');
        return;
    }
  }

  private onExit(child: BackendChild, code: number) {
    if (child !== this.child) return;
    this.child = null;
    if (this.state !== 'running') return; // stopped on purpose, or failed already
    this.opts.log?.(`backend exited with code ${code}`);
    if (this.restarts < (this.opts.maxRestarts ?? 1)) {
      this.restarts++;
      this.settleAll(BACKEND_RESTARTED);
      this.state = 'idle';
      this.start().catch((e: unknown) => this.opts.log?.(`backend restart failed: ${(e as Error).message}`));
    } else {
      this.state = 'failed';
      this.failedWith = BACKEND_GONE;
      this.settleAll(BACKEND_GONE);
    }
  }

  private settleAll(message: Bilingual) {
    for (const resolve of this.pending.values()) resolve(failure(message));
    this.pending.clear();
  }
}
