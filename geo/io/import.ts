// Importers for the formats planners receive: Shapefile (streamed), GeoJSON and CSV (lon/lat, X/Y
// or WKT). Every importer validates and repairs geometry, keeps attribute names as they are, and
// reports the encoding and CRS it used and why.
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Geometry } from 'geojson';
import { type CrsDecision, type Epsg, crsFromPrj, crsFromRange } from '../core/crs.js';
import { type DbfHeader, decodeFieldNames, probeDbf, readDbfHeader, readDbfRecords } from './dbf.js';
import { EncodingProbe, type TextEncoding, chooseEncoding, decodeText, encodingFromLabel, encodingFromLdid } from './encoding.js';
import { type Checked, checkGeometry, checkShapefilePolygon, eachCoord, wellShaped } from '../core/geometry.js';
import { type GeoWarning, fail, warn } from '../core/messages.js';
import { readShpHeader, readShpRecords, readShx } from './shp.js';
import { parseWkt } from '../core/wkt.js';
import type { ImportedFeature, ImportReport } from '../core/types.js';

export interface ImportOptions {
  /** Overrides the detected text encoding. */
  encoding?: TextEncoding;
  /** Overrides the .prj or the detected CRS. */
  crs?: Epsg;
  /** CSV: names of the X (or longitude) and Y (or latitude) columns. */
  xField?: string;
  yField?: string;
  /** CSV: name of a WKT geometry column. */
  wktField?: string;
  /** Shapefile: decode only these attribute fields (others are skipped; a study needs a few). */
  fields?: string[];
}

export type { ImportedFeature, ImportReport, SkippedFeature } from '../core/types.js';

export interface Layer {
  report: ImportReport;
  /** For Shapefiles: what a parallel reader needs (paths, decoded DBF header, encoding, CRS). */
  plan?: ShapefilePlan;
  /** Streams the valid features (source CRS). Fills report.features/repaired/skipped as it goes. */
  features(): Generator<ImportedFeature>;
}

export interface RawFeature {
  n: number;
  check: Checked;
  properties: Record<string, unknown>;
}

function makeLayer(base: Omit<ImportReport, 'features' | 'repaired' | 'repairs' | 'skipped'>, raw: () => Generator<RawFeature>): Layer {
  const report: ImportReport = { ...base, features: 0, repaired: 0, repairs: {}, skipped: [] };
  return {
    report,
    *features() {
      report.features = 0;
      report.repaired = 0;
      report.repairs = {};
      report.skipped = [];
      for (const f of raw()) {
        if (!f.check.ok) {
          const { code, ko, en } = f.check.reason;
          report.skipped.push({ feature: f.n, reason: code, message: { ko, en } });
          continue;
        }
        if (f.check.repairs.length) {
          report.repaired++;
          for (const k of f.check.repairs) report.repairs[k] = (report.repairs[k] ?? 0) + 1;
        }
        report.features++;
        yield { n: f.n, geometry: f.check.geometry, properties: f.properties };
      }
    },
  };
}

/** Opens a file by extension (.shp, .geojson/.json, .csv). Throws GeoInputError on bad input. */
export function openLayer(path: string, opts: ImportOptions = {}): Layer {
  if (!existsSync(path)) fail('file-missing', `파일이 없습니다: ${basename(path)}`, `file not found: ${basename(path)}`);
  const ext = extname(path).toLowerCase();
  if (ext === '.shp' || ext === '.dbf' || ext === '.shx') return openShapefile(path.slice(0, -4), opts);
  if (ext === '.geojson' || ext === '.json') return openGeoJson(path, opts);
  if (ext === '.csv' || ext === '.txt') return openCsv(path, opts);
  return fail('format-unsupported', `지원하지 않는 파일 형식입니다: ${basename(path)} (.shp, .geojson, .csv)`, `unsupported file type: ${basename(path)} (use .shp, .geojson or .csv)`);
}

