// Exports of a finished run, read back from its sites.geojson (WGS84, every site with its
// criteria): sites as GeoJSON or Shapefile (EPSG:5186), the ranking as .xlsx or CSV. Files are
// produced in memory (a few thousand sites at most) and returned as bytes with a file name.
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { transformer } from '../core/crs.js';
import { ringSignedArea } from '../core/planar.js';
import type { SiteView, StudySummary } from '../core/results.js';
import { rankingTable, toCsv } from '../core/tables.js';
import { type TextEncoding, encodeText } from './encoding.js';

export type SiteFeature = Feature<MultiPolygon, SiteView>;

export interface ExportFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** The sites of a run as written by writeStudyOutputs. */
export function readSites(file: string): SiteFeature[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<MultiPolygon, SiteView>).features;
}

const safeName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'study';

export function sitesGeoJson(sites: SiteFeature[], name: string): ExportFile {
  const fc = { type: 'FeatureCollection', name, crs_note: 'WGS84 (EPSG:4326); areas in m² (EPSG:5186 planar or 토지면적 ledger sums)', features: sites };
  return { fileName: `${safeName(name)}_sites.geojson`, mime: 'application/geo+json', bytes: Buffer.from(JSON.stringify(fc)) };
}

export function rankingCsv(sites: SiteFeature[], summary: Pick<StudySummary, 'weights' | 'name'>): ExportFile {
  return { fileName: `${safeName(summary.name)}_ranking.csv`, mime: 'text/csv', bytes: Buffer.from(toCsv(rankingTable({ sites: sites.map((f) => f.properties), summary }))) };
}

