// The reference pack: every dated legal and policy table as one versioned file with its sources,
// the date its content was last verified, a SHA-256 manifest and, where the center configures a
// signing key, an Ed25519 (or any key node:crypto verifies) signature over the manifest. A pack is
// checked here before it may replace the tables the engines read; a refusal says why, in Korean and
// English, one line per reason.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import type { ReferenceTable, ReferenceTables, VersionBase } from '../index.js';
import { registeredTables, tableSpec } from './registry.js';

export const PACK_FORMAT = 'ansim-reference-pack/1';

export interface PackManifest {
  format: typeof PACK_FORMAT;
  /** The pack's own version, e.g. "2026.12.06". */
  packVersion: string;
  /** YYYY-MM-DD: when its content was last checked against its sources. */
  verifiedOn: string;
  createdAt: string;
  publisher?: string;
  tables: { name: string; sha256: string; rows: number }[];
}

export interface PackFile {
  manifest: PackManifest;
  tables: Record<string, ReferenceTable<VersionBase>>;
  /** Base64 signature over `canonicalJson(manifest)`, when the publisher signs. */
  signature?: string;
}

export type RefusalCode = 'format' | 'signature' | 'manifest' | 'hash' | 'unknown-table' | 'missing-table' | 'schema' | 'dates' | 'gap' | 'source';

export interface Refusal {
  code: RefusalCode;
  table?: string;
  ko: string;
  en: string;
}

export type PackCheck = { ok: true; pack: PackFile; tables: ReferenceTables; sha256: string; signed: boolean } | { ok: false; refusals: Refusal[] };

/** JSON with object keys sorted, so a hash does not depend on key order or whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A pack of the given tables (the shipped ones, or a loaded pack re-exported). */
export function buildPack(tables: Record<string, ReferenceTable<VersionBase>>, meta: { packVersion: string; verifiedOn: string; createdAt: string; publisher?: string }): PackFile {
  const names = Object.keys(tables).sort();
  return {
    manifest: {
      format: PACK_FORMAT,
      ...meta,
      tables: names.map((name) => ({ name, sha256: sha256(canonicalJson(tables[name])), rows: tables[name].versions.length })),
    },
    tables: Object.fromEntries(names.map((n) => [n, tables[n]])),
  };
}

/** The pack shipped with this build: every registered table, verified on the latest checkedOn. */
export function shippedPack(): PackFile {
  const tables = Object.fromEntries(registeredTables().map((s) => [s.name, s.shipped]));
  const verifiedOn = registeredTables().map((s) => s.shipped.checkedOn).sort().at(-1)!;
  return buildPack(tables, { packVersion: `shipped-${verifiedOn}`, verifiedOn, createdAt: `${verifiedOn}T00:00:00.000Z`, publisher: 'Ansim Desk build' });
}

const manifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  packVersion: z.string().min(1).max(60),
  verifiedOn: z.iso.date(),
  createdAt: z.string().min(1),
  publisher: z.string().optional(),
  tables: z.array(z.object({ name: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), rows: z.number().int().min(0) })),
});

const tableBase = z.looseObject({
  name: z.string().min(1),
  title: z.object({ ko: z.string().min(1), en: z.string().min(1) }),
  source: z.array(z.string()),
  checkedOn: z.iso.date(),
  versions: z.array(z.looseObject({ effectiveFrom: z.iso.date(), source: z.string().min(1).optional(), effectiveTo: z.iso.date().optional() })).min(1),
});

const issuesOf = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(table)'}: ${i.message}`).slice(0, 5).join('; ');

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function checkTable(name: string, raw: unknown): Refusal[] {
  const spec = tableSpec(name);
  if (!spec) return [{ code: 'unknown-table', table: name, ko: `${name}: 이 앱이 모르는 표입니다 (등록된 검사 규칙이 없음).`, en: `${name}: a table this app does not know (no registered validator).` }];
  const base = tableBase.safeParse(raw);
  if (!base.success) return [{ code: 'schema', table: name, ko: `${name}: 표 형식이 맞지 않습니다 — ${issuesOf(base.error)}`, en: `${name}: not a valid table — ${issuesOf(base.error)}` }];
  const t = base.data;
  const out: Refusal[] = [];
  if (t.name !== name) out.push({ code: 'schema', table: name, ko: `${name}: 표 안의 이름이 ${t.name}입니다.`, en: `${name}: the table calls itself ${t.name}.` });
  if (spec.table) {
    const extra = spec.table.safeParse(raw);
    if (!extra.success) out.push({ code: 'schema', table: name, ko: `${name}: ${issuesOf(extra.error)}`, en: `${name}: ${issuesOf(extra.error)}` });
  }
  t.versions.forEach((v, i) => {
    const row = spec.row.safeParse(v);
    if (!row.success) out.push({ code: 'schema', table: name, ko: `${name} ${v.effectiveFrom} 행: ${issuesOf(row.error)}`, en: `${name} row ${v.effectiveFrom}: ${issuesOf(row.error)}` });
    if (!v.source && !t.source.some((s) => s.trim() !== '')) {
      out.push({ code: 'source', table: name, ko: `${name} ${v.effectiveFrom} 행에 출처가 없습니다.`, en: `${name} row ${v.effectiveFrom} has no source.` });
    }
    const prev = t.versions[i - 1];
    if (prev && prev.effectiveFrom >= v.effectiveFrom) {
      out.push({ code: 'dates', table: name, ko: `${name}: ${v.effectiveFrom} 행이 ${prev.effectiveFrom} 행보다 늦지 않습니다 (날짜 순서).`, en: `${name}: row ${v.effectiveFrom} does not come after ${prev.effectiveFrom} (dates out of order).` });
    }
    if (v.effectiveTo && v.effectiveTo < v.effectiveFrom) {
      out.push({ code: 'dates', table: name, ko: `${name} ${v.effectiveFrom} 행의 종료일이 시작일보다 앞입니다.`, en: `${name} row ${v.effectiveFrom} ends before it starts.` });
    }
    if (spec.continuous) {
      const next = t.versions[i + 1];
      if (v.effectiveTo && next && nextDay(v.effectiveTo) !== next.effectiveFrom) {
        out.push({ code: 'gap', table: name, ko: `${name}: ${v.effectiveTo} 다음 날부터 ${next.effectiveFrom} 전까지 빈 기간이 있습니다.`, en: `${name}: a gap between ${v.effectiveTo} and ${next.effectiveFrom}.` });
      }
      if (v.effectiveTo && !next) {
        out.push({ code: 'gap', table: name, ko: `${name}: 마지막 행이 ${v.effectiveTo}에 끝나 그 뒤가 비어 있습니다.`, en: `${name}: the last row ends on ${v.effectiveTo}, leaving the time after it uncovered.` });
      }
    }
  });
  if (spec.continuous && t.versions[0].effectiveFrom > spec.shipped.versions[0].effectiveFrom) {
    out.push({
      code: 'gap',
      table: name,
      ko: `${name}: ${spec.shipped.versions[0].effectiveFrom}부터 ${t.versions[0].effectiveFrom} 전까지의 행이 빠졌습니다 (연속된 표).`,
      en: `${name}: the rows from ${spec.shipped.versions[0].effectiveFrom} to before ${t.versions[0].effectiveFrom} are missing (a continuous table).`,
    });
  }
  return out;
}

