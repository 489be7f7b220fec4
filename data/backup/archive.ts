// 백업 and 복원 (issue 11): an encrypted archive of a whole data folder.
//
// Format (`.ansimbak`): the magic `ANSIMBAK`, a uint32 (BE) header length, a plaintext header
// JSON that holds only the KDF parameters and the wrapped keys, then encrypted entries, each
// `uint32 length · 12-byte IV · 16-byte tag · ciphertext` (AES-256-GCM). The manager's
// passphrase → scrypt (N=2^17, r=8, p=1) → a key that wraps (AES-256-GCM) the folder's data key
// and a fresh random content key. Each entry is encrypted under the content key with, as AAD,
// the SHA-256 of the header bytes and the entry's index, so entries cannot be reordered, swapped
// between archives or dropped; the last entry (`\0end`) names the count, so a truncated archive is
// refused too. Entry names and sizes are inside the ciphertext.
//
// Entry 0 is `contents.json` (created at, desk, counts, every entry's size and SHA-256); then the
// database (a consistent online copy, `VACUUM INTO`, taken through the connection that holds it),
// the folder manifest, `files/`, `keys/clients/` and any other folder content except the lock,
// the key file (the data key travels wrapped by the passphrase instead), uploads and job scratch.
//
// Client keys: the archive copies `keys/clients/` as it is at backup time. A client destroyed
// BEFORE the backup is absent from it (no key, their rows already cleared); a client destroyed
// AFTER an archive was made is still readable from that older archive — restoring it brings
// their key back. Keep archives no longer than the shortest retention period promised.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../db/sqlite.js';
import { DataDirError } from '../crypto/data-dir-error.js';
import type { DataDirManifest, KeyProtector } from '../crypto/data-dir.js';
import { ClientKeyVault } from '../crypto/client-keys.js';
import { lockDataDir } from '../crypto/folder-lock.js';

const MAGIC = Buffer.from('ANSIMBAK', 'ascii');
const WRAP_AAD = Buffer.from('ansim-backup/v1/wrap', 'utf8');
const END = '\0end';
const KDF_DEFAULT = { N: 2 ** 17, r: 8, p: 1 };
const MIN_PASSPHRASE = 10;

/** A refusal with a message in Korean and English (wrong passphrase, damaged archive…). */
export class BackupError extends DataDirError {
  constructor(
    readonly code: 'BAD_PASSPHRASE' | 'DAMAGED' | 'NOT_ARCHIVE' | 'TARGET_NOT_EMPTY' | 'WEAK_PASSPHRASE',
    ko: string,
    en: string,
  ) {
    super(ko, en);
  }
}

interface ArchiveEntryInfo {
  name: string;
  size: number;
  sha256: string;
}

export interface ArchiveContents {
  format: 1;
  createdAt: string;
  deviceId: string;
  /** The desk: the centers of its managers. */
  desk: string;
  protector: string;
  counts: { clients: number; cases: number; managers: number; clientKeys: number; files: number };
  /** Sum of the entries' plaintext sizes. */
  bytes: number;
  entries: ArchiveEntryInfo[];
}

export interface BackupProgress {
  phase: 'snapshot' | 'read' | 'encrypt' | 'verify' | 'done';
  done: number;
  total: number;
}

interface Header {
  app: 'ansim-desk-backup';
  format: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  wrap: { iv: string; tag: string; ct: string };
}

const badPass = () =>
  new BackupError(
    'BAD_PASSPHRASE',
    '백업 암호가 맞지 않습니다. 백업을 만들 때 정한 암호를 입력하세요. (암호가 맞다면 백업 파일의 머리글이 손상된 것입니다.)',
    'The backup passphrase is wrong. Enter the passphrase set when the backup was made. (If it is right, the archive header is damaged.)',
  );
const damaged = (why: string) =>
  new BackupError('DAMAGED', `백업 파일이 손상되었거나 변경되어 사용할 수 없습니다 (${why}).`, `The backup archive is damaged or was altered and cannot be used (${why}).`);
