// The PostGIS peer for bench/geo.ts: a throw-away cluster on 127.0.0.1 (run as the `postgres`
// user when we are root, since the server refuses root), tuned as a DBA would for a one-off bulk
// job, loaded with ogr2ogr from the same files, then exactly the engine's study in SQL — same
// screen, ST_ClusterDBSCAN at the snap tolerance, ST_Union, KNN distances from the site polygon,
// the same score and the same tie order — and the same exports. Installs nothing:
// `missingTools()` says what is absent.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCLUDED_JIMOK, EXCLUDED_TERRAIN, EXCLUDED_ZONES, HOSPITALS, MAX_SHARE, MIN_AREA, PUBLIC, SNAP, STATIONS, STATION_MAX } from './study.js';
import { MemorySampler } from './memory.js';

const PG_BIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const v = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return v ? join(root, v, 'bin') : undefined;
})();

const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const isRoot = () => process.getuid?.() === 0;

export function missingTools(): string[] {
  const missing: string[] = [];
  if (!PG_BIN || !existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) missing.push('PostgreSQL server binaries (initdb, pg_ctl) — apt-get install -y postgresql-15');
  const ext = PG_BIN ? join(PG_BIN, '../../../../share/postgresql', PG_BIN.split('/').at(-2)!, 'extension/postgis.control') : '';
  if (!PG_BIN || !existsSync(ext)) missing.push('PostGIS extension (postgis.control) — apt-get install -y postgresql-15-postgis-3');
  if (!onPath('psql')) missing.push('psql — apt-get install -y postgresql-client-15');
  if (!onPath('ogr2ogr')) missing.push('ogr2ogr — apt-get install -y gdal-bin');
  if (isRoot() && !onPath('runuser')) missing.push('runuser (util-linux), to run the server as the postgres user');
  if (isRoot()) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      missing.push("a 'postgres' system user (created by the postgresql package)");
    }
  }
  return missing;
}

