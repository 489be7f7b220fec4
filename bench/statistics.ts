// Statistics benchmarks (docs/STATISTICS.md):
// 1. a filter change on 5 years of one district (60,000 cases, 300,000 checklist runs, from the
//    seeded generator) — target ≤ 200 ms — beside a named peer: loading the same cases into
//    JavaScript and counting there (what a screen without SQL aggregation would do);
// 2. importing 25 district files of a year (signed, verified, de-duplicated) — target ≤ 10 s.
//
//   node --import tsx bench/statistics.ts [--db /tmp/district.sqlite] [--cases 60000]
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Database } from '../data/db/sqlite.js';
import { migrate } from '../data/db/migrate.js';
import { seedDistrictFile } from './seed/district.js';
import { statsSummary, type StatsFilter } from '../data/repos/statistics.js';
import { enrolDesk, exportRows, importRows } from '../data/repos/stats-exchange.js';
import { fingerprint, hmacKey, newDeskKeys, signFile, verifyFile } from '../electron/backend/statistics/city-file.js';
import { SEOUL_DISTRICTS } from '../electron/api/domain.js';

const arg = (n: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: number) => performance.now() - t0;

const dir = await mkdtemp(path.join(tmpdir(), 'ansim-bench-stats-'));
const file = arg('db') ?? path.join(dir, 'district.sqlite');
if (!arg('db')) {
  const s = await seedDistrictFile(file, { seed: 1, cases: Number(arg('cases') ?? 60_000) });
  console.log(`seeded ${s.cases} cases, ${s.checklistRuns} checklist runs, ${s.viewings} viewings in ${(s.ms / 1000).toFixed(1)} s`);
}
const db = await Database.open(file);
await migrate(db);

// 1. Filter changes: the screen's usual moves.
const filters: StatsFilter[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2021-01-01', to: '2025-12-31' },
  { from: '2025-01-01', to: '2025-12-31', types: ['policy'] },
  { from: '2024-01-01', to: '2025-12-31', ageBands: ['20s', '30s'], genders: ['female'] },
  { from: '2025-06-01', to: '2025-06-30' },
];
const ours: number[] = [];
const peer: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const f of filters) {
    let t0 = performance.now();
    await statsSummary(db, f);
    ours.push(ms(t0));
    if (round > 0) continue; // the peer is slow: one round is enough to compare
    t0 = performance.now();
    const rows = await db.all<Record<string, unknown>>(
      `SELECT c.id, c.client_id, c.opened_on, c.district, c.manager_id, cl.age_band, cl.gender, s.* FROM cases c JOIN clients cl ON cl.id = c.client_id LEFT JOIN case_stats s ON s.case_id = c.id WHERE c.deleted_at IS NULL AND c.is_demo = 0`,
    );
    const months = new Map<string, number>();
    for (const r of rows) if (String(r.opened_on) >= (f.from ?? '') && String(r.opened_on) <= (f.to ?? '9')) months.set(String(r.opened_on).slice(0, 7), (months.get(String(r.opened_on).slice(0, 7)) ?? 0) + 1);
    peer.push(ms(t0));
  }
}
const full = await statsSummary(db, filters[1]);
console.log(`filter change (full summary: totals + 8 breakdowns + survey + viewings + checklists + programmes) over ${full.totals.cases} cases:`);
console.log(`  ours (SQL aggregation)            median ${median(ours).toFixed(0)} ms, max ${Math.max(...ours).toFixed(0)} ms  (target ≤ 200 ms)`);
console.log(`  peer (load rows, count in JS)     median ${median(peer).toFixed(0)} ms, max ${Math.max(...peer).toFixed(0)} ms  (months only)`);

// 2. 25 district files of 2025: the seeded district's year signed by 25 desks (distinct keys, so distinct rows).
const rowsTemplate = await exportRows(db, '2025-01-01', '2025-12-31', '관악구', (k, id) => `${k}:${id}`);
const files: string[] = [];
const keys = SEOUL_DISTRICTS.map(() => newDeskKeys());
for (let i = 0; i < 25; i++) {
  const rows = rowsTemplate.map((r) => ({ ...r, key: hmacKey(keys[i], 'case', r.key), person: hmacKey(keys[i], 'person', r.person), district: SEOUL_DISTRICTS[i] }));
  files.push(signFile(keys[i], { desk: { label: `${SEOUL_DISTRICTS[i]} 센터`, district: SEOUL_DISTRICTS[i] }, period: { from: '2025-01-01', to: '2025-12-31' }, createdAt: '2026-01-05T00:00:00Z', rows }));
}
await db.close();
const city = await Database.open(path.join(dir, 'city.sqlite'));
await migrate(city);
for (let i = 0; i < 25; i++) await enrolDesk(city, { fingerprint: fingerprint(keys[i].publicKey), label: SEOUL_DISTRICTS[i], district: SEOUL_DISTRICTS[i] }, 't', null);
const desks = await city.all<{ fingerprint: string; label: string; revokedAt: null }>(`SELECT fingerprint, label, NULL AS revokedAt FROM stats_desks`);
const mb = files.reduce((s, f) => s + f.length, 0) / 1e6;
let t0 = performance.now();
let total = 0;
for (const [i, text] of files.entries()) {
  const { payload, payloadText, sha256 } = verifyFile(text, (fp) => desks.find((d) => d.fingerprint === fp));
  const r = await city.tx((q) => importRows(q, { id: `i${i}`, fingerprint: payload.desk.fingerprint, period: payload.period, sha256, at: 't', by: null }, payloadText, payload.rows.length));
  total += r.newRows;
}
const importMs = ms(t0);
t0 = performance.now();
const cityYear = await statsSummary(city, { source: 'city', from: '2025-01-01', to: '2025-12-31' });
const cityMs = ms(t0);
console.log(`import 25 district files of a year (${total} rows, ${mb.toFixed(1)} MB): ${(importMs / 1000).toFixed(2)} s (target ≤ 10 s); city-wide summary of ${cityYear.totals.cases} cases: ${cityMs.toFixed(0)} ms`);
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (shared)`);
await city.close();
await rm(dir, { recursive: true, force: true });
