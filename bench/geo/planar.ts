// Micro-benchmark of the planar module's hot functions (geo/core/planar.ts), each beside a named
// peer where one exists (Turf 7 on the same shapes in lon/lat). Prints ns per call; the machine is
// shared, so the load average is printed too.  npm run bench:planar [-- --n 200000]
import { loadavg } from 'node:os';
import type { Polygon, Position } from 'geojson';
import turfArea from '@turf/area';
import { booleanIntersects } from '@turf/boolean-intersects';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { transformer } from '../../geo/core/crs.js';
import * as planar from '../../geo/core/planar.js';
import { rng } from '../../geo/core/rng.js';

const arg = process.argv.indexOf('--n');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 200_000;
const r = rng(1);
const toWgs = transformer(5186, 4326);

/** Parcel-like quadrilaterals and 12-gons around Seoul (EPSG:5186). */
function shape(k: number): Position[] {
  const cx = 190000 + r() * 20000, cy = 540000 + r() * 20000, n = k % 2 ? 4 : 12;
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI, d = 10 + r() * 15;
    ring.push([cx + d * Math.cos(a), cy + d * Math.sin(a)]);
  }
  ring.push([...ring[0]]);
  return ring;
}
const rings = Array.from({ length: 1000 }, (_, k) => shape(k));
const flats = rings.map((ring) => Float64Array.from(ring.flatMap((p) => [p[0], p[1]])));
const starts = rings.map((ring) => Uint32Array.from([0, ring.length]));
const stats = { area: 0, cx: 0, cy: 0, perimeter: 0, minX: 0, minY: 0, maxX: 0, maxY: 0 };
const wgs = rings.map((ring): Polygon => ({ type: 'Polygon', coordinates: [ring.map(([x, y]) => toWgs(x, y))] }));

function time(label: string, n: number, f: (i: number) => unknown): number {
  let sink = 0;
  for (let i = 0; i < Math.min(n, 2000); i++) sink += Number(f(i)) || 0; // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += Number(f(i)) || 0;
  const ns = Number(process.hrtime.bigint() - t0) / n;
  console.log(`${label.padEnd(58)} ${ns.toFixed(1).padStart(9)} ns/call${sink === -1 ? '!' : ''}`);
  return ns;
}

console.log(`planar bench: ${N} calls per function; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const pairs = (i: number) => [i % 1000, (i * 7 + 1) % 1000] as const;
time('ringSignedArea (ours, planar m²)', N, (i) => planar.ringSignedArea(rings[i % 1000]));
time('  peer: @turf/area (spherical, lon/lat)', N / 10, (i) => turfArea(wgs[i % 1000]));
time('flatPolygonStats (area, centroid, perimeter, bbox)', N, (i) => planar.flatPolygonStats(flats[i % 1000], starts[i % 1000], 0, 1, stats).area);
time('pointInFlatRings', N, (i) => planar.pointInFlatRings(flats[i % 1000], starts[i % 1000], 0, 1, rings[(i + 1) % 1000][0][0], rings[i % 1000][0][1]));
time('pointPolygonDistance (ours, m)', N, (i) => planar.pointPolygonDistance(rings[(i + 3) % 1000][0][0], rings[(i + 3) % 1000][0][1], [[rings[i % 1000]]]));
time('  peer: @turf/point-to-polygon-distance (lon/lat)', N / 10, (i) => pointToPolygonDistance(wgs[(i + 3) % 1000].coordinates[0][0], wgs[i % 1000]));
time('segmentsIntersect (closed)', N * 5, (i) => {
  const a = flats[i % 1000], b = flats[(i + 1) % 1000];
  return planar.segmentsIntersect(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], 'closed');
});
time('flatRingsIntersect (two parcels, all edge pairs)', N, (i) => {
  const [p, q] = pairs(i);
  return planar.flatRingsIntersect(flats[p], starts[p], 0, 1, flats[q], starts[q], 0, 1, 'closed');
});
time('  peer: @turf/boolean-intersects (lon/lat)', N / 20, (i) => {
  const [p, q] = pairs(i);
  return booleanIntersects(wgs[p], wgs[q]);
});
time('flatVertexNearEdges (adjacency within 0.3 m)', N, (i) => {
  const [p, q] = pairs(i);
  return planar.flatVertexNearEdges(flats[p], starts[p], 0, 1, flats[q], starts[q], 0, 1, 0.09);
});
