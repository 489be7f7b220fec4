// One data key per client (crypto-shredding). Each key is random, wrapped (AES-256-GCM) by the
// folder's data key and kept in its own small file `keys/clients/<clientId>.key` — outside the
// database on purpose: backups, immutable snapshots and read-only records copy the ciphertext
// but never the key, so destroying the key file makes every copy unreadable at once.
//
// - A key is created before the first value is written under it, with an exclusive create
//   (temp file, fsync, link — which fails if another writer won) so two writers can never each
//   keep a different key for one client. A key whose database write then rolled back is an
//   orphan: harmless, and removed by `sweepOrphans` at start-up.
// - Destroying overwrites the file with zeros, fsyncs and unlinks it.
// - Lookups are synchronous (decryption is), served from a cache filled on first use.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync, readdirSync, mkdirSync, chmodSync, statSync } from 'node:fs';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { FieldCipher, type CipherSource, type ClientKeyLookup } from './field-cipher.js';

const ID = /^[0-9a-zA-Z_-]{1,64}$/;

export class ClientKeyVault implements ClientKeyLookup, CipherSource {
  private readonly wrapKey: Buffer;
  private readonly cache = new Map<string, Buffer | null>();
  readonly dir: string;
  /** Reads every token kind; writes under the folder key. */
  readonly folderCipher: FieldCipher;

  constructor(dataDir: string, folderKey: Buffer) {
    this.dir = path.join(dataDir, 'keys', 'clients');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(path.dirname(this.dir), 0o700);
    chmodSync(this.dir, 0o700);
    this.wrapKey = Buffer.from(hkdfSync('sha256', folderKey, Buffer.alloc(0), 'ansim/client-key-wrap/v1', 32));
    this.folderCipher = new FieldCipher(folderKey, this);
  }

  private file(clientId: string): string {
    if (!ID.test(clientId)) throw new Error('bad client id');
    return path.join(this.dir, `${clientId}.key`);
  }

  private wrap(clientId: string, key: Buffer): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.wrapKey, iv);
    c.setAAD(Buffer.from(clientId, 'utf8')); // a key file renamed to another client fails
    const ct = Buffer.concat([c.update(key), c.final()]);
    return `w1:${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64')}\n`;
  }

  private unwrap(clientId: string, text: string): Buffer {
    const t = text.trim();
    if (!t.startsWith('w1:')) throw new Error('damaged client key file');
    const buf = Buffer.from(t.slice(3), 'base64');
    const d = createDecipheriv('aes-256-gcm', this.wrapKey, buf.subarray(0, 12));
    d.setAAD(Buffer.from(clientId, 'utf8'));
    d.setAuthTag(buf.subarray(12, 28));
    const key = Buffer.concat([d.update(buf.subarray(28)), d.final()]);
    if (key.length !== 32) throw new Error('damaged client key file');
    return key;
  }

  /** The client's key, or null when it does not exist (never made, or destroyed). */
  keyFor(clientId: string): Buffer | null {
    if (this.cache.has(clientId)) return this.cache.get(clientId) ?? null;
    let key: Buffer | null = null;
    try {
      key = this.unwrap(clientId, readFileSync(this.file(clientId), 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    // Absent keys are not cached: another call may create one in a moment.
    if (key) this.cache.set(clientId, key);
    return key;
  }

  /** True when the client has a live key. */
  has(clientId: string): boolean {
    return this.keyFor(clientId) !== null;
  }

  /** The client's key, created (exclusively and durably) when it has none yet. */
  ensure(clientId: string): Buffer {
    const existing = this.keyFor(clientId);
    if (existing) return existing;
    const target = this.file(clientId);
    const tmp = path.join(this.dir, `.${randomUUID()}.tmp`);
    const key = randomBytes(32);
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeSync(fd, this.wrap(clientId, key));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, target); // fails with EEXIST if someone else created it first
      syncDir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
    this.cache.delete(clientId);
    const stored = this.keyFor(clientId);
    if (!stored) throw new Error('client key could not be stored');
    return stored;
  }

  /** A cipher writing under the client's own key (created if needed). */
  cipherFor(clientId: string): FieldCipher {
    return this.folderCipher.forClient(clientId, this.ensure(clientId));
  }

  /** Destroys the client's key: overwritten, synced, unlinked. Idempotent. */
  destroy(clientId: string): boolean {
    const file = this.file(clientId);
    this.cache.delete(clientId);
    let fd: number;
    try {
      fd = openSync(file, 'r+');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
    try {
      const size = statSync(file).size;
      writeSync(fd, Buffer.alloc(size), 0, size, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(file);
    syncDir(this.dir);
    return true;
  }

  /** Ids of every client that has a key file. */
  ids(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.key'))
      .map((f) => f.slice(0, -4));
  }

  /** Removes keys of clients for whom `keep(id)` is false (orphans, or destroyed but crashed before unlink). */
  sweep(keep: (clientId: string) => boolean): string[] {
    const removed: string[] = [];
    for (const id of this.ids()) {
      if (!keep(id)) {
        this.destroy(id);
        removed.push(id);
      }
    }
    for (const f of readdirSync(this.dir)) if (f.endsWith('.tmp')) unlinkSync(path.join(this.dir, f));
    return removed;
  }
}

function syncDir(dir: string) {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
