// More importer fuzzing than the test suite runs: npm run bench:fuzz [-- --cases 20000 --seed 2 --runs 3]
// Each run is a child process (peak memory is its own); prints the counts and any untyped error.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { FuzzReport } from '../../geo/testing/fuzz.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const cases = arg('cases', 20_000), seed = arg('seed', 1), runs = arg('runs', 1);
let bad = 0;
for (let k = 0; k < runs; k++) {
  const t0 = performance.now();
  const rep = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', join(import.meta.dirname, '../../geo/testing/fuzz.ts'), '--seed', String(seed + k), '--cases', String(cases)], { maxBuffer: 1 << 26 }).toString()) as FuzzReport;
  bad += rep.untyped.length;
  console.log(`seed ${rep.seed}: ${rep.cases} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s — accepted ${rep.accepted}, refused ${rep.refused} (GeoInputError), untyped ${rep.untyped.length}; peak RSS ${rep.peakRssMB} MB (idle ${rep.baselineRssMB} MB, largest input ${rep.largestFileBytes} B); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const u of rep.untyped.slice(0, 20)) console.log(`  case ${u.case} ${u.kind}: ${u.error}`);
}
process.exitCode = bad ? 1 : 0;
