// `ansim backup create|verify|restore` (issue 11) on a folder no app holds; the passphrase comes
// from ANSIM_BACKUP_PASSPHRASE (never an argument: it would show in the process list).
//   create --data-dir DIR --out FILE.ansimbak   takes the folder's lock; when an app holds the
//                                               folder, exit 1: back up in the app (설정 → 백업)
//   verify FILE                                 decrypts and checks everything, prints what it holds
//   restore FILE --to DIR [--replace]           into a new folder (browser-host key file); an
//                                               existing non-empty folder only with --replace
//                                               (it is moved aside, never deleted)
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBackup, restoreBackup, vacuumInto, verifyBackup, type ArchiveContents } from '../../data/backup/archive.js';
import { DataDirError } from '../../data/crypto/data-dir-error.js';
import { keyFileProtector, type DataDirManifest } from '../../data/crypto/data-dir.js';
import { FolderBusy, lockDataDir } from '../../data/crypto/folder-lock.js';
import { Database } from '../../data/db/sqlite.js';
import { BadInput, printJson, type CliIO, type ExitCode } from './io.js';

const USAGE =
  'Usage: ansim backup create --data-dir DIR --out FILE | verify FILE | restore FILE --to DIR [--replace]   (passphrase in ANSIM_BACKUP_PASSPHRASE)\n';

interface Opts {
  sub?: string;
  file?: string;
  dataDir?: string;
  out?: string;
  to?: string;
  replace?: boolean;
}

function parse(rest: string[]): Opts {
  const o: Opts = {};
  const [sub, ...args] = rest;
  o.sub = sub;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--data-dir' || a === '--out' || a === '--to') {
      const v = args[++i];
      if (!v) throw new BadInput(`${a}: expected a value`);
      if (a === '--data-dir') o.dataDir = v;
      else if (a === '--out') o.out = v;
      else o.to = v;
    } else if (a === '--replace') o.replace = true;
    else if (a.startsWith('--')) throw new BadInput(`unknown option "${a}"`);
    else if (!o.file) o.file = a;
    else throw new BadInput(`unexpected argument "${a}"`);
  }
  return o;
}

function passphrase(): string {
  const p = process.env.ANSIM_BACKUP_PASSPHRASE;
  if (!p) throw new BadInput('ANSIM_BACKUP_PASSPHRASE: set the backup passphrase in this environment variable (백업 암호를 환경 변수로 주세요)');
  return p;
}

async function readArchive(file: string | undefined): Promise<Buffer> {
  if (!file) throw new BadInput('FILE: name the backup archive');
  try {
    return await readFile(file);
  } catch (e) {
    throw new BadInput(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

const summary = (c: ArchiveContents) => ({ createdAt: c.createdAt, desk: c.desk, deviceId: c.deviceId, counts: c.counts, bytes: c.bytes, entries: c.entries.length });

async function create(o: Opts, io: CliIO): Promise<ExitCode> {
  if (!o.dataDir) throw new BadInput('--data-dir: name the data folder to back up');
  if (!o.out) throw new BadInput('--out: name the archive file to write (e.g. desk.ansimbak)');
  const pass = passphrase();
  const dir = path.resolve(o.dataDir);
  let lock;
  try {
    lock = await lockDataDir(dir);
  } catch (e) {
    if (e instanceof FolderBusy) {
      throw new DataDirError(
        `${e.ko} 앱이 열려 있는 동안에는 앱의 설정 → 백업에서 백업하세요.`,
        `${e.en} While the app has it open, back up from the app: 설정 (Settings) → 백업 (Backup).`,
      );
    }
    throw e;
  }
  try {
    let manifest: DataDirManifest;
    try {
      manifest = JSON.parse(await readFile(path.join(dir, 'ansim-data.json'), 'utf8')) as DataDirManifest;
    } catch {
      throw new BadInput(`--data-dir: ${dir} is not an Ansim Desk data folder (no ansim-data.json)`);
    }
    if (manifest.protector !== 'keyfile') {
      throw new DataDirError(
        '이 폴더의 데이터 키는 데스크톱 앱의 운영체제 키체인에 있어 명령줄에서 읽을 수 없습니다. 앱의 설정 → 백업에서 백업하세요.',
        "This folder's data key is in the desktop app's OS keychain, which the command line cannot read. Back up from the app: 설정 (Settings) → 백업 (Backup).",
      );
    }
    const dataKey = await keyFileProtector.load(dir);
    if (!dataKey) throw new DataDirError('데이터 키(keys/data.key)가 없습니다.', 'The data key (keys/data.key) is missing.');
    const db = await Database.open(path.join(dir, 'ansim.sqlite'));
    try {
      const { archive, contents } = await createBackup(
        { dataDir: dir, dataKey, manifest, snapshotDb: vacuumInto(db) },
        pass,
        { onProgress: (p) => io.err(`backup: ${p.phase} ${p.done}/${p.total}\n`) },
      );
      await writeFile(o.out, archive, { mode: 0o600 });
      printJson(io, { file: path.resolve(o.out), size: archive.length, verified: true, ...summary(contents) });
      return 0;
    } finally {
      await db.close();
    }
  } finally {
    await lock.release();
  }
}

export async function main(rest: string[], io: CliIO): Promise<ExitCode> {
  const o = parse(rest);
  try {
    if (o.sub === 'create') return await create(o, io);
    if (o.sub === 'verify') {
      const archive = await readArchive(o.file);
      printJson(io, { verified: true, ...summary(await verifyBackup(archive, passphrase())) });
      return 0;
    }
    if (o.sub === 'restore') {
      const archive = await readArchive(o.file);
      if (!o.to) throw new BadInput('--to: name a NEW folder to restore into');
      const r = await restoreBackup(archive, passphrase(), o.to, keyFileProtector, { replace: o.replace });
      printJson(io, { restoredTo: r.dir, previousMovedTo: r.previousMovedTo ?? null, open: `npm run serve -- --data-dir ${r.dir}`, ...summary(r.contents) });
      return 0;
    }
  } catch (e) {
    if (e instanceof DataDirError) {
      io.err(`ansim backup: ${e.ko}\n${e.en}\n`);
      return 1;
    }
    throw e;
  }
  throw new BadInput(`unknown subcommand "${o.sub ?? ''}"\n${USAGE}`);
}
