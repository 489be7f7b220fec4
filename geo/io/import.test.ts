import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, truncateSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Polygon, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/geo.js';
import { transformer, type Epsg } from '../core/crs.js';
import { DbfWriter } from './dbf.js';
import { importToGeoJson } from './import-file.js';
import { openLayer, type ImportReport } from './import.js';
import { GeoInputError } from '../core/messages.js';
import { ShpWriter } from './shp.js';
import { FIXTURES, LAYERS, hasTool, metres } from '../testing/oracle.js';
import { ringSignedArea } from '../core/geometry.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'geo-import-'));
const BESSEL = join(FIXTURES, 'boundaries/kostat-2013/shp-original-bessel-cp949/seoul_municipalities.shp');
const NEIGH = join(FIXTURES, 'boundaries/juso-2015/shp-wgs84-cp949/seoul_neighborhoods.shp');
const readFc = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;

function cliIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { readStdin: async () => '', out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('real Seoul files', () => {
  it('decodes the CP949 자치구 Shapefile (no .cpg) exactly, reprojected with the Bessel datum shift', () => {
    const dir = tmp();
    const rep = importToGeoJson(BESSEL, join(dir, 'm.geojson'));
    expect(rep).toMatchObject({ features: 25, crs: 'EPSG:5174', crsSource: 'prj', encoding: 'CP949', skipped: [] });
    const names = readFc(join(dir, 'm.geojson')).features.map((f) => f.properties!.name).sort();
    const juso = readFc(join(LAYERS, 'gu.geojson')).features.map((f) => f.properties!.name).sort();
    expect(names).toEqual(juso);
  });

  it('decodes all 467 법정동 names of the LDID-0x4E Shapefile exactly', () => {
    const layer = openLayer(NEIGH);
    const names = [...layer.features()].map((f) => f.properties.EMD_KOR_NM).sort();
    const juso = readFc(join(LAYERS, 'dong.geojson')).features.map((f) => f.properties!.name).sort();
    expect(layer.report.encoding).toBe('CP949');
    expect(layer.report.warnings).toEqual([]);
    expect(names).toEqual(juso);
  });

  it('reprojects the Bessel Shapefile onto GDAL (ogr2ogr -s_srs EPSG:5174) within 1 cm, and ~360 m from the KOSTAT JSON', () => {
    const dir = tmp();
    importToGeoJson(BESSEL, join(dir, 'ours.geojson'));
    const ours = readFc(join(dir, 'ours.geojson')).features;
    if (hasTool('ogr2ogr')) {
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=10', '-s_srs', 'EPSG:5174', '-t_srs', 'EPSG:4326', join(dir, 'gdal.geojson'), BESSEL]);
      const gdal = readFc(join(dir, 'gdal.geojson')).features;
      let worst = 0;
      ours.forEach((f, i) => {
        const a = (f.geometry as Polygon).coordinates[0];
        let b: Position[] = (gdal[i].geometry as Polygon).coordinates[0];
        if (Math.sign(ringSignedArea(a)) !== Math.sign(ringSignedArea(b))) b = [...b].reverse();
        expect(a.length).toBe(b.length);
        a.forEach((p, k) => (worst = Math.max(worst, metres(p, b[k]))));
      });
      expect(worst).toBeLessThan(0.01);
    }
    // The KOSTAT-2013 JSON was converted from the same file without a datum shift.
    const kostat = readFc(join(FIXTURES, 'boundaries/kostat-2013/seoul_municipalities_geo_simple.json')).features;
    const byName = new Map(kostat.map((f) => [f.properties!.name, f]));
    const offsets = ours.map((f) => {
      const k = byName.get(f.properties!.name)!;
      const mine = (f.geometry as Polygon).coordinates[0];
      const theirs = (k.geometry as Polygon).coordinates[0];
      // Nearest vertex distance from our first vertex to theirs.
      return Math.min(...theirs.map((q) => metres(mine[0], q)));
    });
    offsets.sort((a, b) => a - b);
    const median = offsets[Math.floor(offsets.length / 2)];
    expect(median).toBeGreaterThan(300);
    expect(median).toBeLessThan(420);
  });

  it('agrees with gdaltransform within 1 cm for EPSG:5186, 5179 and 5174', () => {
    if (!hasTool('gdaltransform')) return;
    const lonlat: [number, number][] = [];
    for (let lon = 126.8; lon <= 127.2; lon += 0.1) for (let lat = 37.45; lat <= 37.7; lat += 0.05) lonlat.push([lon, lat]);
    for (const epsg of [5186, 5179, 5174, 5181] as Epsg[]) {
      const toProj = transformer(4326, epsg);
      const pts = lonlat.map(([x, y]) => toProj(x, y));
      const out = execFileSync('gdaltransform', ['-s_srs', `EPSG:${epsg}`, '-t_srs', 'EPSG:4326', '-output_xy'], { input: pts.map((p) => `${p[0]} ${p[1]}`).join('\n') }).toString();
      const gdal = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
      const back = transformer(epsg, 4326);
      pts.forEach((p, i) => expect(metres(back(p[0], p[1]), gdal[i]), `EPSG:${epsg}`).toBeLessThan(0.01));
    }
  });

  it('imports the station CSV (WGS84 columns) and the hospital CSV (EPSG:5174) onto the GDAL-derived points', () => {
    const dir = tmp();
    const st = importToGeoJson(join(FIXTURES, 'transit/seoul_station_master.cp949.csv'), join(dir, 's.geojson'));
    expect(st).toMatchObject({ features: 909, crs: 'EPSG:4326', encoding: 'CP949' });
    expect(readFc(join(dir, 's.geojson')).features.some((f) => f.properties!.역사명 === '서울역')).toBe(true);

    const hospitals = join(FIXTURES, 'amenities/seoul_hospital_permits.cp949.csv');
    expect(() => openLayer(hospitals)).toThrow(GeoInputError);
    try {
      openLayer(hospitals);
    } catch (e) {
      expect((e as GeoInputError).detail).toEqual({ candidates: ['EPSG:5174', 'EPSG:5181'] });
    }
    const rep = importToGeoJson(hospitals, join(dir, 'h.geojson'), { crs: 5174 });
    expect(rep.crsSource).toBe('given');
    const ours = readFc(join(dir, 'h.geojson')).features;
    const open = readFc(join(LAYERS, 'hospitals.geojson')).features;
    const mine = new Map(ours.map((f) => [`${f.properties!.사업장명}|${f.properties!.도로명주소}`, (f.geometry as Point).coordinates]));
    let matched = 0;
    for (const f of open) {
      const p = mine.get(`${f.properties!.name}|${f.properties!.addr}`);
      if (!p) continue;
      matched++;
      // The derived file keeps 7 decimals (≈1 cm), so allow its rounding.
      expect(metres(p, (f.geometry as Point).coordinates)).toBeLessThan(0.015);
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('stops with exit 2 naming the candidates when a CSV could be 5174 or 5181, and accepts --crs', async () => {
    const dir = tmp();
    const { io, out, err } = cliIO();
    const code = await main(['import', join(FIXTURES, 'amenities/seoul_hospital_permits.cp949.csv'), '--out', join(dir, 'x.geojson')], io);
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/EPSG:5174.*EPSG:5181/);
    expect(JSON.parse(out.join('')).candidates).toEqual(['EPSG:5174', 'EPSG:5181']);
    const ok = cliIO();
    expect(await main(['import', join(FIXTURES, 'amenities/seoul_hospital_permits.cp949.csv'), '--crs', 'EPSG:5174', '--out', join(dir, 'x.geojson')], ok.io)).toBe(0);
    const rep = JSON.parse(ok.out.join('')) as ImportReport;
    expect(rep.skipped.length + rep.features).toBe(893);
    expect(rep.skipped.every((s) => s.reason === 'empty-geometry')).toBe(true);
    // At least 8 decimals in the written coordinates.
    expect(readFileSync(join(dir, 'x.geojson'), 'utf8')).toMatch(/"coordinates":\[127\.\d{9},37\.\d{9}\]/);
  });
});

// ---- synthetic and malformed files ---------------------------------------------------------

const SQUARE = (x: number, y: number, s = 10): [number, number][] => [[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]]; // clockwise

function writeSmall(base: string, opts: { rows?: number; cpg?: string; nan?: boolean; names?: string[] } = {}) {
  const names = opts.names ?? ['똠방각하', '뷁', '햏', '서울특별시 종로구'];
  const shp = new ShpWriter(base, 5);
  names.forEach((_, i) => shp.write([opts.nan && i === 1 ? [[NaN, 550000], [200010, 550000], [200010, 550010], [NaN, 550000]] : SQUARE(200000 + i * 10, 550000)]));
  shp.close();
  const dbf = new DbfWriter(`${base}.dbf`, [{ name: '이름', type: 'C', length: 40 }, { name: '토지면적', type: 'N', length: 12, decimals: 1 }], 'CP949');
  names.slice(0, opts.rows ?? names.length).forEach((n, i) => dbf.write([n, 100 + i]));
  dbf.close();
  if (opts.cpg) writeFileSync(`${base}.cpg`, opts.cpg);
}

describe('synthetic and malformed Shapefiles', () => {
  it('reads extended CP949 syllables exactly, and with a wrong .cpg (UTF-8) falls back with a warning', () => {
    const base = join(tmp(), 'p');
    writeSmall(base, { cpg: 'UTF-8' });
    const layer = openLayer(`${base}.shp`);
    const feats = [...layer.features()];
    expect(feats.map((f) => f.properties.이름)).toEqual(['똠방각하', '뷁', '햏', '서울특별시 종로구']);
    expect(feats[0].properties.토지면적).toBe(100);
    expect(layer.report.encoding).toBe('CP949');
    expect(layer.report.crs).toBe('EPSG:5186');
    expect(layer.report.crsSource).toBe('detected');
    expect(layer.report.warnings.map((w) => w.code)).toContain('encoding-declared-wrong');
    expect(layer.report.warnings[0].ko).toMatch(/CP949/);
    expect(layer.report.repaired).toBe(0); // clockwise shapefile outers are the format, not a repair
  });

  it('honours an encoding override (and says when it does not fit)', () => {
    const base = join(tmp(), 'p');
    writeSmall(base);
    const layer = openLayer(`${base}.shp`, { encoding: 'UTF-8' });
    Array.from(layer.features());
    expect(layer.report.encoding).toBe('UTF-8');
    expect(layer.report.warnings.map((w) => w.code)).toEqual(['encoding-override-invalid']);
  });

  const cases: [string, (base: string) => void, string][] = [
    ['a truncated .shp', (b) => { writeSmall(b); truncateSync(`${b}.shp`, statSync(`${b}.shp`).size - 30); }, 'shp-truncated'],
    ['a DBF shorter than the .shp', (b) => writeSmall(b, { rows: 2 }), 'dbf-short'],
    ['a mismatched .shx', (b) => { writeSmall(b); const o = `${b}-other`; writeSmall(o, { names: ['a', 'b'] }); copyFileSync(`${o}.shx`, `${b}.shx`); }, 'shx-mismatch'],
  ];
  for (const [what, make, code] of cases) {
    it(`gives a clear {ko,en} error for ${what}, and the CLI exits 2`, async () => {
      const base = join(tmp(), 'p');
      make(base);
      let caught: unknown;
      try {
        const layer = openLayer(`${base}.shp`);
        Array.from(layer.features());
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(GeoInputError);
      const e = caught as GeoInputError;
      expect(e.code).toBe(code);
      expect(e.msg.ko).toMatch(/[가-힣]/);
      expect(e.msg.en).toMatch(/p\.(shp|dbf)/);
      const { io, err } = cliIO();
      expect(await main(['import', `${base}.shp`, '--out', join(tmp(), 'o.geojson')], io)).toBe(2);
      expect(err.join('')).toContain(e.msg.en);
    });
  }

  it('skips a feature with NaN coordinates, naming it, and imports the rest', () => {
    const base = join(tmp(), 'p');
    writeSmall(base, { nan: true });
    const out = join(tmp(), 'o.geojson');
    const rep = importToGeoJson(`${base}.shp`, out);
    expect(rep.features).toBe(3);
    expect(rep.skipped).toEqual([{ feature: 2, reason: 'nan-coordinate', message: expect.objectContaining({ ko: expect.any(String), en: expect.any(String) }) }]);
    expect(readFc(out).features.map((f) => f.properties!.이름)).toEqual(['똠방각하', '햏', '서울특별시 종로구']);
  });

  it('reads CSV with NaN and WKT geometry, skipping bad rows with reasons', () => {
    const dir = tmp();
    const p = join(dir, 'x.csv');
    writeFileSync(p, 'name,wkt\n가,"POLYGON((127 37.5,127.001 37.5,127.001 37.501,127 37.501,127 37.5))"\n나,"POINT(nan 37.5)"\n다,"POLYGON((127 37.5,127.002 37.501,127.002 37.5,127 37.502,127 37.5))"\n');
    const layer = openLayer(p);
    const feats = [...layer.features()];
    expect(feats.map((f) => f.properties.name)).toEqual(['가']);
    expect(layer.report.skipped.map((s) => [s.feature, s.reason])).toEqual([[2, 'nan-coordinate'], [3, 'self-intersection']]);
    expect(layer.report.crs).toBe('EPSG:4326');
  });
});
