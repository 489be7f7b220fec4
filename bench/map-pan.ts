// Benchmark: is the 부지 분석 map idle within 1 s after a pan, in Chromium? The built app's host
// serves a data folder holding study runs over synthetic parcels (10,000 and a larger layer,
// 100,000 by default or 1,000,000 with --large), drawn as the backend's vector tiles. The map is
// opened through the real UI (sign-in, 부지 분석, 결과, the study), moved to z14 over the parcels,
// then panned N times along a zig-zag around its centre (map.panBy, no animation); each pan is
// timed from its end to MapLibre's `idle` (every tile loaded and drawn). Peers in the same run:
// the same 10,000 parcels as one plain GeoJSON source in the page (what the map would do without
// the tiler), and the map with the shipped Seoul layers only. Configurations are interleaved
// over rounds, each in a freshly loaded page; the load average is printed beside the figures.
// Goal: idle after a pan ≤ 1 s (the median and the p95 are compared).
//
//   npm run bench:map -- [--large 1000000] [--pans 24] [--rounds 2]   (builds the app first)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openBackend } from '../electron/backend/backend.js';
import { keyFileProtector } from '../data/crypto/data-dir.js';
import { synthesize } from '../geo/io/synth.js';
import { benchStudy } from './geo/study.js';
import { transformer } from '../geo/core/crs.js';
import { CHROMIUM, launchBrowser, startHost } from '../e2e/support.js';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const SMALL = 10_000;
const LARGE = arg('large', 100_000);
const PANS = arg('pans', 24);
const ROUNDS = arg('rounds', 2);
const MANAGER = '지도벤치';
// Every temporary folder the run makes, removed at exit even when a step fails.
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
process.on('exit', () => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const PIN = '2468';

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

interface Layer {
  parcels: number;
  studyName: string;
  center: [number, number];
  dir: string;
}

/** Synthetic parcels, a study over them, and its run, written into the data folder by the backend itself. */
async function prepare(dataDir: string): Promise<Layer[]> {
  const backend = await openBackend({ dataDir, protector: keyFileProtector, seedDemo: false });
  const call = async (m: string, i: unknown = {}) => {
    const r = await backend.call(m, i);
    if (!r.ok) throw new Error(`${m}: ${r.error.message.en}`);
    return r.result as never;
  };
  const mgr = (await call('managers.create', { name: MANAGER, center: '관악구 1인가구지원센터', brokerRegNo: '11620-2020-01234', districts: ['관악구'], pin: PIN })) as { id: string };
  await call('session.start', { id: mgr.id, pin: PIN });
  const to4326 = transformer(5186, 4326);
  const layers: Layer[] = [];
  for (const n of [SMALL, LARGE]) {
    const dir = tempDir(`ansim-bench-map-${n}-`);
    process.stderr.write(`synthesizing ${n.toLocaleString()} parcels and running a study over them…\n`);
    const synth = synthesize({ parcels: n, seed: 1, outDir: dir });
    // The study of bench/geo (the planners' job: seven constraints, five criteria, sites of
    // 5,000 m² or more), its files granted as the desktop app's dialog would.
    const { layers: paths, ...rules } = benchStudy(dir);
    const names = Object.keys(paths) as (keyof typeof paths)[];
    const refs = await backend.files.grant(names.map((k) => paths[k].path!));
    const study = { ...rules, layers: Object.fromEntries(names.map((k, i) => [k, refs[i]])) };
    const studyName = `지도 벤치 ${n}필지`;
    const saved = (await call('geo.studies.save', { name: studyName, study })) as { id: string };
    const { jobId } = (await call('geo.studies.run', { id: saved.id })) as { jobId: string };
    for (;;) {
      const j = (await call('jobs.status', { jobId })) as { state: string; error?: { message: { en: string } } };
      if (j.state === 'done') break;
      if (j.state !== 'running') throw new Error(`study run ${j.state}: ${j.error?.message.en}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const [x0, y0, x1, y1] = synth.bbox;
    // The walk (3.6 km east-west, 4 km south, see pans()) is centred on the layer's bbox.
    layers.push({ parcels: n, studyName, center: to4326((x0 + x1) / 2 - 1800, (y0 + y1) / 2 + 2000), dir });
  }
  await backend.close();
  return layers;
}

type Config = { label: string; kind: 'tiles'; layer: Layer; hide?: RegExp } | { label: string; kind: 'geojson'; layer: Layer; data: string } | { label: string; kind: 'shipped'; layer: Layer };

/** Loads the app afresh, signs in, opens 부지 분석 (and the study's results), and waits for the map. */
async function openMap(page: Page, url: string, c: Config) {
  // (The URL carries the token after '#': going to it again would only change the hash.)
  if (page.url().startsWith('http')) await page.reload();
  else await page.goto(url);
  // The first load signs in; a reloaded page is locked until the PIN is entered again.
  const pick = page.getByRole('radio', { name: new RegExp(MANAGER) });
  const unlock = page.getByRole('button', { name: '잠금 해제' });
  await pick.or(unlock).first().waitFor();
  if (await pick.isVisible()) await pick.click();
  await page.getByLabel('PIN').fill(PIN);
  await ((await unlock.isVisible()) ? unlock : page.getByRole('button', { name: '시작' })).click();
  await page.getByRole('button', { name: /부지 분석/ }).click();
  await page.getByRole('heading', { name: '부지 분석', level: 1 }).waitFor();
  // (Polled with evaluate: the app's CSP forbids the string eval waitForFunction would use.)
  while (!(await page.evaluate('!!globalThis.__ansimMap && globalThis.__ansimMap.loaded()'))) await page.waitForTimeout(100);
  if (c.kind === 'tiles') {
    await page.getByRole('tab', { name: '결과' }).click();
    await page.getByRole('button', { name: new RegExp(c.layer.studyName) }).click();
    while (!(await page.evaluate(`globalThis.__ansimMap.getStyle().layers.some((l) => l.id.startsWith('run-'))`))) await page.waitForTimeout(100);
    // A breakdown of the large layer: some of its style layers hidden.
    if (c.hide) await page.evaluate(`(() => { const m = globalThis.__ansimMap; for (const l of m.getStyle().layers) if (${c.hide}.test(l.id)) m.setLayoutProperty(l.id, 'visibility', 'none'); })()`);
  }
  if (c.kind === 'geojson') {
    // The peer: the same parcels as one GeoJSON source, drawn like the run's parcel layer.
    await page.evaluate(`(() => {
      const m = globalThis.__ansimMap;
      m.addSource('bench-geojson', { type: 'geojson', data: ${c.data} });
      m.addLayer({ id: 'bench-geojson::fill', type: 'fill', source: 'bench-geojson', paint: { 'fill-color': ['case', ['==', ['get', '소유구분'], '1'], '#fc8d59', '#d1d5db'], 'fill-opacity': 0.75 } });
      m.addLayer({ id: 'bench-geojson::line', type: 'line', source: 'bench-geojson', minzoom: 14, paint: { 'line-color': '#ffffff', 'line-width': 0.4 } });
    })()`);
  }
}

/** Moves to z14 over the layer, waits for idle (the first tiles, the tile index), then pans and times each. */
interface PanTimes {
  idle: number[];
  /** Every tile request's fetch time (request to response end, from the page's resource timing) and size. */
  fetchMs: number[];
  bytes: number;
}

async function pans(page: Page, c: Config, n: number): Promise<PanTimes> {
  const [lon, lat] = c.layer.center;
  return page.evaluate(`(async () => {
    const m = globalThis.__ansimMap;
    const idle = () => new Promise((r) => m.once('idle', r));
    let wait = idle();
    m.jumpTo({ center: [${lon}, ${lat}], zoom: 14 });
    await wait;
    performance.setResourceTimingBufferSize(1e6);
    const tiles = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/tiles/'));
    let seen = tiles().length;
    const fetchMs = [];
    let bytes = 0;
    const { width, height } = m.getCanvas().getBoundingClientRect();
    const dx = Math.round(width / 2), dy = Math.round(height / 2);
    const out = [];
    for (let i = 0; i < ${n}; i++) {
      // A zig-zag over the layer: three pans east by half a viewport, a quarter south, three west,
      // a quarter south…, so most pans bring new tiles (z14 tiles are about 1.9 km wide here and
      // the walk spans 3.6 km by 4 km around the layer's centre: inside the larger layers; the
      // 10,000 parcels cover 3.8 km by 3.4 km, so there part of the view is empty).
      const leg = i % 8;
      const step = leg === 3 || leg === 7 ? [0, Math.round(dy / 2)] : leg < 3 ? [dx, 0] : [-dx, 0];
      wait = idle();
      m.panBy(step, { duration: 0 });
      const t0 = performance.now();
      await wait;
      out.push(performance.now() - t0);
      const fresh = tiles().slice(seen);
      seen += fresh.length;
      for (const e of fresh) { fetchMs.push(e.responseEnd - e.startTime); bytes += e.encodedBodySize; }
    }
    globalThis.__benchEnd = m.getCenter().toArray();
    return { idle: out, fetchMs, bytes };
  })()`);
}

async function main() {
  const dataDir = tempDir('ansim-bench-map-data-');
  const layers = await prepare(dataDir);
  const small = layers[0];
  // The peer's GeoJSON: the same parcels in WGS84, converted by GDAL (as a planner would for a web map).
  const gj = path.join(small.dir, 'parcels.geojson');
  execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-select', 'PNU,소유구분', '-lco', 'COORDINATE_PRECISION=7', gj, path.join(small.dir, 'parcels.shp')]);
  const data = readFileSync(gj, 'utf8');
  const configs: Config[] = [
    ...layers.map((l): Config => ({ label: `vector tiles, ${l.parcels.toLocaleString()} parcels`, kind: 'tiles', layer: l })),
    { label: `breakdown: ${LARGE.toLocaleString()} parcels without the site outlines`, kind: 'tiles', layer: layers[1], hide: /^sites-/ },
    { label: `peer: one GeoJSON source, ${SMALL.toLocaleString()} parcels (${(data.length / 1048576).toFixed(1)} MB)`, kind: 'geojson', layer: small, data },
    { label: 'peer: shipped Seoul layers only', kind: 'shipped', layer: small },
  ];
  const host = await startHost(dataDir);
  const browser = await launchBrowser();
  const times = new Map<string, number[]>(configs.map((c) => [c.label, []]));
  const fetches = new Map<string, { ms: number[]; bytes: number; pans: number }>(configs.map((c) => [c.label, { ms: [], bytes: 0, pans: 0 }]));
  const load0 = loadavg();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of configs) {
        process.stderr.write(`round ${r + 1}/${ROUNDS}: ${c.label}\n`);
        await openMap(page, host.url, c);
        const t = await pans(page, c, PANS);
        times.get(c.label)!.push(...t.idle);
        const f = fetches.get(c.label)!;
        f.ms.push(...t.fetchMs);
        f.bytes += t.bytes;
        f.pans += PANS;
        if (r === 0) {
          // To look at: the map where the walk ended, painted.
          const shot = path.join(tmpdir(), `ansim-bench-map-${configs.indexOf(c)}.png`);
          await page.screenshot({ path: shot });
          process.stderr.write(`  walk ${c.layer.center.map((v) => v.toFixed(4))} → ${(await page.evaluate('globalThis.__benchEnd') as number[]).map((v) => v.toFixed(4))}; screenshot ${shot}\n`);
        }
      }
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  const load1 = loadavg();
  const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`부지 분석 map: time from the end of a pan (half a viewport east/west or a quarter south, z14, 1360×900 window) to MapLibre 'idle' (${chromium}, headless, software GL)`);
  for (const [label, xs] of times) console.log(`${label.padEnd(58)} n=${String(xs.length).padStart(3)}  median ${fmt(q(xs, 0.5))}  p95 ${fmt(q(xs, 0.95))}  max ${fmt(Math.max(...xs))}`);
  console.log('tile requests during the pans (request to response end, HTTP host):');
  for (const [label, f] of fetches) {
    if (f.ms.length) console.log(`  ${label.padEnd(56)} ${(f.ms.length / f.pans).toFixed(1)} a pan, ${(f.bytes / f.pans / 1024).toFixed(0)} KB a pan, fetch median ${fmt(q(f.ms, 0.5))}  p95 ${fmt(q(f.ms, 0.95))}`);
  }
  console.log(`load average before/after: ${load0.map((x) => x.toFixed(2)).join(' ')} / ${load1.map((x) => x.toFixed(2)).join(' ')} (2 cores, shared)`);
  for (const l of layers) {
    const xs = times.get(`vector tiles, ${l.parcels.toLocaleString()} parcels`)!;
    console.log(`goal idle ≤ 1 s after a pan, ${l.parcels.toLocaleString()} parcels: median ${q(xs, 0.5) <= 1000 ? 'met' : 'NOT met'}, p95 ${q(xs, 0.95) <= 1000 ? 'met' : 'NOT met'}`);
  }
}

await main();
