// A seeded generator of one district's records over several years (default: 5 years, 60,000
// cases, 300,000 checklist runs) into a migrated database, for benchmarks (the home screen, the
// statistics screen). Same seed → same rows. Rows go in with `INSERT … SELECT … FROM json_each(?)`
// in batches of 10,000 (see docs/STATISTICS.md), so the full size takes seconds, not minutes.
//
// It fills the statistics tables of migration 0009 (case_stats, case_programmes) only when they
// exist, so it also works on a branch without them.
//
//   node --import tsx bench/seed/district.ts --out /tmp/district.sqlite [--seed 1] [--cases 60000]
import { pathToFileURL } from 'node:url';
import { Database, type Queryable } from '../../data/db/sqlite.js';
import { migrate } from '../../data/db/migrate.js';
import type { FieldCipher } from '../../data/crypto/field-cipher.js';

export interface SeedOptions {
  seed?: number;
  district?: string;
  /** First year (January) of the period. */
  startYear?: number;
  years?: number;
  cases?: number;
  checklistRuns?: number;
  /** Encrypts seeded names when given (a real desk's rows are encrypted). */
  cipher?: FieldCipher;
  /** Share of cases marked demo / deleted (statistics must ignore them). */
  demoShare?: number;
  deletedShare?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface SeedSummary {
  managers: number;
  clients: number;
  cases: number;
  listings: number;
  checklistRuns: number;
  viewings: number;
  withStats: boolean;
  ms: number;
}

/** mulberry32: small, fast, good enough for reproducible test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEIGHBOURS = ['관악구', '동작구', '영등포구', '구로구', '금천구', '서초구', '마포구', '강남구'];
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'];
const GIVEN = ['민준', '서연', '지우', '하은', '도윤', '서윤', '예준', '지민', '수아', '현우'];
const DONGS = ['신림동', '봉천동', '남현동', '신사동', '조원동', '청룡동', '행운동'];
const PROGRAMMES = ['seoul-youth-rent', 'molit-youth-rent', 'youth-deposit-interest', 'newlywed-deposit-interest', 'hug-fee-support', 'youth-brokerage-moving', 'housing-benefit', 'emergency-housing', 'seoul-rental-center'];
const BATCH = 10_000;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
/** Weighted choice: weights need not sum to 1. */
function weighted<T>(r: () => number, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[xs.length - 1][0];
}
/** A UUID-shaped id from the generator (deterministic, unlike randomUUID). */
function uid(r: () => number): string {
  const h = () => Math.floor(r() * 0x100000000).toString(16).padStart(8, '0');
  const s = h() + h() + h() + h();
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
const iso = (d: Date) => d.toISOString();
const day = (d: Date) => d.toISOString().slice(0, 10);

async function insertRows(db: Queryable, table: string, cols: string[], rows: unknown[][], progress?: () => void) {
  const select = cols.map((c, i) => `value ->> ${i} AS ${c}`).join(', ');
  const sql = `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${select} FROM json_each(?)`;
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.run(sql, [JSON.stringify(rows.slice(i, i + BATCH))]);
    progress?.();
  }
}

async function hasTable(db: Queryable, name: string): Promise<boolean> {
  return !!(await db.get(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]));
}

