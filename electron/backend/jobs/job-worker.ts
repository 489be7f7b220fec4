// The job worker thread: runs one task with plain data in and out, reports progress, and
// transfers its typed results back to the backend. It never touches SQLite or the session.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { JobMessage, JobStart } from './protocol.js';
import { TASKS } from './tasks.js';
import { toErrorBody } from './task-errors.js';

const start = workerData as JobStart;

// A background job yields the CPU to the request loop: on Linux setpriority(pid 0) applies to
// the calling thread only, and the engine's own reader threads started from here inherit it.
// (Elsewhere it may lower the whole process, so it is only done on Linux.)
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {
    // Not permitted: run at normal priority.
  }
}
const post = (m: JobMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

async function main() {
  const task = TASKS[start.kind];
  const { result, transfer } = await task(start.input, start.outDir, (phase, done, total) => post({ type: 'progress', phase, done, total }));
  post({ type: 'done', result }, transfer);
}

main().catch((e) => post({ type: 'failed', error: toErrorBody(e, start.kind === 'geo.import.inspect' ? 'path' : 'study') }));