/** Runs a command to completion without blocking the event loop (so the memory sampler keeps ticking). */
function run(cmd: string, args: string[], opts: { stdout?: string; input?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', opts.stdout ? 'pipe' : 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    if (opts.stdout) child.stdout!.pipe(createWriteStream(opts.stdout));
    child.stdin!.end(opts.input ?? '');
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 2000)}`))));
  });
}

export class PgCluster {
  readonly dir: string;
  readonly port = 54000 + Math.floor(Math.random() * 1000);
  private asPg = (cmd: string, args: string[]) => (isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'ansim-pg-'));
    if (isRoot()) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(this.dir, uid, gid);
    }
    chmodSync(this.dir, 0o700);
  }

  private runSync(cmd: string, args: string[]) {
    const [c, a] = this.asPg(cmd, args);
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'pipe'] });
  }

  /** initdb + start (not timed). Tuned for a throw-away bulk run on this machine's cores. */
  start(): void {
    this.runSync(join(PG_BIN!, 'initdb'), ['-D', join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    const workers = Math.max(0, availableParallelism() - 1);
    const opts = [
      `-p ${this.port}`, '-c listen_addresses=127.0.0.1', `-k ${join(this.dir, 'data')}`,
      '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c wal_level=minimal', '-c max_wal_senders=0',
      '-c autovacuum=off', `-c max_parallel_workers_per_gather=${workers}`, `-c max_parallel_maintenance_workers=${workers}`,
      '-c shared_buffers=512MB', '-c work_mem=256MB', '-c maintenance_work_mem=1GB', '-c max_wal_size=8GB', '-c checkpoint_timeout=1h', '-c jit=off',
    ].join(' ');
    this.runSync(join(PG_BIN!, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-o', opts, '-l', join(this.dir, 'server.log'), '-w', 'start']);
    this.psqlSync('CREATE DATABASE bench', 'postgres');
    this.psqlSync('CREATE EXTENSION postgis');
  }

  private psqlArgs = (sql: string, db = 'bench') => ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-d', db, '-c', sql];

  psqlSync(sql: string, db = 'bench'): string {
    return execFileSync('psql', this.psqlArgs(sql, db), { maxBuffer: 1 << 30 }).toString();
  }

  psql(sql: string, stdout?: string): Promise<void> {
    return run('psql', this.psqlArgs(sql), { stdout });
  }

  get pgConn(): string {
    return `PG:host=127.0.0.1 port=${this.port} user=postgres dbname=bench`;
  }

  /** The server's processes (postmaster and its children), for the memory sampler. */
  pids(): number[] {
    try {
      const pid = execFileSync('head', ['-1', join(this.dir, 'data', 'postmaster.pid')]).toString().trim();
      return [Number(pid), ...execFileSync('ps', ['-o', 'pid=', '--ppid', pid]).toString().trim().split(/\s+/).map(Number)].filter((x) => x > 0);
    } catch {
      return [];
    }
  }

  stop(): void {
    try {
      this.runSync(join(PG_BIN!, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

const list = (xs: string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',');

export const PG_PHASES = ['load', 'index', 'screen', 'score', 'assemble', 'rank', 'export'] as const;

export interface PgResult {
  timings: Record<(typeof PG_PHASES)[number], number>;
  totalMs: number;
  survivors: string[];
  /** Ranked (eligible) sites in rank order, then the rest. */
  sites: { key: string; parcels: number; area: number; score: number; ranked: boolean }[];
  peakPssMB: number;
}

/** Loads the files and runs the bench study in PostGIS, timing each phase, writing the same exports. */
export async function runPostgis(pg: PgCluster, dir: string, outDir: string, log: (s: string) => void): Promise<PgResult> {
  mkdirSync(outDir, { recursive: true });
  const timings = {} as PgResult['timings'];
  const sampler = new MemorySampler(() => pg.pids());
  sampler.start();
  const start = performance.now();
  let t = start;
  const lap = (k: keyof PgResult['timings']) => {
    const now = performance.now();
    timings[k] = Math.round(now - t);
    log(`  postgis ${k}: ${(timings[k] / 1000).toFixed(2)} s`);
    t = now;
  };
  const ogr = (src: string, name: string, extra: string[]) =>
    run('ogr2ogr', ['-f', 'PostgreSQL', pg.pgConn, src, '-nln', name, '-lco', 'GEOMETRY_NAME=geom', '-lco', 'FID=fid', '-lco', 'LAUNDER=NO',
      '-lco', 'SPATIAL_INDEX=NONE', '-lco', 'UNLOGGED=ON', '-lco', 'PRECISION=NO', '--config', 'PG_USE_COPY', 'YES', '--config', 'SHAPE_ENCODING', 'CP949', '-gt', '65536', ...extra]);
  try {
    await ogr(join(dir, 'parcels.shp'), 'parcels', ['-nlt', 'POLYGON', '-a_srs', 'EPSG:5186']);
    await ogr(join(dir, 'constraints.shp'), 'zones', ['-nlt', 'POLYGON', '-a_srs', 'EPSG:5186']);
    await ogr(STATIONS, 'stations', ['-t_srs', 'EPSG:5186']);
    await ogr(HOSPITALS, 'hospitals', ['-t_srs', 'EPSG:5186']);
    lap('load');
    await pg.psql(`CREATE INDEX ON parcels USING gist (geom); CREATE INDEX ON zones USING gist (geom);
      CREATE INDEX ON stations USING gist (geom); CREATE INDEX ON hospitals USING gist (geom); ANALYZE`);
    lap('index');

    // Screen: attributes, overlap shares summed per layer (like the engine's per: 'layer'), station within reach of the centroid.
    const share = (kind: string) =>
      `COALESCE((SELECT SUM(ST_Area(ST_Intersection(p.geom, z.geom))) FROM zones z WHERE z."구분" = '${kind}' AND ST_Intersects(p.geom, z.geom)), 0) / ST_Area(p.geom) <= ${MAX_SHARE}`;
    await pg.psql(`CREATE UNLOGGED TABLE survivors AS
      SELECT p.fid, p."PNU" AS pnu, p.geom, p."토지면적" AS ledger, p."공시지가" AS price, ST_Centroid(p.geom) AS c, ST_Area(p.geom) AS a
      FROM parcels p
      WHERE p."소유구분" IN (${list(PUBLIC)}) AND p."지목" NOT IN (${list(EXCLUDED_JIMOK)})
        AND p."용도지역" NOT IN (${list(EXCLUDED_ZONES)}) AND p."지형높이" NOT IN (${list(EXCLUDED_TERRAIN)})
        AND ${share('개발제한구역')} AND ${share('하천구역')}
        AND EXISTS (SELECT 1 FROM stations s WHERE ST_DWithin(ST_Centroid(p.geom), s.geom, ${STATION_MAX}))`);
    lap('screen');

    // Parcel-level criteria (hospital distance from the centroid, price), as the engine scores them.
    await pg.psql(`CREATE UNLOGGED TABLE scored AS
      SELECT s.*,
        GREATEST(0, LEAST(1, 1 - ((SELECT ST_Distance(s.c, h.geom) FROM hospitals h ORDER BY h.geom <-> s.c LIMIT 1) - 1000) / 2000)) AS s_hosp,
        GREATEST(0, LEAST(1, 1 - price / 20000000.0)) AS s_price
      FROM survivors s`);
    lap('score');

    // Sites: clusters of parcels within the snap tolerance, merged; the site's id is its smallest PNU.
    await pg.psql(`CREATE UNLOGGED TABLE clustered AS SELECT *, ST_ClusterDBSCAN(geom, eps := ${SNAP}, minpoints := 1) OVER () AS cid FROM scored;
      CREATE UNLOGGED TABLE sites AS
        SELECT cid, COUNT(*) AS n, SUM(ledger) AS area, SUM(a) AS planar, ST_Union(geom) AS geom, MIN(pnu COLLATE "C") AS key,
          SUM(a * s_hosp) / SUM(a) AS s_hosp, SUM(a * s_price) / SUM(a) AS s_price
        FROM clustered GROUP BY cid`);
    lap('assemble');

    // Site criteria (station distance from the merged outline by KNN; area; compactness), score, the engine's tie order.
    await pg.psql(`CREATE UNLOGGED TABLE ranked AS
      WITH d AS (
        SELECT s.*, (SELECT ST_Distance(s.geom, t.geom) FROM stations t ORDER BY t.geom <-> s.geom LIMIT 1) AS d_station, ST_Perimeter(s.geom) AS perim FROM sites s
      ), sc AS (
        SELECT d.*,
          CASE WHEN d_station <= 250 THEN 1 WHEN d_station <= 500 THEN 1 - (d_station - 250) / 250 * 0.4
               WHEN d_station <= 1000 THEN 0.6 - (d_station - 500) / 500 * 0.6 ELSE 0 END AS s_station,
          LEAST(1, area / 100000.0) AS s_area, 4 * pi() * planar / (perim * perim) AS s_compact
        FROM d
      )
      SELECT sc.*, (20 * s_station + 10 * s_hosp + 10 * s_price + 15 * s_area + 10 * s_compact) / 65 AS score, area >= ${MIN_AREA} AS eligible FROM sc;
      CREATE UNLOGGED TABLE ranking AS
        SELECT ROW_NUMBER() OVER (ORDER BY ROUND(score::numeric, 9) DESC, ROUND(area::numeric, 6) DESC, key COLLATE "C") AS rank, *
        FROM ranked WHERE eligible`);
    lap('rank');

    // The same files a planner opens: sites and survivors (WGS84 GeoJSON), the ranking (CSV).
    const geojson = (file: string, sql: string) => run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=9', '-t_srs', 'EPSG:4326', join(outDir, file), pg.pgConn, '-sql', sql]);
    await geojson('sites.geojson', 'SELECT r.key AS site_id, k.rank, r.score, r.area, r.planar, r.n, r.geom FROM ranked r LEFT JOIN ranking k ON k.key = r.key');
    await geojson('survivors.geojson', 'SELECT c.pnu, c.s_hosp, c.s_price, c.cid, c.geom FROM clustered c');
    await pg.psql(`COPY (SELECT rank, key AS site_id, score, area, planar, n, s_station, s_hosp, s_price, s_area, s_compact FROM ranking ORDER BY rank) TO STDOUT WITH CSV HEADER`, join(outDir, 'ranking.csv'));
    lap('export');
  } finally {
    sampler.stop();
  }
  const totalMs = Math.round(performance.now() - start);
  const survivors = pg.psqlSync('SELECT pnu FROM survivors ORDER BY pnu COLLATE "C"').trim().split('\n').filter(Boolean);
  const rows = pg.psqlSync(`SELECT r.key, r.n, r.area, r.score, r.eligible FROM ranked r LEFT JOIN ranking k ON k.key = r.key ORDER BY r.eligible DESC, k.rank, r.key COLLATE "C"`).trim().split('\n').filter(Boolean);
  const sites = rows.map((l) => {
    const [key, n, area, score, eligible] = l.split('|');
    return { key, parcels: Number(n), area: Number(area), score: Number(score), ranked: eligible === 't' };
  });
  return { timings, totalMs, survivors, sites, peakPssMB: sampler.peakMB };
}