const sidecar = (base: string, ext: string) => [ext, ext.toUpperCase()].map((e) => base + e).find((p) => existsSync(p));

function decideCrs(opts: ImportOptions, prj: string | undefined, range: () => { minX: number; minY: number; maxX: number; maxY: number }, warnings: GeoWarning[], file: string): CrsDecision {
  const fromPrj = prj !== undefined ? crsFromPrj(prj) : undefined;
  if (opts.crs) {
    if (fromPrj && fromPrj.epsg !== opts.crs) {
      warnings.push(warn('crs-override', `${file}: .prj는 EPSG:${fromPrj.epsg}이지만 지정한 EPSG:${opts.crs}를 사용했습니다`, `${file}: the .prj says EPSG:${fromPrj.epsg}; the given EPSG:${opts.crs} was used`));
    }
    return { epsg: opts.crs, source: 'given', reason: { ko: `사용자가 EPSG:${opts.crs} 지정`, en: `EPSG:${opts.crs} given by the user` } };
  }
  if (fromPrj) return fromPrj;
  if (prj !== undefined) {
    warnings.push(warn('prj-unknown', `${file}: .prj의 좌표계를 알 수 없어 좌표 범위로 판단했습니다`, `${file}: the .prj names an unknown CRS; decided from the coordinate range`));
  }
  return crsFromRange(range());
}

export interface ShapefilePlan {
  shpPath: string;
  shxPath?: string;
  dbfPath: string;
  dbf: DbfHeader;
  encoding: TextEncoding;
  epsg: Epsg;
  /** Number of shapes per the .shx (undefined without one). */
  count?: number;
}

/** Streams a Shapefile's features (or records from..to-1, which needs the .shx) as raw checks. */
export function* shapefileFeatures(plan: ShapefilePlan, fields?: string[], range?: { from: number; to: number }): Generator<RawFeature> {
  const { shpPath, shxPath, dbfPath, dbf } = plan;
  const recs = readDbfRecords(dbfPath, dbf, plan.encoding, fields, range?.from ?? 0);
  try {
  for (const shape of readShpRecords(shpPath, shxPath, range)) {
    const next = recs.next();
    if (next.done) {
      fail('dbf-short', `${basename(dbfPath)}: 속성(.dbf)이 도형 ${shape.number}번보다 먼저 끝납니다`, `${basename(dbfPath)}: the .dbf ends before shape ${shape.number}`, { shape: shape.number });
    }
    const properties = next.value ?? {};
    let check: Checked;
    if (shape.type === 0) check = checkGeometry(null);
    else if (shape.type === 5) check = checkShapefilePolygon(shape.parts);
    else if (shape.type === 1) check = checkGeometry({ type: 'Point', coordinates: shape.parts[0][0] });
    else if (shape.type === 8) check = checkGeometry({ type: 'MultiPoint', coordinates: shape.parts[0] });
    else check = checkGeometry(shape.parts.length === 1 ? { type: 'LineString', coordinates: shape.parts[0] } : { type: 'MultiLineString', coordinates: shape.parts });
    yield { n: shape.number, check, properties };
  }
  } finally {
    recs.return(undefined);
  }
}

