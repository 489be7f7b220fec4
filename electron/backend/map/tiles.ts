// Vector tiles on demand for the map: a layer becomes a geojson-vt index the first time a tile
// of it is asked for, and each tile is cut and encoded (Mapbox Vector Tile, vt-pbf) on request.
// Tiles leave the backend as bytes — a Uint8Array through IPC, application/x-protobuf over HTTP —
// never as GeoJSON in the page, so a 1,000,000-parcel layer stays interactive.
//
// Layers:  run:<studyId>    a study's parcels with their result (pass, failing constraint, score, site)
//          sites:<studyId>  the study's sites (outline, number, rank, score)
//          import:<id>      an imported file (WGS84 GeoJSON in the data folder)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { transformer } from '../../../geo/core/crs.js';
import { decodeParcelResults, reasonsOf, type ParcelResults } from './parcel-results.js';

export const TILE_LAYER = 'features';
/** Study parcels are served from this zoom on (the map shows sites below it). */
export const PARCEL_MIN_ZOOM = 13;
const BUCKET_ZOOM = 13;
export const EXTENT = 4096;
const MAX_INDEXES = 6;

const LAYER_KEY = /^(run|sites|import):([A-Za-z0-9-]{1,64})$/;

export function isTileLayer(key: string): boolean {
  return LAYER_KEY.test(key);
}

export interface TileSource {
  /** Folder of study runs (runs/<studyId>/) and imports (imports/<id>.geojson). */
  geoDir: string;
}

export class TileService {
  private indexes = new Map<string, GeoJSONVT>();
  private runs = new Map<string, ParcelResults>();
  private bucketed = new Map<string, ParcelBuckets>();

  constructor(private readonly src: TileSource) {}

  /** A finished run hands over its per-parcel result (transferred from the worker). */
  putRun(studyId: string, buf: ArrayBuffer) {
    this.runs.set(studyId, decodeParcelResults(buf));
    this.indexes.delete(`sites:${studyId}`);
    this.bucketed.delete(studyId);
  }

  /**
   * A study's parcels, bucketed by z13 tile. A million parcels never become one geojson-vt index
   * (that takes gigabytes and tens of seconds): tiles are drawn from the bucket's typed arrays.
   */
  runBuckets(studyId: string): ParcelBuckets | null {
    let b = this.bucketed.get(studyId);
    if (!b) {
      const r = this.runResults(studyId);
      if (!r) return null;
      b = new ParcelBuckets(r);
      this.bucketed.set(studyId, b);
    }
    return b;
  }

  /** The decoded per-parcel result of a study's last run, read from the data folder after a restart. */
  runResults(studyId: string): ParcelResults | null {
    let r = this.runs.get(studyId);
    if (!r) {
      const file = path.join(this.src.geoDir, 'runs', studyId, 'parcels.bin');
      if (!existsSync(file)) return null;
      r = decodeParcelResults(readFileSync(file));
      this.runs.set(studyId, r);
    }
    return r;
  }

  /** One parcel of a study's last run, by its index (the tile feature's id). */
  parcel(studyId: string, index: number): { pnu: string; pass: boolean; reasons: string[]; score: number | null; site: number | null } | null {
    const r = this.runResults(studyId);
    if (!r || index < 0 || index >= r.header.count) return null;
    const score = r.score[index];
    return { pnu: r.header.ids[index], pass: r.pass[index] === 1, reasons: reasonsOf(r, index), score: Number.isNaN(score) ? null : Math.round(score * 1e6) / 1e6, site: r.site[index] >= 0 ? r.site[index] : null };
  }

  /** Builds (or finds) the layer's tile index; null when the layer does not exist. */
  index(key: string): GeoJSONVT | null {
    const hit = this.indexes.get(key);
    if (hit) {
      // Most recently used last.
      this.indexes.delete(key);
      this.indexes.set(key, hit);
      return hit;
    }
    const data = this.load(key);
    if (!data) return null;
    const index = new GeoJSONVT(data, { maxZoom: 18, indexMaxZoom: 5, indexMaxPoints: 100_000, tolerance: 2, extent: EXTENT, buffer: 64, generateId: key.startsWith('import:') });
    this.indexes.set(key, index);
    while (this.indexes.size > MAX_INDEXES) this.indexes.delete(this.indexes.keys().next().value!);
    return index;
  }

