// A realistic synthetic cadastral fabric for tests and benchmarks (no open sample of Seoul
// 연속지적도 exists): a grid of blocks split into lots, separated by road parcels (지목 "도"),
// with PNUs, 지목 in JIBUN, 토지면적 (ledger), 용도지역, 소유구분 with public land in clusters,
// 공시지가, 도로접면, 지형; plus constraint polygons (개발제한구역, 하천구역, 문화재보호구역).
// Written as a CP949 Shapefile (LDID 0x4E, no .cpg — as agencies ship them). Deterministic by seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Epsg, transformer } from '../core/crs.js';
import { DbfWriter, type DbfFieldSpec } from './dbf.js';
import { ShpWriter, type XY } from './shp.js';
import { rng } from '../core/rng.js';

export interface SynthOptions {
  parcels: number;
  seed: number;
  outDir: string;
  crs?: Epsg; // 5186 (default) or 5174
  constraints?: number; // default 50
  /** South-west corner in EPSG:5186 (default inside Seoul). */
  origin?: XY;
}

export interface SynthResult {
  parcels: number;
  lots: number;
  roads: number;
  publicLots: number;
  constraints: number;
  crs: string;
  bbox: [number, number, number, number];
  files: { parcels: string; constraints: string };
}

export { rng };

// 행안부 SIG_CD of the 25 자치구.
const SIG = ['11110', '11140', '11170', '11200', '11215', '11230', '11260', '11290', '11305', '11320', '11350', '11380', '11410', '11440', '11470', '11500', '11530', '11545', '11560', '11590', '11620', '11650', '11680', '11710', '11740'];
const ZONES = ['제2종일반주거지역', '제3종일반주거지역', '제1종일반주거지역', '준주거지역', '일반상업지역', '준공업지역', '자연녹지지역', '보전녹지지역', '제1종전용주거지역'];
const ZONE_W = [0.3, 0.22, 0.12, 0.07, 0.06, 0.07, 0.09, 0.04, 0.03];
const ZONE_PRICE = [4.5e6, 5.5e6, 3.5e6, 6e6, 1.2e7, 4e6, 1.2e6, 6e5, 3e6];
// 소유구분 (AL_D160 codes): 1 개인, 2 국유지, 4 시·도유지, 5 군유지(구유지), 6 법인, 7 종중, 8 종교단체, 9 기타단체
const OWNER_NAME: Record<string, string> = { '1': '개인', '2': '국유지', '4': '시도유지', '5': '군유지', '6': '법인', '7': '종중', '8': '종교단체', '9': '기타단체' };
const PRIVATE = ['1', '1', '1', '1', '1', '1', '6', '6', '7', '8', '9'];
const PUBLIC = ['2', '4', '4', '5'];
const JIMOK_PRIVATE = ['대', '대', '대', '대', '대', '대', '대', '대', '전', '답', '잡', '임'];
const JIMOK_PUBLIC = ['대', '대', '대', '잡', '학', '공', '대', '천', '구', '임'];
const HEIGHT = ['평지', '평지', '평지', '완경사', '완경사', '급경사', '고지'];
const SHAPE = ['정방형', '가로장방형', '세로장방형', '사다리형', '부정형'];

export const PARCEL_FIELDS: DbfFieldSpec[] = [
  { name: 'PNU', type: 'C', length: 19 },
  { name: 'JIBUN', type: 'C', length: 20 },
  { name: 'BCHK', type: 'C', length: 1 },
  { name: '지목', type: 'C', length: 4 },
  { name: '토지면적', type: 'N', length: 12, decimals: 1 },
  { name: '용도지역', type: 'C', length: 24 },
  { name: '소유구분', type: 'C', length: 2 },
  { name: '소유구분명', type: 'C', length: 12 },
  { name: '공시지가', type: 'N', length: 12, decimals: 0 },
  { name: '도로접면', type: 'C', length: 16 },
  { name: '지형높이', type: 'C', length: 8 },
  { name: '지형형상', type: 'C', length: 12 },
];

