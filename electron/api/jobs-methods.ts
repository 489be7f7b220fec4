// API methods of background jobs (study runs, file imports) that run in worker threads:
// poll a job's progress and result, or cancel it (nothing half-written is left behind).
import { z } from 'zod';
import type { ApiErrorBody } from './errors.js';

const jobId = z.string().uuid();

export const jobInputs = {
  'jobs.status': z.object({ jobId }),
  'jobs.cancel': z.object({ jobId }),
} as const;

export type JobKindView = 'geo.study.run' | 'geo.import.inspect' | 'map.layer.import' | 'test.sleep';

export interface JobView {
  jobId: string;
  kind: JobKindView;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** The engine's phase (load, screen, score, assemble, rank, sensitivity, write, save; read for imports). */
  phase: string;
  done: number;
  total: number;
  /** The kind's result when done: GeoRunView for geo.study.run, GeoInspectView for geo.import.inspect. */
  result?: unknown;
  error?: ApiErrorBody;
}

export interface JobResults {
  'jobs.status': JobView;
  'jobs.cancel': { cancelled: boolean };
}
