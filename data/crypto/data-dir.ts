// A data directory holds the SQLite file, the encrypted files and a manifest that records
// which key protector guards the data key. The desktop app protects the key with Electron's
// safeStorage (OS keychain); the loopback host with a key file only the user can read.
// A directory made by one is never half-opened by the other.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, writeFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DataDirError } from './data-dir-error.js';
import { lockDataDir, type FolderLock } from './folder-lock.js';

export type ProtectorKind = 'keyfile' | 'safeStorage';

export interface KeyProtector {
  kind: ProtectorKind;
  /** Returns the stored data key, or null when none exists yet. */
  load(dir: string): Promise<Buffer | null>;
  /** Stores a new data key, unless one exists already (then returns false and keeps it). */
  store(dir: string, key: Buffer): Promise<boolean>;
}

export interface DataDirManifest {
  format: 1;
  app: 'ansim-desk';
  protector: ProtectorKind;
  deviceId: string;
  createdAt: string;
}

export { DataDirError };

const MANIFEST = 'ansim-data.json';

/**
 * Creates `file` only if it does not exist yet, atomically and durably (temp file, fsync, link —
 * which fails if the name exists). Returns false when another writer created it first.
 */
export async function createFileExclusive(file: string, data: string | Buffer, mode = 0o600): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const h = await open(tmp, 'wx', mode);
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
  try {
    await link(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await unlink(tmp);
  }
}

/** Writes a file atomically (temp file + rename), so a crash never leaves half a file. */
export async function writeFileAtomic(file: string, data: string | Buffer, mode = 0o600): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data, { mode });
  await rename(tmp, file);
}

export const keyFileProtector: KeyProtector = {
  kind: 'keyfile',
  async load(dir) {
    try {
      const text = await readFile(path.join(dir, 'keys', 'data.key'), 'utf8');
      const key = Buffer.from(text.trim(), 'base64');
      if (key.length !== 32) throw new DataDirError('데이터 키 파일이 손상되었습니다.', 'The data key file is damaged.');
      return key;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  async store(dir, key) {
    const keys = path.join(dir, 'keys');
    await mkdir(keys, { recursive: true, mode: 0o700 });
    await chmod(keys, 0o700);
    return createFileExclusive(path.join(keys, 'data.key'), key.toString('base64'), 0o600);
  },
};

export interface OpenedDataDir {
  dir: string;
  manifest: DataDirManifest;
  dataKey: Buffer;
  dbFile: string;
  filesDir: string;
  created: boolean;
  /** The folder's one-writer lock, held until `lock.release()` or the process ends. */
  lock: FolderLock;
}

/**
 * Opens (or creates) a data directory with the given key protector: takes the folder's lock
 * first (FolderBusy if another process has it; `waitMs` to wait for it), then reads or creates
 * the manifest and the key, each created atomically.
 */
export async function openDataDir(dir: string, protector: KeyProtector, opts: { waitMs?: number } = {}): Promise<OpenedDataDir> {
  const lock = await lockDataDir(dir, opts);
  try {
    return await openLocked(dir, protector, lock);
  } catch (e) {
    await lock.release();
    throw e;
  }
}

async function openLocked(dir: string, protector: KeyProtector, lock: FolderLock): Promise<OpenedDataDir> {
  const manifestPath = path.join(dir, MANIFEST);
  let manifest: DataDirManifest | null = null;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as DataDirManifest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DataDirError(
        `데이터 폴더의 설정 파일(${MANIFEST})을 읽을 수 없습니다: ${(e as Error).message}`,
        `Cannot read the data folder's ${MANIFEST}: ${(e as Error).message}`,
      );
    }
  }
  let created = false;
  let dataKey: Buffer | null;
  if (manifest) {
    if (manifest.protector !== protector.kind) {
      throw new DataDirError(
        manifest.protector === 'safeStorage'
          ? '이 데이터 폴더는 데스크톱 앱이 운영체제 키체인으로 보호하고 있어 브라우저 호스트로 열 수 없습니다. 데스크톱 앱으로 여세요.'
          : '이 데이터 폴더는 브라우저 호스트의 키 파일로 보호되어 있습니다. npm run serve -- --data-dir 로 여세요.',
        manifest.protector === 'safeStorage'
          ? 'This data folder is protected by the desktop app (OS keychain) and cannot be opened by the browser host. Open it in the desktop app.'
          : 'This data folder is protected by the browser host key file. Open it with npm run serve -- --data-dir.',
      );
    }
    dataKey = await protector.load(dir);
    if (!dataKey) {
      throw new DataDirError(
        '데이터 키를 찾을 수 없습니다. 키가 없으면 암호화된 개인정보를 읽을 수 없으므로 폴더를 열지 않았습니다.',
        'The data key is missing. Without it the encrypted personal data cannot be read, so the folder was not opened.',
      );
    }
  } else {
    manifest = {
      format: 1,
      app: 'ansim-desk',
      protector: protector.kind,
      deviceId: randomUUID(),
      createdAt: new Date().toISOString(),
    };
    // The key first, then the manifest that says the folder is complete. A start that died in
    // between left a key and no manifest: that key is reused, never replaced by a second one.
    if (!(await protector.store(dir, randomBytes(32)))) created = false;
    dataKey = await protector.load(dir);
    if (!dataKey) throw new Error('the new data key could not be read back');
    await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, 0o600);
    created = true;
  }
  const filesDir = path.join(dir, 'files');
  await mkdir(filesDir, { recursive: true, mode: 0o700 });
  await chmod(filesDir, 0o700);
  return { dir, manifest, dataKey, dbFile: path.join(dir, 'ansim.sqlite'), filesDir, created, lock };
}

/** The platform's user data folder for the loopback host. */
export function defaultDataDir(): string {
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '.';
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ansim-desk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'ansim-desk');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ansim-desk');
}
