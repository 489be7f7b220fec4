// Seeded fuzzing of the geo importers: a small corpus of valid files (a CP949 Shapefile, GeoJSON,
// a lon/lat CSV, a WKT CSV) and mutations — bit flips, truncation, wrong counts and lengths,
// giant declared sizes, bad encodings, deep nesting, NaN/Infinity, self-intersections. Every
// case must end in a result or a GeoInputError; anything else is reported. Run in a child process
// (geo/io/fuzz.test.ts, bench/geo/fuzz.ts) so its peak memory can be checked against a bound.
//   node --import tsx geo/testing/fuzz.ts --seed 1 --cases 2000
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeoInputError } from '../core/messages.js';
import { rng } from '../core/rng.js';
import { inspectLayer } from '../io/import-file.js';
import { openLayer } from '../io/import.js';
import { loadParcelRange } from '../io/parcel-load.js';
import { synthesize } from '../io/synth.js';

export interface FuzzReport {
  seed: number;
  cases: number;
  accepted: number;
  refused: number;
  untyped: { case: number; kind: string; error: string }[];
  largestFileBytes: number;
  baselineRssMB: number;
  peakRssMB: number;
}

type Mutation = (b: Buffer, r: () => number) => Buffer;
const int = (r: () => number, n: number) => Math.floor(r() * n);
const SIZES = [0, 1, -1, 2, 7, 0x7fffffff, -0x80000000, 0x10000000, 1 << 20, 65535, 3];

const mutations: Record<string, Mutation> = {
  bitflip: (b, r) => { const c = Buffer.from(b); for (let k = 1 + int(r, 8); k > 0 && c.length; k--) c[int(r, c.length)] ^= 1 << int(r, 8); return c; },
  truncate: (b, r) => b.subarray(0, int(r, b.length)),
  append: (b, r) => Buffer.concat([b, Buffer.from(Array.from({ length: 1 + int(r, 200) }, () => int(r, 256)))]),
  int32: (b, r) => {
    const c = Buffer.from(b);
    if (c.length < 4) return c;
    // Header fields first (lengths and counts live there), then anywhere.
    const at = r() < 0.6 ? [4, 8, 10, 24, 32, 36, 100, 104, 108, 144, 148, 152][int(r, 12)] : int(r, c.length - 3);
    if (at + 4 > c.length) return c;
    const v = SIZES[int(r, SIZES.length)];
    if (r() < 0.5) c.writeInt32BE(v | 0, at); else c.writeInt32LE(v | 0, at);
    return c;
  },
  giant: (b, r) => {
    const c = Buffer.from(b);
    // A tiny file declaring a huge one: .shp file length / record length, .dbf record count.
    if (c.length >= 28 && c.readInt32BE(0) === 9994) c.writeInt32BE(r() < 0.5 ? 0x7fffffff : 0x10000000, r() < 0.5 ? 24 : Math.min(c.length - 4, 104));
    else if (c.length >= 12) c.writeUInt32LE(0xffffffff >>> int(r, 8), 4);
    return c;
  },
  badBytes: (b, r) => { const c = Buffer.from(b); for (let k = 0; k < 20 && c.length; k++) c[int(r, c.length)] = 0x80 + int(r, 0x80); return c; },
};

function corpus(dir: string): Record<string, string[]> {
  synthesize({ parcels: 30, seed: 3, outDir: join(dir, 'shp'), constraints: 1 });
  const gj = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { 이름: '남산공원', n: 1 }, geometry: { type: 'Point', coordinates: [126.99, 37.55] } },
      { type: 'Feature', properties: { 이름: '필지' }, geometry: { type: 'Polygon', coordinates: [[[126.99, 37.55], [126.991, 37.55], [126.991, 37.551], [126.99, 37.551], [126.99, 37.55]]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[127, 37.5], [127.001, 37.5], [127.001, 37.501], [127, 37.5]]]] } },
    ],
  };
  writeFileSync(join(dir, 'a.geojson'), JSON.stringify(gj));
  writeFileSync(join(dir, 'lonlat.csv'), '이름,경도,위도\n서울역,126.9707,37.5547\n시청,126.9779,37.5657\n');
  writeFileSync(join(dir, 'wkt.csv'), 'name,wkt\na,"POLYGON((200000 550000,200100 550000,200100 550100,200000 550000))"\nb,"POINT(200000 550000)"\nc,"MULTIPOLYGON(((200000 550000,200100 550000,200100 550100,200000 550000)))"\n');
  return {
    shp: ['shp/parcels.shp', 'shp/parcels.shx', 'shp/parcels.dbf', 'shp/parcels.prj'],
    geojson: ['a.geojson'],
    csv: ['lonlat.csv', 'wkt.csv'],
  };
}

