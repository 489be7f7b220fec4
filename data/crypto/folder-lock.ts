// One writer per data folder. The lock is SQLite's own file lock (fcntl on Unix, LockFileEx on
// Windows) on `<folder>/ansim.lock`, taken with `locking_mode=EXCLUSIVE` and never released while
// the process lives. The OS releases it when the process ends, however it ends (a crash, a
// SIGKILL, a power cut), so the app can restart at once: there is no pid file to guess stale.
//
// Everything that writes a folder takes this lock first: the desktop app's backend, the browser
// host, and commands such as a backup or a reference-pack load, which otherwise go through the
// running app's API. `lockDataDir(dir, { waitMs })` waits that long for a holder to finish.
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { DataDirError } from './data-dir-error.js';

export const LOCK_FILE = 'ansim.lock';

/** Another process holds the folder. The messages say what to do. */
export class FolderBusy extends DataDirError {
  readonly code = 'FOLDER_BUSY';
  constructor(dir: string) {
    super(
      `이 데이터 폴더(${dir})는 다른 안심데스크 앱이나 ansim 명령이 사용 중입니다. 한 폴더는 한 번에 한 앱만 열 수 있습니다. 열려 있는 앱을 사용하거나, 그 앱을 닫은 뒤 다시 시도하세요.`,
      `This data folder (${dir}) is in use by another Ansim Desk app or ansim command. One folder is used by one app at a time: use the app that has it open, or close it and try again.`,
    );
  }
}

export interface FolderLock {
  readonly dir: string;
  /** Releases the lock (the process ending releases it too). */
  release(): Promise<void>;
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

/** Makes the folder (0700 even when it already exists) and takes its lock, or throws FolderBusy. */
export async function lockDataDir(dir: string, opts: { waitMs?: number } = {}): Promise<FolderLock> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = path.join(dir, LOCK_FILE);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  await chmod(file, 0o600);
  try {
    await exec(
      db,
      `PRAGMA busy_timeout=${Math.max(0, Math.floor(opts.waitMs ?? 0))}; PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=DELETE;
       BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER, since TEXT); DELETE FROM holder;
       INSERT INTO holder VALUES (${process.pid}, '${new Date().toISOString()}'); COMMIT;`,
    );
  } catch (e) {
    await new Promise<void>((r) => db.close(() => r()));
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new FolderBusy(dir);
    throw e;
  }
  let released = false;
  return {
    dir,
    release: () =>
      released
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            released = true;
            db.close((err) => (err ? reject(err) : resolve()));
          }),
  };
}
