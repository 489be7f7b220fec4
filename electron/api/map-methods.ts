// API methods of the map: vector tiles of large layers (binary on both transports).
import { z } from 'zod';
import type { FeatureCollection } from 'geojson';
import { bilingualMessage } from './errors.js';
import { fileRef } from './schemas.js';
import type { SeoulLayerInfo } from '../../data/layers/index.js';

const tileLayer = z.string().regex(/^(run|sites|import):[A-Za-z0-9-]{1,64}$/);

const shippedId = z.enum(['gu', 'dong', 'stations', 'subwayLines', 'hospitals', 'parks']);

const basemap = z.object({
  enabled: z.boolean(),
  /** An https tile URL template with {z}/{x}/{y} (and {key} when a key is needed). */
  url: z.string().trim().max(500).refine((u) => u === '' || (/^https:\/\/[^/\s]+\//.test(u) && u.includes('{z}') && u.includes('{x}') && u.includes('{y}')), bilingualMessage('https://로 시작하고 {z}, {x}, {y}가 들어간 타일 주소를 입력하세요.', 'Enter an https:// tile URL with {z}, {x} and {y}.')),
  attribution: z.string().trim().max(300),
  key: z.string().trim().max(200).optional(),
}).refine((b) => !b.enabled || (b.url !== '' && b.attribution !== ''), {
  path: ['attribution'],
  ...bilingualMessage('배경지도를 켜려면 주소와 저작권 표시가 필요합니다.', 'A basemap needs its URL and attribution to be switched on.'),
});

const importOptions = {
  encoding: z.enum(['CP949', 'UTF-8']).optional(),
  crs: z.enum(['EPSG:4326', 'EPSG:5174', 'EPSG:5179', 'EPSG:5181', 'EPSG:5186']).optional(),
  x: z.string().max(100).optional(),
  y: z.string().max(100).optional(),
};

const radius = z.number().int().min(50).max(10_000);

export const mapInputs = {
  /**
   * 입지 안내: stations, hospitals, parks and imported layers near a point, within the manager's
   * radii. Nothing is stored (a listing's place is the tenant's personal data).
   */
  'map.surroundings': z.object({
    lon: z.number().min(124).max(132),
    lat: z.number().min(33).max(39),
    radii: z.object({ stations: radius.default(1000), hospitals: radius.default(2000), parks: radius.default(1500) }).default({ stations: 1000, hospitals: 2000, parks: 1500 }),
    layers: z.array(z.object({ id: z.string().uuid(), radius })).max(10).default([]),
  }),
  /** Imports a file the user picked onto the map (a job: WGS84 GeoJSON in the data folder, served as tiles). */
  'map.layers.add': z.object({ file: fileRef, name: z.string().trim().min(1).max(100), ...importOptions }),
  'map.layers.list': z.object({}).default({}),
  'map.layers.remove': z.object({ id: z.string().uuid() }),
  /** Every saved version of a study document (newest first). */
  'map.studyVersions.list': z.object({ studyId: z.string().uuid() }),
  /** The optional online basemap (off by default); its host joins the CSP only while it is on. */
  'map.basemap.get': z.object({}).default({}),
  'map.basemap.set': basemap,
  /** The Seoul layers shipped with the app, with attribution, scope and age. */
  'map.shipped.list': z.object({}).default({}),
  /** One shipped layer as WGS84 GeoJSON (they are small: at most a few hundred features). */
  'map.shipped.get': z.object({ id: shippedId }),
  /** One parcel of a study's last run by its index (the tile feature's id): PNU, result, score. */
  'map.parcels.get': z.object({ studyId: z.string().uuid(), index: z.number().int().min(0) }),
  /** One Mapbox Vector Tile. Over HTTP also as GET /tiles/<layer>/<z>/<x>/<y> (Bearer token). */
  'map.tiles.get': z.object({
    layer: tileLayer,
    z: z.number().int().min(0).max(22),
    x: z.number().int().min(0),
    y: z.number().int().min(0),
  }),
} as const;

/** A shipped layer's facts (data/layers/index.ts) and whether this installation has its file. */
export type ShippedLayerView = Omit<SeoulLayerInfo, 'file'> & {
  /** False when this installation lacks the file (the map still works without it). */
  available: boolean;
};

export interface BasemapView {
  enabled: boolean;
  url: string;
  attribution: string;
  key?: string;
}

export interface MapLayerView {
  id: string;
  name: string;
  /** The import report (format, features, CRS and how it was decided, encoding, fields, skips). */
  report: Record<string, unknown>;
  bbox: [number, number, number, number] | null;
  geometry: 'polygon' | 'point' | 'line';
  createdAt: string;
}

export interface MapResults {
  'map.surroundings': import('../backend/map/surroundings.js').Surroundings;
  /** Starts the import as a job: poll jobs.status, whose result is a MapLayerView. */
  'map.layers.add': { jobId: string };
  'map.layers.list': MapLayerView[];
  'map.layers.remove': { id: string };
  'map.studyVersions.list': { version: number; name: string; savedAt: string }[];
  'map.basemap.get': BasemapView;
  'map.basemap.set': BasemapView;
  'map.shipped.list': ShippedLayerView[];
  'map.shipped.get': FeatureCollection;
  'map.parcels.get': { pnu: string; pass: boolean; reasons: string[]; score: number | null; site: number | null };
  /** MVT bytes (empty when the tile holds nothing); a Uint8Array over IPC. */
  'map.tiles.get': Uint8Array;
}
