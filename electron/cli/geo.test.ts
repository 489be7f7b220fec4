import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './geo.js';

function cliIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { readStdin: async () => '', out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('ansim geo CLI', () => {
  it('synth → study run writes sites.geojson, survivors.geojson, ranking.csv and a JSON summary; parcels.geojson only with --parcels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-cli-'));
    const s = cliIO();
    expect(await main(['synth', '--parcels', '800', '--seed', '3', '--out', dir], s.io)).toBe(0);
    expect(JSON.parse(s.out.join('')).parcels).toBe(800);
    writeFileSync(join(dir, 'study.json'), JSON.stringify({
      layers: { parcels: { path: 'parcels.shp' } },
      constraints: [{ type: 'attribute', code: 'NOT_PUBLIC', field: '소유구분', in: ['2', '4', '5'] }],
      criteria: [{ id: 'area', source: { type: 'siteArea' } }, { id: 'compact', source: { type: 'compactness' } }],
      assembly: { minArea: 0 },
      sensitivity: { draws: 50 },
    }));
    const r = cliIO();
    expect(await main(['study', 'run', join(dir, 'study.json'), '--out', join(dir, 'out')], r.io)).toBe(0);
    const summary = JSON.parse(r.out.join(''));
    expect(summary.parcels.total).toBe(800);
    expect(summary.parcels.failures.NOT_PUBLIC).toBe(800 - summary.parcels.passed);
    for (const f of ['sites.geojson', 'survivors.geojson', 'ranking.csv']) expect(existsSync(join(dir, 'out', f))).toBe(true);
    expect(existsSync(join(dir, 'out', 'parcels.geojson'))).toBe(false);
    expect(await main(['study', 'run', join(dir, 'study.json'), '--out', join(dir, 'all'), '--parcels'], cliIO().io)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'all', 'parcels.geojson'), 'utf8')).features.length).toBe(800);
    expect(r.err.join('')).toMatch(/100%/);
    const sites = JSON.parse(readFileSync(join(dir, 'out', 'sites.geojson'), 'utf8')).features;
    expect(sites.length).toBe(summary.sites.total);
  });

  it('exits 2 naming the problem for a bad study, a missing field, or bad options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-cli-'));
    await main(['synth', '--parcels', '50', '--seed', '1', '--out', dir], cliIO().io);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ layers: { parcels: { path: 'parcels.shp' } }, criteria: [] }));
    const a = cliIO();
    expect(await main(['study', 'run', join(dir, 'bad.json'), '--out', join(dir, 'o')], a.io)).toBe(2);
    expect(a.err.join('')).toMatch(/criteria/);
    writeFileSync(join(dir, 'nofield.json'), JSON.stringify({ layers: { parcels: { path: 'parcels.shp' } }, criteria: [{ id: 'x', source: { type: 'attribute', field: '없는필드' } }] }));
    const b = cliIO();
    expect(await main(['study', 'run', join(dir, 'nofield.json'), '--out', join(dir, 'o')], b.io)).toBe(2);
    expect(b.err.join('')).toContain("'없는필드'");
    const c = cliIO();
    expect(await main(['synth', '--parcels', 'many', '--out', dir], c.io)).toBe(2);
    expect(c.err.join('')).toContain('--parcels');
    const d = cliIO();
    expect(await main(['import', join(dir, 'parcels.shp'), '--crs', 'EPSG:9999', '--out', join(dir, 'x.geojson')], d.io)).toBe(2);
    expect(d.err.join('')).toMatch(/EPSG:9999/);
  });

  it('imports an X/Y CSV with named columns and a given CRS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-cli-'));
    writeFileSync(join(dir, 'p.csv'), 'name,EAST,NORTH\n시청,198056.0,551885.0\n');
    const r = cliIO();
    expect(await main(['import', join(dir, 'p.csv'), '--x', 'EAST', '--y', 'NORTH', '--out', join(dir, 'p.geojson')], r.io)).toBe(0);
    const rep = JSON.parse(r.out.join(''));
    expect(rep).toMatchObject({ features: 1, crs: 'EPSG:5186', crsSource: 'detected', encoding: 'UTF-8' });
    const [lon, lat] = JSON.parse(readFileSync(join(dir, 'p.geojson'), 'utf8')).features[0].geometry.coordinates;
    // Seoul City Hall is near 126.978 E, 37.566 N.
    expect(lon).toBeCloseTo(126.978, 2);
    expect(lat).toBeCloseTo(37.566, 2);
  });
});
