// The files a study run writes: sites.geojson, ranking.csv, and (when asked) every parcel.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformer } from '../core/crs.js';
import type { StudyRun } from '../core/evaluate.js';
import { WORK_EPSG } from '../core/layers.js';
import { parcelPolygons } from '../core/store.js';
import { GeoJsonWriter } from './geojson-out.js';

/** Writes parcels.geojson, sites.geojson and ranking.csv (WGS84 GeoJSON, UTF-8 CSV with BOM). */
export function writeStudyOutputs(run: StudyRun, outDir: string, onProgress?: (f: number) => void): { parcels: string; sites: string; ranking: string } {
  mkdirSync(outDir, { recursive: true });
  const toWgs = transformer(WORK_EPSG, 4326);
  const s = run.parcels.store;
  const files = { parcels: join(outDir, 'parcels.geojson'), sites: join(outDir, 'sites.geojson'), ranking: join(outDir, 'ranking.csv') };
  const pw = new GeoJsonWriter(files.parcels, 9);
  const cols = Object.entries(run.parcels.columns);
  for (let p = 0; p < s.count; p++) {
    const props: Record<string, unknown> = { [run.study.idField]: run.parcels.ids[p] };
    for (const [k, col] of cols) props[k] = Number.isNaN(col[p]) ? null : col[p];
    props.pass = run.screen.pass[p] === 1;
    props.reasons = run.screen.reasons[p] ?? [];
    props.score = Number.isNaN(run.parcelScore[p]) ? null : round(run.parcelScore[p], 6);
    props.site = run.siteOf[p] >= 0 ? run.siteOf[p] : null;
    props.area = round(s.area[p], 2);
    const polys = parcelPolygons(s, p).map((poly) => poly.map((r) => r.map(([x, y]) => toWgs(x, y))));
    pw.write(polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }, props);
    if (onProgress && p % 50000 === 0) onProgress((0.9 * p) / s.count);
  }
  pw.close();
  const sw = new GeoJsonWriter(files.sites, 9, { crsNote: 'areas are planar EPSG:5186 m² (or the 토지면적 ledger sum where every parcel has one)' });
  for (const site of run.sites) {
    const { outline, parcels: _p, ...rest } = site;
    void _p;
    const coords = outline.map((poly) => poly.map((r) => r.map(([x, y]) => toWgs(x, y))));
    sw.write({ type: 'MultiPolygon', coordinates: coords }, { ...rest, area: round(rest.area, 2), planarArea: round(rest.planarArea, 2), perimeter: round(rest.perimeter, 2), parcelCount: site.parcels.length }, site.id);
  }
  sw.close();
  const ids = Object.keys(run.summary.weights);
  const head = ['rank', 'site', 'score', 'area_m2', 'area_source', 'planar_area_m2', 'parcels', 'compactness', 'top_share', 'mean_rank', ...ids.flatMap((id) => [`${id}_raw`, `${id}_score`, `${id}_weight`, `${id}_contribution`]), 'pnu'];
  const lines = [head.join(',')];
  for (const site of run.sites) {
    if (site.rank === null) continue;
    lines.push([
      site.rank, site.id, round(site.score, 6), round(site.area, 2), site.areaSource, round(site.planarArea, 2), site.parcels.length, round(site.compactness, 4),
      site.stability ? round(site.stability.topShare, 4) : '', site.stability ? round(site.stability.meanRank, 2) : '',
      ...ids.flatMap((id) => { const c = site.criteria[id]; return [c.raw === null ? '' : round(c.raw, 4), round(c.score, 6), round(c.weight, 6), round(c.contribution, 6)]; }),
      `"${site.parcelIds.join(' ')}"`,
    ].join(','));
  }
  writeFileSync(files.ranking, `\ufeff${lines.join('\n')}\n`);
  onProgress?.(1);
  return files;
}
const round = (v: number, d: number) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : v);
