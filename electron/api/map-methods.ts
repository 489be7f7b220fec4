// API methods of the map: vector tiles of large layers (binary on both transports).
import { z } from 'zod';
import type { FeatureCollection } from 'geojson';
import { bilingualMessage } from './errors.js';
import { fileRef } from './schemas.js';
import type { SeoulLayerInfo } from '../../data/layers/index.js';

export type { FeaturePage, FieldSummary } from '../backend/map/attributes.js';

const tileLayer = z.string().regex(/^(run|sites|import):[A-Za-z0-9-]{1,64}$/);

const shippedId = z.enum(['gu', 'dong', 'stations', 'subwayLines', 'hospitals', 'parks']);

/**
 * The origin of a basemap tile URL template (placeholders filled), or null when it is not an
 * https URL. One reading for the CSP (electron/host/csp.ts) and for the settings screen, which
 * tells when a saved change needs the page reloaded.
 */
export function basemapOrigin(template: string): string | null {
  try {
    const u = new URL(template.replace(/\{[a-z]+\}/g, '0'));
    return u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

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

/** An imported layer (its id) or a shipped Seoul layer (its name): the layers a planner can style. */
const styledLayer = z.union([z.string().uuid(), shippedId]);

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
/** Style by attribute (built by the renderer from map.layers.fields): categories or graduated classes. */
const attributeStyle = z.object({
  mode: z.enum(['single', 'categories', 'graduated']),
  field: z.string().min(1).max(200).optional(),
  categories: z.array(z.object({ value: z.string().max(500), color, label: z.string().max(500).optional() })).max(100).optional(),
  breaks: z.array(z.object({ min: z.number().finite(), color, label: z.string().max(200).optional() })).max(20).optional(),
  other: z.boolean().optional(),
  /** The field holds lists (a station's lines): a feature takes the colour of the first listed category it holds. */
  list: z.boolean().optional(),
  method: z.enum(['quantile', 'equal']).optional(),
  max: z.number().finite().optional(),
});

/** A layer's attribute style as stored with the layer (map.layers.setStyle). */
export type AttributeStyle = z.infer<typeof attributeStyle>;

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
  /** A layer's fields (an imported layer by id, a shipped one by name): type, distinct values (up to maxValues), numeric min/max and quantiles. */
  'map.layers.fields': z.object({ id: styledLayer, maxValues: z.number().int().min(1).max(100).default(12) }),
  /** Saves a layer's style by attribute (null: its single colour) in the data folder, for the next session. */
  'map.layers.setStyle': z.object({ id: styledLayer, style: attributeStyle.nullable() }),
  /** A page of an imported layer's attribute table, sorted by a field and filtered by text. */
  'map.layers.features': z.object({
    id: z.string().uuid(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
    sort: z.object({ field: z.string().min(1).max(200), desc: z.boolean().default(false) }).optional(),
    filter: z.string().max(200).optional(),
    /** A feature index (e.g. clicked on the map): answers the page that holds it instead of `offset`. */
    focus: z.number().int().min(0).optional(),
  }),
  /**
   * Searches an imported point layer (e.g. 도로명주소 위치 DB as CSV) by its address-like fields
   * (주소, 도로명, 지번, addr…, else every text field): every word must be contained; at most 20.
   */
  'map.layers.search': z.object({ layerId: z.string().uuid(), query: z.string().trim().min(1).max(100) }),
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
  /** The planner's saved style by attribute, if any. */
  style?: AttributeStyle;
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
  /** The planner's saved style by attribute, if any. */
  style?: AttributeStyle;
}

export interface MapResults {
  'map.surroundings': import('../backend/map/surroundings.js').Surroundings;
  /** Starts the import as a job: poll jobs.status, whose result is a MapLayerView. */
  'map.layers.add': { jobId: string };
  'map.layers.list': MapLayerView[];
  'map.layers.remove': { id: string };
  'map.layers.fields': import('../backend/map/attributes.js').FieldSummary[];
  'map.layers.setStyle': { id: string; style: AttributeStyle | null };
  'map.layers.features': import('../backend/map/attributes.js').FeaturePage;
  'map.layers.search': { address: string; lon: number; lat: number; properties: Record<string, unknown> }[];
  'map.studyVersions.list': { version: number; name: string; savedAt: string }[];
  'map.basemap.get': BasemapView;
  'map.basemap.set': BasemapView;
  'map.shipped.list': ShippedLayerView[];
  'map.shipped.get': FeatureCollection;
  'map.parcels.get': { pnu: string; pass: boolean; reasons: string[]; score: number | null; site: number | null };
  /** MVT bytes (empty when the tile holds nothing); a Uint8Array over IPC. */
  'map.tiles.get': Uint8Array;
}
