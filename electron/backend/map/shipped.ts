// The Seoul context layers shipped with the app (data/layers/, copied there with their
// attributions): district and 법정동 boundaries (juso-2015, true WGS84), subway stations and
// lines, hospitals, parks. They are small, so the map gets them as GeoJSON; every one carries
// its attribution, scope and age, which the map and map images show.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import type { Bilingual } from '../../api/errors.js';
import { openLayer } from '../../../geo/io/import.js';
import { transformer } from '../../../geo/core/crs.js';
import { mapCoords } from '../../../geo/core/geometry.js';
import { epsgOf } from '../../../geo/io/import.js';

export type ShippedId = 'gu' | 'dong' | 'stations' | 'subway-lines' | 'hospitals' | 'parks';

export interface ShippedLayer {
  id: ShippedId;
  name: Bilingual;
  geometry: 'polygon' | 'point' | 'line';
  /** Field with the feature's Korean label. */
  labelField: string;
  attribution: Bilingual;
  scope: Bilingual;
  file: string;
}

export const SHIPPED: ShippedLayer[] = [
  { id: 'gu', name: { ko: '자치구 경계', en: 'Districts (gu)' }, geometry: 'polygon', labelField: 'SIG_KOR_NM', file: 'seoul_municipalities_geo_simple.json',
    attribution: { ko: '경계: southkorea/seoul-maps (도로명주소 2015, Apache-2.0)', en: 'Boundaries: southkorea/seoul-maps (JUSO 2015, Apache-2.0)' },
    scope: { ko: '서울 25개 자치구, 2015년 기준', en: "Seoul's 25 districts, as of 2015" } },
  { id: 'dong', name: { ko: '법정동 경계', en: 'Legal dong' }, geometry: 'polygon', labelField: 'EMD_KOR_NM', file: 'seoul_neighborhoods_geo_simple.json',
    attribution: { ko: '경계: southkorea/seoul-maps (도로명주소 2015, Apache-2.0)', en: 'Boundaries: southkorea/seoul-maps (JUSO 2015, Apache-2.0)' },
    scope: { ko: '법정동 467개, 2015년 기준', en: '467 legal dong, as of 2015' } },
  { id: 'subway-lines', name: { ko: '지하철 노선', en: 'Subway lines' }, geometry: 'line', labelField: 'name:ko', file: 'seoul_subway_lines_osm2016.geojson',
    attribution: { ko: '© OpenStreetMap 기여자 (ODbL 1.0)', en: '© OpenStreetMap contributors (ODbL 1.0)' },
    scope: { ko: '2016년 12월 기준 (이후 개통 노선 없음)', en: 'As of Dec 2016 (later lines missing)' } },
  { id: 'stations', name: { ko: '지하철역', en: 'Subway stations' }, geometry: 'point', labelField: 'name', file: 'seoul_stations_in_seoul.geojson',
    attribution: { ko: '역사: 서울 열린데이터광장 「서울시 역사마스터 정보」 (공공누리 제1유형)', en: 'Stations: Seoul Open Data Plaza (KOGL Type 1)' },
    scope: { ko: '서울 안 525개 역·노선 (약 310개 역)', en: '525 station-lines in Seoul (about 310 stations)' } },
  { id: 'hospitals', name: { ko: '병원', en: 'Hospitals' }, geometry: 'point', labelField: 'name', file: 'seoul_hospitals_open_wgs84.geojson',
    attribution: { ko: '병원: 서울 열린데이터광장 「서울시 병원 인허가 정보」 (공공누리 제1유형)', en: 'Hospitals: Seoul Open Data Plaza (KOGL Type 1)' },
    scope: { ko: '병원급 의료기관 544곳 (의원 제외), 영업 중', en: '544 hospital-class facilities (clinics excluded), open' } },
  { id: 'parks', name: { ko: '주요 공원', en: 'Major parks' }, geometry: 'point', labelField: '공원명', file: 'seoul_major_parks.cp949.csv',
    attribution: { ko: '공원: 서울 열린데이터광장 「서울시 주요 공원현황」 (공공누리 제1유형)', en: 'Parks: Seoul Open Data Plaza (KOGL Type 1)' },
    scope: { ko: '서울시 주요 공원 131곳 (동네 공원 제외)', en: "The city's 131 major parks (neighbourhood parks excluded)" } },
];

/** data/layers of the repository (or the packaged app's resources); ANSIM_LAYERS_DIR overrides. */
export function layersDir(): string | null {
  if (process.env.ANSIM_LAYERS_DIR) return process.env.ANSIM_LAYERS_DIR;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'data', 'layers');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

function findFile(root: string, name: string, depth = 4): string | null {
  const direct = path.join(root, name);
  if (existsSync(direct)) return direct;
  if (depth === 0) return null;
  for (const e of readdirSync(root)) {
    const p = path.join(root, e);
    if (statSync(p).isDirectory() && !/fixtures?/i.test(e)) {
      const hit = findFile(p, name, depth - 1);
      if (hit) return hit;
    }
  }
  return null;
}

const cache = new Map<ShippedId, FeatureCollection>();

export function shippedFile(layer: ShippedLayer): string | null {
  const root = layersDir();
  return root ? findFile(root, layer.file) : null;
}

/** The layer as WGS84 GeoJSON (read once). Null when this installation lacks the file. */
export function shippedGeoJson(id: ShippedId): FeatureCollection | null {
  const hit = cache.get(id);
  if (hit) return hit;
  const layer = SHIPPED.find((l) => l.id === id);
  const file = layer && shippedFile(layer);
  if (!file) return null;
  let fc: FeatureCollection;
  if (file.endsWith('.csv')) {
    const l = openLayer(file);
    const t = transformer(epsgOf(l.report), 4326);
    fc = { type: 'FeatureCollection', features: [...l.features()].map((f) => ({ type: 'Feature', geometry: mapCoords(f.geometry, t), properties: f.properties })) };
  } else {
    fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  }
  cache.set(id, fc);
  return fc;
}
