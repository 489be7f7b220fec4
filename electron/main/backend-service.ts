// The utility process's side of the relay: opens the backend once `init` arrives and answers
// `call` messages by id. It never touches safeStorage: main unwraps the data key and sends it
// in `init`; when a new data directory generates its key, `store-key` asks main to protect it.
// Takes the port as a parameter so tests can drive it without Electron.
import type { Bilingual } from '../api/errors.js';
import { DataDirError, type KeyProtector } from '../../data/crypto/data-dir.js';
import type { Backend, BackendOptions } from '../backend/backend.js';
import type { FromBackend, ToBackend } from './relay-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../host/csp.js';
import { pageCsp } from '../backend/handlers/map.js';

export interface ServicePort {
  postMessage(message: FromBackend): void;
  onMessage(listener: (message: ToBackend) => void): void;
}

export type OpenBackend = (opts: BackendOptions) => Promise<Backend>;

function describeOpenError(e: unknown): Bilingual {
  if (e instanceof DataDirError) return { ko: e.ko, en: e.en };
  const detail = (e as Error)?.message ?? String(e);
  return {
    ko: `데이터 폴더를 열 수 없습니다: ${detail}`,
    en: `Cannot open the data folder: ${detail}`,
  };
}

export function runBackendService(port: ServicePort, open: OpenBackend, exit: () => void = () => undefined): { close(): Promise<void> } {
  let backend: Promise<Backend> | null = null;
  let pendingStore: { resolve(): void; reject(e: Error): void } | null = null;
  let closing: Promise<void> | null = null;

  function init(dataDir: string, keyB64: string | null) {
    let received: Buffer | null = keyB64 ? Buffer.from(keyB64, 'base64') : null;
    // The protector main stands behind: kind 'safeStorage' is written into a new data
    // directory's manifest, so the loopback host (key file) refuses to open it.
    const protector: KeyProtector = {
      kind: 'safeStorage',
      load: async () => received,
      store: (_dir, key) =>
        new Promise<boolean>((resolve, reject) => {
          pendingStore = {
            resolve: () => {
              received = key;
              resolve(true);
            },
            reject,
          };
          port.postMessage({ type: 'store-key', key: key.toString('base64') });
        }),
    };
    backend = open({ dataDir, protector });
    backend.then(
      () => port.postMessage({ type: 'ready' }),
      (e) => port.postMessage({ type: 'fatal', message: describeOpenError(e) }),
    );
  }

  port.onMessage((msg) => {
    switch (msg.type) {
      case 'init':
        if (!backend) init(msg.dataDir, msg.key);
        return;
      case 'key-stored': {
        const p = pendingStore;
        pendingStore = null;
        if (!p) return;
        if (msg.ok) p.resolve();
        else p.reject(new DataDirError(msg.message.ko, msg.message.en));
        return;
      }
      case 'shutdown':
        close().finally(exit);
        return;
      case 'grant': {
        const { id, paths } = msg;
        const fail = { ok: false as const, error: { code: 'INTERNAL' as const, message: { ko: '백엔드가 아직 준비되지 않았습니다.', en: 'The backend is not ready yet.' } } };
        if (!backend) return port.postMessage({ type: 'result', id, response: fail });
        backend.then(
          (b) =>
            b.files.grant(paths).then(
              (result) => port.postMessage({ type: 'result', id, response: { ok: true, result } }),
              () => port.postMessage({ type: 'result', id, response: fail }),
            ),
          () => port.postMessage({ type: 'result', id, response: fail }),
        );
        return;
      }
      case 'page-csp': {
        // Without an open backend the page gets the fixed policy (no remote host), never an error.
        const { id } = msg;
        const fixed = () => port.postMessage({ type: 'result', id, response: { ok: true, result: CONTENT_SECURITY_POLICY } });
        if (!backend) return fixed();
        backend.then((b) => pageCsp(b.db)).then((result) => port.postMessage({ type: 'result', id, response: { ok: true, result } }), fixed);
        return;
      }
      case 'call': {
        const { id, method, input } = msg;
        if (!backend) {
          port.postMessage({
            type: 'result',
            id,
            response: { ok: false, error: { code: 'INTERNAL', message: { ko: '백엔드가 아직 준비되지 않았습니다.', en: 'The backend is not ready yet.' } } },
          });
          return;
        }
        backend.then(
          (b) => b.call(method, input).then((response) => port.postMessage({ type: 'result', id, response })),
          (e) => port.postMessage({ type: 'result', id, response: { ok: false, error: { code: 'INTERNAL', message: describeOpenError(e) } } }),
        );
        return;
      }
    }
  });

  function close(): Promise<void> {
    closing ??= backend ? backend.then((b) => b.close(), () => undefined) : Promise.resolve();
    return closing;
  }
  return { close };
}
