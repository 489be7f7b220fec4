// Runs CPU-heavy work (a study run, a file import) in worker threads so the backend's request
// loop keeps answering (autosave, session checks) while it works. Each job writes only into its
// own scratch folder; when the worker is done the backend's `finalize` moves the outputs into
// place and records them. Cancelling terminates the worker and deletes the scratch folder, so a
// cancelled or failed job leaves no half-written output behind.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorBody } from '../../api/errors.js';
import type { JobKind, JobMessage, JobStart } from './protocol.js';
import { jobWorkerFile, spawnJobWorker } from './spawn.js';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  jobId: string;
  kind: JobKind;
  state: JobState;
  phase: string;
  done: number;
  total: number;
  result?: unknown;
  error?: ApiErrorBody;
}

interface Job extends JobStatus {
  worker?: Worker;
  workDir: string;
  finishing: boolean;
  endedAt?: number;
}

export interface StartOptions<R> {
  /** Runs on the backend thread once the worker succeeded: move outputs from workDir, record them. */
  finalize(result: unknown, workDir: string): Promise<R>;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

const internal = (e: unknown): ApiErrorBody => ({
  code: 'INTERNAL',
  message: { ko: `작업 중 오류가 발생했습니다. 저장된 데이터는 그대로입니다. (${(e as Error)?.message ?? e})`, en: `The job failed; saved data is unchanged. (${(e as Error)?.message ?? e})` },
});

export class JobRunner {
  private jobs = new Map<string, Job>();
  private readonly workerFile: string;

  /** @param scratchRoot where jobs write until they are done (inside the data folder). */
  constructor(private readonly scratchRoot: string, workerFile = jobWorkerFile()) {
    this.workerFile = workerFile;
    // One process writes a data folder: anything left here is from a job cut short by a crash.
    rmSync(scratchRoot, { recursive: true, force: true });
  }

  start<R>(kind: JobKind, input: unknown, opts: StartOptions<R>): string {
    this.prune();
    const jobId = randomUUID();
    const workDir = path.join(this.scratchRoot, jobId);
    mkdirSync(workDir, { recursive: true });
    const job: Job = { jobId, kind, state: 'running', phase: 'start', done: 0, total: 1, workDir, finishing: false };
    this.jobs.set(jobId, job);
    const start: JobStart = { kind, input, outDir: workDir };
    const worker = spawnJobWorker(this.workerFile, start);
    job.worker = worker;
    const fail = (error: ApiErrorBody) => {
      if (job.state !== 'running') return;
      job.state = 'failed';
      job.error = error;
      job.endedAt = Date.now();
      job.worker = undefined;
      rmSync(workDir, { recursive: true, force: true });
      void worker.terminate();
    };
    worker.on('message', (m: JobMessage) => {
      if (job.state !== 'running') return;
      if (m.type === 'progress') {
        job.phase = m.phase;
        job.done = m.done;
        job.total = m.total;
      } else if (m.type === 'failed') {
        fail(m.error);
      } else if (m.type === 'done') {
        job.finishing = true;
        job.phase = 'save';
        job.worker = undefined;
        void worker.terminate();
        opts.finalize(m.result, workDir).then(
          (result) => {
            job.state = 'done';
            job.result = result;
            job.done = job.total;
            job.endedAt = Date.now();
            rmSync(workDir, { recursive: true, force: true });
          },
          (e) => fail(e instanceof ApiError ? e.toBody() : internal(e)),
        );
      }
    });
    worker.on('error', (e) => fail(internal(e)));
    worker.on('exit', (code) => {
      if (job.state === 'running' && !job.finishing) fail(internal(new Error(`worker exited (${code})`)));
    });
    return jobId;
  }

  status(jobId: string): JobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', { ko: '작업을 찾을 수 없습니다.', en: 'Job not found.' });
    const { jobId: id, kind, state, phase, done, total, result, error } = job;
    return { jobId: id, kind, state, phase, done, total, ...(result !== undefined ? { result } : {}), ...(error ? { error } : {}) };
  }

  /** Stops a running job and deletes everything it wrote. False when it had already finished. */
  async cancel(jobId: string): Promise<boolean> {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('NOT_FOUND', { ko: '작업을 찾을 수 없습니다.', en: 'Job not found.' });
    if (job.state !== 'running' || job.finishing) return false;
    job.state = 'cancelled';
    job.endedAt = Date.now();
    const w = job.worker;
    job.worker = undefined;
    if (w) await w.terminate();
    rmSync(job.workDir, { recursive: true, force: true });
    return true;
  }

  /** Stops every running job (backend shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].filter((j) => j.state === 'running' && !j.finishing).map((j) => this.cancel(j.jobId)));
  }

  private prune() {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.endedAt && now - j.endedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
