// `npm run bench:geo`: the Ansim geo engine vs a tuned PostGIS doing the same job on N synthetic
// parcels (default 1,000,000; EPSG:5186, CP949 DBF), the 311 shipped stations, 544 hospitals and
// 50 constraint polygons — load → screen → score → assemble → rank → export, end to end:
// ours is `ansim geo study run` as a user runs it (process start and writing sites, survivors and
// ranking included); PostGIS from ogr2ogr to the exported files (initdb and start excluded).
// Three runs each, interleaved (ours, PostGIS, ours, …); medians, peak memory (PSS sampled every
// 0.25 s on both sides) and the load average are printed, and both must find the same survivors,
// the same sites in the same order with the same scores.
// Usage: npm run bench:geo [-- --parcels N --seed S --runs 3]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../geo/io/synth.js';
import { MemorySampler } from './geo/memory.js';
import { PG_PHASES, PgCluster, type PgResult, missingTools, runPostgis } from './geo/postgis.js';
import { benchStudy } from './geo/study.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('parcels', 1_000_000);
const SEED = arg('seed', 1);
const RUNS = arg('runs', 3);
const log = (s: string) => process.stderr.write(`${s}\n`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli/ansim.js');

const dataDir = join(tmpdir(), 'ansim-geo-bench', `${N}-${SEED}`);
if (!existsSync(join(dataDir, 'synth.json'))) {
  log(`generating ${N} synthetic parcels in ${dataDir} (not timed)…`);
  synthesize({ parcels: N, seed: SEED, outDir: dataDir, constraints: 50 });
}
if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist/cli/parcel-load-worker.js'))) {
  log('building the CLI (node build/build.mjs node)…');
  execFileSync(process.execPath, [join(ROOT, 'build/build.mjs'), 'node'], { stdio: 'inherit' });
}
const studyFile = join(dataDir, 'bench-study.json');
writeFileSync(studyFile, JSON.stringify(benchStudy(dataDir)));

interface OursResult { totalMs: number; peakPssMB: number; peakRssMB: number; timings: Record<string, number> }

/** One end-to-end CLI run: wall time from spawn to exit, memory sampled from /proc. */
function runOurs(outDir: string): Promise<OursResult> {
  rmSync(outDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'geo', 'study', 'run', studyFile, '--out', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', hwm = 0;
    const sampler = new MemorySampler(() => [child.pid!]);
    const peakRss = setInterval(() => {
      try {
        hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
      } catch {}
    }, 100);
    sampler.start();
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const totalMs = Math.round(performance.now() - t0);
      sampler.stop();
      clearInterval(peakRss);
      if (code !== 0) return reject(new Error(`ansim exited ${code}: ${err.slice(-2000)}`));
      const summary = JSON.parse(out) as { timings: Record<string, number> };
      resolve({ totalMs, peakPssMB: sampler.peakMB, peakRssMB: Math.round(hwm / 1024), timings: summary.timings });
    });
    child.on('error', reject);
  });
}

const missing = missingTools();
if (missing.length) log(`\nPostGIS peer not run — missing:\n${missing.map((m) => `  - ${m}`).join('\n')}\n(this benchmark installs nothing itself)`);

const ours: OursResult[] = [];
const pgs: PgResult[] = [];
const loads: string[] = [];
for (let r = 0; r < RUNS; r++) {
  loads.push(load());
  log(`run ${r + 1}/${RUNS}: ansim (load average ${load()})…`);
  ours.push(await runOurs(join(dataDir, 'out-ansim')));
  log(`  ansim end to end: ${(ours.at(-1)!.totalMs / 1000).toFixed(2)} s`);
  if (!missing.length) {
    log(`run ${r + 1}/${RUNS}: postgis (load average ${load()})…`);
    const cluster = new PgCluster();
    try {
      cluster.start();
      pgs.push(await runPostgis(cluster, dataDir, join(dataDir, 'out-postgis'), log));
    } finally {
      cluster.stop();
    }
    log(`  postgis end to end: ${(pgs.at(-1)!.totalMs / 1000).toFixed(2)} s`);
  }
}
loads.push(load());