  /** One tile as MVT bytes; an empty Uint8Array when the tile holds nothing. */
  tile(key: string, z: number, x: number, y: number): Uint8Array | null {
    const run = /^run:(.+)$/.exec(key);
    if (run) {
      const b = this.runBuckets(run[1]);
      if (!b) return null;
      if (z < PARCEL_MIN_ZOOM) return new Uint8Array(0);
      const t = b.getTile(z, x, y);
      if (!t || !t.features.length) return new Uint8Array(0);
      return fromGeojsonVt({ [TILE_LAYER]: t as never }, { version: 2, extent: EXTENT });
    }
    const index = this.index(key);
    if (!index) return null;
    const t = index.getTile(z, x, y);
    if (!t || !t.features.length) return new Uint8Array(0);
    return fromGeojsonVt({ [TILE_LAYER]: t as never }, { version: 2, extent: EXTENT });
  }

  private load(key: string): FeatureCollection | null {
    const m = LAYER_KEY.exec(key);
    if (!m) return null;
    const [, kind, id] = m;
    const file = kind === 'sites' ? path.join(this.src.geoDir, 'runs', id, 'sites.geojson') : path.join(this.src.geoDir, 'imports', `${id}.geojson`);
    if (!existsSync(file)) return null;
    const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
    if (kind === 'sites') {
      for (const f of fc.features) {
        const p = f.properties ?? {};
        f.properties = { site: p.id ?? f.id, rank: p.rank ?? -1, score: p.score, area: p.area, eligible: p.eligible ? 1 : 0 };
      }
    }
    return fc;
  }
}

const lon2x = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};

/** Parcels in WGS84 (converted once) grouped by the z13 tiles their boxes touch. */
export class ParcelBuckets {
  readonly wgs: Float64Array;
  /** Per parcel: west, south, east, north (WGS84). */
  readonly box: Float64Array;
  private buckets = new Map<number, number[]>();

