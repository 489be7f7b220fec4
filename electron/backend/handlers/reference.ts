// The reference pack handlers (issue 13). Loading and the signing key are coordinator actions, audited.
import { createPublicKey } from 'node:crypto';
import { ApiError } from '../../api/errors.js';
import type { ReferencePackView } from '../../api/reference-methods.js';
import { checkPack, buildPack, shippedPack, type PackCheck } from '../../../data/reference/pack/pack.js';
import { activePack, packHistory, storePack } from '../../../data/repos/reference-packs.js';
import { getSetting, setSetting } from '../../../data/repos/settings.js';
import { writeAudit } from '../../../data/repos/audit.js';
import type { ReferenceTable, VersionBase } from '../../../data/reference/index.js';
import type { HandlerContext, HandlerMap } from '../context.js';
import { requireCoordinator } from '../roles.js';
import { forgetReference, isStale, referenceInUse } from '../reference.js';

const KEY_SETTING = 'referencePackPublicKey';

async function view(ctx: HandlerContext): Promise<ReferencePackView> {
  const use = await referenceInUse(ctx.db);
  const row = use.pack.source === 'loaded' ? await activePack(ctx.db) : undefined;
  const tables = Object.values(use.tables as unknown as Record<string, ReferenceTable<VersionBase>>);
  return {
    ...use.pack,
    stale: isStale(use.pack.verifiedOn, ctx.today()),
    loadedAt: row?.loaded_at ?? null,
    loadedBy: row?.loaded_by_name ?? null,
    signingKeyConfigured: !!(await getSetting(ctx.db, KEY_SETTING)),
    tables: tables
      .map((t) => ({
        name: t.name,
        title: t.title,
        checkedOn: t.checkedOn,
        rows: t.versions.length,
        firstFrom: t.versions[0].effectiveFrom,
        lastFrom: t.versions[t.versions.length - 1].effectiveFrom,
        seriesCheckedThrough: t.seriesCheckedThrough ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    history: (await packHistory(ctx.db)).map((r) => ({
      id: r.id, packVersion: r.pack_version, verifiedOn: r.verified_on, loadedAt: r.loaded_at, loadedBy: r.loaded_by_name, active: r.active === 1, signed: r.signed === 1,
    })),
  };
}

async function check(ctx: HandlerContext, json: string): Promise<PackCheck> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, refusals: [{ code: 'format', ko: `JSON 파일이 아닙니다 (${(e as Error).message}).`, en: `Not a JSON file (${(e as Error).message}).` }] };
  }
  return checkPack(raw, { publicKeyPem: await getSetting(ctx.db, KEY_SETTING) });
}

export const referenceHandlers: Pick<HandlerMap, 'reference.show' | 'reference.validate' | 'reference.load' | 'reference.export' | 'reference.setSigningKey'> = {
  'reference.show': async (_input, ctx) => view(ctx),
  'reference.validate': async ({ json }, ctx) => {
    const r = await check(ctx, json);
    return r.ok
      ? { ok: true, refusals: [], packVersion: r.pack.manifest.packVersion, verifiedOn: r.pack.manifest.verifiedOn }
      : { ok: false, refusals: r.refusals, packVersion: null, verifiedOn: null };
  },
  'reference.load': async ({ json }, ctx) => {
    await requireCoordinator(ctx);
    const r = await check(ctx, json);
    if (!r.ok) {
      throw new ApiError(
        'VALIDATION',
        { ko: `참조 팩을 불러오지 않았습니다: ${r.refusals.map((x) => x.ko).join(' / ')}`, en: `The reference pack was not loaded: ${r.refusals.map((x) => x.en).join(' / ')}` },
        r.refusals.map((x) => ({ path: x.table ? `tables.${x.table}` : x.code, message: { ko: x.ko, en: x.en } })),
      );
    }
    await ctx.db.tx((q) =>
      storePack(q, ctx.actor(), { packVersion: r.pack.manifest.packVersion, verifiedOn: r.pack.manifest.verifiedOn, sha256: r.sha256, json: JSON.stringify(r.pack), signed: r.signed }),
    );
    forgetReference(ctx.db);
    return view(ctx);
  },
  'reference.export': async (_input, ctx) => {
    const use = await referenceInUse(ctx.db);
    const row = use.pack.source === 'loaded' ? await activePack(ctx.db) : undefined;
    // The shipped pack holds every registered table (legal and policy alike), not only the
    // engines' ReferenceTables.
    const shipped = shippedPack();
    const json = row
      ? row.pack_json
      : JSON.stringify(buildPack(shipped.tables as Record<string, ReferenceTable<VersionBase>>, { packVersion: use.pack.packVersion, verifiedOn: use.pack.verifiedOn, createdAt: ctx.now().toISOString(), publisher: 'Ansim Desk build' }));
    return { fileName: `ansim-reference-${use.pack.packVersion}.json`, json };
  },
  'reference.setSigningKey': async ({ publicKeyPem }, ctx) => {
    await requireCoordinator(ctx);
    if (publicKeyPem) {
      try {
        createPublicKey(publicKeyPem);
      } catch {
        throw new ApiError('VALIDATION', { ko: '공개키(PEM) 형식이 아닙니다.', en: 'Not a PEM public key.' }, [{ path: 'publicKeyPem', message: { ko: '공개키(PEM) 형식이 아닙니다.', en: 'Not a PEM public key.' } }]);
      }
    }
    await ctx.db.tx(async (q) => {
      if (publicKeyPem) await setSetting(q, KEY_SETTING, publicKeyPem);
      else await q.run('DELETE FROM settings WHERE key = ?', [KEY_SETTING]);
      await writeAudit(q, ctx.actor(), 'settings', KEY_SETTING, 'update', ['publicKeyPem']);
    });
    return view(ctx);
  },
};