// ---- report
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sec = (ms: number | undefined) => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(2));
const rows: string[] = [`\nGeo site study end to end, ${N.toLocaleString('en')} parcels (seed ${SEED}), ${RUNS} interleaved runs each, ${process.platform} ${process.arch}, Node ${process.version}`];
rows.push(`load average before each run and at the end: ${loads.join(' | ')}`);
rows.push(`ansim (CLI, process start → files written):  ${ours.map((o) => sec(o.totalMs)).join(', ')} s → median ${sec(median(ours.map((o) => o.totalMs)))} s`);
const oursPhases = ['load', 'screen', 'score', 'assemble', 'rank'];
rows.push(`  ansim phases (median ms): ${oursPhases.map((p) => `${p} ${median(ours.map((o) => o.timings[p]))}`).join(', ')}; start-up + writing = ${median(ours.map((o) => o.totalMs - oursPhases.reduce((s, p) => s + o.timings[p], 0) - (o.timings.sensitivity ?? 0)))} ms`);
rows.push(`  ansim peak memory: PSS ${Math.max(...ours.map((o) => o.peakPssMB))} MB, RSS high-water ${Math.max(...ours.map((o) => o.peakRssMB))} MB (goal ≤ 1536 MB)`);
let ok = true;
if (pgs.length) {
  rows.push(`postgis (ogr2ogr → exported files):           ${pgs.map((p) => sec(p.totalMs)).join(', ')} s → median ${sec(median(pgs.map((p) => p.totalMs)))} s`);
  rows.push(`  postgis phases (median ms): ${PG_PHASES.map((p) => `${p} ${median(pgs.map((x) => x.timings[p]))}`).join(', ')}`);
  rows.push(`  postgis peak memory: PSS ${Math.max(...pgs.map((p) => p.peakPssMB))} MB (server processes, sampled every 0.25 s)`);
  const ratio = median(ours.map((o) => o.totalMs)) / median(pgs.map((p) => p.totalMs));
  rows.push(`ansim / postgis time: ${ratio.toFixed(2)}× (goal ≤ 0.5×)`);

  // ---- same answers (from the last run's files and tables)
  const out = join(dataDir, 'out-ansim');
  const survivorsOurs = (JSON.parse(readFileSync(join(out, 'survivors.geojson'), 'utf8')).features as { properties: { PNU: string } }[]).map((f) => f.properties.PNU).sort();
  const pg = pgs.at(-1)!;
  const sameSurvivors = survivorsOurs.length === pg.survivors.length && survivorsOurs.every((x, i) => x === pg.survivors[i]);
  rows.push(`survivors: ansim ${survivorsOurs.length}, postgis ${pg.survivors.length} — ${sameSurvivors ? 'identical' : 'DIFFERENT'}`);
  const sitesOurs = (JSON.parse(readFileSync(join(out, 'sites.geojson'), 'utf8')).features as { properties: { siteId: string; parcelCount: number; area: number; rank: number | null; score: number } }[]).map((f) => f.properties);
  const pgByKey = new Map(pg.sites.map((s) => [s.key, s]));
  let unmatched = 0, worstArea = 0, worstScore = 0;
  for (const s of sitesOurs) {
    const q = pgByKey.get(s.siteId);
    if (!q || q.parcels !== s.parcelCount) unmatched++;
    else {
      worstArea = Math.max(worstArea, Math.abs(q.area - s.area) / q.area);
      worstScore = Math.max(worstScore, Math.abs(q.score - s.score));
    }
  }
  const sameSites = sitesOurs.length === pg.sites.length && unmatched === 0 && worstArea <= 1e-6;
  rows.push(`sites: ansim ${sitesOurs.length}, postgis ${pg.sites.length}, unmatched ${unmatched}, worst area difference ${(worstArea * 100).toExponential(2)} % — ${sameSites ? 'same sites' : 'DIFFERENT'}`);
  const rankedOurs = sitesOurs.filter((s) => s.rank !== null).sort((a, b) => a.rank! - b.rank!).map((s) => s.siteId);
  const rankedPg = pg.sites.filter((s) => s.ranked).map((s) => s.key);
  const firstDiff = rankedOurs.findIndex((k, i) => rankedPg[i] !== k);
  const sameOrder = rankedOurs.length === rankedPg.length && firstDiff < 0;
  rows.push(`ranking: ${rankedOurs.length} ranked sites — ${sameOrder ? 'same order' : `DIFFERENT from position ${firstDiff + 1}`}; worst score difference ${worstScore.toExponential(2)} (${worstScore <= 1e-9 ? 'same scores at 1e-9' : 'scores differ'})`);
  ok = sameSurvivors && sameSites && sameOrder && worstScore <= 1e-9;
}
process.stdout.write(`${rows.join('\n')}\n`);
process.exitCode = missing.length || !ok ? 1 : 0;
