// A listing's place on the map (입지 안내): the coordinates locate the tenant's future home, so
// they are stored encrypted under the client's key in `location_enc` (JSON {lon, lat, source}).
// The old plaintext `lat`/`lon` columns are no longer written; values already there are moved
// into `location_enc` at start-up (data/privacy/legacy.ts, which needs the client keys a
// migration does not have), and destruction clears both.
import type { Migration } from './types.js';

export const m0114: Migration = {
  id: 114,
  name: 'listing-location',
  async up(db) {
    await db.exec(`ALTER TABLE listings ADD COLUMN location_enc TEXT;`);
  },
};
