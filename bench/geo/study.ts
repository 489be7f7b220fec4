// The study both engines run in the benchmark: the same rules expressed for runStudy and in SQL.
import { join } from 'node:path';
import type { StudyInput } from '../../geo/core/schema.js';

// The repository's shipped layers (data/layers): the benchmark needs nothing outside the clone.
export const LAYERS = join(import.meta.dirname, '../../data/layers');
export const STATIONS = join(LAYERS, 'stations.geojson'); // 311 stations (525 station-line rows grouped)
export const HOSPITALS = join(LAYERS, 'hospitals.geojson'); // 544 points

export const PUBLIC = ['2', '4', '5'];
export const EXCLUDED_JIMOK = ['도', '천', '구', '학', '공'];
export const EXCLUDED_ZONES = ['보전녹지지역', '제1종전용주거지역'];
export const EXCLUDED_TERRAIN = ['급경사', '고지'];
export const MAX_SHARE = 0.01;
export const STATION_MAX = 2000;
export const SNAP = 0.3;
export const MIN_AREA = 5000;

export function benchStudy(dir: string): StudyInput {
  return {
    name: 'bench',
    layers: {
      parcels: { path: join(dir, 'parcels.shp') },
      zones: { path: join(dir, 'constraints.shp') },
      stations: { path: STATIONS },
      hospitals: { path: HOSPITALS },
    },
    constraints: [
      { type: 'attribute', code: 'NOT_PUBLIC', field: '소유구분', in: PUBLIC },
      { type: 'attribute', code: 'LAND_USE', field: '지목', notIn: EXCLUDED_JIMOK },
      { type: 'attribute', code: 'ZONE', field: '용도지역', notIn: EXCLUDED_ZONES },
      { type: 'attribute', code: 'TERRAIN', field: '지형높이', notIn: EXCLUDED_TERRAIN },
      { type: 'overlap', code: 'GREENBELT', layer: 'zones', where: { field: '구분', in: ['개발제한구역'] }, maxShare: MAX_SHARE },
      { type: 'overlap', code: 'RIVER', layer: 'zones', where: { field: '구분', in: ['하천구역'] }, maxShare: MAX_SHARE },
      { type: 'distance', code: 'FAR_FROM_STATION', layer: 'stations', max: STATION_MAX },
    ],
    criteria: [
      // From the merged site outline (0 inside it): PostGIS measures it with KNN from the ST_Union.
      { id: 'station', weight: 20, source: { type: 'distance', layer: 'stations', from: 'site' }, transform: { type: 'piecewise', points: [[250, 1], [500, 0.6], [1000, 0]] } },
      { id: 'hospital', weight: 10, source: { type: 'distance', layer: 'hospitals' }, transform: { type: 'linear', min: 1000, max: 3000, invert: true } },
      { id: 'price', weight: 10, source: { type: 'attribute', field: '공시지가' }, transform: { type: 'linear', min: 0, max: 20_000_000, invert: true } },
      { id: 'area', weight: 15, source: { type: 'siteArea' } },
      { id: 'compact', weight: 10, source: { type: 'compactness' } },
    ],
    assembly: { snapTolerance: SNAP, minArea: MIN_AREA, targetArea: 100_000, areaSource: 'ledger' },
    // Sensitivity off: PostGIS has no counterpart, and the comparison is load → export.
    sensitivity: { draws: 0, perturbation: 0.2, top: 5 },
  };
}
