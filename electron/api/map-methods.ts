// API methods of the map: vector tiles of large layers (binary on both transports).
import { z } from 'zod';
import type { FeatureCollection } from 'geojson';
import { bilingualMessage, type Bilingual } from './errors.js';

const tileLayer = z.string().regex(/^(run|sites|import):[A-Za-z0-9-]{1,64}$/);

const shippedId = z.enum(['gu', 'dong', 'stations', 'subway-lines', 'hospitals', 'parks']);

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

export const mapInputs = {
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

export interface ShippedLayerView {
  id: z.infer<typeof shippedId>;
  name: Bilingual;
  geometry: 'polygon' | 'point' | 'line';
  labelField: string;
  attribution: Bilingual;
  scope: Bilingual;
  /** False when this installation lacks the file (the map still works without it). */
  available: boolean;
}

export interface BasemapView {
  enabled: boolean;
  url: string;
  attribution: string;
  key?: string;
}

export interface MapResults {
  'map.basemap.get': BasemapView;
  'map.basemap.set': BasemapView;
  'map.shipped.list': ShippedLayerView[];
  'map.shipped.get': FeatureCollection;
  'map.parcels.get': { pnu: string; pass: boolean; reasons: string[]; score: number | null; site: number | null };
  /** MVT bytes (empty when the tile holds nothing); a Uint8Array over IPC. */
  'map.tiles.get': Uint8Array;
}