function openShapefile(base: string, opts: ImportOptions): Layer {
  const shpPath = sidecar(base, '.shp') ?? fail('file-missing', `.shp 파일이 없습니다: ${base}.shp`, `missing .shp: ${base}.shp`);
  const dbfPath = sidecar(base, '.dbf') ?? fail('file-missing', `.dbf 파일이 없습니다: ${base}.dbf`, `missing .dbf: ${base}.dbf`);
  const shxPath = sidecar(base, '.shx');
  const prjPath = sidecar(base, '.prj');
  const cpgPath = sidecar(base, '.cpg');
  const file = basename(shpPath);
  const warnings: GeoWarning[] = [];
  const shpHeader = readShpHeader(shpPath);
  const dbf = readDbfHeader(dbfPath);
  if (!shxPath) warnings.push(warn('shx-missing', `${file}: .shx가 없어 .shp를 순서대로 읽었습니다`, `${file}: no .shx; the .shp was read sequentially`));
  const shxCount = shxPath ? readShx(shxPath).length : undefined;
  if (shxCount !== undefined && dbf.records < shxCount) {
    fail('dbf-short', `${basename(dbfPath)}: 속성(.dbf)이 ${dbf.records}건으로 도형(.shp/.shx) ${shxCount}건보다 적습니다`,
      `${basename(dbfPath)}: the .dbf has ${dbf.records} records, fewer than the ${shxCount} shapes in the .shp/.shx`, { dbf: dbf.records, shapes: shxCount });
  }
  // Encoding: .cpg, then the DBF language byte, each verified against the bytes.
  let declared: { encoding: TextEncoding; from: string } | undefined;
  if (cpgPath) {
    const label = readFileSync(cpgPath, 'latin1').trim();
    const e = encodingFromLabel(label);
    if (e) declared = { encoding: e, from: '.cpg' };
    else warnings.push(warn('cpg-unknown', `${file}: .cpg의 인코딩 표시를 알 수 없습니다`, `${file}: unknown .cpg encoding label`));
  }
  if (!declared) {
    const e = encodingFromLdid(dbf.ldid);
    if (e) declared = { encoding: e, from: 'DBF language byte' };
  }
  const probe = probeDbf(dbfPath, dbf);
  const choice = chooseEncoding(probe, opts.encoding, declared, basename(dbfPath));
  warnings.push(...choice.warnings);
  decodeFieldNames(dbf, choice.encoding);
  const prj = prjPath ? readFileSync(prjPath, 'utf8') : undefined;
  const [minX, minY, maxX, maxY] = shpHeader.bbox;
  const crs = decideCrs(opts, prj, () => ({ minX, minY, maxX, maxY }), warnings, file);
  if (shxCount !== undefined && dbf.records > shxCount) {
    warnings.push(warn('dbf-long', `${basename(dbfPath)}: 속성이 도형보다 ${dbf.records - shxCount}건 많아 남는 속성은 무시했습니다`, `${basename(dbfPath)}: ${dbf.records - shxCount} more attribute rows than shapes; the extra rows were ignored`));
  }
  const plan: ShapefilePlan = { shpPath, shxPath, dbfPath, dbf, encoding: choice.encoding, epsg: crs.epsg, count: shxCount };
  const layer = makeLayer(
    { format: 'shapefile', crs: `EPSG:${crs.epsg}`, crsSource: crs.source, crsReason: crs.reason, encoding: choice.encoding, fields: dbf.fields.map((f) => f.name), warnings },
    () => shapefileFeatures(plan, opts.fields),
  );
  layer.plan = plan;
  return layer;
}

function readBytes(path: string): Buffer {
  const size = statSync(path).size;
  const buf = Buffer.alloc(size);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}

function decodeWhole(path: string, opts: ImportOptions, warnings: GeoWarning[]): { text: string; encoding: TextEncoding } {
  let bytes = readBytes(path);
  let declared: { encoding: TextEncoding; from: string } | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    declared = { encoding: 'UTF-8', from: 'byte-order mark' };
  }
  const probe = new EncodingProbe();
  probe.push(bytes, true);
  const choice = chooseEncoding(probe, opts.encoding, declared, basename(path));
  warnings.push(...choice.warnings);
  return { text: decodeText(bytes, choice.encoding), encoding: choice.encoding };
}

