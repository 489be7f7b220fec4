// The reference pack in force for a data folder: the active loaded pack, else the one shipped with
// the build. Cached per database and dropped when a pack is loaded, so every calculator, analysis
// and report reads the same tables and can say which pack (and verification date) it used.
import type { Database } from '../../data/db/sqlite.js';
import { shippedTables, type ReferenceTables } from '../../data/reference/index.js';
import { checkPack, monthsBetween, PACK_STALE_MONTHS, shippedPack, sha256, canonicalJson } from '../../data/reference/pack/pack.js';
import { activePack } from '../../data/repos/reference-packs.js';

export interface PackInUse {
  packVersion: string;
  verifiedOn: string;
  source: 'shipped' | 'loaded';
  sha256: string;
}

export interface ReferenceInUse {
  tables: ReferenceTables;
  pack: PackInUse;
}

const cache = new WeakMap<Database, ReferenceInUse>();

export function shippedReference(): ReferenceInUse {
  const p = shippedPack();
  return { tables: shippedTables, pack: { packVersion: p.manifest.packVersion, verifiedOn: p.manifest.verifiedOn, source: 'shipped', sha256: sha256(canonicalJson(p.manifest)) } };
}

export async function referenceInUse(db: Database): Promise<ReferenceInUse> {
  const hit = cache.get(db);
  if (hit) return hit;
  const row = await activePack(db);
  let use = shippedReference();
  if (row) {
    // Checked when loaded; checked again so a damaged row can never feed the engines.
    const r = checkPack(JSON.parse(row.pack_json));
    if (r.ok) use = { tables: r.tables, pack: { packVersion: row.pack_version, verifiedOn: row.verified_on, source: 'loaded', sha256: row.manifest_sha256 } };
    else console.error('[reference] the active pack no longer passes its checks; using the shipped pack');
  }
  cache.set(db, use);
  return use;
}

export function forgetReference(db: Database): void {
  cache.delete(db);
}

/** "2026.12 (확인 2026-12-06)": the pack as a report or a result names it. */
export function packLabel(p: PackInUse): string {
  return `${p.packVersion} (${p.source === 'shipped' ? '기본 제공' : '불러옴'}, 확인 ${p.verifiedOn})`;
}

/** More than six months since the content was verified (the day six months on is still fresh). */
export function isStale(verifiedOn: string, today: string): boolean {
  return monthsBetween(verifiedOn, today) > PACK_STALE_MONTHS || (monthsBetween(verifiedOn, today) === PACK_STALE_MONTHS && verifiedOn.slice(8) < today.slice(8));
}

/** The part of the pack a result carries. */
export function usedPack(p: PackInUse): { packVersion: string; verifiedOn: string; source: 'shipped' | 'loaded' } {
  return { packVersion: p.packVersion, verifiedOn: p.verifiedOn, source: p.source };
}
