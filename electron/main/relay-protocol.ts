// Messages between main and the backend utility process (structured-clone plain objects).
import type { ApiResponse, Bilingual } from '../api/errors.js';

export type ToBackend =
  /** First message: where the data lives and the data key main unwrapped with safeStorage (base64), or null when none exists yet. */
  | { type: 'init'; dataDir: string; key: string | null }
  | { type: 'call'; id: number; method: string; input: unknown }
  /** The user picked these files in the system dialog: grant them for this run (answered by `result` with FileRef[]). */
  | { type: 'grant'; id: number; paths: string[] }
  /** The page's Content-Security-Policy now (answered by `result` with a string): app:// asks for each document. */
  | { type: 'page-csp'; id: number }
  /** Close the database and exit. */
  | { type: 'shutdown' }
  /** Answer to `store-key`. */
  | { type: 'key-stored'; ok: true }
  | { type: 'key-stored'; ok: false; message: Bilingual };

export type FromBackend =
  | { type: 'ready' }
  /** The data directory could not be opened; restarting will not help. */
  | { type: 'fatal'; message: Bilingual }
  | { type: 'result'; id: number; response: ApiResponse<unknown> }
  /** A brand-new data directory generated its key: main must protect it with safeStorage. */
  | { type: 'store-key'; key: string };
