// The PostGIS peer for bench/geo.ts: a throw-away cluster on 127.0.0.1 (run as the `postgres`
// user when we are root, since the server refuses root), loaded with ogr2ogr from the same files,
// then the same study in SQL. Installs nothing: `missingTools()` says what is absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { EXCLUDED_JIMOK, EXCLUDED_TERRAIN, EXCLUDED_ZONES, HOSPITALS, MAX_SHARE, MIN_AREA, PUBLIC, SNAP, STATIONS, STATION_MAX } from './study.js';

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

  private run(cmd: string, args: string[]) {
    const [c, a] = this.asPg(cmd, args);
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'pipe'] });
  }

  start(): void {
    this.run(join(PG_BIN!, 'initdb'), ['-D', join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    // Tuned for a one-off bulk job: no durability, generous memory, parallel workers on.
    const opts = [
      `-p ${this.port}`, "-c listen_addresses=127.0.0.1", `-k ${join(this.dir, 'data')}`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off',
      '-c shared_buffers=512MB', '-c work_mem=256MB', '-c maintenance_work_mem=1GB', '-c max_wal_size=8GB', '-c checkpoint_timeout=1h',
      '-c max_parallel_workers_per_gather=2', '-c jit=off',
    ].join(' ');
    this.run(join(PG_BIN!, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-o', opts, '-l', join(this.dir, 'server.log'), '-w', 'start']);
    this.psql('CREATE DATABASE bench', 'postgres');
    this.psql('CREATE EXTENSION postgis');
  }

  psql(sql: string, db = 'bench'): string {
    return execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-d', db, '-c', sql], { maxBuffer: 1 << 30 }).toString();
  }

  get pgConn(): string {
    return `PG:host=127.0.0.1 port=${this.port} user=postgres dbname=bench`;
  }

  /** Backend memory: sum of the RSS of the cluster's processes (MB). */
  rssMB(): number {
    try {
      const pid = execFileSync('head', ['-1', join(this.dir, 'data', 'postmaster.pid')]).toString().trim();
      const out = execFileSync('ps', ['-o', 'rss=', '--ppid', pid, '-p', pid]).toString();
      return Math.round(out.trim().split(/\s+/).reduce((s, x) => s + Number(x), 0) / 1024);
    } catch {
      return NaN;
    }
  }

  stop(): void {
    try {
      this.run(join(PG_BIN!, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

const list = (xs: string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',');

export interface PgResult {
  timings: Record<'load' | 'screen' | 'score' | 'assemble' | 'rank', number>;
  survivors: string[];
  sites: { key: string; parcels: number; area: number; score: number }[];
  peakRssMB: number;
}

/** Loads the files and runs the bench study in PostGIS, timing each phase. */
export function runPostgis(pg: PgCluster, dir: string, log: (s: string) => void): PgResult {
  const timings = {} as PgResult['timings'];
  let peak = 0;
  let t = performance.now();
  const lap = (k: keyof PgResult['timings']) => {
    const now = performance.now();
    timings[k] = Math.round(now - t);
    peak = Math.max(peak, pg.rssMB());
    log(`  postgis ${k}: ${(timings[k] / 1000).toFixed(1)} s`);
    t = now;
  };
  const ogr = (src: string, name: string, extra: string[]) =>
    execFileSync('ogr2ogr', ['-f', 'PostgreSQL', pg.pgConn, src, '-nln', name, '-lco', 'GEOMETRY_NAME=geom', '-lco', 'FID=fid', '-lco', 'LAUNDER=NO',
      '-lco', 'SPATIAL_INDEX=GIST', '-lco', 'UNLOGGED=ON', '--config', 'PG_USE_COPY', 'YES', '--config', 'SHAPE_ENCODING', 'CP949', '-gt', '65536', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  ogr(join(dir, 'parcels.shp'), 'parcels', ['-nlt', 'POLYGON', '-a_srs', 'EPSG:5186']);
  ogr(join(dir, 'constraints.shp'), 'zones', ['-nlt', 'POLYGON', '-a_srs', 'EPSG:5186']);
  ogr(STATIONS, 'stations', ['-t_srs', 'EPSG:5186']);
  ogr(HOSPITALS, 'hospitals', ['-t_srs', 'EPSG:5186']);
  pg.psql('ANALYZE');
  lap('load');

  const share = (kind: string) =>
    `COALESCE((SELECT SUM(ST_Area(ST_Intersection(p.geom, z.geom))) FROM zones z WHERE z."구분" = '${kind}' AND ST_Intersects(p.geom, z.geom)), 0) / ST_Area(p.geom) <= ${MAX_SHARE}`;
  pg.psql(`CREATE UNLOGGED TABLE survivors AS
    SELECT p.fid, p."PNU" AS pnu, p.geom, p."토지면적" AS ledger, p."공시지가" AS price, ST_Centroid(p.geom) AS c
    FROM parcels p
    WHERE p."소유구분" IN (${list(PUBLIC)}) AND p."지목" NOT IN (${list(EXCLUDED_JIMOK)})
      AND p."용도지역" NOT IN (${list(EXCLUDED_ZONES)}) AND p."지형높이" NOT IN (${list(EXCLUDED_TERRAIN)})
      AND ${share('개발제한구역')} AND ${share('하천구역')}
      AND EXISTS (SELECT 1 FROM stations s WHERE ST_DWithin(ST_Centroid(p.geom), s.geom, ${STATION_MAX}))`);
  lap('screen');

  pg.psql(`CREATE UNLOGGED TABLE scored AS
    SELECT s.*, ST_Area(s.geom) AS a,
      (SELECT ST_Distance(s.c, t.geom) FROM stations t ORDER BY t.geom <-> s.c LIMIT 1) AS d_station,
      (SELECT ST_Distance(s.c, h.geom) FROM hospitals h ORDER BY h.geom <-> s.c LIMIT 1) AS d_hosp
    FROM survivors s;
    ALTER TABLE scored ADD COLUMN s_station float8, ADD COLUMN s_hosp float8, ADD COLUMN s_price float8;
    UPDATE scored SET
      s_station = CASE WHEN d_station <= 250 THEN 1 WHEN d_station <= 500 THEN 1 - (d_station - 250) / 250 * 0.4
                       WHEN d_station <= 1000 THEN 0.6 - (d_station - 500) / 500 * 0.6 ELSE 0 END,
      s_hosp = GREATEST(0, LEAST(1, 1 - (d_hosp - 1000) / 2000)),
      s_price = GREATEST(0, LEAST(1, 1 - price / 20000000.0))`);
  lap('score');

  pg.psql(`CREATE UNLOGGED TABLE clustered AS SELECT *, ST_ClusterDBSCAN(geom, eps := ${SNAP}, minpoints := 1) OVER () AS cid FROM scored;
    CREATE UNLOGGED TABLE sites AS
      SELECT cid, COUNT(*) AS n, SUM(ledger) AS area, SUM(a) AS planar, ST_Perimeter(ST_Union(geom)) AS perim, MIN(pnu) AS key,
        SUM(a * s_station) / SUM(a) AS s_station, SUM(a * s_hosp) / SUM(a) AS s_hosp, SUM(a * s_price) / SUM(a) AS s_price
      FROM clustered GROUP BY cid`);
  lap('assemble');

  const total = 65;
  const ranked = pg.psql(`SELECT key, n, area, (20 * s_station + 10 * s_hosp + 10 * s_price + 15 * LEAST(1, area / 100000.0)
      + 10 * (4 * pi() * planar / (perim * perim))) / ${total} AS score
    FROM sites ORDER BY (area >= ${MIN_AREA}) DESC, score DESC`);
  lap('rank');
  const survivors = pg.psql('SELECT pnu FROM survivors ORDER BY pnu').trim().split('\n').filter(Boolean);
  const sites = ranked.trim().split('\n').filter(Boolean).map((l) => {
    const [key, n, area, score] = l.split('|');
    return { key, parcels: Number(n), area: Number(area), score: Number(score) };
  });
  return { timings, survivors, sites, peakRssMB: peak };
}

export const whoami = () => userInfo().username;
