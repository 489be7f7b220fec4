// Reading parcels from a Shapefile into the flat store, for a range of records: the same code runs
// in one piece or split across worker threads (parcel-load-worker.ts), whose chunks are joined here.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { transformer } from '../core/crs.js';
import type { RepairKind } from '../core/geometry.js';
import { basename } from 'node:path';
import { readDbfRows } from './dbf.js';
import { checkShapefilePolygon } from '../core/geometry.js';
import type { ShapefilePlan, SkippedFeature } from './import.js';
import { GeoInputError, fail } from '../core/messages.js';
import { readShpRecords } from './shp.js';
import { jimokFromJibun } from '../core/layers.js';

export { jimokFromJibun };
import { type PolygonStore, PolygonBuilder } from '../core/store.js';

export type ChunkColumn = { num: Float64Array } | { dict: string[]; codes: Int32Array };

export interface ParcelChunk {
  store: PolygonStore;
  featureNo: Uint32Array;
  ids: string[];
  columns: Record<string, ChunkColumn>;
  skipped: SkippedFeature[];
  repaired: number;
  repairs: Partial<Record<RepairKind, number>>;
}

export interface RangeJob {
  plan: ShapefilePlan;
  from: number;
  to: number;
  /** Columns to keep (지목 is derived from JIBUN when the file has no 지목 field). */
  fields: string[];
  idField: string;
  workEpsg: number;
}

/** Reads records from..to-1 into a chunk (columns dictionary-encoded so they cross threads cheaply). */
export function loadParcelRange(job: RangeJob): ParcelChunk {
  const { plan } = job;
  const have = new Set(plan.dbf.fields.map((f) => f.name));
  const derive = job.fields.includes('지목') && !have.has('지목');
  const decodeFields = [...new Set([...job.fields.filter((f) => have.has(f)), job.idField, ...(derive ? ['JIBUN'] : [])])];
  const t = plan.epsg === job.workEpsg ? undefined : transformer(plan.epsg, job.workEpsg as never);
  const builder = new PolygonBuilder();
  const featureNo: number[] = [];
  const ids: string[] = [];
  const raw: Record<string, unknown[]> = Object.fromEntries(job.fields.map((f) => [f, []]));
  const skipped: SkippedFeature[] = [];
  const repairs: Partial<Record<RepairKind, number>> = {};
  let repaired = 0;
  // Shapes and DBF rows side by side, without building a feature object per record.
  const fieldPos = new Map(decodeFields.map((f, i) => [f, i]));
  const idPos = fieldPos.get(job.idField)!;
  const jibunPos = fieldPos.get('JIBUN');
  const colPos = job.fields.map((k) => fieldPos.get(k));
  const rows = readDbfRows(plan.dbfPath, plan.dbf, plan.encoding, decodeFields, job.from);
  try {
    for (const shape of readShpRecords(plan.shpPath, plan.shxPath, { from: job.from, to: job.to })) {
      const next = rows.next();
      if (next.done) {
        fail('dbf-short', `${basename(plan.dbfPath)}: 속성(.dbf)이 도형 ${shape.number}번보다 먼저 끝납니다`, `${basename(plan.dbfPath)}: the .dbf ends before shape ${shape.number}`, { shape: shape.number });
      }
      const row = next.value;
      if (shape.type !== 5) {
        const reason = shape.type === 0 ? { code: 'empty-geometry', ko: '도형이 비어 있습니다', en: 'the geometry is empty' } : { code: 'unsupported-geometry', ko: '필지가 다각형이 아닙니다', en: 'the parcel is not a polygon' };
        skipped.push({ feature: shape.number, reason: reason.code, message: { ko: reason.ko, en: reason.en } });
        continue;
      }
      const check = checkShapefilePolygon(shape.parts);
      if (!check.ok) {
        const { code, ko, en } = check.reason;
        skipped.push({ feature: shape.number, reason: code, message: { ko, en } });
        continue;
      }
      if (check.repairs.length) {
        repaired++;
        for (const k of check.repairs) repairs[k] = (repairs[k] ?? 0) + 1;
      }
      builder.add(check.geometry, t);
      featureNo.push(shape.number);
      ids.push(String((row && row[idPos]) ?? shape.number));
      for (let c = 0; c < job.fields.length; c++) {
        const k = job.fields[c];
        raw[k].push(!row ? null : k === '지목' && derive ? jimokFromJibun(row[jibunPos!]) : (row[colPos[c]!] ?? null));
      }
    }
  } finally {
    rows.return(undefined);
  }
  const columns: Record<string, ChunkColumn> = {};
  for (const k of job.fields) {
    const vals = raw[k];
    if (vals.every((v) => v === null || typeof v === 'number')) {
      columns[k] = { num: Float64Array.from(vals, (v) => (v === null ? NaN : (v as number))) };
    } else {
      const index = new Map<string, number>();
      const dict: string[] = [];
      const codes = new Int32Array(vals.length);
      vals.forEach((v, i) => {
        if (v === null) return void (codes[i] = -1);
        const sv = String(v);
        let c = index.get(sv);
        if (c === undefined) {
          index.set(sv, (c = dict.length));
          dict.push(sv);
        }
        codes[i] = c;
      });
      columns[k] = { dict, codes };
    }
  }
  return { store: builder.finish(), featureNo: Uint32Array.from(featureNo), ids, columns, skipped, repaired, repairs };
}

