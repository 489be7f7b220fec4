// Rebuilds the shipped Seoul layers (data/layers/*.geojson) from the public files in ../shared/data
// (see SOURCES.md). Run by hand when a source is refreshed — never by tests or the app:
//   node --import tsx data/layers/build.ts [SOURCE_DIR]
// Output: compact WGS84 GeoJSON (6 decimals ≈ 0.1 m for boundaries and lines; points keep the
// source's precision), only the properties the app shows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import { openLayer } from '../../geo/io/import.js';

const src = process.argv[2] ?? join(import.meta.dirname, '../../../shared/data');
const out = (name: string) => join(import.meta.dirname, name);
const read = (p: string) => JSON.parse(readFileSync(join(src, p), 'utf8')) as FeatureCollection;
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
function round(g: Geometry): Geometry {
  const p = (c: Position) => [r6(c[0]), r6(c[1])];
  switch (g.type) {
    case 'LineString': return { type: g.type, coordinates: g.coordinates.map(p) };
    case 'MultiLineString':
    case 'Polygon': return { type: g.type, coordinates: g.coordinates.map((r) => r.map(p)) } as Geometry;
    case 'MultiPolygon': return { type: g.type, coordinates: g.coordinates.map((q) => q.map((r) => r.map(p))) };
    default: return g;
  }
}
function write(name: string, features: Feature[], meta: Record<string, unknown>) {
  // One feature per line: diffs stay readable and the file stays small.
  const head = JSON.stringify({ type: 'FeatureCollection', ...meta }).slice(0, -1);
  writeFileSync(out(name), `${head},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
  console.log(`${name}: ${features.length} features`);
}

// 자치구 and 법정동 (juso-2015, true WGS84; never the kostat-2013 files, which sit ~360 m off).
write('gu.geojson', read('boundaries/juso-2015/seoul_municipalities_geo_simple.json').features.map((f) => ({
  type: 'Feature', properties: { code: f.properties!.SIG_CD, name: f.properties!.SIG_KOR_NM, name_en: f.properties!.SIG_ENG_NM }, geometry: round(f.geometry),
})), { layer: 'gu' });
write('dong.geojson', read('boundaries/juso-2015/seoul_neighborhoods_geo_simple.json').features.map((f) => ({
  type: 'Feature', properties: { code: f.properties!.EMD_CD, name: f.properties!.EMD_KOR_NM, name_en: f.properties!.EMD_ENG_NM, gu_code: String(f.properties!.EMD_CD).slice(0, 5) }, geometry: round(f.geometry),
})), { layer: 'dong' });

// Stations: the 525 station-line rows grouped into stations (same name, rows within 700 m: 신촌 on
// line 2 and on the 경의중앙선 are 813 m apart and stay two stations; 서울역's rows span 519 m).
const rows = read('transit/seoul_stations_in_seoul.geojson').features as Feature<Point>[];
const byName = new Map<string, Feature<Point>[][]>();
const metres = (a: Position, b: Position) => Math.hypot((a[0] - b[0]) * 88_200, (a[1] - b[1]) * 111_000);
for (const f of rows) {
  const groups = byName.get(f.properties!.name) ?? [];
  const g = groups.find((m) => m.some((x) => metres(x.geometry.coordinates, f.geometry.coordinates) <= 700));
  if (g) g.push(f);
  else groups.push([f]);
  byName.set(f.properties!.name, groups);
}
const stations: Feature[] = [];
for (const [name, groups] of byName) {
  for (const g of groups) {
    const lines = [...new Set(g.map((f) => f.properties!.line as string))];
    const c = g.reduce((s, f) => [s[0] + f.geometry.coordinates[0] / g.length, s[1] + f.geometry.coordinates[1] / g.length], [0, 0]);
    stations.push({
      type: 'Feature',
      properties: { name, lines, transfer: lines.length > 1, station_ids: [...new Set(g.map((f) => String(f.properties!.station_id)))], gu_code: g[0].properties!.gu_code, gu_name: g[0].properties!.gu_name, rows: g.length },
      geometry: { type: 'Point', coordinates: [Math.round(c[0] * 1e7) / 1e7, Math.round(c[1] * 1e7) / 1e7] },
    });
  }
}
stations.sort((a, b) => String(a.properties!.name).localeCompare(String(b.properties!.name), 'ko'));
write('stations.geojson', stations, { layer: 'stations' });

// Hospitals: 병원급 open ones (544), as GDAL reprojected them from EPSG:5174.
write('hospitals.geojson', read('amenities/seoul_hospitals_open_wgs84.geojson').features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: f.geometry })), { layer: 'hospitals' });

// Parks: the city's 131 major parks, from the CP949 CSV's 경도/위도 (WGS84) columns.
// 면적 is free text ('2,108,968㎡ ', '총 15000㎡', '113021.7m2', '200,956제곱미터 (60,798평)', a few
// mistyped ㎥): area_m2 is its leading number in square metres, else null, so parks can be styled by
// area; the text stays as it is for feature info. A figure larger than Seoul itself (605 km²; the
// source gives 북한산국립공원 77,334,000,000㎡) is a source error and left empty.
function parkArea(v: unknown): number | null {
  const m = /^\s*(?:총\s*)?([\d,]+(?:\.\d+)?)\s*(?:㎡|㎥|m²|m2|제곱미터)/.exec(String(v ?? ''));
  const n = m ? Number(m[1].replace(/,/g, '')) : NaN;
  return Number.isFinite(n) && n > 0 && n <= 605.2e6 ? n : null;
}
const parks: Feature[] = [];
for (const f of openLayer(join(src, 'amenities/seoul_major_parks.cp949.csv'), { xField: '경도', yField: '위도', crs: 4326 }).features()) {
  const p = f.properties;
  parks.push({ type: 'Feature', properties: { name: p['공원명'], gu_name: p['지역'], addr: String(p['공원주소'] ?? '').trim(), area: p['면적'], area_m2: parkArea(p['면적']), opened: p['개원일'] }, geometry: f.geometry });
}
write('parks.geojson', parks, { layer: 'parks' });

// Subway lines (OpenStreetMap, 2016-12-29; ODbL 1.0): name, line colour.
write('subway-lines-osm2016.geojson', read('transit/seoul_subway_lines_osm2016.geojson').features.map((f) => ({
  type: 'Feature', properties: { name: f.properties!['name:ko'] ?? f.properties!.name, name_en: f.properties!['name:en'] ?? null, colour: f.properties!.colour ?? null, osm_id: f.properties!['@id'] }, geometry: round(f.geometry),
})), { layer: 'subway-lines', license: 'ODbL-1.0', attribution: '© OpenStreetMap contributors' });