function openGeoJson(path: string, opts: ImportOptions): Layer {
  const warnings: GeoWarning[] = [];
  const { text, encoding } = decodeWhole(path, { ...opts, encoding: opts.encoding ?? 'UTF-8' }, warnings);
  let doc: { type?: string; features?: unknown[]; geometry?: unknown; crs?: { properties?: { name?: string } } };
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // The parser's message quotes the text around the error: never echo a file's content.
    void e;
    return fail('geojson-invalid', `${basename(path)}: 올바른 JSON이 아닙니다`, `${basename(path)}: not valid JSON`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) fail('geojson-invalid', `${basename(path)}: FeatureCollection이 아닙니다`, `${basename(path)}: not a GeoJSON FeatureCollection`);
  tooDeep(doc, basename(path));
  const feats = (doc.type === 'FeatureCollection' ? doc.features : doc.type === 'Feature' ? [doc] : undefined) as
    | { geometry?: Geometry | null; properties?: Record<string, unknown> | null }[]
    | undefined;
  if (!Array.isArray(feats)) fail('geojson-invalid', `${basename(path)}: FeatureCollection이 아닙니다`, `${basename(path)}: not a GeoJSON FeatureCollection`);
  // A legacy "crs" member may name a projected CRS; otherwise RFC 7946 says WGS84, but check the range.
  const legacy = /EPSG::?(\d+)/i.exec(doc.crs?.properties?.name ?? '');
  const prjLike = legacy ? `AUTHORITY["EPSG","${legacy[1]}"]]` : undefined;
  const crs = decideCrs(opts, prjLike, () => bounds(feats!.map((f) => (f && typeof f === 'object' ? f.geometry : null))), warnings, basename(path));
  const fields = [...new Set(feats!.slice(0, 1000).flatMap((f) => Object.keys(f && typeof f === 'object' && f.properties && typeof f.properties === 'object' ? f.properties : {})))];
  return makeLayer({ format: 'geojson', crs: `EPSG:${crs.epsg}`, crsSource: crs.source, crsReason: crs.reason, encoding, fields, warnings }, function* () {
    let n = 0;
    for (const f of feats!) {
      const props = f && typeof f === 'object' && f.properties && typeof f.properties === 'object' && !Array.isArray(f.properties) ? f.properties : {};
      yield { n: ++n, check: checkGeometry(f && typeof f === 'object' ? f.geometry : null), properties: { ...props } };
    }
  });
}

/** Deeper than this, properties are refused: nothing a planner needs nests so deep, and deep values overflow the stack later (JSON.stringify, structured clone). */
export const MAX_JSON_DEPTH = 32;

/** Walks the document iteratively (no recursion) and refuses nesting beyond MAX_JSON_DEPTH. */
function tooDeep(doc: unknown, file: string): void {
  const stack: [unknown, number][] = [[doc, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > MAX_JSON_DEPTH) fail('geojson-too-deep', `${file}: 값이 ${MAX_JSON_DEPTH}단계보다 깊게 중첩되어 있습니다`, `${file}: values nested deeper than ${MAX_JSON_DEPTH} levels`);
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === 'object') stack.push([x, d + 1]);
  }
}

function bounds(geoms: Iterable<Geometry | null | undefined>) {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const g of geoms) {
    if (!wellShaped(g)) continue; // malformed ones are skipped with a reason when read
    eachCoord(g, (x, y) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      if (x < b.minX) b.minX = x; if (x > b.maxX) b.maxX = x; if (y < b.minY) b.minY = y; if (y > b.maxY) b.maxY = y;
    });
  }
  return b;
}

const LON = ['경도', 'lon', 'lng', 'long', 'longitude', 'x경도'];
const LAT = ['위도', 'lat', 'latitude', 'y위도'];
const XS = ['x', '좌표정보(x)', 'x좌표', 'xcoord', 'x_coord', 'tm_x', 'utmk_x', 'x좌표(grs80tm)', 'point_x'];
const YS = ['y', '좌표정보(y)', 'y좌표', 'ycoord', 'y_coord', 'tm_y', 'utmk_y', 'y좌표(grs80tm)', 'point_y'];
const WKTS = ['wkt', 'geometry', 'geom', 'the_geom', 'shape'];