/** Joins chunks (in record order) into one store and plain columns (text interned). */
export function joinChunks(chunks: ParcelChunk[]): { store: PolygonStore; featureNo: Uint32Array; ids: string[]; columns: Record<string, Float64Array | (string | null)[]> } {
  const count = chunks.reduce((s, c) => s + c.store.count, 0);
  const rings = chunks.reduce((s, c) => s + c.store.ringOf[c.store.count], 0);
  const verts = chunks.reduce((s, c) => s + c.store.xy.length / 2, 0);
  const xy = new Float64Array(verts * 2);
  const vStart = new Uint32Array(rings + 1);
  const ringOf = new Uint32Array(count + 1);
  const per = ['area', 'perimeter', 'cx', 'cy', 'minX', 'minY', 'maxX', 'maxY'] as const;
  const derived = Object.fromEntries(per.map((k) => [k, new Float64Array(count)])) as Record<(typeof per)[number], Float64Array>;
  const featureNo = new Uint32Array(count);
  const ids: string[] = [];
  let p0 = 0, r0 = 0, v0 = 0;
  for (const c of chunks) {
    const s = c.store;
    const nr = s.ringOf[s.count];
    xy.set(s.xy, v0 * 2);
    for (let r = 0; r < nr; r++) vStart[r0 + r] = s.vStart[r] + v0;
    for (let p = 0; p < s.count; p++) ringOf[p0 + p] = s.ringOf[p] + r0;
    for (const k of per) derived[k].set(s[k], p0);
    featureNo.set(c.featureNo, p0);
    for (const id of c.ids) ids.push(id);
    p0 += s.count;
    r0 += nr;
    v0 += s.xy.length / 2;
  }
  vStart[r0] = v0;
  ringOf[p0] = r0;
  const columns: Record<string, Float64Array | (string | null)[]> = {};
  for (const k of Object.keys(chunks[0]?.columns ?? {})) {
    const numeric = chunks.every((c) => 'num' in c.columns[k]);
    if (numeric) {
      const col = new Float64Array(count);
      let o = 0;
      for (const c of chunks) {
        const v = (c.columns[k] as { num: Float64Array }).num;
        col.set(v, o);
        o += v.length;
      }
      columns[k] = col;
    } else {
      const intern = new Map<string, string>();
      const col: (string | null)[] = new Array(count);
      let o = 0;
      for (const c of chunks) {
        const cc = c.columns[k];
        if ('num' in cc) {
          for (let i = 0; i < cc.num.length; i++) col[o++] = Number.isNaN(cc.num[i]) ? null : String(cc.num[i]);
          continue;
        }
        const dict = cc.dict.map((d) => intern.get(d) ?? (intern.set(d, d), d));
        for (let i = 0; i < cc.codes.length; i++) col[o++] = cc.codes[i] < 0 ? null : dict[cc.codes[i]];
      }
      columns[k] = col;
    }
  }
  return { store: { count, xy, vStart, ringOf, ...derived }, featureNo, ids, columns };
}

const WORKER_MIN = Number(process.env.GEO_WORKER_MIN ?? 100_000);

/** A built .js worker runs as is; from TypeScript sources (tsx, vitest) the worker registers tsx first. */
function spawnWorker(file: string, data: unknown): Worker {
  if (file.endsWith('.js')) return new Worker(file, { workerData: data });
  // The ESM build of tsx's API (require.resolve finds the CJS one; its sibling is index.mjs).
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })
    .catch((e) => require('node:worker_threads').parentPort.postMessage({ ok: false, error: { message: String((e && e.stack) || e) } }));`;
  return new Worker(code, { eval: true, workerData: data });
}

/** Reads the whole Shapefile, split over worker threads when it is large and workers are available. */
export async function loadParcelsParallel(job: Omit<RangeJob, 'from' | 'to'>, workers = Math.min(4, availableParallelism()), minForWorkers = WORKER_MIN): Promise<ParcelChunk[]> {
  const total = job.plan.count;
  const ts = fileURLToPath(new URL('./parcel-load-worker.ts', import.meta.url));
  // Built: beside this module, or one folder up when this code sits in a split chunk (dist/cli/chunks/).
  const js = ['./parcel-load-worker.js', '../parcel-load-worker.js'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(p));
  const file = js ?? (existsSync(ts) ? ts : undefined);
  if (total === undefined || total < minForWorkers || workers < 2 || !file) {
    return [loadParcelRange({ ...job, from: 0, to: total ?? Number.MAX_SAFE_INTEGER })];
  }
  const size = Math.ceil(total / workers);
  const jobs = Array.from({ length: workers }, (_, i) => ({ ...job, from: i * size, to: Math.min(total, (i + 1) * size) })).filter((j) => j.from < j.to);
  const started: Worker[] = [];
  try {
    return await Promise.all(jobs.map((j) => new Promise<ParcelChunk>((resolve, reject) => {
      const w = spawnWorker(file, j);
      started.push(w);
      w.once('message', (m: { ok: true; chunk: ParcelChunk } | { ok: false; error: { name: string; code?: string; msg?: { ko: string; en: string }; detail?: unknown; message: string } }) => {
        if (m.ok) resolve(m.chunk);
        else if (m.error.code && m.error.msg) reject(new GeoInputError(m.error.code, m.error.msg, m.error.detail as Record<string, unknown> | undefined));
        else reject(new Error(m.error.message));
      });
      w.once('error', reject);
    })));
  } finally {
    // Done or failed: stop every worker (a failure in one range makes the others pointless).
    for (const w of started) void w.terminate();
  }
}
