// Starts the job worker: the bundled `job-worker.js` beside the running bundle (dist/host,
// dist/electron), or from the TypeScript sources under tsx (vitest, `tsx bench/…`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function jobWorkerFile(): string {
  const js = fileURLToPath(new URL('./job-worker.js', import.meta.url));
  if (existsSync(js)) return js;
  return fileURLToPath(new URL('./job-worker.ts', import.meta.url));
}

export function spawnJobWorker(file: string, workerData: unknown): Worker {
  if (file.endsWith('.js')) return new Worker(file, { workerData });
  // The ESM build of tsx's API (require.resolve finds the CJS one; its sibling is index.mjs).
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })
    .catch((e) => require('node:worker_threads').parentPort.postMessage({ type: 'failed', error: { code: 'INTERNAL', message: { ko: '작업을 시작하지 못했습니다.', en: String((e && e.stack) || e) } } }));`;
  return new Worker(code, { eval: true, workerData });
}
