// The Seoul context layers shipped with the app (data/layers/, by the geo module): small, so the
// map gets them as GeoJSON with their attribution, scope and age, which the map shows.
import type { FeatureCollection } from 'geojson';
import { SEOUL_LAYERS, type SeoulLayerId } from '../../../data/layers/index.js';
import { readSeoulLayer, seoulLayerFile } from '../../../data/layers/files.js';
import { existsSync } from 'node:fs';

export type ShippedId = SeoulLayerId;

const cache = new Map<ShippedId, FeatureCollection>();

export function shippedAvailable(id: ShippedId): boolean {
  try {
    return existsSync(seoulLayerFile(id));
  } catch {
    return false;
  }
}

/** The layer as WGS84 GeoJSON (read once). Null when this installation lacks the file. */
export function shippedGeoJson(id: ShippedId): FeatureCollection | null {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!shippedAvailable(id)) return null;
  const fc = readSeoulLayer(id);
  cache.set(id, fc);
  return fc;
}

export { SEOUL_LAYERS };
