// The Seoul context layers shipped with the app (data/layers/*.geojson, WGS84): what each one is,
// how far it reaches, how old it is, and the attribution to show wherever it is drawn (map, map
// images, reports). Plain data, no I/O: the renderer, the backend and the report engine import it.
// Sources and licences in detail: data/layers/SOURCES.md.

import type { Bilingual } from '../../checklists/common/vocabulary.js';
export type { Bilingual };

export type SeoulLayerId = 'gu' | 'dong' | 'stations' | 'hospitals' | 'parks' | 'subwayLines';

export interface SeoulLayerInfo {
  id: SeoulLayerId;
  /** File name inside data/layers/. */
  file: string;
  geometry: 'Polygon' | 'Point' | 'LineString';
  features: number;
  title: Bilingual;
  /** What is in the layer and what is not (shown beside it, e.g. "병원급 only"). */
  scope: Bilingual;
  /** The date the source describes (ISO date or year), shown as the layer's age. */
  asOf: string;
  /** How asOf was established (the files carry no download date). */
  ageNote: Bilingual;
  source: Bilingual;
  /** Short attribution line for map corners and report footers. */
  attribution: string;
  license: 'KOGL-1' | 'Apache-2.0' | 'ODbL-1.0';
  /** Property names → labels (ko/en) for feature info and tables. */
  fields: Record<string, Bilingual>;
}

const KOGL = '공공누리 제1유형(출처표시)';

