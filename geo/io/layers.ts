// Loads a study's layers into the working CRS (planar EPSG:5186) with spatial indexes.
import { dirname, isAbsolute, resolve } from 'node:path';
import Flatbush from 'flatbush';
import { parseEpsg, transformer } from '../core/crs.js';
import { eachCoord } from '../core/geometry.js';
import { epsgOf, openLayer } from './import.js';
import { fail } from '../core/messages.js';
import type { RepairKind } from '../core/geometry.js';
import { joinChunks, loadParcelsParallel } from './parcel-load.js';
import { type LayerSpec, type ParcelLayer, type PointLayer, type PolygonLayer, WORK_EPSG, jimokFromJibun, testAttr } from '../core/layers.js';
import { type Column, PolygonBuilder } from '../core/store.js';

export { WORK_EPSG, attrPredicate, testAttr, jimokFromJibun } from '../core/layers.js';
export type { LayerSpec, ParcelLayer, PointLayer, PolygonLayer } from '../core/layers.js';

function open(spec: LayerSpec, base: string, fields?: string[]) {
  const path = isAbsolute(spec.path) ? spec.path : resolve(base, spec.path);
  return openLayer(path, { encoding: spec.encoding, crs: spec.crs ? parseEpsg(spec.crs) : undefined, xField: spec.x, yField: spec.y, fields });
}

/**
 * Reads the parcels, keeping only the named fields as columns (numbers → Float64Array with NaN
 * for blanks; text interned). `지목` is derived from JIBUN when the file has no 지목 field.
 */
export async function loadParcels(spec: LayerSpec, base: string, fields: string[], idField: string, onProgress?: (n: number) => void, optional: string[] = []): Promise<ParcelLayer> {
  const layer = open(spec, base, [...fields, ...optional, idField, 'JIBUN']);
  const have = new Set(layer.report.fields);
  const want = [...new Set([...fields, ...optional.filter((f) => have.has(f))])];
  for (const f of want) {
    if (!have.has(f) && !(f === '지목' && have.has('JIBUN'))) {
      fail('field-missing', `필지 레이어에 '${f}' 필드가 없습니다`, `the parcel layer has no field '${f}'`, { field: f, fields: layer.report.fields });
    }
  }
  let joined: ReturnType<typeof joinChunks>;
  if (layer.plan) {
    // Shapefiles: read in record ranges, over worker threads when large.
    const chunks = await loadParcelsParallel({ plan: layer.plan, fields: want, idField, workEpsg: WORK_EPSG });
    joined = joinChunks(chunks);
    const r = layer.report;
    r.features = joined.store.count;
    r.skipped = chunks.flatMap((c) => c.skipped);
    r.repaired = chunks.reduce((s, c) => s + c.repaired, 0);
    for (const c of chunks) for (const [k, v] of Object.entries(c.repairs)) r.repairs[k as RepairKind] = (r.repairs[k as RepairKind] ?? 0) + v;
  } else {
    joined = readParcelFeatures(layer, want, idField, have, onProgress);
  }
  if (joined.store.count === 0) fail('parcels-empty', '필지 레이어에 유효한 필지가 없습니다', 'the parcel layer has no valid parcels');
  onProgress?.(joined.store.count);
  return { ...joined, report: layer.report };
}

/** GeoJSON/CSV parcels (small files): the generic feature stream. */
function readParcelFeatures(layer: ReturnType<typeof openLayer>, want: string[], idField: string, have: Set<string>, onProgress?: (n: number) => void) {
  const t = epsgOf(layer.report) === WORK_EPSG ? undefined : transformer(epsgOf(layer.report), WORK_EPSG);
  const builder = new PolygonBuilder();
  const raw: Record<string, unknown[]> = Object.fromEntries(want.map((f) => [f, []]));
  const intern = new Map<string, string>();
  const ids: string[] = [];
  const featureNo: number[] = [];
  for (const f of layer.features()) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    builder.add(f.geometry, t);
    featureNo.push(f.n);
    ids.push(String(f.properties[idField] ?? f.n));
    for (const k of want) {
      let v = k === '지목' && !have.has('지목') ? jimokFromJibun(f.properties.JIBUN) : f.properties[k];
      if (typeof v === 'string' && v.length < 16) {
        const c = intern.get(v);
        if (c !== undefined) v = c;
        else if (intern.size < 10_000) intern.set(v, v);
      }
      raw[k].push(v ?? null);
    }
    if (onProgress && builder.count % 50_000 === 0) onProgress(builder.count);
  }
  const columns: Record<string, Column> = {};
  for (const k of want) {
    const vals = raw[k];
    const numeric = vals.every((v) => v === null || typeof v === 'number');
    columns[k] = numeric ? Float64Array.from(vals, (v) => (v === null ? NaN : (v as number))) : vals.map((v) => (v === null ? null : String(v)));
  }
  return { store: builder.finish(), ids, columns, featureNo: Uint32Array.from(featureNo) };
}

/** Points (polygons and lines contribute their vertex mean), filtered by `where`. */
export function loadPoints(spec: LayerSpec, base: string): PointLayer {
  const layer = open(spec, base);
  const t = transformer(epsgOf(layer.report), WORK_EPSG);
  const xs: number[] = [], ys: number[] = [];
  for (const f of layer.features()) {
    if (spec.where && !testAttr(f.properties[spec.where.field], spec.where)) continue;
    let sx = 0, sy = 0, n = 0;
    eachCoord(f.geometry, (x, y) => { sx += x; sy += y; n++; });
    if (!n) continue;
    const [x, y] = t(sx / n, sy / n);
    xs.push(x);
    ys.push(y);
  }
  if (!xs.length) fail('layer-empty', `${spec.path}: 사용할 점이 없습니다`, `${spec.path}: no points to use`);
  const index = new Flatbush(xs.length);
  for (let i = 0; i < xs.length; i++) index.add(xs[i], ys[i], xs[i], ys[i]);
  index.finish();
  return { x: Float64Array.from(xs), y: Float64Array.from(ys), index, report: layer.report };
}

export function loadPolygons(spec: LayerSpec, base: string): PolygonLayer {
  const layer = open(spec, base);
  const t = epsgOf(layer.report) === WORK_EPSG ? undefined : transformer(epsgOf(layer.report), WORK_EPSG);
  const b = new PolygonBuilder();
  const props: Record<string, unknown>[] = [];
  for (const f of layer.features()) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    if (spec.where && !testAttr(f.properties[spec.where.field], spec.where)) continue;
    b.add(f.geometry, t);
    props.push(f.properties);
  }
  const store = b.finish();
  const index = new Flatbush(Math.max(1, store.count));
  for (let i = 0; i < store.count; i++) index.add(store.minX[i], store.minY[i], store.maxX[i], store.maxY[i]);
  if (!store.count) index.add(0, 0, 0, 0);
  index.finish();
  return { store, props, index, report: layer.report };
}

export const studyBase = (studyPath: string | undefined) => (studyPath ? dirname(resolve(studyPath)) : process.cwd());
