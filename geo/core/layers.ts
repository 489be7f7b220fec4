// The loaded shape of a study's layers, in the working CRS (planar EPSG:5186), as plain data:
// what the readers (geo/io/layers.ts) produce and screening, scoring and assembly consume.
import type Flatbush from 'flatbush';
import type { Epsg } from './crs.js';
import type { AttrTest } from './schema.js';
import type { Column, PolygonStore } from './store.js';
import type { ImportReport } from './types.js';

export const WORK_EPSG: Epsg = 5186;

export interface LayerSpec {
  /** Resolved before loading: geo/io/run.ts turns a `ref` into a path through RunOptions.resolvePath. */
  path: string;
  encoding?: 'CP949' | 'UTF-8';
  crs?: string;
  x?: string;
  y?: string;
  where?: AttrTest;
}

/** Compiles an attribute test once (sets of strings) for use over a million parcels. */
export function attrPredicate(t: AttrTest): (v: unknown) => boolean {
  const inSet = t.in ? new Set(t.in.map(String)) : undefined;
  const outSet = t.notIn ? new Set(t.notIn.map(String)) : undefined;
  const ranged = t.min !== undefined || t.max !== undefined;
  return (v) => {
    const str = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
    if (inSet && !inSet.has(str)) return false;
    if (outSet && outSet.has(str)) return false;
    if (ranged) return testAttr(v, { field: t.field, min: t.min, max: t.max });
    return true;
  };
}

export function testAttr(v: unknown, t: AttrTest): boolean {
  if (t.in && !t.in.some((x) => String(x) === String(v ?? ''))) return false;
  if (t.notIn && t.notIn.some((x) => String(x) === String(v ?? ''))) return false;
  if (t.min !== undefined || t.max !== undefined) {
    const n = typeof v === 'number' ? v : Number(v);
    if (v === null || v === '' || !Number.isFinite(n)) return false;
    if (t.min !== undefined && n < t.min) return false;
    if (t.max !== undefined && n > t.max) return false;
  }
  return true;
}

export function jimokFromJibun(jibun: unknown): string | null {
  const m = /([가-힣]+)\s*$/.exec(String(jibun ?? ''));
  return m ? m[1] : null;
}

export interface ParcelLayer {
  store: PolygonStore;
  ids: string[];
  columns: Record<string, Column>;
  report: ImportReport;
  /** Source feature number of each parcel (1-based), for messages. */
  featureNo: Uint32Array;
}

export interface PointLayer {
  x: Float64Array;
  y: Float64Array;
  index: Flatbush;
  report: ImportReport;
}

export interface PolygonLayer {
  store: PolygonStore;
  props: Record<string, unknown>[];
  index: Flatbush;
  report: ImportReport;
}
