// Test helpers: GDAL as the reprojection oracle, and where the real Seoul files live in the
// repository (raw fixtures; the app's own layers are in data/layers).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** Raw downloads (CP949 Shapefiles and CSVs) exactly as published: see data/layers/SOURCES.md. */
export const FIXTURES = resolve(fileURLToPath(new URL('.', import.meta.url)), 'fixtures/seoul');
/** The layers the app ships (compact WGS84 GeoJSON). */
export const LAYERS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../data/layers');

/** Whether a GDAL tool is on PATH. With CI=true a missing tool is an error, never a skip. */
export function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error(`${tool} is required in CI (apt-get install gdal-bin)`);
    return false;
  }
}

/** Metres between two lon/lat points (local equirectangular; fine at cm scale). */
export function metres(a: number[], b: number[]): number {
  const k = Math.PI / 180;
  const dx = (a[0] - b[0]) * k * 6378137 * Math.cos(((a[1] + b[1]) / 2) * k);
  const dy = (a[1] - b[1]) * k * 6378137;
  return Math.hypot(dx, dy);
}