  constructor(readonly r: ParcelResults) {
    const toWgs = transformer(5186, 4326);
    const n = r.header.count;
    const verts = r.header.verts;
    this.wgs = new Float64Array(verts * 2);
    for (let v = 0; v < verts; v++) {
      const [lon, lat] = toWgs(r.xy[v * 2], r.xy[v * 2 + 1]);
      this.wgs[v * 2] = lon;
      this.wgs[v * 2 + 1] = lat;
    }
    const side = 2 ** BUCKET_ZOOM;
    this.box = new Float64Array(n * 4);
    for (let p = 0; p < n; p++) {
      let w = Infinity, s = Infinity, e = -Infinity, nn = -Infinity;
      for (let v = r.vStart[r.ringOf[p]]; v < r.vStart[r.ringOf[p + 1]]; v++) {
        const lon = this.wgs[v * 2], lat = this.wgs[v * 2 + 1];
        if (lon < w) w = lon;
        if (lon > e) e = lon;
        if (lat < s) s = lat;
        if (lat > nn) nn = lat;
      }
      this.box.set([w, s, e, nn], p * 4);
      const x0 = Math.floor(lon2x(w, BUCKET_ZOOM)), x1 = Math.floor(lon2x(e, BUCKET_ZOOM));
      const y0 = Math.floor(lat2y(nn, BUCKET_ZOOM)), y1 = Math.floor(lat2y(s, BUCKET_ZOOM));
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
        const k = y * side + x;
        let list = this.buckets.get(k);
        if (!list) this.buckets.set(k, (list = []));
        list.push(p);
      }
    }
  }

  get bucketCount() {
    return this.buckets.size;
  }

  /**
   * A tile at z ≥ 13, drawn straight from the typed arrays: the bucket's parcels whose boxes meet
   * the tile are projected to tile pixels (no clipping or simplification is needed at these
   * zooms: a parcel is tens of pixels wide and MapLibre clips at the tile buffer).
   */
  getTile(z: number, x: number, y: number): { features: TileFeature[] } | null {
    const shift = z - BUCKET_ZOOM;
    const list = this.buckets.get((y >> shift) * 2 ** BUCKET_ZOOM + (x >> shift));
    if (!list) return null;
    const r = this.r;
    const scale = EXTENT;
    const pad = 64 / EXTENT; // the tile buffer, in tiles
    const features: TileFeature[] = [];
    for (const p of list) {
      const b = p * 4;
      const tx0 = lon2x(this.box[b], z) - x, tx1 = lon2x(this.box[b + 2], z) - x;
      const ty0 = lat2y(this.box[b + 3], z) - y, ty1 = lat2y(this.box[b + 1], z) - y;
      if (tx1 < -pad || tx0 > 1 + pad || ty1 < -pad || ty0 > 1 + pad) continue;
      const rings: [number, number][][] = [];
      for (let ring = r.ringOf[p]; ring < r.ringOf[p + 1]; ring++) {
        const pts: [number, number][] = [];
        for (let v = r.vStart[ring]; v < r.vStart[ring + 1]; v++) {
          pts.push([Math.round((lon2x(this.wgs[v * 2], z) - x) * scale), Math.round((lat2y(this.wgs[v * 2 + 1], z) - y) * scale)]);
        }
        rings.push(pts);
      }
      const m = r.reasons[p];
      const score = r.score[p];
      features.push({
        id: p,
        type: 3,
        geometry: rings,
        tags: { pass: r.pass[p], reason: m ? r.header.codes[31 - Math.clz32(m & -m)] : '', score: Number.isNaN(score) ? -1 : Math.round(score * 100) / 100, site: r.site[p] },
      });
    }
    return { features };
  }
}

interface TileFeature {
  id: number;
  type: 3;
  geometry: [number, number][][];
  tags: Record<string, number | string>;
}

/** A run's parcels (all, or the listed ones) as WGS84 features carrying the compact result. */
export function parcelFeatures(r: ParcelResults, only?: number[], wgs?: Float64Array): FeatureCollection {
  const toWgs = transformer(5186, 4326);
  const list = only ?? Array.from({ length: r.header.count }, (_, i) => i);
  const features: Feature[] = new Array(list.length);
  for (let j = 0; j < list.length; j++) {
    const p = list[j];
    const polys: number[][][][] = [];
    for (let ring = r.ringOf[p]; ring < r.ringOf[p + 1]; ring++) {
      const pts: number[][] = [];
      let a = 0;
      const v0 = r.vStart[ring], v1 = r.vStart[ring + 1];
      for (let v = v0; v < v1; v++) {
        const x = r.xy[v * 2], y = r.xy[v * 2 + 1];
        if (v + 1 < v1) a += x * r.xy[v * 2 + 3] - r.xy[v * 2 + 2] * y;
        pts.push(wgs ? [wgs[v * 2], wgs[v * 2 + 1]] : toWgs(x, y));
      }
      if (a > 0 || !polys.length) polys.push([pts]);
      else polys[polys.length - 1].push(pts);
    }
    const m = r.reasons[p];
    const first = m ? r.header.codes[31 - Math.clz32(m & -m)] : '';
    const score = r.score[p];
    features[j] = {
      type: 'Feature',
      id: p,
      geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
      // The PNU stays out of the tile (19 unique bytes per parcel would double it): feature info
      // asks map.parcels.get with the feature id, the parcel's index.
      properties: { pass: r.pass[p], reason: first, score: Number.isNaN(score) ? -1 : Math.round(score * 100) / 100, site: r.site[p] },
    };
  }
  return { type: 'FeatureCollection', features };
}
