// The files a study run writes: what a planner opens — sites.geojson (merged outlines),
// survivors.geojson (the parcels that passed, with score and site) and ranking.csv — and, only
// when asked, parcels.geojson with every parcel (374 MB at a million parcels).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformer } from '../core/crs.js';
import type { StudyRun } from '../core/evaluate.js';
import { WORK_EPSG } from '../core/layers.js';
import type { StudyOutputFiles } from '../core/results.js';
import { parcelPolygons } from '../core/store.js';
import { rankingTable, siteView, toCsv } from '../core/tables.js';
import { GeoJsonWriter } from './geojson-out.js';

export interface WriteOptions {
  /** Also write parcels.geojson with every parcel (pass/fail, reasons, score, site). */
  parcels?: boolean;
  onProgress?: (f: number) => void;
}

const round = (v: number, d: number) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : v);

/** Writes sites.geojson, survivors.geojson and ranking.csv (and parcels.geojson when asked). */
export function writeStudyOutputs(run: StudyRun, outDir: string, options: WriteOptions | ((f: number) => void) = {}): StudyOutputFiles {
  const opts: WriteOptions = typeof options === 'function' ? { onProgress: options } : options;
  mkdirSync(outDir, { recursive: true });
  const toWgs = transformer(WORK_EPSG, 4326);
  const s = run.parcels.store;
  const files: StudyOutputFiles = { sites: join(outDir, 'sites.geojson'), survivors: join(outDir, 'survivors.geojson'), ranking: join(outDir, 'ranking.csv') };
  const cols = Object.entries(run.parcels.columns);
  const idField = run.study.idField;
  const siteIdOf = new Map(run.sites.map((x) => [x.id, x.siteId]));
  const parcelProps = (p: number): Record<string, unknown> => {
    const props: Record<string, unknown> = { [idField]: run.parcels.ids[p] };
    for (const [k, col] of cols) props[k] = Number.isNaN(col[p]) ? null : col[p];
    props.pass = run.screen.pass[p] === 1;
    props.reasons = run.screen.reasons[p] ?? [];
    props.score = Number.isNaN(run.parcelScore[p]) ? null : round(run.parcelScore[p], 6);
    props.site = run.siteOf[p] >= 0 ? run.siteOf[p] : null;
    props.site_id = run.siteOf[p] >= 0 ? siteIdOf.get(run.siteOf[p]) ?? null : null;
    props.area = round(s.area[p], 2);
    return props;
  };
  const parcelGeometry = (p: number) => {
    const polys = parcelPolygons(s, p).map((poly) => poly.map((r) => r.map(([x, y]) => toWgs(x, y))));
    return polys.length === 1 ? { type: 'Polygon' as const, coordinates: polys[0] } : { type: 'MultiPolygon' as const, coordinates: polys };
  };
  const sw = new GeoJsonWriter(files.sites, 9, { crsNote: 'areas are planar EPSG:5186 m² (or the 토지면적 ledger sum where every parcel has one)' });
  for (const site of run.sites) {
    const coords = site.outline.map((poly) => poly.map((r) => r.map(([x, y]) => toWgs(x, y))));
    const v = siteView(site);
    sw.write({ type: 'MultiPolygon', coordinates: coords }, { ...v, area: round(v.area, 2), planarArea: round(v.planarArea, 2), perimeter: round(v.perimeter, 2) }, site.id);
  }
  sw.close();
  opts.onProgress?.(0.2);
  const vw = new GeoJsonWriter(files.survivors, 9);
  for (let p = 0; p < s.count; p++) if (run.screen.pass[p]) vw.write(parcelGeometry(p), parcelProps(p));
  vw.close();
  writeFileSync(files.ranking, toCsv(rankingTable({ sites: run.sites.map(siteView), summary: run.summary })));
  opts.onProgress?.(0.4);
  if (opts.parcels) {
    files.parcels = join(outDir, 'parcels.geojson');
    const pw = new GeoJsonWriter(files.parcels, 9);
    for (let p = 0; p < s.count; p++) {
      pw.write(parcelGeometry(p), parcelProps(p));
      if (opts.onProgress && p % 50000 === 0) opts.onProgress(0.4 + (0.6 * p) / s.count);
    }
    pw.close();
  }
  opts.onProgress?.(1);
  return files;
}