const notArchive = () => new BackupError('NOT_ARCHIVE', '안심데스크 백업 파일(.ansimbak)이 아닙니다.', 'Not an Ansim Desk backup archive (.ansimbak).');

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE) {
    throw new BackupError(
      'WEAK_PASSPHRASE',
      `백업 암호는 ${MIN_PASSPHRASE}자 이상이어야 합니다. 잊으면 백업을 복원할 수 없으니 안전한 곳에 적어 두세요.`,
      `The backup passphrase must have at least ${MIN_PASSPHRASE} characters. Without it the backup cannot be restored: keep it somewhere safe.`,
    );
  }
}

function scrypt(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(passphrase.normalize('NFC'), salt, 32, opts, (e, k) => (e ? reject(e) : resolve(k))));
}

function seal(key: Buffer, plain: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv, tag: c.getAuthTag(), ct };
}

function open(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer, aad: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(aad);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(ct), d.final()]);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const entryAad = (headerHash: Buffer, index: number) => {
  const i = Buffer.alloc(4);
  i.writeUInt32BE(index);
  return Buffer.concat([headerHash, i]);
};

/** Folder content that is never archived: the lock, the key file, WAL files, uploads, scratch. */
function skipped(rel: string): boolean {
  const top = rel.split('/')[0];
  if (['ansim.lock', 'ansim.sqlite', 'ansim.sqlite-wal', 'ansim.sqlite-shm', 'ansim.sqlite-journal', 'imports', 'jobs', '.backup-tmp'].includes(top)) return true;
  if (rel === 'keys/data.key') return true;
  return rel.endsWith('.tmp');
}

async function listFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  let items;
  try {
    items = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw e;
  }
  for (const e of items) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (skipped(r)) continue;
    if (e.isDirectory()) out.push(...(await listFiles(root, r)));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

/** What a backup reads: the folder, its data key, and a way to take a consistent DB copy. */
export interface BackupSource {
  dataDir: string;
  dataKey: Buffer;
  manifest: DataDirManifest;
  /** Writes a consistent copy of the live database to `target` (through the connection that holds it). */
  snapshotDb(target: string): Promise<void>;
}

/** A source for a database connection: `VACUUM INTO` on that very connection (WAL included). */
export function vacuumInto(db: Database): (target: string) => Promise<void> {
  return async (target) => {
    await db.run('VACUUM INTO ?', [target]);
  };
}

async function summarise(dbFile: string): Promise<{ clients: number; cases: number; managers: number; desk: string }> {
  const db = await Database.open(dbFile);
  try {
    const count = async (t: string) => {
      const has = await db.get(`SELECT 1 AS x FROM sqlite_master WHERE type='table' AND name=?`, [t]);
      return has ? ((await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))?.n ?? 0) : 0;
    };
    const centers = await db.all<{ center: string }>(`SELECT DISTINCT center FROM managers WHERE center <> '' ORDER BY center`).catch(() => []);
    return { clients: await count('clients'), cases: await count('cases'), managers: await count('managers'), desk: centers.map((c) => c.center).join(', ') };
  } finally {
    await db.close();
  }
}

async function integrityCheck(dbFile: string): Promise<void> {
  const db = await Database.open(dbFile);
  try {
    const r = await db.get<{ integrity_check: string }>('PRAGMA integrity_check');
    if (r?.integrity_check !== 'ok') throw damaged(`database: ${r?.integrity_check ?? 'unreadable'}`);
  } finally {
    await db.close();
  }
}

async function scratchDir(dataDir: string): Promise<string> {
  const base = path.join(dataDir, '.backup-tmp');
  await mkdir(base, { recursive: true, mode: 0o700 });
  return mkdtemp(path.join(base, 'b-'));
}

