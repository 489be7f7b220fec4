// Benchmark: the desk's home screen (desk.home) on five years of one district — 60,000 cases,
// 300,000 checklist runs (bench/seed/district.ts, the policy engineer's seeded generator) plus a
// lease timeline for every third case — beside the peer the old home used, `cases.list` of the
// manager's open cases. Target: desk.home within 200 ms.
//
//   node --import tsx bench/home.ts [--cases 60000] [--runs 20]
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Database } from '../data/db/sqlite.js';
import { migrate } from '../data/db/migrate.js';
import { FieldCipher } from '../data/crypto/field-cipher.js';
import { seedDistrict } from './seed/district.js';
import { deskHome } from '../electron/backend/lease/home.js';
import { listCases } from '../data/repos/cases.js';
import type { HandlerContext } from '../electron/backend/context.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const CASES = arg('--cases', 60_000);
const RUNS = arg('--runs', 20);

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], max: s[s.length - 1] };
};
const fmt = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'ansim-bench-home-'));
  const db = await Database.open(path.join(dir, 'district.sqlite'));
  try {
    await migrate(db);
    const cipher = new FieldCipher(randomBytes(32));
    const t0 = performance.now();
    const seeded = await seedDistrict(db, { cases: CASES, checklistRuns: CASES * 5, cipher });
    if (process.env.BENCH_EXPLAIN) console.log('seeded');
    // A lease timeline for every third case: seven steps dated from the case's opening day, a
    // third of them ticked — what the lease module writes when facts are saved.
    await db.exec(`
      INSERT INTO lease_steps (case_id, manager_id, step_key, due_on, from_on, deadline, status, severity, done_on, updated_at)
      SELECT k.id, k.manager_id, s.key, date(k.opened_on, s.off), CASE WHEN s.key = 'renewalWindow' THEN date(k.opened_on, '+540 days') END,
             s.deadline, 'scheduled', NULL, CASE WHEN abs(random()) % 3 = 0 THEN date(k.opened_on, s.off) END, k.updated_at
        FROM cases k CROSS JOIN (SELECT 'contract' AS key, '+0 days' AS off, 0 AS deadline UNION ALL SELECT 'leaseReport', '+30 days', 1
             UNION ALL SELECT 'balance', '+45 days', 0 UNION ALL SELECT 'moveIn', '+45 days', 0 UNION ALL SELECT 'guarantee', '+410 days', 1
             UNION ALL SELECT 'renewalWindow', '+660 days', 1 UNION ALL SELECT 'end', '+775 days', 0) s
       WHERE abs(random()) % 3 = 0;
      ANALYZE;
    `);
    const steps = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM lease_steps'))!.n;
    const seedMs = performance.now() - t0;
    // The busiest manager, on the last day of the period (the most is due then).
    const top = (await db.get<{ id: string; n: number }>('SELECT manager_id AS id, COUNT(*) AS n FROM cases GROUP BY manager_id ORDER BY n DESC LIMIT 1'))!;
    const today = (await db.get<{ d: string }>('SELECT max(opened_on) AS d FROM cases'))!.d;
    const ctx = {
      db, cipher, keys: undefined as never, deviceId: 'bench', filesDir: dir,
      session: { managerId: top.id } as HandlerContext['session'],
      now: () => new Date(`${today}T03:00:00Z`),
      actor: () => ({ managerId: top.id, deviceId: 'bench', now: new Date().toISOString() }),
      today: () => today,
    } as unknown as HandlerContext;

    if (process.env.BENCH_EXPLAIN) {
      // Time each list's query alone (for tuning).
      const orig = db.all.bind(db);
      (db as unknown as { all: typeof db.all }).all = (async (sql: string, params?: unknown) => {
        const t = performance.now();
        const r = await orig(sql, params as never);
        console.log(`${(performance.now() - t).toFixed(1)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`);
        return r;
      }) as typeof db.all;
      await deskHome(ctx);
      await deskHome(ctx);
      (db as unknown as { all: typeof db.all }).all = orig;
    }
    const home: number[] = [];
    const peer: number[] = [];
    let last = await deskHome(ctx); // warm the page cache once, as the app would be
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      last = await deskHome(ctx);
      home.push(performance.now() - t);
      t = performance.now();
      await listCases(db, cipher, { managerId: top.id, status: 'in_progress' } as never);
      peer.push(performance.now() - t);
    }
    const h = stats(home);
    const p = stats(peer);
    console.log(`desk.home benchmark — ${seeded.cases.toLocaleString()} cases, ${seeded.checklistRuns.toLocaleString()} checklist runs, ${seeded.viewings.toLocaleString()} viewings, ${steps.toLocaleString()} timeline steps (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
    console.log(`manager with ${top.n.toLocaleString()} cases; today = ${today}; ${RUNS} runs; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores`);
    console.log(`  desk.home          median ${fmt(h.median)}  p95 ${fmt(h.p95)}  max ${fmt(h.max)}   (target ≤ 200 ms: ${h.p95 <= 200 ? 'met' : 'NOT met'})`);
    console.log(`  peer: cases.list   median ${fmt(p.median)}  p95 ${fmt(p.p95)}  max ${fmt(p.max)}   (the manager's in-progress cases, what the old home listed)`);
    console.log(`  lists: ${last.viewingsToday.length} today, ${last.viewingsThisWeek.length} this week, ${last.stepsDue.length} steps due, ${last.retentionEnding.length} retention, ${last.openRuns.length} open runs, ${last.recentClients.length} recent`);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
