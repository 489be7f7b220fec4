// What every handler gets: the database, the field cipher, the device and the session.
import type { Database } from '../../data/db/sqlite.js';
import type { FieldCipher } from '../../data/crypto/field-cipher.js';
import type { ClientKeyVault } from '../../data/crypto/client-keys.js';
import type { Actor } from '../../data/repos/audit.js';
import type { ApiParsedInput, ApiResults, Method } from '../api/methods.js';
import type { Session } from './session.js';
import type { JobRunner } from './jobs/runner.js';
import type { TileService } from './map/tiles.js';
import type { FileRefs } from './files.js';
import type { DataDirManifest, KeyProtector } from '../../data/crypto/data-dir.js';

export interface HandlerContext {
  db: Database;
  /**
   * Reads every encrypted value; writes under the folder key. A client's personal data is
   * written with `keys.cipherFor(clientId)` instead (one key per client, destroyed with them).
   */
  cipher: FieldCipher;
  /** The per-client key vault (crypto-shredding); see data/crypto/client-keys.ts. */
  keys: ClientKeyVault;
  deviceId: string;
  /** Where encrypted files (photos, signatures) live, outside the database. */
  filesDir: string;
  session: Session;
  /** Now, injectable for tests of retention and locking. */
  now(): Date;
  /** The person making the change, for records and audit. */
  actor(): Actor;
  /** Today's date in Seoul (YYYY-MM-DD). */
  today(): string;
  /** Worker-thread jobs (study runs, imports) off the request loop. */
  jobs: JobRunner;
  /** Vector tiles of large layers, cut on demand. */
  tiles: TileService;
  /** Files the user picked or uploaded: `files.resolve(ref)` → path (see files.ts). */
  files: FileRefs;
  /** The open data folder: its path, data key, manifest and key protector (백업 / 복원). */
  folder: { dir: string; dataKey: Buffer; manifest: DataDirManifest; protector: KeyProtector };
}

export type Handler<M extends Method> = (input: ApiParsedInput<M>, ctx: HandlerContext) => Promise<ApiResults[M]>;
export type HandlerMap = { [M in Method]: Handler<M> };