function openCsv(path: string, opts: ImportOptions): Layer {
  const warnings: GeoWarning[] = [];
  const file = basename(path);
  const { text, encoding } = decodeWhole(path, opts, warnings);
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return fail('csv-invalid', `${file}: CSV를 읽을 수 없습니다${line ? ` (${line}번째 줄)` : ''}`, `${file}: cannot parse the CSV${line ? ` (line ${line})` : ''}`, line ? { line } : undefined);
  }
  const fields = rows.length ? Object.keys(rows[0]) : [];
  const find = (cands: string[]) => fields.find((f) => cands.includes(f.trim().toLowerCase().replace(/\s/g, '')));
  // Column names are the file's first line: they go in `detail.columns` (shown by the CLI and
  // the import dialog from the report), never into an error message.
  const need = (name: string) => fields.includes(name) ? name : fail('csv-field-missing', `${file}: '${name}' 열이 없습니다`, `${file}: no column '${name}'`, { field: name, columns: fields });
  let xf: string | undefined, yf: string | undefined, wf: string | undefined;
  let lonLat = false;
  if (opts.wktField) wf = need(opts.wktField);
  else if (opts.xField || opts.yField) {
    if (!opts.xField || !opts.yField) fail('csv-field-missing', `${file}: --x와 --y를 함께 지정하세요`, `${file}: give both --x and --y`);
    xf = need(opts.xField!);
    yf = need(opts.yField!);
  } else if (find(LON) && find(LAT)) {
    xf = find(LON); yf = find(LAT); lonLat = true;
  } else if (find(XS) && find(YS)) {
    xf = find(XS); yf = find(YS);
  } else if (find(WKTS)) wf = find(WKTS);
  else {
    fail('csv-no-geometry', `${file}: 좌표 열(경도/위도, X/Y 또는 WKT)을 찾지 못했습니다. 좌표 열을 지정하세요`,
      `${file}: no coordinate columns (lon/lat, X/Y or WKT) found; name the X and Y columns`, { columns: fields });
  }
  const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s.trim()));
  const geomOf = (r: Record<string, string>): Geometry | null => {
    if (wf) return parseWkt(r[wf] ?? '') ?? null;
    const x = num(r[xf!]), y = num(r[yf!]);
    if (x === undefined || y === undefined) return null;
    return { type: 'Point', coordinates: [x, y] };
  };
  const geoms = rows.map(geomOf);
  let crs: CrsDecision;
  if (lonLat && !opts.crs) {
    crs = { epsg: 4326, source: 'detected', reason: { ko: `경도/위도 열(${xf}, ${yf})`, en: `longitude/latitude columns (${xf}, ${yf})` } };
    const b = bounds(geoms);
    if (!(b.minX >= 120 && b.maxX <= 135 && b.minY >= 30 && b.maxY <= 45)) {
      warnings.push(warn('lonlat-range', `${file}: 경도/위도 값이 한국 범위를 벗어납니다`, `${file}: longitude/latitude values fall outside Korea`));
    }
  } else crs = decideCrs(opts, undefined, () => bounds(geoms), warnings, file);
  return makeLayer({ format: 'csv', crs: `EPSG:${crs.epsg}`, crsSource: crs.source, crsReason: crs.reason, encoding, fields, warnings }, function* () {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const g = geoms[i];
      let check: Checked;
      if (g) check = checkGeometry(g);
      else if (wf && (r[wf] ?? '').trim() !== '') check = { ok: false, reason: { code: 'unsupported-geometry', ko: 'WKT를 읽을 수 없습니다', en: 'cannot parse the WKT' } };
      else check = checkGeometry(null);
      yield { n: i + 1, check, properties: r };
    }
  });
}

export function epsgOf(report: ImportReport): Epsg {
  return Number(report.crs.slice(5)) as Epsg;
}
