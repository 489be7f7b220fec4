// The messages between the backend and a job's worker thread. Plain data only: a task gets its
// input through workerData and answers with progress messages and one final message whose
// typed arrays are transferred (moved), never copied.
import type { ApiErrorBody } from '../../api/errors.js';

export type JobKind = 'geo.study.run' | 'geo.import.inspect' | 'map.layer.import' | 'test.sleep';

export interface JobStart {
  kind: JobKind;
  input: unknown;
  /** The job's own scratch folder; the backend moves it into place only when the job is done. */
  outDir: string;
}

export type JobMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: ApiErrorBody };