export const PRJ: Record<number, string> = {
  5186: 'PROJCS["Korea_2000_Korea_Central_Belt_2010",GEOGCS["GCS_Korea_2000",DATUM["D_Korea_2000",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",200000.0],PARAMETER["False_Northing",600000.0],PARAMETER["Central_Meridian",127.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]',
  // As agencies ship it: Bessel TM with no datum shift in the .prj (the importer adds EPSG:5174's).
  5174: 'PROJCS["Bessel_1841_Transverse_Mercator",GEOGCS["GCS_Bessel_1841",DATUM["D_Bessel_1841",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",200000.0],PARAMETER["False_Northing",500000.0],PARAMETER["Central_Meridian",127.0028902777778],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",38.0],UNIT["Meter",1.0]]',
};

// A fixed DBF date keeps output byte-identical for a seed.
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const pickW = <T>(r: () => number, xs: readonly T[], w: readonly number[]): T => {
  let u = r() * w.reduce((s, x) => s + x, 0);
  for (let i = 0; i < xs.length; i++) if ((u -= w[i]) <= 0) return xs[i];
  return xs[xs.length - 1];
};

/** Generates the fabric. About 80 % lots and 20 % road parcels. */
export function synthesize(opts: SynthOptions): SynthResult {
  const r = rng(opts.seed);
  const crs = opts.crs ?? 5186;
  const [X0, Y0] = opts.origin ?? [183_000, 537_000];
  mkdirSync(opts.outDir, { recursive: true });
  const toOut = transformer(5186, crs);
  const conv = (ring: XY[]): XY[] => (crs === 5186 ? ring : ring.map(([x, y]) => toOut(x, y)));

  // Grid size: ~9 lots + 3 road parcels per block on average; writing stops at exactly N parcels.
  const blocks = Math.max(1, Math.ceil(opts.parcels / 10));
  const nx = Math.max(1, Math.round(Math.sqrt(blocks * 0.8)));
  const ny = Math.max(1, Math.ceil(blocks / nx));
  const colW = Array.from({ length: nx }, () => 90 + r() * 70);
  const rowH = Array.from({ length: ny }, () => 60 + r() * 40);
  const roadW = () => pickW(r, [6, 8, 10, 12, 15, 20, 25, 35], [18, 22, 15, 15, 10, 8, 7, 5]);
  const colRoad = Array.from({ length: nx }, roadW);
  const rowRoad = Array.from({ length: ny }, roadW);
  const colX = [X0];
  for (let i = 0; i < nx; i++) colX.push(colX[i] + colW[i] + colRoad[i]);
  const rowY = [Y0];
  for (let j = 0; j < ny; j++) rowY.push(rowY[j] + rowH[j] + rowRoad[j]);

  // Public-ownership clusters (in block units) and zoning districts.
  const nClusters = Math.max(1, Math.round(blocks / 60));
  const clusters = Array.from({ length: nClusters }, () => ({ i: r() * nx, j: r() * ny, rad: 0.6 + r() * 2.2 }));
  const cell = 12; // blocks per zoning / 법정동 cell
  const zoneOf = new Map<string, number>();
  const zoneAt = (i: number, j: number) => {
    const k = `${Math.floor(i / cell)},${Math.floor(j / cell)}`;
    if (!zoneOf.has(k)) zoneOf.set(k, ZONES.indexOf(pickW(r, ZONES, ZONE_W)));
    return zoneOf.get(k)!;
  };
  const dongSeq = new Map<string, { code: string; next: number }>();
  const dongAt = (i: number, j: number) => {
    const k = `${Math.floor(i / cell)},${Math.floor(j / cell)}`;
    let d = dongSeq.get(k);
    if (!d) {
      const n = dongSeq.size;
      d = { code: `${SIG[n % SIG.length]}${String(101 + Math.floor(n / SIG.length)).padStart(3, '0')}00`, next: 1 };
      dongSeq.set(k, d);
    }
    return d;
  };

  const base = join(opts.outDir, 'parcels');
  const shp = new ShpWriter(base, 5);
  const dbf = new DbfWriter(`${base}.dbf`, PARCEL_FIELDS, 'CP949', FIXED_DATE);
  writeFileSync(`${base}.prj`, PRJ[crs] ?? PRJ[5186]);
  let lots = 0, roads = 0, publicLots = 0;

  const write = (ring: XY[], attrs: (string | number)[]) => {
    if (lots + roads >= opts.parcels) return;
    if (attrs[3] === '도') roads++;
    else {
      lots++;
      if (PUBLIC.includes(String(attrs[6]))) publicLots++;
    }
    // Shapefile outers are clockwise: the rings below are built counter-clockwise, so reverse.
    shp.write([conv(ring).reverse()]);
    dbf.write(attrs);
  };
  const areaOf = (ring: XY[]) => {
    let s = 0;
    for (let k = 0; k < ring.length - 1; k++) s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
    return Math.abs(s / 2);
  };
  const pnu = (d: { code: string; next: number }, bu = 0) => {
    const bon = d.next++;
    return { pnu: `${d.code}1${String(bon % 10000).padStart(4, '0')}${String(bu).padStart(4, '0')}`, jibun: bu ? `${bon}-${bu}` : `${bon}` };
  };
  const ledger = (a: number) => Math.round(a * (1 + (r() - 0.5) * 0.004) * 10) / 10; // ledger ≠ polygon by ≤0.2 %

  const roadAttrs = (ring: XY[], d: { code: string; next: number }, zone: number) => {
    const { pnu: p, jibun } = pnu(d);
    const a = areaOf(ring);
    const owner = r() < 0.6 ? '4' : '2';
    return [p, `${jibun}도`, '1', '도', ledger(a), ZONES[zone], owner, OWNER_NAME[owner], 0, '', '평지', '부정형'];
  };

  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      if (j * nx + i >= blocks || lots + roads >= opts.parcels) break;
      const x0 = colX[i], x1 = x0 + colW[i], y0 = rowY[j], y1 = y0 + rowH[j];
      const zone = zoneAt(i, j);
      const d = dongAt(i, j);
      const pub = clusters.some((c) => Math.hypot(c.i - i, c.j - j) < c.rad);
      const cbd = Math.hypot(i - nx / 2, j - ny / 2) / Math.max(nx, ny);
      const priceBase = ZONE_PRICE[zone] * (1.6 - cbd) * (0.8 + r() * 0.4);
      const heightIdx = Math.floor(r() * HEIGHT.length);
      const lotAttrs = (ring: XY[], isPublic: boolean, front: string, bu = 0) => {
        const { pnu: p, jibun } = pnu(d, bu);
        const jimok = isPublic ? pick(r, JIMOK_PUBLIC) : pick(r, JIMOK_PRIVATE);
        const owner = isPublic ? pick(r, PUBLIC) : pick(r, PRIVATE);
        return [p, `${jibun}${jimok}`, '0', jimok, ledger(areaOf(ring)), ZONES[zone], owner, OWNER_NAME[owner], Math.round(priceBase * (0.9 + r() * 0.2) / 1000) * 1000,
          front, HEIGHT[Math.min(HEIGHT.length - 1, heightIdx + (r() < 0.2 ? 1 : 0))], pick(r, SHAPE)];
      };
      const front = (w: number) => (w >= 25 ? '광대한면' : w >= 15 ? '중로한면' : w >= 10 ? '소로한면' : '세로한면(가)');
      if (r() < 0.04) {
        // One large lot filling the block (school, public facility, apartment complex).
        const ring: XY[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
        write(ring, lotAttrs(ring, pub || r() < 0.4, front(Math.max(colRoad[i], rowRoad[j]))));
      } else {
        // Two rows of lots; each lot carries the other row's split points on the shared middle line
        // so the fabric is topologically clean, as one cadastral survey is.
        const ym = y0 + rowH[j] * (0.4 + r() * 0.2);
        const splits = (): number[] => {
          const k = 2 + Math.floor(r() * 6);
          const xs = [x0];
          for (let s = 1; s < k; s++) xs.push(x0 + ((x1 - x0) * (s + (r() - 0.5) * 0.5)) / k);
          xs.push(x1);
          return xs;
        };
        const bottom = splits();
        const top = splits();
        const inner = (xs: number[], a: number, b: number) => xs.filter((x) => x > a && x < b);
        for (let s = 0; s + 1 < bottom.length; s++) {
          const a = bottom[s], b = bottom[s + 1];
          const mid = inner(top, a, b).sort((p, q) => q - p).map((x): XY => [x, ym]);
          const ring: XY[] = [[a, y0], [b, y0], [b, ym], ...mid, [a, ym], [a, y0]];
          write(ring, lotAttrs(ring, pub ? r() < 0.92 : r() < 0.03, r() < 0.04 ? '맹지' : front(rowRoad[j > 0 ? j - 1 : 0])));
        }
        for (let s = 0; s + 1 < top.length; s++) {
          const a = top[s], b = top[s + 1];
          const mid = inner(bottom, a, b).map((x): XY => [x, ym]);
          const ring: XY[] = [[a, ym], ...mid, [b, ym], [b, y1], [a, y1], [a, ym]];
          write(ring, lotAttrs(ring, pub ? r() < 0.92 : r() < 0.03, r() < 0.04 ? '맹지' : front(rowRoad[j])));
        }
      }
      // Road parcels east, north and the crossing.
      const rw = colRoad[i], rh = rowRoad[j];
      const east: XY[] = [[x1, y0], [x1 + rw, y0], [x1 + rw, y1], [x1, y1], [x1, y0]];
      const north: XY[] = [[x0, y1], [x1, y1], [x1, y1 + rh], [x0, y1 + rh], [x0, y1]];
      const cross: XY[] = [[x1, y1], [x1 + rw, y1], [x1 + rw, y1 + rh], [x1, y1 + rh], [x1, y1]];
      for (const ring of [east, north, cross]) write(ring, roadAttrs(ring, d, zone));
    }
  }
  shp.close();
  dbf.close();

  // Constraint polygons: irregular star-convex shapes over the fabric.
  const cbase = join(opts.outDir, 'constraints');
  const cshp = new ShpWriter(cbase, 5);
  const cdbf = new DbfWriter(`${cbase}.dbf`, [{ name: '구분', type: 'C', length: 20 }, { name: '명칭', type: 'C', length: 30 }, { name: '고시일자', type: 'C', length: 8 }], 'CP949', FIXED_DATE);
  writeFileSync(`${cbase}.prj`, PRJ[crs] ?? PRJ[5186]);
  const nC = opts.constraints ?? 50;
  const kinds = ['개발제한구역', '하천구역', '문화재보호구역'];
  for (let c = 0; c < nC; c++) {
    const cx = X0 + r() * (colX[nx] - X0), cy = Y0 + r() * (rowY[Math.min(ny, Math.ceil(blocks / nx))] - Y0);
    const rad = 80 + r() * 420;
    const n = 8 + Math.floor(r() * 10);
    const ring: XY[] = [];
    for (let k = 0; k < n; k++) {
      const t = (k / n) * Math.PI * 2;
      const rr = rad * (0.6 + r() * 0.4);
      ring.push([cx + rr * Math.cos(t), cy + rr * Math.sin(t)]);
    }
    ring.push(ring[0]);
    const kind = kinds[c % kinds.length];
    cshp.write([conv(ring).reverse()]);
    cdbf.write([kind, `${kind} ${c + 1}`, `20${String(10 + (c % 14)).padStart(2, '0')}0101`]);
  }
  cshp.close();
  cdbf.close();
  const result: SynthResult = {
    parcels: lots + roads, lots, roads, publicLots, constraints: nC, crs: `EPSG:${crs}`,
    bbox: [X0, Y0, colX[nx], rowY[ny]],
    files: { parcels: `${base}.shp`, constraints: `${cbase}.shp` },
  };
  writeFileSync(join(opts.outDir, 'synth.json'), JSON.stringify({ seed: opts.seed, ...result }, null, 2));
  return result;
}
