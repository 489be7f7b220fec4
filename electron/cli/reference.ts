// `ansim reference show|validate|load`: the reference pack (issue 13).
//   show [--data-dir DIR]           the pack in force (the folder's loaded pack, else the shipped one)
//   validate FILE [--data-dir DIR]  checks a pack file (with the folder's signing key when given)
//   load FILE --data-dir DIR --manager NAME   loads it as that coordinator (PIN from ANSIM_PIN),
//                                   under the folder's lock: when the app has the folder open, load
//                                   it in the app (설정 → 법령 기준표) instead.
// Also `referenceForDataDir(dir)`, which `calc` and `registry analyze` use with --data-dir.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Database } from '../../data/db/sqlite.js';
import { lockDataDir } from '../../data/crypto/folder-lock.js';
import { keyFileProtector } from '../../data/crypto/data-dir.js';
import type { ReferenceTable, VersionBase } from '../../data/reference/index.js';
import { checkPack } from '../../data/reference/pack/pack.js';
import { openBackend } from '../backend/backend.js';
import { shippedReference, type ReferenceInUse } from '../backend/reference.js';
import { BadInput, printJson, type CliIO, type Subcommand } from './io.js';

const USAGE = 'Usage: ansim reference show [--data-dir DIR] | validate FILE [--data-dir DIR] | load FILE --data-dir DIR --manager NAME (PIN in ANSIM_PIN)\n';

interface Opts {
  file?: string;
  dataDir?: string;
  manager?: string;
}

function parse(rest: string[]): Opts {
  const o: Opts = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--data-dir' || a === '--manager') {
      const v = rest[++i];
      if (!v) throw new BadInput(`${a}: expected a value`);
      if (a === '--data-dir') o.dataDir = v;
      else o.manager = v;
    } else if (a.startsWith('--')) throw new BadInput(`unknown option "${a}"`);
    else if (!o.file) o.file = a;
    else throw new BadInput(`unexpected argument "${a}"`);
  }
  return o;
}

/** Reads a folder's database under its lock, never writing; a folder without a loaded pack uses the shipped one. */
async function withFolderDb<T>(dir: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const lock = await lockDataDir(path.resolve(dir));
  try {
    const db = await Database.open(path.join(path.resolve(dir), 'ansim.sqlite'));
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  } finally {
    await lock.release();
  }
}

/** The pack in force for a data folder (its active loaded pack), else the shipped one. */
export async function referenceForDataDir(dir: string | undefined): Promise<ReferenceInUse> {
  if (!dir) return shippedReference();
  return withFolderDb(dir, async (db) => {
    const has = await db.get(`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'reference_packs'`);
    const row = has ? await db.get<{ pack_json: string; pack_version: string; verified_on: string; manifest_sha256: string }>('SELECT * FROM reference_packs WHERE active = 1') : undefined;
    if (!row) return shippedReference();
    const r = checkPack(JSON.parse(row.pack_json));
    if (!r.ok) throw new Error(`the folder's reference pack no longer passes its checks: ${r.refusals.map((x) => x.en).join('; ')}`);
    return { tables: r.tables, pack: { packVersion: row.pack_version, verifiedOn: row.verified_on, source: 'loaded', sha256: row.manifest_sha256 } };
  });
}

async function readPackFile(file: string | undefined): Promise<string> {
  if (!file) throw new BadInput('FILE: name the reference pack file');
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new BadInput(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function summary(use: ReferenceInUse) {
  return {
    ...use.pack,
    tables: Object.values(use.tables as unknown as Record<string, ReferenceTable<VersionBase>>).map((t) => ({
      name: t.name, checkedOn: t.checkedOn, rows: t.versions.length, lastFrom: t.versions.at(-1)!.effectiveFrom, ...(t.seriesCheckedThrough ? { seriesCheckedThrough: t.seriesCheckedThrough } : {}),
    })),
  };
}

async function validate(o: Opts, io: CliIO): Promise<0 | 2> {
  const text = await readPackFile(o.file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BadInput(`${o.file}: not valid JSON (${(e as Error).message})`);
  }
  const key = o.dataDir
    ? await withFolderDb(o.dataDir, async (db) => (await db.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'referencePackPublicKey'`))?.value ?? null)
    : null;
  const r = checkPack(raw, { publicKeyPem: key });
  if (!r.ok) {
    for (const x of r.refusals) io.err(`${o.file}: ${x.en} / ${x.ko}\n`);
    printJson(io, { file: o.file, valid: false, refusals: r.refusals });
    return 2;
  }
  printJson(io, { file: o.file, valid: true, packVersion: r.pack.manifest.packVersion, verifiedOn: r.pack.manifest.verifiedOn, signed: r.signed, tables: r.pack.manifest.tables });
  return 0;
}

async function load(o: Opts, io: CliIO): Promise<0 | 1 | 2> {
  const json = await readPackFile(o.file);
  if (!o.dataDir) throw new BadInput('--data-dir: name the data folder to load the pack into');
  if (!o.manager) throw new BadInput('--manager: name the coordinator who loads it (PIN in ANSIM_PIN)');
  const pin = process.env.ANSIM_PIN;
  if (!pin) throw new BadInput('ANSIM_PIN: set the coordinator’s PIN in this environment variable');
  // openBackend takes the folder's lock: when the app has it open, this fails with a message to use the app.
  const backend = await openBackend({ dataDir: path.resolve(o.dataDir), protector: keyFileProtector, seedDemo: false });
  try {
    const managers = await backend.call('managers.list', {});
    const m = managers.ok ? managers.result.find((x) => x.name === o.manager) : undefined;
    if (!m) throw new BadInput(`--manager: no active manager named "${o.manager}"`);
    const s = await backend.call('session.start', { id: m.id, pin });
    if (!s.ok) throw new BadInput(`ANSIM_PIN: ${s.error.message.en}`);
    const r = await backend.call('reference.load', { json });
    if (!r.ok) {
      for (const f of r.error.fields ?? [{ path: r.error.code, message: r.error.message }]) io.err(`${o.file}: ${f.message.en} / ${f.message.ko}\n`);
      return r.error.code === 'VALIDATION' ? 2 : 1;
    }
    const { history, tables, ...pack } = r.result;
    printJson(io, { loaded: true, ...pack, tables: tables.length, previous: history.slice(1, 2) });
    return 0;
  } finally {
    await backend.close();
    await backend.dataDir.lock.release();
  }
}

export const main: Subcommand = async (args, io) => {
  const [verb, ...rest] = args;
  if (!verb || verb === '--help' || verb === '-h') {
    io.err(USAGE);
    return verb ? 0 : 2;
  }
  const o = parse(rest);
  if (verb === 'show') {
    printJson(io, summary(await referenceForDataDir(o.dataDir)));
    return 0;
  }
  if (verb === 'validate') return validate(o, io);
  if (verb === 'load') return load(o, io);
  throw new BadInput(`unknown subcommand "${verb}" (show, validate, load)`);
};
