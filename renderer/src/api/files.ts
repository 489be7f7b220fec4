// Picking files for the backend (docs/ARCHITECTURE.md "File references"): the backend reads a file
// only when the user chose it. In the desktop app the system dialog runs in main, which grants
// the picked paths; in a browser an <input type=file> picks them and each is streamed to the
// loopback host (PUT /upload/<name>, one group per pick so a Shapefile's parts stay together).
// Either way the caller gets opaque refs to pass to API methods (e.g. geo.import.inspect).
import type { ApiErrorBody, ApiResponse } from '../../../electron/api/errors.js';
import { ApiCallError, token } from './client.js';

import type { FileRef } from '../../../electron/api/schemas.js';
export type { FileRef };

export interface PickOptions {
  /** Extensions without the dot, e.g. ['shp', 'dbf', 'shx', 'prj', 'cpg']. */
  accept?: string[];
  multiple?: boolean;
  /** Upload progress in the browser: bytes sent of the total for this pick. */
  onProgress?: (sent: number, total: number) => void;
}

const fail = (ko: string, en: string): ApiErrorBody => ({ code: 'INTERNAL', message: { ko, en } });

/** Resolves to the picked files' refs ([] when the user cancels). */
export async function pickFiles(opts: PickOptions = {}): Promise<FileRef[]> {
  if (window.ansim?.pickFiles) {
    const r = (await window.ansim.pickFiles({ accept: opts.accept, multiple: opts.multiple })) as ApiResponse<FileRef[]>;
    if (!r.ok) throw new ApiCallError(r.error);
    return r.result;
  }
  const files = await chooseInBrowser(opts);
  return uploadFiles(files, opts.onProgress);
}

function chooseInBrowser(opts: PickOptions): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = !!opts.multiple;
    if (opts.accept?.length) input.accept = opts.accept.map((e) => `.${e}`).join(',');
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** Streams files to the host as one upload group; resolves to their refs in the same order. */
export async function uploadFiles(files: File[], onProgress?: (sent: number, total: number) => void): Promise<FileRef[]> {
  const t = token();
  if (!t) throw new ApiCallError(fail('인증 토큰이 없습니다.', 'No access token.'));
  const group = crypto.randomUUID().replace(/-/g, '');
  const total = files.reduce((s, f) => s + f.size, 0);
  let done = 0;
  const refs: FileRef[] = [];
  for (const file of files) {
    const r = await new Promise<ApiResponse<{ ref: string }>>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', `/upload/${encodeURIComponent(file.name)}`);
      xhr.setRequestHeader('Authorization', `Bearer ${t}`);
      xhr.setRequestHeader('X-Upload-Group', group);
      xhr.upload.onprogress = (e) => onProgress?.(done + e.loaded, total);
      xhr.onload = () => {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch {
          resolve({ ok: false, error: fail('업로드에 실패했습니다.', 'The upload failed.') });
        }
      };
      xhr.onerror = () => resolve({ ok: false, error: fail('업로드에 실패했습니다.', 'The upload failed.') });
      xhr.send(file);
    });
    if (!r.ok) throw new ApiCallError(r.error);
    done += file.size;
    onProgress?.(done, total);
    refs.push({ ref: r.result.ref });
  }
  return refs;
}