/** Hand-made hostile inputs the random mutations rarely reach. */
function special(k: number, r: () => number): { name: string; text: string } {
  const depth = [40, 1000, 100_000][k % 3];
  switch (k % 9) {
    case 0: return { name: 'deep.geojson', text: `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}]}` };
    case 1: return { name: 'deepgeom.geojson', text: `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${'['.repeat(depth)}1${']'.repeat(depth)}}}]}` };
    case 2: return { name: 'nan.csv', text: `x,y\nNaN,Infinity\n-Infinity,1e400\n${r()},${r()}\n` };
    case 3: return { name: 'badwkt.csv', text: `wkt\n"MULTIPOLYGON(1 2)"\n"POLYGON((1 2))"\n"${'('.repeat(depth % 5000)}"\n"POINT()"\n` };
    case 4: return { name: 'bowtie.geojson', text: '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[127,37.5],[127.01,37.51],[127.01,37.5],[127,37.51],[127,37.5]]]}}]}' };
    case 5: return { name: 'nulls.geojson', text: '{"type":"FeatureCollection","features":[null,1,"x",{"geometry":{"type":"Polygon"}},{"geometry":{"type":"Polygon","coordinates":null}},{"geometry":{"type":"MultiPolygon","coordinates":[1,2]}},{"type":"Feature","properties":[1],"geometry":{"type":"GeometryCollection","geometries":[]}}]}' };
    case 6: return { name: 'scalar.geojson', text: ['null', '1', '"x"', '[]', '{}', '{"type":"FeatureCollection","features":{}}'][int(r, 6)] };
    case 7: return { name: 'cp949.csv', text: Buffer.from([0xb0, 0xe6, 0xb5, 0xb5, 0x2c, 0xc0, 0xa7, 0x0a, 0xff, 0xfe, 0x2c, 0x81, 0x0a]).toString('latin1') };
    default: return { name: 'quote.csv', text: `lon,lat\n"127,37.5\n${'"'.repeat(int(r, 50))}\n` };
  }
}

export function runFuzz(seed: number, cases: number): FuzzReport {
  const base = mkdtempSync(join(tmpdir(), 'geo-fuzz-'));
  const r = rng(seed);
  const files = corpus(base);
  const baseline = process.memoryUsage.rss();
  const rep: FuzzReport = { seed, cases, accepted: 0, refused: 0, untyped: [], largestFileBytes: 0, baselineRssMB: Math.round(baseline / 2 ** 20), peakRssMB: 0 };
  const names = Object.keys(mutations);
  try {
    for (let c = 0; c < cases; c++) {
      const dir = join(base, `c${c % 8}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      let target: string;
      let kind: string;
      if (c % 10 === 9) {
        const s = special(Math.floor(c / 10), r);
        target = join(dir, s.name);
        writeFileSync(target, s.text, 'latin1');
        kind = `special:${s.name}`;
      } else {
        const group = ['shp', 'shp', 'shp', 'geojson', 'csv'][int(r, 5)];
        const set = files[group];
        for (const f of set) copyFileSync(join(base, f), join(dir, f.split('/').pop()!));
        const victim = set[int(r, set.length)].split('/').pop()!;
        const m = names[int(r, names.length)];
        const twice = r() < 0.3 ? names[int(r, names.length)] : undefined;
        let bytes = mutations[m](readFileSync(join(dir, victim)), r);
        if (twice) bytes = mutations[twice](bytes, r);
        writeFileSync(join(dir, victim), bytes);
        if (group === 'shp' && r() < 0.1) writeFileSync(join(dir, 'parcels.cpg'), ['UTF-8', 'CP949', '\xff\xfe', 'x'.repeat(300)][int(r, 4)], 'latin1');
        target = join(dir, set[0].split('/').pop()!);
        kind = `${group}:${victim}:${m}${twice ? `+${twice}` : ''}`;
      }
      for (const f of readdirSync(dir)) rep.largestFileBytes = Math.max(rep.largestFileBytes, statSync(join(dir, f)).size);
      try {
        inspectLayer(target);
        const layer = openLayer(target);
        // The study's own Shapefile reader (record ranges, DBF rows) as well.
        if (layer.plan) loadParcelRange({ plan: layer.plan, from: 0, to: layer.plan.count ?? Number.MAX_SAFE_INTEGER, fields: ['소유구분', '지목'], idField: 'PNU', workEpsg: 5186 });
        rep.accepted++;
      } catch (e) {
        if (e instanceof GeoInputError && e.msg.ko && e.msg.en) rep.refused++;
        else rep.untyped.push({ case: c, kind, error: String((e as Error)?.stack ?? e).split('\n').slice(0, 3).join(' | ') });
      }
      rep.peakRssMB = Math.max(rep.peakRssMB, Math.round(process.memoryUsage.rss() / 2 ** 20));
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  rep.peakRssMB = Math.max(rep.peakRssMB, Math.round(process.resourceUsage().maxRSS / 1024));
  return rep;
}

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
if (process.argv[1] && /fuzz\.ts$/.test(process.argv[1]) && process.argv.includes('--cases')) {
  process.stdout.write(`${JSON.stringify(runFuzz(arg('seed', 1), arg('cases', 2000)))}\n`);
}