/**
 * Checks a pack file's parsed JSON. `publicKeyPem`: the center's key; when set, the pack must carry
 * a signature that verifies with it.
 */
export function checkPack(raw: unknown, opts: { publicKeyPem?: string | null } = {}): PackCheck {
  const shape = z.object({ manifest: z.unknown(), tables: z.record(z.string(), z.unknown()), signature: z.string().optional() }).safeParse(raw);
  if (!shape.success) return { ok: false, refusals: [{ code: 'format', ko: '참조 팩 파일이 아닙니다 (manifest와 tables가 있어야 합니다).', en: 'Not a reference pack file (it needs a manifest and tables).' }] };
  const manifest = manifestSchema.safeParse(shape.data.manifest);
  if (!manifest.success) return { ok: false, refusals: [{ code: 'format', ko: `팩의 manifest가 맞지 않습니다 — ${issuesOf(manifest.error)}`, en: `The pack's manifest is not valid — ${issuesOf(manifest.error)}` }] };
  const m = manifest.data as PackManifest;
  const refusals: Refusal[] = [];
  let signed = false;
  if (opts.publicKeyPem) {
    if (!shape.data.signature) {
      refusals.push({ code: 'signature', ko: '센터가 서명 키를 설정했는데 이 팩에는 서명이 없습니다.', en: 'The center requires a signature and this pack has none.' });
    } else {
      let good = false;
      try {
        good = verify(null, Buffer.from(canonicalJson(m), 'utf8'), createPublicKey(opts.publicKeyPem), Buffer.from(shape.data.signature, 'base64'));
      } catch {
        good = false;
      }
      if (!good) refusals.push({ code: 'signature', ko: '서명이 센터의 키로 확인되지 않습니다.', en: 'The signature does not verify with the center’s key.' });
      signed = good;
    }
  }
  const inManifest = new Map(m.tables.map((t) => [t.name, t]));
  for (const name of Object.keys(shape.data.tables)) {
    const entry = inManifest.get(name);
    if (!entry) {
      refusals.push({ code: 'manifest', table: name, ko: `${name}: manifest에 없는 표입니다.`, en: `${name}: not listed in the manifest.` });
      continue;
    }
    if (sha256(canonicalJson(shape.data.tables[name])) !== entry.sha256) {
      refusals.push({ code: 'hash', table: name, ko: `${name}: SHA-256이 manifest와 다릅니다 (파일이 바뀌었거나 손상됨).`, en: `${name}: its SHA-256 does not match the manifest (changed or damaged).` });
    }
    refusals.push(...checkTable(name, shape.data.tables[name]));
  }
  for (const name of inManifest.keys()) {
    if (!(name in shape.data.tables)) refusals.push({ code: 'manifest', table: name, ko: `${name}: manifest에는 있지만 표가 없습니다.`, en: `${name}: listed in the manifest but missing.` });
  }
  for (const spec of registeredTables()) {
    if (!(spec.name in shape.data.tables)) {
      refusals.push({ code: 'missing-table', table: spec.name, ko: `${spec.name}: 이 앱이 쓰는 표가 팩에 없습니다.`, en: `${spec.name}: a table this app uses is not in the pack.` });
    }
  }
  if (refusals.length > 0) return { ok: false, refusals };
  const pack = { manifest: m, tables: shape.data.tables as PackFile['tables'], ...(shape.data.signature ? { signature: shape.data.signature } : {}) };
  return { ok: true, pack, tables: pack.tables as unknown as ReferenceTables, sha256: sha256(canonicalJson(m)), signed };
}

/** Months between two YYYY-MM-DD dates, counted by the calendar (for the 6-month warning). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Warn when the content was verified more than this many months ago. */
export const PACK_STALE_MONTHS = 6;