/** Fills a migrated database with one district's records. */
export async function seedDistrict(db: Database, opts: SeedOptions = {}): Promise<SeedSummary> {
  const t0 = performance.now();
  const r = rng(opts.seed ?? 1);
  const district = opts.district ?? '관악구';
  const startYear = opts.startYear ?? 2021;
  const years = opts.years ?? 5;
  const nCases = opts.cases ?? 60_000;
  const nRuns = opts.checklistRuns ?? nCases * 5;
  const demoShare = opts.demoShare ?? 0.01;
  const deletedShare = opts.deletedShare ?? 0.01;
  const device = 'seed-device';
  const days = Math.round((Date.UTC(startYear + years, 0, 1) - Date.UTC(startYear, 0, 1)) / 86_400_000);
  const withStats = await hasTable(db, 'case_stats');

  // Managers: a desk of 6 over the years.
  const managers: unknown[][] = [];
  for (let i = 0; i < 6; i++) {
    const id = uid(r);
    managers.push([id, `매니저${i + 1}`, `${district} 1인가구지원센터`, '', JSON.stringify([district]), 'seed', 'seed', '2021-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z', device]);
  }
  const managerIds = managers.map((m) => m[0] as string);

  // Clients: about one in four comes back with a second case (the city counts 명 and 건).
  const nClients = Math.round(nCases * 0.75);
  const clients: unknown[][] = [];
  const clientMeta: { id: string; consent: boolean; ageBand: string; gender: string; residence: string | null }[] = [];
  for (let i = 0; i < nClients; i++) {
    const id = uid(r);
    const consent = r() < 0.8;
    const ageBand = weighted(r, [['under20', 2], ['20s', 52], ['30s', 33], ['40s', 8], ['50s', 3], ['60plus', 2]] as const);
    const gender = weighted(r, [['female', 71], ['male', 27], ['undisclosed', 2]] as const);
    const residence = r() < 0.23 ? null : r() < 0.6 ? district : pick(r, NEIGHBOURS);
    const name = consent ? pick(r, SURNAMES) + pick(r, GIVEN) : null;
    const deposit = Math.round(1000 + r() * 30000) * 10_000;
    clients.push([
      id, consent ? 1 : 0, consent ? '2021-01-01' : null, consent ? '["name","phone"]' : '[]',
      opts.cipher ? opts.cipher.encrypt(name) : name ? `seed:${name}` : null,
      ageBand, gender, residence, JSON.stringify([district]), deposit, Math.round(r() * 80) * 10_000,
      '2021-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000Z', device,
    ]);
    clientMeta.push({ id, consent, ageBand, gender, residence });
  }

  // Cases spread over the period with a gentle growth and a spring peak.
  const cases: unknown[][] = [];
  const caseIds: string[] = [];
  const caseOpened: Date[] = [];
  const stats: unknown[][] = [];
  const programmes: unknown[][] = [];
  for (let i = 0; i < nCases; i++) {
    const id = uid(r);
    const client = i < nClients ? clientMeta[i] : clientMeta[Math.floor(r() * nClients)];
    const clientId = client.id;
    const dayIndex = Math.floor(Math.sqrt(r()) * days); // more cases in later years
    const opened = new Date(Date.UTC(startYear, 0, 1) + dayIndex * 86_400_000);
    const closed = r() < 0.9 ? new Date(opened.getTime() + Math.floor(r() * 30) * 86_400_000) : null;
    const status = closed ? (r() < 0.95 ? 'completed' : 'cancelled') : 'in_progress';
    const caseType = weighted(r, [['contract_consult', 59.8], ['housing_search', 14.8], ['viewing_accompany', 10], ['contract_day_accompany', 4.6], ['policy_guide', 10.8]] as const);
    const isDemo = r() < demoShare ? 1 : 0;
    const deleted = r() < deletedShare ? iso(new Date(opened.getTime() + 86_400_000)) : null;
    const managerId = pick(r, managerIds);
    cases.push([id, clientId, caseType, status, district, managerId, day(opened), closed ? day(closed) : null, iso(opened), iso(closed ?? opened), device, deleted, isDemo]);
    caseIds.push(id);
    caseOpened.push(opened);
    if (withStats) {
      // Several types per case; the case's own type always among them.
      const t = { contract_consult: 0, housing_search: 0, viewing_accompany: 0, contract_day_accompany: 0, policy_guide: 0 };
      t[caseType] = 1;
      if (r() < 0.25) t.contract_consult = 1;
      if (r() < 0.08) t.policy_guide = 1;
      if (r() < 0.06) t.viewing_accompany = 1;
      const surveyed = closed && status === 'completed' && r() < 0.6;
      const s = () => (surveyed ? weighted(r, [[5, 55], [4, 33], [3, 8], [2, 3], [1, 1]] as const) : null);
      stats.push([
        id, clientId, day(opened), district, managerId, deleted || isDemo ? 0 : 1, client.ageBand, client.gender, client.residence, 1,
        t.contract_consult, t.housing_search, t.viewing_accompany, t.contract_day_accompany, t.policy_guide,
        r() < 0.23 ? 1 : 0, r() < 0.7 ? district : pick(r, NEIGHBOURS),
        weighted(r, [['safe', 60], ['caution', 30], ['danger', 10]] as const),
        surveyed ? day(closed!) : null, s(), s(), s(), s(), s(), iso(opened),
      ]);
      if (t.policy_guide) {
        const n = 1 + Math.floor(r() * 2);
        const chosen = new Set<string>();
        for (let k = 0; k < n; k++) chosen.add(pick(r, PROGRAMMES));
        for (const p of chosen) programmes.push([id, p, day(opened)]);
      }
    }
  }

  // Listings: 1–2 per case (~1.5).
  const listings: unknown[][] = [];
  const listingIds: string[] = [];
  for (let i = 0; i < nCases; i++) {
    const n = r() < 0.5 ? 1 : 2;
    for (let k = 0; k < n; k++) {
      const id = uid(r);
      const lease = weighted(r, [['jeonse', 35], ['semi_monthly', 25], ['monthly', 40]] as const);
      // The address is encrypted like a real desk's (migration 0106); without a cipher it is marked.
      const address = `서울특별시 ${district} ${pick(r, DONGS)} ${1 + Math.floor(r() * 1800)}`;
      listings.push([
        id, caseIds[i], opts.cipher ? opts.cipher.encrypt(address) : `seed:${address}`,
        pick(r, ['apartment', 'rowhouse_multiplex', 'multi_household', 'officetel'] as const), lease,
        Math.round(500 + r() * 30000) * 10_000, lease === 'jeonse' ? 0 : Math.round(30 + r() * 70) * 10_000,
        iso(caseOpened[i]), iso(caseOpened[i]), device,
      ]);
      listingIds.push(id);
    }
  }

  // Checklist runs spread over listings, most completed.
  const runs: unknown[][] = [];
  const templates = ['registry', 'contract', 'inspection'] as const;
  for (let i = 0; i < nRuns; i++) {
    const li = Math.floor(r() * listings.length);
    const at = listings[li][8] as string;
    const completed = r() < 0.85;
    runs.push([uid(r), listingIds[li], pick(r, templates), 1, completed ? 'completed' : 'open', at, completed ? at : null, at, at, device]);
  }

  // Viewings for about 30 % of cases.
  const viewings: unknown[][] = [];
  for (let i = 0; i < nCases; i++) {
    if (r() >= 0.3) continue;
    const status = weighted(r, [['done', 85], ['cancelled', 10], ['no-show', 5]] as const);
    viewings.push([uid(r), caseIds[i], day(caseOpened[i]), '14:00', JSON.stringify([pick(r, managerIds)]), status, iso(caseOpened[i]), iso(caseOpened[i]), device]);
  }

  const total = managers.length + clients.length + cases.length + listings.length + runs.length + viewings.length + stats.length + programmes.length;
  let done = 0;
  const step = (phase: string, n: number) => () => {
    done += Math.min(BATCH, n);
    opts.onProgress?.(phase, Math.min(done, total), total);
  };
  await db.exec('PRAGMA foreign_keys=OFF');
  try {
    await db.tx(async (q) => {
      // Order matters with migration 0009's triggers: runs and viewings go in before their listings
      // and statistics rows exist (so the per-row counters do nothing), statistics rows before their
      // cases (so the case trigger keeps them), and one statement counts everything at the end.
      await insertRows(q, 'managers', ['id', 'name', 'center', 'broker_reg_no', 'districts', 'pin_salt', 'pin_hash', 'created_at', 'updated_at', 'device_id'], managers);
      await insertRows(q, 'clients', ['id', 'consent_given', 'consent_date', 'consent_items', 'name_enc', 'age_band', 'gender', 'current_district', 'desired_districts', 'budget_deposit', 'budget_monthly_rent', 'created_at', 'updated_at', 'device_id'], clients, step('clients', clients.length));
      await insertRows(q, 'viewings', ['id', 'case_id', 'date', 'start_time', 'manager_ids', 'status', 'created_at', 'updated_at', 'device_id'], viewings, step('viewings', viewings.length));
      await insertRows(q, 'checklist_runs', ['id', 'listing_id', 'template_id', 'template_version', 'status', 'started_at', 'completed_at', 'created_at', 'updated_at', 'device_id'], runs, step('checklist_runs', runs.length));
      if (withStats) {
        await insertRows(q, 'case_stats', ['case_id', 'client_id', 'opened_on', 'district', 'manager_id', 'live', 'age_band', 'gender', 'residence', 'types_recorded', 't_contract', 't_search', 't_viewing', 't_contract_day', 't_policy', 'moving_into_seoul', 'listing_district', 'verdict', 'survey_on', 's_solved', 's_expertise', 's_kindness', 's_convenience', 's_recommend', 'updated_at'], stats, step('case_stats', stats.length));
        await insertRows(q, 'case_programmes', ['case_id', 'programme_id', 'pointed_on'], programmes, step('case_programmes', programmes.length));
      }
      await insertRows(q, 'cases', ['id', 'client_id', 'case_type', 'status', 'district', 'manager_id', 'opened_on', 'closed_on', 'created_at', 'updated_at', 'device_id', 'deleted_at', 'is_demo'], cases, step('cases', cases.length));
      await insertRows(q, 'listings', ['id', 'case_id', 'road_address_enc', 'building_type', 'lease_type', 'deposit', 'monthly_rent', 'created_at', 'updated_at', 'device_id'], listings, step('listings', listings.length));
      if (withStats) {
        await q.run(`UPDATE case_stats SET
          viewings_done = (SELECT count(*) FROM viewings v WHERE v.case_id = case_stats.case_id AND v.status = 'done'),
          checklists_done = (SELECT count(*) FROM listings l JOIN checklist_runs r ON r.listing_id = l.id WHERE l.case_id = case_stats.case_id AND r.status = 'completed')`);
      }
    });
  } finally {
    await db.exec('PRAGMA foreign_keys=ON');
  }
  await db.exec('ANALYZE');
  return {
    managers: managers.length,
    clients: clients.length,
    cases: cases.length,
    listings: listings.length,
    checklistRuns: runs.length,
    viewings: viewings.length,
    withStats,
    ms: Math.round(performance.now() - t0),
  };
}

/** Opens (creating) a database file, migrates it and seeds it. */
export async function seedDistrictFile(file: string, opts: SeedOptions = {}): Promise<SeedSummary> {
  const db = await Database.open(file);
  try {
    await migrate(db);
    return await seedDistrict(db, opts);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = arg('out');
  if (!out) {
    process.stderr.write('usage: node --import tsx bench/seed/district.ts --out FILE [--seed N] [--cases N] [--district 관악구]\n');
    process.exit(2);
  }
  const summary = await seedDistrictFile(out, {
    seed: Number(arg('seed') ?? 1),
    cases: arg('cases') ? Number(arg('cases')) : undefined,
    district: arg('district'),
    onProgress: (phase, done, total) => process.stderr.write(`\r${phase} ${done}/${total}   `),
  });
  process.stderr.write('\n');
  process.stdout.write(JSON.stringify(summary) + '\n');
}
