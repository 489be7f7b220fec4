// What the preload exposes to the renderer as `window.ansim`: one call into the typed API and
// the platform tag, nothing else. Kept free of `electron` imports so it can be unit-tested;
// preload.ts supplies the real `ipcRenderer.invoke`.
import type { ApiResponse } from '../api/errors.js';

export interface AnsimBridge {
  readonly platform: 'electron';
  /** Calls one API method; resolves to the backend's response, never rejects for API errors. */
  call(method: string, input?: unknown): Promise<ApiResponse<unknown>>;
  /** Shows the system file dialog (main process); resolves to refs for the picked files (FileRef[]). */
  pickFiles(options: PickFilesOptions): Promise<ApiResponse<unknown>>;
}

export interface PickFilesOptions {
  /** Extensions without the dot, e.g. ['shp', 'dbf', 'shx', 'prj', 'cpg', 'geojson', 'csv']. */
  accept?: string[];
  multiple?: boolean;
}

export type Invoke = {
  (channel: 'api', method: string, input: unknown): Promise<ApiResponse<unknown>>;
  (channel: 'pick-files', options: PickFilesOptions): Promise<ApiResponse<unknown>>;
};

export function makeBridge(allowed: ReadonlySet<string>, invoke: Invoke): AnsimBridge {
  return Object.freeze({
    platform: 'electron' as const,
    call(method: string, input?: unknown): Promise<ApiResponse<unknown>> {
      if (typeof method !== 'string' || !allowed.has(method)) {
        const name = typeof method === 'string' ? method : typeof method;
        return Promise.resolve({
          ok: false,
          error: {
            code: 'UNKNOWN_METHOD',
            message: { ko: `허용되지 않은 기능입니다: ${name}`, en: `Method not allowed: ${name}` },
          },
        });
      }
      return invoke('api', method, input ?? {});
    },
    pickFiles(options: PickFilesOptions): Promise<ApiResponse<unknown>> {
      const accept = Array.isArray(options?.accept) ? options.accept.filter((e) => typeof e === 'string' && /^[A-Za-z0-9]{1,8}$/.test(e)) : undefined;
      return invoke('pick-files', { accept, multiple: options?.multiple === true });
    },
  });
}
