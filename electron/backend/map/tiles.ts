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
import { decodeParcelResults, type ParcelResults } from './parcel-results.js';

export const TILE_LAYER = 'features';
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

  constructor(private readonly src: TileSource) {}

  /** A finished run hands over its per-parcel result (transferred from the worker). */
  putRun(studyId: string, buf: ArrayBuffer) {
    this.runs.set(studyId, decodeParcelResults(buf));
    this.indexes.delete(`run:${studyId}`);
    this.indexes.delete(`sites:${studyId}`);
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
    if (kind === 'run') {
      const r = this.runResults(id);
      return r ? parcelFeatures(r) : null;
    }
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

/** A run's parcels as WGS84 features carrying the compact result. */
export function parcelFeatures(r: ParcelResults): FeatureCollection {
  const toWgs = transformer(5186, 4326);
  const features: Feature[] = new Array(r.header.count);
  for (let p = 0; p < r.header.count; p++) {
    const polys: number[][][][] = [];
    for (let ring = r.ringOf[p]; ring < r.ringOf[p + 1]; ring++) {
      const pts: number[][] = [];
      let a = 0;
      const v0 = r.vStart[ring], v1 = r.vStart[ring + 1];
      for (let v = v0; v < v1; v++) {
        const x = r.xy[v * 2], y = r.xy[v * 2 + 1];
        if (v + 1 < v1) a += x * r.xy[v * 2 + 3] - r.xy[v * 2 + 2] * y;
        pts.push(toWgs(x, y));
      }
      if (a > 0 || !polys.length) polys.push([pts]);
      else polys[polys.length - 1].push(pts);
    }
    const m = r.reasons[p];
    const first = m ? r.header.codes[31 - Math.clz32(m & -m)] : '';
    const score = r.score[p];
    features[p] = {
      type: 'Feature',
      id: p,
      geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
      properties: { pnu: r.header.ids[p], pass: r.pass[p], reason: first, score: Number.isNaN(score) ? -1 : Math.round(score * 1e4) / 1e4, site: r.site[p] },
    };
  }
  return { type: 'FeatureCollection', features };
}
