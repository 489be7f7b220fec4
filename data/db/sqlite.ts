// A small typed wrapper over `sqlite3` (callback API → promises).
// One connection per database; every statement goes through a queue so a transaction
// (`tx`) never interleaves with another request's statements on the same connection.
import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';
import { chmod, open as openFile } from 'node:fs/promises';

/** Creates `file` with mode 0600 if missing, and sets 0600 if it exists. */
async function restrictFile(file: string): Promise<void> {
  if (file === ':memory:' || file === '') return;
  const h = await openFile(file, 'a', 0o600);
  await h.close();
  await chmod(file, 0o600);
}

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = SqlValue[] | Record<string, SqlValue>;

export interface RunResult {
  changes: number;
  lastID: number;
}

export interface Queryable {
  run(sql: string, params?: Params): Promise<RunResult>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/**
 * Thrown when code inside `db.tx(fn)` calls the Database itself (`db.run`, `ctx.db.get`, a nested
 * `db.tx`) instead of the transaction's `q`: that statement would wait in the queue behind the
 * transaction that is waiting for it — forever. Failing loudly names the mistake instead.
 */
export class TxMisuseError extends Error {
  constructor(call: string) {
    super(
      `db.${call}() was called inside db.tx(): inside a transaction use the Queryable passed to the callback (q.${call === 'tx' ? 'run' : call}), ` +
        `or the statement would wait for the transaction forever.`,
    );
    this.name = 'TxMisuseError';
  }
}

export class Database implements Queryable {
  private queue: Promise<unknown> = Promise.resolve();
  private inTx = false;
  /** Marks the async context of a running transaction on this connection (see TxMisuseError). */
  private readonly txContext = new AsyncLocalStorage<true>();

  private constructor(
    private readonly raw: sqlite3.Database,
    readonly file: string,
  ) {}

  /**
   * Opens (creating it `0600`) a database file. `exclusive` keeps SQLite's lock on the file for
   * the connection's life (locking_mode=EXCLUSIVE): no other process can open it meanwhile, and
   * the OS drops the lock when the process dies.
   */
  static async open(file: string, opts: { exclusive?: boolean; busyTimeoutMs?: number } = {}): Promise<Database> {
    await restrictFile(file);
    const db = await new Promise<Database>((resolve, reject) => {
      const raw = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(new Database(raw, file))));
    });
    try {
      await db.exec(
        // WAL for crash safety; FKs are per-connection in SQLite; secure_delete overwrites what is
        // deleted, so a destroyed value does not linger in free pages. A 64 MiB page cache (SQLite's
        // default is 2 MiB, grown only as used) holds the statistics indexes: an import inserting
        // random HMAC keys or a breakdown over five years otherwise re-reads pages from the OS.
        `PRAGMA cache_size=-65536; PRAGMA busy_timeout=${opts.busyTimeoutMs ?? 5000}; ${opts.exclusive ? 'PRAGMA locking_mode=EXCLUSIVE;' : ''}
         PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;`,
      );
      // Take the lock now (a write), not at the first request.
      if (opts.exclusive) await db.exec('BEGIN EXCLUSIVE; COMMIT;');
      for (const f of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) await chmod(f, 0o600).catch(() => undefined);
    } catch (e) {
      await db.close().catch(() => undefined);
      throw e;
    }
    return db;
  }

  /** Folds the WAL into the database and truncates it (after destruction). */
  async checkpoint(): Promise<void> {
    await this.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  /** Runs `fn` exclusively on the connection (statements from others wait). */
  private exclusive<T>(fn: () => Promise<T>, call = 'run'): Promise<T> {
    // Other requests' statements wait their turn; the transaction's own code must not.
    if (this.txContext.getStore()) return Promise.reject(new TxMisuseError(call));
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private rawRun(sql: string, params: Params = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  private rawGet<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (err: Error | null, row: T) => (err ? reject(err) : resolve(row)));
    });
  }

  private rawAll<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  private rawExec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (err: Error | null) => (err ? reject(err) : resolve()));
    });
  }

  run(sql: string, params?: Params) {
    return this.exclusive(() => this.rawRun(sql, params), 'run');
  }
  get<T>(sql: string, params?: Params) {
    return this.exclusive(() => this.rawGet<T>(sql, params), 'get');
  }
  all<T>(sql: string, params?: Params) {
    return this.exclusive(() => this.rawAll<T>(sql, params), 'all');
  }
  exec(sql: string) {
    return this.exclusive(() => this.rawExec(sql), 'exec');
  }

  /**
   * Runs `fn` in one `BEGIN IMMEDIATE` transaction: committed when it resolves,
   * rolled back when it throws. Inside, use the `Queryable` passed to `fn`: calling the Database
   * itself from inside `fn` rejects with TxMisuseError (it would otherwise wait forever).
   */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      if (this.inTx) throw new Error('nested transaction');
      const q: Queryable = {
        run: (s, p) => this.rawRun(s, p),
        get: (s, p) => this.rawGet(s, p),
        all: (s, p) => this.rawAll(s, p),
        exec: (s) => this.rawExec(s),
      };
      await this.rawExec('BEGIN IMMEDIATE');
      this.inTx = true;
      try {
        const result = await this.txContext.run(true, () => fn(q));
        await this.rawExec('COMMIT');
        return result;
      } catch (e) {
        await this.rawExec('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        this.inTx = false;
      }
    }, 'tx');
  }

  private closed = false;

  /** Closes the connection; closing twice is harmless. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.exclusive(
      () => new Promise<void>((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve()))),
    );
  }
}
