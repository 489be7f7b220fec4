// `npm run bench:geo`: the Ansim geo engine vs PostGIS on N synthetic parcels (default 1,000,000;
// EPSG:5186, CP949 DBF), the 525 real station points, 544 real hospitals and 50 constraint
// polygons: import → screen → score → assemble → rank, both from the same files, in the same run.
// Prints per-phase times, the ratio, peak memory, and checks both found the same survivors and sites.
// Usage: npm run bench:geo [-- --parcels N --seed S]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../geo/io/synth.js';
import { PgCluster, type PgResult, missingTools, runPostgis } from './geo/postgis.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('parcels', 1_000_000);
const SEED = arg('seed', 1);
const log = (s: string) => process.stderr.write(`${s}\n`);

const dataDir = join(tmpdir(), 'ansim-geo-bench', `${N}-${SEED}`);
if (!existsSync(join(dataDir, 'synth.json'))) {
  log(`generating ${N} synthetic parcels in ${dataDir} (not timed)…`);
  synthesize({ parcels: N, seed: SEED, outDir: dataDir, constraints: 50 });
}

// ---- Ansim geo engine, in its own process so its peak memory is its own.
log('ansim geo engine…');
const oursFile = join(dataDir, 'ours-result.json');
const oursOut = execFileSync(process.execPath, ['--max-old-space-size=3072', '--import', 'tsx', join(import.meta.dirname, 'geo/ours.ts'), dataDir, oursFile], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 }).toString();
const ours = JSON.parse(oursOut) as { timings: Record<string, number>; totalMs: number; peakRssMB: number; summary: unknown };
const oursData = JSON.parse(readFileSync(oursFile, 'utf8')) as { survivors: string[]; sites: { key: string; parcels: number; area: number; rank: number | null; score: number }[] };
for (const [k, v] of Object.entries(ours.timings)) log(`  ansim ${k}: ${(v / 1000).toFixed(1)} s`);

// ---- PostGIS
const missing = missingTools();
let pg: PgResult | undefined;
if (missing.length) {
  log(`\nPostGIS peer not run — missing:\n${missing.map((m) => `  - ${m}`).join('\n')}\n(this benchmark installs nothing itself)`);
} else {
  log('postgis (throw-away cluster on 127.0.0.1)…');
  const cluster = new PgCluster();
  try {
    cluster.start();
    pg = runPostgis(cluster, dataDir, log);
  } finally {
    cluster.stop();
  }
}

// ---- report
const phases = ['load', 'screen', 'score', 'assemble', 'rank'] as const;
const sec = (ms: number | undefined) => (ms === undefined ? '   n/a' : (ms / 1000).toFixed(2).padStart(6));
const rows: string[] = [`\nGeo site study, ${N.toLocaleString('en')} parcels (seed ${SEED}), ${process.platform} ${process.arch}, Node ${process.version}`];
rows.push(`${'phase'.padEnd(12)} ${'ansim s'.padStart(8)} ${'postgis s'.padStart(10)} ${'ratio'.padStart(7)}`);
let oursTotal = 0, pgTotal = 0;
for (const p of phases) {
  const o = ours.timings[p], q = pg?.timings[p];
  oursTotal += o;
  if (q !== undefined) pgTotal += q;
  rows.push(`${p.padEnd(12)} ${sec(o).padStart(8)} ${sec(q).padStart(10)} ${q ? (o / q).toFixed(2).padStart(7) : '    n/a'}`);
}
rows.push(`${'total'.padEnd(12)} ${sec(oursTotal).padStart(8)} ${sec(pg ? pgTotal : undefined).padStart(10)} ${pg ? (oursTotal / pgTotal).toFixed(2).padStart(7) : '    n/a'}`);
rows.push(`(ansim also ran a 1,000-draw Monte-Carlo sensitivity: ${sec(ours.timings.sensitivity).trim()} s; PostGIS has no counterpart)`);
rows.push(`peak memory: ansim ${ours.peakRssMB} MB (process max RSS)${pg ? `, postgis ${pg.peakRssMB} MB (cluster RSS sampled after each phase)` : ''}`);

let ok = true;
if (pg) {
  const a = [...oursData.survivors].sort(), b = pg.survivors;
  const sameSurvivors = a.length === b.length && a.every((x, i) => x === b[i]);
  rows.push(`survivors: ansim ${a.length}, postgis ${b.length} — ${sameSurvivors ? 'identical' : 'DIFFERENT'}`);
  const pgSites = new Map(pg.sites.map((s) => [s.key, s]));
  let worst = 0, unmatched = 0;
  for (const s of oursData.sites) {
    const q = pgSites.get(s.key);
    if (!q || q.parcels !== s.parcels) unmatched++;
    else worst = Math.max(worst, Math.abs(q.area - s.area) / q.area);
  }
  const sameSites = oursData.sites.length === pg.sites.length && unmatched === 0 && worst <= 0.005;
  rows.push(`sites: ansim ${oursData.sites.length}, postgis ${pg.sites.length}, unmatched ${unmatched}, worst area difference ${(worst * 100).toFixed(4)} % — ${sameSites ? 'same sites' : 'DIFFERENT'}`);
  const topO = oursData.sites.filter((s) => s.rank !== null).slice(0, 10).map((s) => s.key);
  const topP = pg.sites.slice(0, 10).map((s) => s.key);
  rows.push(`top-10 ranking agreement: ${topO.filter((k, i) => topP[i] === k).length}/10 in the same place`);
  ok = sameSurvivors && sameSites;
  rows.push(`ansim vs postgis end to end: ${(pgTotal / oursTotal).toFixed(2)}× faster (goal ≥ 1×, aim 4×); peak ${ours.peakRssMB} MB (goal < 1536 MB)`);
}
process.stdout.write(`${rows.join('\n')}\n`);
process.exitCode = missing.length || !ok ? 1 : 0;
