// Builds everything `npm run serve`, `npm start` and `npx ansim` need:
// the Node-side entries bundled by esbuild (dependencies stay external, so native
// sqlite3 and sharp load from node_modules), and the renderer built by Vite.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => path.join(root, 'dist', p);
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

async function node() {
  await mkdir(out('cli'), { recursive: true });
  await build({
    ...common,
    format: 'esm',
    entryPoints: {
      'host/serve': 'electron/host/serve.ts',
      'electron/backend-process': 'electron/main/backend-process.ts',
      'electron/main': 'electron/main/main.ts',
      // The geo engine loads large parcel files over worker threads; each bundle that can run
      // a study finds its worker beside itself (geo/io/parcel-load.ts).
      'host/parcel-load-worker': 'geo/io/parcel-load-worker.ts',
      'electron/parcel-load-worker': 'geo/io/parcel-load-worker.ts',
      // Background jobs (study runs, imports) run in worker threads off the backend's request
      // loop; the backend finds its job worker beside itself (electron/backend/jobs/spawn.ts).
      'host/job-worker': 'electron/backend/jobs/job-worker.ts',
      'electron/job-worker': 'electron/backend/jobs/job-worker.ts',
    },
    outdir: out(''),
    external: ['electron'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // The CLI on its own, split into chunks: each subcommand (and the libraries only it uses —
  // pdf-lib for reports, the geo engine) loads when that subcommand runs, so `ansim geo study run`
  // does not parse and initialise the PDF stack first. Its parcel-load worker sits beside it.
  await build({
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: { ansim: 'electron/cli/ansim.ts', 'parcel-load-worker': 'geo/io/parcel-load-worker.ts' },
    outdir: out('cli'),
    chunkNames: 'chunks/[name]-[hash]',
    external: ['electron'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // A sandboxed preload must be a single CommonJS file.
  await build({
    ...common,
    format: 'cjs',
    entryPoints: { 'electron/preload': 'electron/preload/preload.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: out(''),
    external: ['electron'],
  });
  await chmod(out('cli/ansim.js'), 0o755);
}

async function renderer() {
  await rm(out('renderer'), { recursive: true, force: true });
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  // The map draws its labels with the shipped Noto Sans KR (renderer/src/views/geo/mapStyle.ts).
  await mkdir(out('renderer/fonts'), { recursive: true });
  await copyFile(path.join(root, 'data/fonts/NotoSansKR-Regular.ttf'), out('renderer/fonts/NotoSansKR-Regular.ttf'));
  await copyFile(path.join(root, 'data/fonts/OFL.txt'), out('renderer/fonts/OFL.txt'));
}

const t0 = Date.now();
if (want('node')) await node();
if (want('renderer')) await renderer();
process.stderr.write(`build: done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
