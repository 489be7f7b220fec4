// 백업 / 복원 handlers (issue 11). Coordinator only; the archive's database is a `VACUUM INTO`
// through the backend's own connection (it holds the file in exclusive mode), so the copy is
// consistent while the app runs. Restore never touches the open folder: it makes a new sibling
// folder `<data folder>-restored-<time>` protected like this one, to be opened with --data-dir.
import { readFile } from 'node:fs/promises';
import { ApiError } from '../../api/errors.js';
import type { BackupContentsView } from '../../api/backup-methods.js';
import { BackupError, createBackup, restoreBackup, vacuumInto, verifyBackup, type ArchiveContents } from '../../../data/backup/archive.js';
import { writeAudit } from '../../../data/repos/audit.js';
import type { HandlerContext, HandlerMap } from '../context.js';
import { requireCoordinator } from '../roles.js';

const view = (c: ArchiveContents): BackupContentsView => ({ createdAt: c.createdAt, desk: c.desk, counts: c.counts, bytes: c.bytes });

function refuse(e: unknown): never {
  if (e instanceof BackupError) {
    throw new ApiError('VALIDATION', { ko: e.ko, en: e.en }, [{ path: e.code === 'BAD_PASSPHRASE' || e.code === 'WEAK_PASSPHRASE' ? 'passphrase' : 'file', message: { ko: e.ko, en: e.en } }]);
  }
  throw e;
}

const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');

async function archiveOf(ctx: HandlerContext, ref: string): Promise<Buffer> {
  return readFile(ctx.files.resolve(ref));
}

export const backupHandlers: Pick<HandlerMap, 'backup.create' | 'backup.inspect' | 'backup.restore'> = {
  async 'backup.create'(input, ctx) {
    await requireCoordinator(ctx);
    const f = ctx.folder;
    const { archive, contents } = await createBackup(
      { dataDir: f.dir, dataKey: f.dataKey, manifest: f.manifest, snapshotDb: vacuumInto(ctx.db) },
      input.passphrase,
      { now: ctx.now() },
    ).catch(refuse);
    await ctx.db.tx((q) => writeAudit(q, ctx.actor(), 'backup', contents.createdAt, 'create', ['archive']));
    return {
      fileName: `ansim-backup-${stamp(ctx.now())}.ansimbak`,
      mime: 'application/octet-stream',
      dataBase64: archive.toString('base64'),
      size: archive.length,
      verified: true,
      contents: view(contents),
    };
  },
  async 'backup.inspect'(input, ctx) {
    await requireCoordinator(ctx);
    const contents = await verifyBackup(await archiveOf(ctx, input.file.ref), input.passphrase).catch(refuse);
    return { ...view(contents), verified: true };
  },
  async 'backup.restore'(input, ctx) {
    await requireCoordinator(ctx);
    const f = ctx.folder;
    const target = `${f.dir}-restored-${stamp(ctx.now())}`;
    const r = await restoreBackup(await archiveOf(ctx, input.file.ref), input.passphrase, target, f.protector, { now: ctx.now() }).catch(refuse);
    await ctx.db.tx((q) => writeAudit(q, ctx.actor(), 'backup', r.contents.createdAt, 'restore', ['folder']));
    const openCommand = f.protector.kind === 'keyfile' ? `npm run serve -- --data-dir "${r.dir}"` : `npm start -- --data-dir "${r.dir}"`;
    return { dir: r.dir, protector: f.protector.kind, openCommand, contents: view(r.contents) };
  },
};