/**
 * Makes an encrypted archive of the folder and reads it back (every entry decrypted and hashed,
 * the database copy passes `PRAGMA integrity_check` and counts the same) before returning it.
 */
export async function createBackup(
  src: BackupSource,
  passphrase: string,
  opts: { onProgress?: (p: BackupProgress) => void; now?: Date; kdf?: { N: number; r: number; p: number } } = {},
): Promise<{ archive: Buffer; contents: ArchiveContents }> {
  checkPassphrase(passphrase);
  const progress = opts.onProgress ?? (() => undefined);
  const tmp = await scratchDir(src.dataDir);
  try {
    progress({ phase: 'snapshot', done: 0, total: 1 });
    const dbCopy = path.join(tmp, 'ansim.sqlite');
    await src.snapshotDb(dbCopy);
    progress({ phase: 'snapshot', done: 1, total: 1 });
    const files = await listFiles(src.dataDir);
    const parts: { name: string; data: Buffer }[] = [{ name: 'ansim.sqlite', data: await readFile(dbCopy) }];
    for (let i = 0; i < files.length; i++) {
      try {
        parts.push({ name: files[i], data: await readFile(path.join(src.dataDir, files[i])) });
      } catch (e) {
        // A file removed while we read (a destroyed client's key, a collected photo) is simply not in the archive.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      progress({ phase: 'read', done: i + 1, total: files.length });
    }
    const s = await summarise(dbCopy);
    const contents: ArchiveContents = {
      format: 1,
      createdAt: (opts.now ?? new Date()).toISOString(),
      deviceId: src.manifest.deviceId,
      desk: s.desk,
      protector: src.manifest.protector,
      counts: {
        clients: s.clients,
        cases: s.cases,
        managers: s.managers,
        clientKeys: parts.filter((p) => p.name.startsWith('keys/clients/')).length,
        files: parts.filter((p) => p.name.startsWith('files/')).length,
      },
      bytes: parts.reduce((a, p) => a + p.data.length, 0),
      entries: parts.map((p) => ({ name: p.name, size: p.data.length, sha256: sha256(p.data) })),
    };

    const kdf = opts.kdf ?? KDF_DEFAULT;
    const salt = randomBytes(16);
    const kek = await scrypt(passphrase, salt, kdf);
    const contentKey = randomBytes(32);
    if (src.dataKey.length !== 32) throw new Error('data key must be 32 bytes');
    const w = seal(kek, Buffer.concat([src.dataKey, contentKey]), WRAP_AAD);
    const header: Header = {
      app: 'ansim-desk-backup',
      format: 1,
      kdf: { name: 'scrypt', ...kdf, salt: salt.toString('base64') },
      wrap: { iv: w.iv.toString('base64'), tag: w.tag.toString('base64'), ct: w.ct.toString('base64') },
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const headerHash = createHash('sha256').update(headerBytes).digest();
    const len = Buffer.alloc(4);
    len.writeUInt32BE(headerBytes.length);
    const out: Buffer[] = [MAGIC, len, headerBytes];
    const all = [{ name: 'contents.json', data: Buffer.from(JSON.stringify(contents), 'utf8') }, ...parts];
    all.push({ name: END, data: Buffer.from(JSON.stringify({ count: all.length }), 'utf8') });
    all.forEach((p, i) => {
      const name = Buffer.from(p.name, 'utf8');
      const nl = Buffer.alloc(2);
      nl.writeUInt16BE(name.length);
      const e = seal(contentKey, Buffer.concat([nl, name, p.data]), entryAad(headerHash, i));
      const el = Buffer.alloc(4);
      el.writeUInt32BE(e.ct.length);
      out.push(el, e.iv, e.tag, e.ct);
      progress({ phase: 'encrypt', done: i + 1, total: all.length });
    });
    const archive = Buffer.concat(out);

    // The verification read-back: decrypt everything again, as a restore would.
    progress({ phase: 'verify', done: 0, total: 1 });
    await verifyBackup(archive, passphrase, tmp);
    progress({ phase: 'verify', done: 1, total: 1 });
    progress({ phase: 'done', done: 1, total: 1 });
    return { archive, contents };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export interface OpenedArchive {
  contents: ArchiveContents;
  dataKey: Buffer;
  entries: Map<string, Buffer>;
}

/** Decrypts an archive: BAD_PASSPHRASE, DAMAGED or NOT_ARCHIVE when it cannot be used. */
export async function openArchive(archive: Buffer, passphrase: string): Promise<OpenedArchive> {
  if (archive.length < 12 || !archive.subarray(0, 8).equals(MAGIC)) throw notArchive();
  const hl = archive.readUInt32BE(8);
  if (12 + hl > archive.length) throw damaged('header');
  const headerBytes = archive.subarray(12, 12 + hl);
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Header;
  } catch {
    throw damaged('header');
  }
  if (header.app !== 'ansim-desk-backup' || header.format !== 1 || header.kdf?.name !== 'scrypt') throw notArchive();
  const { N, r, p } = header.kdf;
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 22 || r > 32 || p > 16) throw damaged('header');
  const kek = await scrypt(passphrase ?? '', Buffer.from(header.kdf.salt, 'base64'), { N, r, p });
  let keys: Buffer;
  try {
    keys = open(kek, Buffer.from(header.wrap.iv, 'base64'), Buffer.from(header.wrap.tag, 'base64'), Buffer.from(header.wrap.ct, 'base64'), WRAP_AAD);
  } catch {
    throw badPass();
  }
  if (keys.length !== 64) throw damaged('keys');
  const dataKey = keys.subarray(0, 32);
  const contentKey = keys.subarray(32);
  const headerHash = createHash('sha256').update(headerBytes).digest();
  const entries = new Map<string, Buffer>();
  let off = 12 + hl;
  let index = 0;
  let ended = false;
  let contents: ArchiveContents | null = null;
  while (off < archive.length) {
    if (ended) throw damaged('data after the end');
    if (off + 32 > archive.length) throw damaged('truncated');
    const len = archive.readUInt32BE(off);
    if (off + 32 + len > archive.length) throw damaged('truncated');
    let plain: Buffer;
    try {
      plain = open(contentKey, archive.subarray(off + 4, off + 16), archive.subarray(off + 16, off + 32), archive.subarray(off + 32, off + 32 + len), entryAad(headerHash, index));
    } catch {
      throw damaged(`entry ${index}`);
    }
    off += 32 + len;
    const nl = plain.readUInt16BE(0);
    const name = plain.subarray(2, 2 + nl).toString('utf8');
    const data = plain.subarray(2 + nl);
    if (name === END) {
      if ((JSON.parse(data.toString('utf8')) as { count: number }).count !== index) throw damaged('entry count');
      ended = true;
    } else if (index === 0) {
      if (name !== 'contents.json') throw damaged('contents');
      contents = JSON.parse(data.toString('utf8')) as ArchiveContents;
    } else entries.set(name, data);
    index++;
  }
  if (!ended || !contents) throw damaged('truncated');
  for (const e of contents.entries) {
    const d = entries.get(e.name);
    if (!d || d.length !== e.size || sha256(d) !== e.sha256) throw damaged(e.name);
  }
  if (entries.size !== contents.entries.length) throw damaged('entry list');
  return { contents, dataKey: Buffer.from(dataKey), entries };
}

/** Checks an archive fully (passphrase, every entry, the database's integrity); returns what it holds. */
export async function verifyBackup(archive: Buffer, passphrase: string, scratch?: string): Promise<ArchiveContents> {
  const a = await openArchive(archive, passphrase);
  const dir = scratch ?? (await mkdtemp(path.join(os.tmpdir(), 'ansim-verify-')));
  const file = path.join(dir, `verify-${randomUUID()}.sqlite`);
  try {
    await writeFile(file, a.entries.get('ansim.sqlite') ?? Buffer.alloc(0), { mode: 0o600 });
    await integrityCheck(file);
    const s = await summarise(file);
    if (s.clients !== a.contents.counts.clients || s.cases !== a.contents.counts.cases) throw damaged('counts');
  } finally {
    await rm(file, { force: true });
    if (!scratch) await rm(dir, { recursive: true, force: true });
  }
  return a.contents;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  if (!(await stat(dir)).isDirectory()) return false;
  return (await readdir(dir)).length === 0;
}

export interface RestoreResult {
  dir: string;
  contents: ArchiveContents;
  /** Where the folder that was replaced went (only with `replace`). */
  previousMovedTo?: string;
}

/**
 * Restores an archive into `targetDir`, which must be new (missing or empty). With `replace`
 * (an explicit confirmation) a non-empty folder no app holds is first moved aside to
 * `<dir>.before-restore-<time>` — never deleted. The data key is stored with `protector` (the
 * new folder's key protector); client keys stay wrapped by that same data key.
 */
export async function restoreBackup(
  archive: Buffer,
  passphrase: string,
  targetDir: string,
  protector: KeyProtector,
  opts: { replace?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  const a = await openArchive(archive, passphrase);
  const dir = path.resolve(targetDir);
  let previousMovedTo: string | undefined;
  if (!(await isEmptyDir(dir))) {
    if (!opts.replace) {
      throw new BackupError(
        'TARGET_NOT_EMPTY',
        `복원할 폴더(${dir})가 비어 있지 않습니다. 새 폴더를 고르세요. 기존 폴더를 바꾸려면 명시적으로 확인해야 합니다 (--replace).`,
        `The folder to restore into (${dir}) is not empty. Choose a new folder; replacing an existing one needs an explicit confirmation (--replace).`,
      );
    }
    // Fails with FolderBusy when an app holds it.
    const probe = await lockDataDir(dir);
    await probe.release();
    previousMovedTo = `${dir}.before-restore-${(opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(dir, previousMovedTo);
  }
  const lock = await lockDataDir(dir);
  try {
    for (const [name, data] of a.entries) {
      if (name.split('/').some((s) => s === '..' || s === '' || s === '.') || path.isAbsolute(name)) throw damaged(`entry name ${name}`);
      if (name === 'ansim-data.json') continue;
      const file = path.join(dir, ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, data, { mode: 0o600 });
    }
    for (const sub of ['keys', 'keys/clients', 'files']) {
      await mkdir(path.join(dir, sub), { recursive: true, mode: 0o700 });
      await chmod(path.join(dir, sub), 0o700);
    }
    if (!(await protector.store(dir, a.dataKey))) throw new Error('the restored folder already had a data key');
    const loaded = await protector.load(dir);
    if (!loaded?.equals(a.dataKey)) throw new Error('the data key could not be read back from the new folder');
    // Every client key unwraps with the restored data key.
    const vault = new ClientKeyVault(dir, a.dataKey);
    for (const id of vault.ids()) if (!vault.keyFor(id)) throw damaged(`client key ${id}`);
    await integrityCheck(path.join(dir, 'ansim.sqlite'));
    const old = a.entries.get('ansim-data.json');
    const prior = old ? (JSON.parse(old.toString('utf8')) as DataDirManifest) : null;
    const manifest: DataDirManifest & { restoredFrom?: string } = {
      format: 1,
      app: 'ansim-desk',
      protector: protector.kind,
      deviceId: prior?.deviceId ?? a.contents.deviceId,
      createdAt: prior?.createdAt ?? a.contents.createdAt,
      restoredFrom: a.contents.createdAt,
    };
    // The manifest last: it says the folder is complete.
    await writeFile(path.join(dir, 'ansim-data.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  } finally {
    await lock.release();
  }
  return { dir, contents: a.contents, previousMovedTo };
}
