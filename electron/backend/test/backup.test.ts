// Issue 11 백업 / 복원: round trip with a byte-compare of every table, wrong passphrase, tampering,
// a withdrawn client, restore only into a new folder.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { Readable } from 'node:stream';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, openArchive, restoreBackup, vacuumInto, verifyBackup, BackupError } from '../../../data/backup/archive.js';
import { keyFileProtector } from '../../../data/crypto/data-dir.js';
import { ClientKeyVault } from '../../../data/crypto/client-keys.js';
import { Database } from '../../../data/db/sqlite.js';
import { consented, openHarness, signedIn } from './harness.js';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = '한강 다리 위 고양이 2026';
let h: Awaited<ReturnType<typeof signedIn>> | undefined;
afterEach(async () => h?.backend.close());

const source = (x: NonNullable<typeof h>) => ({
  dataDir: x.dir,
  dataKey: x.backend.dataDir.dataKey,
  manifest: x.backend.dataDir.manifest,
  snapshotDb: vacuumInto(x.backend.db),
});

async function dumpTables(db: Pick<Database, 'all'>): Promise<Record<string, unknown[]>> {
  const tables = await db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = await db.all(`SELECT * FROM "${name}" ORDER BY rowid`);
  return out;
}

async function seed(x: NonNullable<typeof h>) {
  const a = await x.api('clients.create', { consent: consented(), name: '백업고객', phone: '010-2222-3333', notes: '메모백업', desiredDistricts: ['관악구'] });
  const b = await x.api('clients.create', { consent: consented(), name: '철회고객', phone: '010-4444-5555', desiredDistricts: [] });
  await x.api('cases.create', { clientId: a.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-03' });
  return { a, b };
}

describe('backup and restore', () => {
  it('through the API: create (coordinator), inspect and restore an uploaded archive into a new sibling folder', async () => {
    h = await signedIn();
    await seed(h);
    expect((await h.raw('backup.create', { passphrase: 'short' })).ok).toBe(false);
    const made = await h.api('backup.create', { passphrase: PASS });
    expect(made).toMatchObject({ verified: true, contents: { desk: '관악구 1인가구지원센터', counts: { clients: 2, cases: 1 } } });
    expect(made.fileName).toMatch(/\.ansimbak$/);
    const { ref } = await h.backend.files.receive('bk1', made.fileName, Readable.from([Buffer.from(made.dataBase64, 'base64')]));
    const wrong = await h.raw('backup.inspect', { file: { ref }, passphrase: '틀린 암호 입니다 정말' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message.ko).toContain('백업 암호가 맞지 않습니다');
    expect(await h.api('backup.inspect', { file: { ref }, passphrase: PASS })).toMatchObject({ verified: true, counts: { clients: 2 } });
    const r = await h.api('backup.restore', { file: { ref }, passphrase: PASS });
    expect(r.dir).toBe(`${h.dir}-restored-20261127-010000`);
    expect(r.openCommand).toContain('--data-dir');
    expect(await readdir(r.dir)).toEqual(expect.arrayContaining(['ansim.sqlite', 'ansim-data.json', 'keys', 'files']));
    // A manager who is not a coordinator may not make or restore backups.
    const b = await h.api('managers.create', { name: '박동행', center: '', brokerRegNo: '', districts: [], pin: '5678' });
    await h.api('session.start', { id: b.id, pin: '5678' });
    for (const [m, input] of [['backup.create', { passphrase: PASS }], ['backup.inspect', { file: { ref }, passphrase: PASS }], ['backup.restore', { file: { ref }, passphrase: PASS }]] as const) {
      const forbidden = await h.raw(m, input);
      expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    }
  });

  it('round-trips: every table row equal, personal fields decrypt the same, progress reported, read back verified', async () => {
    h = await signedIn();
    const { a } = await seed(h);
    const phases = new Set<string>();
    const { archive, contents } = await createBackup(source(h), PASS, { kdf: FAST, onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(['snapshot', 'read', 'encrypt', 'verify', 'done']);
    expect(contents.counts.clients).toBe(2);
    expect(contents.counts.cases).toBe(1);
    expect(contents.counts.clientKeys).toBe(2);
    expect(contents.desk).toBe('관악구 1인가구지원센터');
    // The archive does not carry any personal value, names, or the data key in the clear.
    for (const s of ['백업고객', '010-2222-3333', 'keys/clients', h.backend.dataDir.dataKey.toString('base64')]) expect(archive.includes(Buffer.from(s))).toBe(false);

    const target = path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-restore-')), 'restored');
    const r = await restoreBackup(archive, PASS, target, keyFileProtector);
    expect(r.contents.counts).toEqual(contents.counts);

    const restored = await Database.open(path.join(target, 'ansim.sqlite'));
    try {
      expect(await dumpTables(restored)).toEqual(await dumpTables(h.backend.db));
      const orig = await h.backend.db.all<{ name_enc: string; phone_enc: string; notes_enc: string }>('SELECT name_enc, phone_enc, notes_enc FROM clients ORDER BY id');
      const vault = new ClientKeyVault(target, (await keyFileProtector.load(target))!);
      const decrypted = orig.map((c) => [c.name_enc, c.phone_enc, c.notes_enc].map((t) => (t ? vault.folderCipher.decrypt(t) : null)));
      expect(decrypted).toEqual(orig.map((c) => [c.name_enc, c.phone_enc, c.notes_enc].map((t) => (t ? h!.backend.keys.folderCipher.decrypt(t) : null))));
      expect(decrypted.flat()).toContain('백업고객');
    } finally {
      await restored.close();
    }
    // The restored folder opens as a desk and shows the client.
    await h.backend.close();
    const h2 = await openHarness({ dir: target });
    try {
      const [m] = await h2.api('managers.list', {});
      await h2.api('session.start', { id: m.id, pin: '1234' });
      expect((await h2.api('clients.get', { id: a.id })).name).toBe('백업고객');
    } finally {
      await h2.backend.close();
    }
    h = undefined;
  });

  it('refuses a wrong passphrase and a tampered or truncated archive with a clear message', async () => {
    h = await signedIn();
    await seed(h);
    const { archive } = await createBackup(source(h), PASS, { kdf: FAST });
    await expect(openArchive(archive, '틀린 암호입니다 정말로')).rejects.toMatchObject({ code: 'BAD_PASSPHRASE', message: expect.stringContaining('passphrase is wrong') });
    const tampered = Buffer.from(archive);
    tampered[tampered.length - 100] ^= 0x01;
    await expect(verifyBackup(tampered, PASS)).rejects.toMatchObject({ code: 'DAMAGED', message: expect.stringContaining('damaged or was altered') });
    await expect(openArchive(archive.subarray(0, archive.length - 40), PASS)).rejects.toBeInstanceOf(BackupError);
    await expect(openArchive(Buffer.from('hello world, not an archive'), PASS)).rejects.toMatchObject({ code: 'NOT_ARCHIVE' });
    await expect(createBackup(source(h), 'short', { kdf: FAST })).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
  });

  it('never restores over a folder that is not empty without the explicit replace flag (then moves it aside)', async () => {
    h = await signedIn();
    await seed(h);
    const { archive } = await createBackup(source(h), PASS, { kdf: FAST });
    await expect(restoreBackup(archive, PASS, h.dir, keyFileProtector)).rejects.toMatchObject({ code: 'TARGET_NOT_EMPTY' });
    // The running app's folder is held: even with replace it is refused.
    await expect(restoreBackup(archive, PASS, h.dir, keyFileProtector, { replace: true })).rejects.toMatchObject({ code: 'FOLDER_BUSY' });
    const other = await mkdtemp(path.join(os.tmpdir(), 'ansim-other-'));
    await writeFile(path.join(other, 'note.txt'), 'keep me');
    const r = await restoreBackup(archive, PASS, other, keyFileProtector, { replace: true });
    expect(await readdir(r.previousMovedTo!)).toContain('note.txt');
  });

  it('an archive made after a withdrawal holds nothing of that client; one made before still holds their key (documented)', async () => {
    h = await signedIn();
    const { b } = await seed(h);
    const before = await createBackup(source(h), PASS, { kdf: FAST });
    expect(before.contents.entries.some((e) => e.name === `keys/clients/${b.id}.key`)).toBe(true);
    await h.api('clients.withdrawConsent', { id: b.id });
    const after = await createBackup(source(h), PASS, { kdf: FAST });
    expect(after.contents.entries.some((e) => e.name === `keys/clients/${b.id}.key`)).toBe(false);
    const opened = await openArchive(after.archive, PASS);
    for (const data of opened.entries.values()) {
      for (const s of ['철회고객', '010-4444-5555']) expect(data.includes(Buffer.from(s))).toBe(false);
    }
    const target = path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-restore-')), 'r');
    await restoreBackup(after.archive, PASS, target, keyFileProtector);
    const db = await Database.open(path.join(target, 'ansim.sqlite'));
    try {
      const row = await db.get<{ name_enc: string | null; phone_enc: string | null }>('SELECT name_enc, phone_enc FROM clients WHERE id = ?', [b.id]);
      expect([row?.name_enc, row?.phone_enc]).toEqual([null, null]);
    } finally {
      await db.close();
    }
  });
});
