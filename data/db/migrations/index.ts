// The known migrations, in order. Append only: one file per migration, each with a test.
import { m0001 } from './0001-initial.js';
import type { Migration } from './types.js';

export const migrations: Migration[] = [m0001];
export type { Migration };