/** The ranking as an Excel workbook: ranking, the parcels of each site, and how scores were made. */
export async function rankingXlsx(sites: SiteFeature[], summary: StudySummary): Promise<ExportFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ansim Desk';
  wb.created = new Date(0); // reproducible bytes for the same run
  const t = rankingTable({ sites: sites.map((f) => f.properties), summary }, { parcelIds: false });
  const ws = wb.addWorksheet('순위 Ranking', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(t.head);
  for (const r of t.rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 14));
  const ps = wb.addWorksheet('필지 Parcels', { views: [{ state: 'frozen', ySplit: 1 }] });
  ps.addRow(['rank', 'site_id', 'pnu']);
  ps.getRow(1).font = { bold: true };
  // PNUs are text (19 digits exceed a spreadsheet number's precision).
  for (const f of sites) if (f.properties.rank !== null) for (const pnu of f.properties.parcelIds) ps.addRow([f.properties.rank, f.properties.siteId, pnu]);
  ps.getColumn(2).numFmt = '@';
  ps.getColumn(3).numFmt = '@';
  ps.getColumn(2).width = 22;
  ps.getColumn(3).width = 22;
  const about = wb.addWorksheet('방법 Method');
  about.addRow(['연구 Study', summary.name]);
  about.addRow(['산식 Formula', summary.formula]);
  about.addRow(['좌표계 CRS', summary.crs]);
  for (const [id, w] of Object.entries(summary.weights)) about.addRow([`가중치 weight: ${id}`, w]);
  if (summary.ahp) about.addRow(['AHP CR', summary.ahp.cr]);
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 40;
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { fileName: `${safeName(summary.name)}_ranking.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}

// ---- Shapefile (EPSG:5186) ------------------------------------------------------------------

const PRJ_5186 = 'PROJCS["Korea_2000_Korea_Central_Belt_2010",GEOGCS["GCS_Korea_2000",DATUM["D_Korea_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",200000.0],PARAMETER["False_Northing",600000.0],PARAMETER["Central_Meridian",127.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]';

interface DbfField { name: string; type: 'C' | 'N'; length: number; decimals?: number; long: string; ko: string }

/** Cuts text to at most `max` encoded bytes without splitting a character. */
export function fitBytes(text: string, enc: TextEncoding, max = 254): string {
  if (encodeText(text, enc).length <= max) return text;
  let lo = 0, hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encodeText(text.slice(0, mid), enc).length <= max) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo);
}

function dbfBytes(fields: DbfField[], rows: (string | number | null)[][], enc: TextEncoding): Buffer {
  for (const f of fields) if (Buffer.byteLength(f.name, 'latin1') > 10 || !/^[A-Z0-9_]+$/.test(f.name)) throw new Error(`DBF field name: ${f.name}`);
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const headerLength = 32 + 32 * fields.length + 1;
  const out = Buffer.alloc(headerLength + recordLength * rows.length + 1, 0x20);
  out.fill(0, 0, headerLength);
  out[0] = 0x03;
  out[1] = 126; out[2] = 1; out[3] = 1; // 2026-01-01: fixed, for reproducible bytes
  out.writeUInt32LE(rows.length, 4);
  out.writeUInt16LE(headerLength, 8);
  out.writeUInt16LE(recordLength, 10);
  out[29] = enc === 'CP949' ? 0x4e : 0;
  fields.forEach((f, i) => {
    out.write(f.name, 32 + i * 32, 'latin1');
    out[32 + i * 32 + 11] = f.type.charCodeAt(0);
    out[32 + i * 32 + 16] = f.length;
    out[32 + i * 32 + 17] = f.decimals ?? 0;
  });
  out[headerLength - 1] = 0x0d;
  let p = headerLength;
  for (const row of rows) {
    out[p++] = 0x20;
    fields.forEach((f, i) => {
      const v = row[i];
      let b: Buffer = Buffer.alloc(0);
      if (v !== null && v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))) {
        if (f.type === 'N') b = Buffer.from((typeof v === 'number' ? v.toFixed(f.decimals ?? 0) : String(v)).padStart(f.length).slice(-f.length), 'latin1');
        else b = encodeText(fitBytes(String(v), enc, f.length), enc);
      }
      b.copy(out, p);
      p += f.length;
    });
  }
  out[p] = 0x1a;
  return out;
}

function shpBytes(polys: Position[][][][]): { shp: Buffer; shx: Buffer } {
  const recs: Buffer[] = [];
  let bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const mp of polys) {
    // Shapefile rings: outer clockwise, holes counter-clockwise.
    const rings = mp.flatMap((poly) => poly.map((r, i) => ((i === 0) === ringSignedArea(r) > 0 ? [...r].reverse() : r)));
    const n = rings.reduce((s, r) => s + r.length, 0);
    const c = Buffer.alloc(44 + rings.length * 4 + n * 16);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const r of rings) for (const [x, y] of r) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    c.writeInt32LE(5, 0);
    [x0, y0, x1, y1].forEach((v, i) => c.writeDoubleLE(v, 4 + i * 8));
    c.writeInt32LE(rings.length, 36);
    c.writeInt32LE(n, 40);
    let k = 0;
    rings.forEach((r, i) => { c.writeInt32LE(k, 44 + i * 4); k += r.length; });
    let o = 44 + rings.length * 4;
    for (const r of rings) for (const [x, y] of r) { c.writeDoubleLE(x, o); c.writeDoubleLE(y, o + 8); o += 16; }
    recs.push(c);
    bbox = [Math.min(bbox[0], x0), Math.min(bbox[1], y0), Math.max(bbox[2], x1), Math.max(bbox[3], y1)];
  }
  const header = (len: number) => {
    const h = Buffer.alloc(100);
    h.writeInt32BE(9994, 0);
    h.writeInt32BE(len / 2, 24);
    h.writeInt32LE(1000, 28);
    h.writeInt32LE(5, 32);
    (recs.length ? bbox : [0, 0, 0, 0]).forEach((v, i) => h.writeDoubleLE(v, 36 + i * 8));
    return h;
  };
  const shpLen = 100 + recs.reduce((s, r) => s + 8 + r.length, 0);
  const shp = Buffer.alloc(shpLen);
  const shx = Buffer.alloc(100 + 8 * recs.length);
  header(shpLen).copy(shp, 0);
  header(shx.length).copy(shx, 0);
  let pos = 100;
  recs.forEach((r, i) => {
    shx.writeInt32BE(pos / 2, 100 + i * 8);
    shx.writeInt32BE(r.length / 2, 104 + i * 8);
    shp.writeInt32BE(i + 1, pos);
    shp.writeInt32BE(r.length / 2, pos + 4);
    r.copy(shp, pos + 8);
    pos += 8 + r.length;
  });
  return { shp, shx };
}

/**
 * Sites as a zipped Shapefile in EPSG:5186: `<name>_sites.{shp,shx,dbf,prj,cpg}` (DBF names are
 * at most 10 bytes — `<name>_fields.csv` maps each to its full name and meaning), and each site's
 * parcels one per row in `<name>_parcels.dbf` (a PNU list would not fit a 254-byte value).
 */
export async function sitesShapefile(sites: SiteFeature[], summary: Pick<StudySummary, 'weights' | 'name'>, enc: TextEncoding = 'CP949'): Promise<ExportFile> {
  const base = safeName(summary.name);
  const ids = Object.keys(summary.weights);
  const fields: DbfField[] = [
    { name: 'RANK', type: 'N', length: 6, long: 'rank', ko: '순위 (최소 면적 미만은 빈칸)' },
    { name: 'SITE_ID', type: 'C', length: 24, long: 'site_id', ko: '부지 ID (구성 필지 중 가장 작은 PNU)' },
    { name: 'SITE_NO', type: 'N', length: 8, long: 'site', ko: '이번 실행의 부지 번호' },
    { name: 'SCORE', type: 'N', length: 14, decimals: 9, long: 'score', ko: '종합 점수 (0~1)' },
    { name: 'AREA_M2', type: 'N', length: 14, decimals: 2, long: 'area_m2', ko: '면적 m² (토지대장 합계 또는 EPSG:5186 평면 면적)' },
    { name: 'AREA_SRC', type: 'C', length: 8, long: 'area_source', ko: '면적 출처 (ledger 토지대장, planar 평면)' },
    { name: 'PLANAR_M2', type: 'N', length: 14, decimals: 2, long: 'planar_area_m2', ko: 'EPSG:5186 평면 면적 m²' },
    { name: 'PARCELS', type: 'N', length: 8, long: 'parcels', ko: '필지 수 (목록은 _parcels.dbf)' },
    { name: 'COMPACT', type: 'N', length: 10, decimals: 6, long: 'compactness', ko: '형상 지수 4πA/P²' },
    { name: 'ELIGIBLE', type: 'C', length: 1, long: 'eligible', ko: '최소 면적 충족 (Y/N)' },
    { name: 'TOP_SHARE', type: 'N', length: 10, decimals: 4, long: 'top_share', ko: '민감도: 상위권에 든 비율' },
    ...ids.flatMap((id, i) => [
      { name: `C${i + 1}_RAW`, type: 'N' as const, length: 18, decimals: 4, long: `${id}_raw`, ko: `기준 ${id}: 원값` },
      { name: `C${i + 1}_SCORE`, type: 'N' as const, length: 12, decimals: 6, long: `${id}_score`, ko: `기준 ${id}: 점수 (0~1)` },
      { name: `C${i + 1}_WGT`, type: 'N' as const, length: 12, decimals: 6, long: `${id}_weight`, ko: `기준 ${id}: 가중치` },
      { name: `C${i + 1}_CONT`, type: 'N' as const, length: 12, decimals: 6, long: `${id}_contribution`, ko: `기준 ${id}: 기여도` },
    ]),
  ];
  const rows = sites.map(({ properties: s }) => [
    s.rank, s.siteId, s.id, s.score, s.area, s.areaSource, s.planarArea, s.parcelCount, s.compactness, s.eligible ? 'Y' : 'N', s.stability?.topShare ?? null,
    ...ids.flatMap((id) => { const c = s.criteria[id]; return c ? [c.raw, c.score, c.weight, c.contribution] : [null, null, null, null]; }),
  ]);
  const to5186 = transformer(4326, 5186);
  const { shp, shx } = shpBytes(sites.map((f) => f.geometry.coordinates.map((poly) => poly.map((r) => r.map(([x, y]) => to5186(x, y))))));
  const parcelFields: DbfField[] = [
    { name: 'SITE_ID', type: 'C', length: 24, long: 'site_id', ko: '부지 ID' },
    { name: 'RANK', type: 'N', length: 6, long: 'rank', ko: '순위' },
    { name: 'PNU', type: 'C', length: 19, long: 'pnu', ko: '필지고유번호 (19자리)' },
  ];
  const parcelRows = sites.flatMap(({ properties: s }) => s.parcelIds.map((pnu) => [s.siteId, s.rank, pnu]));
  const map = ['dbf_field,full_name,설명 description', ...fields.map((f) => `${f.name},${f.long},"${f.ko.replace(/"/g, '""')}"`),
    ...parcelFields.map((f) => `${base}_parcels.${f.name},${f.long},"${f.ko}"`)].join('\r\n');
  const zip = new JSZip();
  const date = new Date(Date.UTC(2026, 0, 1));
  const add = (name: string, data: Uint8Array | string) => zip.file(name, data, { date });
  add(`${base}_sites.shp`, shp);
  add(`${base}_sites.shx`, shx);
  add(`${base}_sites.dbf`, dbfBytes(fields, rows, enc));
  add(`${base}_sites.prj`, PRJ_5186);
  add(`${base}_sites.cpg`, enc === 'CP949' ? 'CP949' : 'UTF-8');
  add(`${base}_parcels.dbf`, dbfBytes(parcelFields, parcelRows, enc));
  add(`${base}_parcels.cpg`, enc === 'CP949' ? 'CP949' : 'UTF-8');
  add(`${base}_fields.csv`, `\ufeff${map}\r\n`);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { fileName: `${base}_sites_EPSG5186.zip`, mime: 'application/zip', bytes };
}