export const SEOUL_LAYERS: readonly SeoulLayerInfo[] = [
  {
    id: 'gu', file: 'gu.geojson', geometry: 'Polygon', features: 25,
    title: { ko: '자치구 경계', en: 'District (gu) boundaries' },
    scope: { ko: '서울 25개 자치구 (행안부 SIG_CD), 단순화된 경계', en: "Seoul's 25 districts (MOIS SIG_CD), simplified outlines" },
    asOf: '2015', ageNote: { ko: 'JUSO 2015년 자료', en: 'JUSO 2015 release' },
    source: { ko: 'JUSO 서울시 행정구역 시군구 정보 2015 (서울 열린데이터광장 OA-11677), southkorea/seoul-maps', en: 'JUSO Seoul municipalities 2015 (Seoul Open Data OA-11677) via southkorea/seoul-maps' },
    attribution: '경계: southkorea/seoul-maps (Apache-2.0), JUSO 2015',
    license: 'Apache-2.0',
    fields: { code: { ko: '시군구코드', en: 'SIG code' }, name: { ko: '자치구', en: 'District' }, name_en: { ko: '영문명', en: 'English name' } },
  },
  {
    id: 'dong', file: 'dong.geojson', geometry: 'Polygon', features: 467,
    title: { ko: '법정동 경계', en: 'Legal dong boundaries' },
    scope: { ko: '서울 467개 법정동 (EMD_CD = PNU 앞 8자리), 단순화된 경계', en: "Seoul's 467 legal dong (EMD_CD = first 8 PNU digits), simplified outlines" },
    asOf: '2015', ageNote: { ko: 'JUSO 2015년 자료', en: 'JUSO 2015 release' },
    source: { ko: 'JUSO 서울시 행정구역 읍면동 위치정보 2015 (서울 열린데이터광장 OA-13223), southkorea/seoul-maps', en: 'JUSO Seoul neighbourhoods 2015 (Seoul Open Data OA-13223) via southkorea/seoul-maps' },
    attribution: '경계: southkorea/seoul-maps (Apache-2.0), JUSO 2015',
    license: 'Apache-2.0',
    fields: { code: { ko: '법정동코드(8자리)', en: 'Dong code (8 digits)' }, name: { ko: '법정동', en: 'Dong' }, name_en: { ko: '영문명', en: 'English name' }, gu_code: { ko: '시군구코드', en: 'SIG code' } },
  },
  {
    id: 'stations', file: 'stations.geojson', geometry: 'Point', features: 311,
    title: { ko: '지하철역', en: 'Subway stations' },
    scope: {
      ko: '서울 안의 역 311곳 (역사마스터 525행을 역 단위로 묶음: 환승역은 한 점, 노선 목록). 출입구가 아니라 역 중심점입니다',
      en: 'The 311 stations inside Seoul (525 station-line rows grouped by station: a transfer station is one point with its lines). Station centres, not exits',
    },
    asOf: '2024', ageNote: { ko: '2024년 개통한 GTX-A 수서역을 포함하는 판 (내려받은 날짜는 기록 없음)', en: 'a release that includes GTX-A 수서 (opened 2024); download date not recorded' },
    source: { ko: '서울 열린데이터광장 OA-21232 「서울시 역사마스터 정보」', en: 'Seoul Open Data OA-21232 (subway station master)' },
    attribution: `역: 서울 열린데이터광장 (${KOGL})`,
    license: 'KOGL-1',
    fields: { name: { ko: '역명', en: 'Station' }, lines: { ko: '노선', en: 'Lines' }, transfer: { ko: '환승역', en: 'Transfer' }, gu_name: { ko: '자치구', en: 'District' } },
  },
  {
    id: 'hospitals', file: 'hospitals.geojson', geometry: 'Point', features: 544,
    title: { ko: '병원', en: 'Hospitals' },
    scope: {
      ko: '영업 중인 병원급 의료기관 544곳만 (의원·약국 제외). LOCALDATA 병원 인허가의 EPSG:5174 좌표를 GDAL로 변환',
      en: 'The 544 open hospital-class facilities only (no clinics or pharmacies); LOCALDATA permits, EPSG:5174 converted by GDAL',
    },
    asOf: '2025-05-20', ageNote: { ko: '인허가 자료의 마지막 최종수정일자', en: 'latest 최종수정일자 in the permit file' },
    source: { ko: '서울 열린데이터광장 「서울시 병원 인허가 정보」 (LOCALDATA)', en: 'Seoul Open Data hospital permits (LOCALDATA)' },
    attribution: `병원: 서울 열린데이터광장 LOCALDATA (${KOGL})`,
    license: 'KOGL-1',
    fields: { name: { ko: '병원명', en: 'Name' }, type: { ko: '종류', en: 'Type' }, addr: { ko: '주소', en: 'Address' } },
  },
  {
    id: 'parks', file: 'parks.geojson', geometry: 'Point', features: 130,
    title: { ko: '주요 공원', en: 'Major parks' },
    scope: {
      ko: '서울시 주요 공원 131곳 중 좌표가 있는 130곳 (서울로7017은 원자료에 좌표 없음). 동네 공원·놀이터는 없습니다. 공원의 대표점입니다',
      en: "130 of the city's 131 major parks (서울로7017 has no coordinates in the source); no neighbourhood parks or playgrounds. One point per park",
    },
    asOf: '2019', ageNote: { ko: '가장 최근 개원일 2019-05-01 이후의 자료 (내려받은 날짜는 기록 없음)', en: 'newer than its latest opening date, 2019-05-01; download date not recorded' },
    source: { ko: '서울 열린데이터광장 「서울시 주요 공원현황」', en: 'Seoul Open Data major parks' },
    attribution: `공원: 서울 열린데이터광장 (${KOGL})`,
    license: 'KOGL-1',
    fields: { name: { ko: '공원명', en: 'Park' }, gu_name: { ko: '자치구', en: 'District' }, addr: { ko: '주소', en: 'Address' }, area: { ko: '면적', en: 'Area' }, area_m2: { ko: '면적(㎡)', en: 'Area (m²)' }, opened: { ko: '개원일', en: 'Opened' } },
  },
  {
    id: 'subwayLines', file: 'subway-lines-osm2016.geojson', geometry: 'LineString', features: 441,
    title: { ko: '지하철 노선 (2016)', en: 'Subway lines (2016)' },
    scope: { ko: '2016년 12월 OpenStreetMap의 지하철 선로. 그 뒤에 개통한 노선은 없습니다', en: 'Subway tracks in OpenStreetMap as of December 2016; lines opened since are missing' },
    asOf: '2016-12-29', ageNote: { ko: 'Overpass 추출일', en: 'Overpass export date' },
    source: { ko: 'OpenStreetMap (Overpass 추출, railway=subway)', en: 'OpenStreetMap (Overpass export, railway=subway)' },
    attribution: '노선: © OpenStreetMap contributors (ODbL 1.0)',
    license: 'ODbL-1.0',
    fields: { name: { ko: '노선', en: 'Line' }, colour: { ko: '색', en: 'Colour' } },
  },
];

export const seoulLayer = (id: SeoulLayerId): SeoulLayerInfo => SEOUL_LAYERS.find((l) => l.id === id)!;

/** Distinct attribution lines for the layers drawn (map corner, map image, report footer). */
export function attributionsFor(ids: Iterable<SeoulLayerId>): string[] {
  return [...new Set([...ids].map((id) => seoulLayer(id).attribution))];
}

/** The shipped layers' folder relative to the repository root (the build copies it beside the app). */
export const LAYERS_DIR = 'data/layers';
