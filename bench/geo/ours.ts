// Child process for the benchmark: runs the Ansim geo engine alone so its peak memory is its own.
// Prints one JSON line: phase times, peak RSS, survivors and sites (by PNU) for the comparison.
import { writeFileSync } from 'node:fs';
import { runStudy } from '../../geo/io/run.js';
import { benchStudy } from './study.js';

const [dir, outFile] = process.argv.slice(2);
const t0 = performance.now();
const run = await runStudy(benchStudy(dir));
const total = performance.now() - t0;
const survivors: string[] = [];
for (let p = 0; p < run.parcels.store.count; p++) if (run.screen.pass[p]) survivors.push(run.parcels.ids[p]);
const sites = run.sites.map((s) => ({ key: [...s.parcelIds].sort()[0], parcels: s.parcelIds.length, area: s.area, rank: s.rank, score: s.score }));
writeFileSync(outFile, JSON.stringify({ survivors, sites }));
process.stdout.write(`${JSON.stringify({ timings: run.summary.timings, totalMs: Math.round(total), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), summary: { parcels: run.summary.parcels, sites: run.summary.sites } })}\n`);
