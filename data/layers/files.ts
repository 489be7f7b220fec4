// Where the shipped layer files are on disk (backend only): beside the sources in a checkout,
// and in a packaged app under the app's own folder (build/electron-builder.yml packs data/layers).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { type SeoulLayerId, LAYERS_DIR, seoulLayer } from './index.js';

let found: string | undefined;

/** The data/layers folder: searched upward from this module (sources, dist/ bundles, app.asar). */
export function layersDir(): string {
  if (found) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const candidate of [dir, join(dir, LAYERS_DIR)]) {
      if (existsSync(join(candidate, 'gu.geojson')) && existsSync(join(candidate, 'SOURCES.md'))) return (found = resolve(candidate));
    }
    dir = dirname(dir);
  }
  throw new Error(`the shipped Seoul layers (${LAYERS_DIR}) are missing next to ${fileURLToPath(import.meta.url)}`);
}

export const seoulLayerFile = (id: SeoulLayerId): string => join(layersDir(), seoulLayer(id).file);

/** Reads a shipped layer (small: 25–544 features). */
export function readSeoulLayer(id: SeoulLayerId): FeatureCollection {
  return JSON.parse(readFileSync(seoulLayerFile(id), 'utf8')) as FeatureCollection;
}
