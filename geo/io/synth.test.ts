import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { transformer } from '../core/crs.js';
import { ringSignedArea } from '../core/geometry.js';
import { openLayer } from './import.js';
import { synthesize } from './synth.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'geo-synth-'));

describe('synthetic parcel fabric', () => {
  const dir = tmp();
  const res = synthesize({ parcels: 3000, seed: 42, outDir: dir });
  const layer = openLayer(res.files.parcels);
  const feats = [...layer.features()];

  it('writes exactly N parcels as a CP949 Shapefile the importer reads without repairs', () => {
    expect(res.parcels).toBe(3000);
    expect(feats.length).toBe(3000);
    expect(layer.report).toMatchObject({ encoding: 'CP949', crs: 'EPSG:5186', crsSource: 'prj', repaired: 0, skipped: [] });
    const raw = readFileSync(join(dir, 'parcels.dbf'));
    expect(raw[29]).toBe(0x4e);
  });

  it('gives valid unique PNUs, 지목 in JIBUN, and ledger areas within 0.2 % of the polygon', () => {
    const pnus = new Set(feats.map((f) => f.properties.PNU));
    expect(pnus.size).toBe(3000);
    for (const f of feats) {
      const p = f.properties as Record<string, string | number>;
      expect(p.PNU).toMatch(/^11\d{3}\d{3}\d{2}[12]\d{8}$/);
      expect(String(p.JIBUN).endsWith(String(p.지목))).toBe(true);
      const a = ringSignedArea((f.geometry as Polygon).coordinates[0]);
      // ±0.2 % survey difference plus rounding to 0.1 m²
      expect(Math.abs(Number(p.토지면적) - a)).toBeLessThanOrEqual(0.002 * a + 0.05);
    }
    expect(feats.filter((f) => f.properties.지목 === '도').length).toBe(res.roads);
  });

  it('clusters public ownership: public lots neighbour public lots far more often than the base rate', () => {
    const lots = feats.filter((f) => f.properties.지목 !== '도');
    const isPub = (f: (typeof lots)[0]) => ['2', '4', '5'].includes(String(f.properties.소유구분));
    const base = lots.filter(isPub).length / lots.length;
    // Consecutive lots in file order are neighbours within a block.
    let pp = 0, p = 0;
    for (let i = 1; i < lots.length; i++) if (isPub(lots[i - 1])) { p++; if (isPub(lots[i])) pp++; }
    expect(base).toBeGreaterThan(0.03);
    expect(base).toBeLessThan(0.5);
    expect(pp / p).toBeGreaterThan(2 * base);
  });

  it('is deterministic by seed', () => {
    const again = tmp();
    synthesize({ parcels: 3000, seed: 42, outDir: again });
    const other = tmp();
    synthesize({ parcels: 3000, seed: 43, outDir: other });
    for (const f of ['parcels.shp', 'parcels.dbf', 'constraints.shp']) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f)))).toBe(true);
      expect(readFileSync(join(other, f)).equals(readFileSync(join(dir, f)))).toBe(false);
    }
  });

  it('in EPSG:5174 carries a Bessel .prj and imports back onto the EPSG:5186 fabric within 1 cm', () => {
    const b = tmp();
    const g = tmp();
    synthesize({ parcels: 200, seed: 42, outDir: b, crs: 5174 });
    synthesize({ parcels: 200, seed: 42, outDir: g });
    const grs = [...openLayer(join(g, 'parcels.shp')).features()];
    const l = openLayer(join(b, 'parcels.shp'));
    expect(l.report.crs).toBe('EPSG:5174');
    const to5186 = transformer(5174, 5186);
    const bessel = [...l.features()];
    bessel.forEach((f, i) => {
      const a = (f.geometry as Polygon).coordinates[0].map(([x, y]) => to5186(x, y));
      const ref = (grs[i].geometry as Polygon).coordinates[0];
      a.forEach((p, k) => expect(Math.hypot(p[0] - ref[k][0], p[1] - ref[k][1])).toBeLessThan(0.01));
    });
  });
});
