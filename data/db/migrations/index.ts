// The known migrations, in order. Append only: one file per migration, each with a test.
import { m0001 } from './0001-initial.js';
import { m0002 } from './0002-checklists.js';
import { m0003 } from './0003-registry.js';
import { m0004 } from './0004-viewings.js';
import { m0005 } from './0005-geo-studies.js';
import { m0006 } from './0006-privacy.js';
import { m0007 } from './0007-roles.js';
import { m0008 } from './0008-lease.js';
import { m0009 } from './0009-policy-statistics.js';
import { m0011 } from './0011-map.js';
import { m0013 } from './0013-typed-confirmation.js';
import { m0106 } from './0106-listing-address-enc.js';
import { m0107 } from './0107-reference-packs.js';
import { m0108 } from './0108-lease-prefill.js';
import { m0109 } from './0109-stats-indexes.js';
import { m0112 } from './0112-saved-calcs-amendments.js';
import { m0114 } from './0114-listing-location.js';
import { m0115 } from './0115-file-grants.js';
import type { Migration } from './types.js';

export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0011, m0013, m0106, m0107, m0108, m0109, m0112, m0114, m0115];
export type { Migration };
