// File references: a path reaches the backend only when the user chose that file. Refs come from
// the desktop app's file dialog (main grants the picked paths; the grant is kept in the data folder
// so a saved study still reads its layer after a restart) or from a streamed
// upload into <data>/imports/<group>/ through the loopback host. Methods take `{ ref }` and call
// `ctx.files.resolve(ref)`; a raw path, an unknown ref or a ref outside the imports folder is
// refused with a typed error that never quotes the file's content.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../api/errors.js';

import type { FileRef } from '../api/schemas.js';
export type { FileRef };

/** Names an upload may have: one path segment, no control characters, not hidden. */
const SAFE_NAME = { test: (n: string) => n.length >= 1 && n.length <= 200 && !/[/\\<>:"|?*]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20) };
const SAFE_GROUP = /^[A-Za-z0-9_-]{1,64}$/;

/** Uploads larger than this are refused (a 1,000,000-parcel Shapefile set is ~600 MB). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

const refused = (ko: string, en: string) => new ApiError('VALIDATION', { ko, en }, [{ path: 'ref', message: { ko, en } }]);

/** Where dialog grants are kept between runs (the data folder's `file_grants`, path sealed). */
export interface GrantStore {
  load(): Promise<{ ref: string; path: string }[]>;
  save(ref: string, path: string): Promise<void>;
}

export class FileRefs {
  private granted = new Map<string, string>();
  private refOfPath = new Map<string, string>();

  constructor(
    readonly importsDir: string,
    private readonly store?: GrantStore,
  ) {}

  /** Reads the grants of earlier runs (called once at start-up). */
  async load(): Promise<void> {
    for (const g of (await this.store?.load()) ?? []) this.remember(g.ref, g.path);
  }

  private remember(ref: string, p: string) {
    this.granted.set(ref, p);
    this.refOfPath.set(p, ref);
  }

  /**
   * Desktop app: main showed the system dialog; these are the paths the user picked. A file
   * picked before keeps its ref, so a study saved with it names the same ref after a re-pick.
   */
  async grant(paths: string[]): Promise<FileRef[]> {
    const refs: FileRef[] = [];
    for (const p of paths.map((x) => path.resolve(x))) {
      let ref = this.refOfPath.get(p);
      if (!ref) {
        ref = `grant:${randomBytes(16).toString('base64url')}`;
        await this.store?.save(ref, p);
        this.remember(ref, p);
      }
      refs.push({ ref });
    }
    return refs;
  }

  /** Where an upload lands; throws for names or groups that could leave the imports folder. */
  uploadTarget(group: string, name: string): { file: string; ref: string } {
    if (!SAFE_GROUP.test(group)) throw refused('업로드 묶음 이름이 올바르지 않습니다.', 'Invalid upload group.');
    if (!SAFE_NAME.test(name) || name.startsWith('.') || name === '..') throw refused('파일 이름이 올바르지 않습니다.', 'Invalid file name.');
    const dir = path.join(this.importsDir, group);
    return { file: path.join(dir, name), ref: `upload:${group}/${name}` };
  }

  /** Streams an upload to disk (never buffered whole); returns its ref. Partial files are removed. */
  async receive(group: string, name: string, body: Readable, limit = MAX_UPLOAD_BYTES): Promise<FileRef & { group: string; bytes: number }> {
    const { file, ref } = this.uploadTarget(group, name);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    let bytes = 0;
    body.on('data', (c: Buffer) => {
      bytes += c.length;
      if (bytes > limit) body.destroy(Object.assign(new Error('upload too large'), { status: 413 }));
    });
    try {
      await pipeline(body, createWriteStream(file, { mode: 0o600 }));
    } catch (e) {
      rmSync(file, { force: true });
      throw e;
    }
    return { ref, group, bytes };
  }

  /** The absolute path behind a ref, or a typed error. */
  resolve(ref: unknown): string {
    if (typeof ref !== 'string' || !ref) throw refused('파일 참조가 없습니다. 파일을 다시 선택하세요.', 'No file reference: pick the file again.');
    const granted = this.granted.get(ref);
    if (granted) {
      if (existsSync(granted) && statSync(granted).isFile()) return granted;
      throw refused('선택했던 파일이 옮겨졌거나 지워졌습니다. 파일을 다시 선택하세요.', 'The file you picked was moved or deleted: pick it again.');
    }
    const m = /^upload:([^/]+)\/(.+)$/.exec(ref);
    if (m) {
      const { file } = this.uploadTarget(m[1], m[2]);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    throw refused('선택한 파일이 아니거나 더 이상 없습니다. 파일을 다시 선택하세요.', 'Not a file you picked, or it is gone: pick the file again.');
  }

  /** Removes an upload group (after an import has been read, or when abandoned). */
  discardGroup(group: string): void {
    if (SAFE_GROUP.test(group)) rmSync(path.join(this.importsDir, group), { recursive: true, force: true });
  }
}
