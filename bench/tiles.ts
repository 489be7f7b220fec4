// Benchmark: vector tiles for a 1,000,000-parcel study result. Builds the compact per-parcel
// result (parcels.bin) for a grid of 1M parcels over Seoul, then times the tile index build
// (decode + WGS84 + geojson-vt) with its memory, the first z14 tile once the index exists, and
// a sample of further z14 tiles. Peer in the same run: serialising the same layer as one GeoJSON
// document, which is what a GeoJSON source in the page would need.
// Goals: first z14 tile ≤ 200 ms once the index exists. Parcels are bucketed by z13 tile and
// each bucket gets a small geojson-vt index on first use (electron/backend/map/tiles.ts).
//
//   node --max-old-space-size=4096 --import tsx bench/tiles.ts [--parcels 1000000]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PolygonBuilder } from '../geo/core/store.js';
import { transformer } from '../geo/core/crs.js';
import { encodeParcelResults } from '../electron/backend/map/parcel-results.js';
import { parcelFeatures, TileService } from '../electron/backend/map/tiles.js';
import { decodeParcelResults } from '../electron/backend/map/parcel-results.js';

const i = process.argv.indexOf('--parcels');
const N = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
// Seoul: about 1M parcels on 605 km², ~600 m² each: a 24 m pitch.
const PITCH = 24;
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

function grid(n: number) {
  const side = Math.ceil(Math.sqrt(n));
  const [x0, y0] = transformer(4326, 5186)(126.9, 37.48);
  const b = new PolygonBuilder();
  const ids: string[] = [];
  for (let k = 0; k < n; k++) {
    const x = x0 + (k % side) * PITCH, y = y0 + Math.floor(k / side) * PITCH;
    b.add({ type: 'Polygon', coordinates: [[[x, y], [x + PITCH - 2, y], [x + PITCH - 2, y + PITCH - 2], [x, y + PITCH - 2], [x, y]]] });
    ids.push(String(1162010100100000000n + BigInt(k)));
  }
  const pass = new Uint8Array(n), score = new Float64Array(n), site = new Int32Array(n);
  const reasons: (string[] | undefined)[] = new Array(n);
  for (let k = 0; k < n; k++) {
    pass[k] = k % 7 ? 1 : 0;
    score[k] = pass[k] ? (k % 100) / 100 : NaN;
    site[k] = pass[k] ? Math.floor(k / 20) : -1;
    if (!pass[k]) reasons[k] = ['NOT_PUBLIC'];
  }
  return { parcels: { store: b.finish(), ids }, screen: { pass, reasons, failures: { NOT_PUBLIC: Math.ceil(n / 7) } }, parcelScore: score, siteOf: site, study: { idField: 'PNU' } };
}

function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z, r = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

const load0 = loadavg();
process.stderr.write(`making ${N.toLocaleString()} parcels…\n`);
let run: ReturnType<typeof grid> | null = grid(N);
const buf = encodeParcelResults(run);
const geoDir = mkdtempSync(path.join(tmpdir(), 'ansim-bench-tiles-'));
mkdirSync(path.join(geoDir, 'runs', 'bench'), { recursive: true });
writeFileSync(path.join(geoDir, 'runs', 'bench', 'parcels.bin'), new Uint8Array(buf));
const fileBytes = buf.byteLength;
run = null;
void run;
global.gc?.();
const rss0 = process.memoryUsage().rss;

const tiles = new TileService({ geoDir });
let t = performance.now();
const buckets = tiles.runBuckets('bench')!;
const buildMs = performance.now() - t;
const rss1 = process.memoryUsage().rss;
const { x, y } = tileOf(126.9 + 0.02, 37.48 + 0.02, 14);
t = performance.now();
const first = tiles.tile('run:bench', 14, x, y)!;
const firstMs = performance.now() - t;
const more: number[] = [];
for (let k = 1; k <= 20; k++) {
  t = performance.now();
  tiles.tile('run:bench', 14, x + (k % 5), y - Math.floor(k / 5));
  more.push(performance.now() - t);
}
more.sort((a, b) => a - b);
t = performance.now();
const z13 = tileOf(126.9 + 0.05, 37.48 + 0.05, 13);
const z13bytes = tiles.tile('run:bench', 13, z13.x, z13.y)!.length;
const z13ms = performance.now() - t;

// Peer: the same layer as one GeoJSON document for the page.
t = performance.now();
const json = JSON.stringify(parcelFeatures(decodeParcelResults(buf)));
const jsonMs = performance.now() - t;

console.log(`vector tiles for ${N.toLocaleString()} parcels (Node ${process.version})`);
console.log(`compact result file (parcels.bin)     ${mb(fileBytes)}`);
console.log(`tile index build (decode+WGS84+z13 buckets) ${(buildMs / 1000).toFixed(1)} s, RSS +${mb(rss1 - rss0)} (process ${mb(rss1)}), ${buckets.bucketCount} buckets`);
console.log(`first z14 tile                        ${firstMs.toFixed(1)} ms (${first.length.toLocaleString()} bytes)   goal ≤ 200 ms: ${firstMs <= 200 ? 'met' : 'NOT met'}`);
console.log(`next 20 z14 tiles                     median ${more[10].toFixed(1)} ms, max ${more[19].toFixed(1)} ms`);
console.log(`a z13 tile elsewhere (new bucket)     ${z13ms.toFixed(1)} ms (${z13bytes.toLocaleString()} bytes); below z13 the map shows sites, not parcels`);
console.log(`peer: the layer as one GeoJSON        ${(jsonMs / 1000).toFixed(1)} s to serialise, ${mb(json.length)} to send to the page`);
console.log(`load average before/after: ${load0.map((v) => v.toFixed(2)).join(' ')} / ${loadavg().map((v) => v.toFixed(2)).join(' ')} (2 cores shared by 8 engineers)`);
