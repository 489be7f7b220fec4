// A listing's road / lot-number address, 동·호 and broker columns move under the client's own key
// (`*_enc`, like the landlord's name): a copy of the database made before the client withdrew —
// a backup archive — then no longer shows where the tenant was going to live once the key is
// destroyed. Migrations have no key access: rows written before this migration are encrypted at
// start-up by `data/privacy/legacy.ts` (`encryptLegacyListingAddresses`), which blanks the plain
// columns. From here on the plain columns only ever hold NULL (the triggers refuse anything else).
import type { Migration } from './types.js';

export const LISTING_PLAIN_ADDRESS_COLUMNS = ['road_address', 'jibun_address', 'dong', 'ho', 'broker_name', 'broker_office', 'broker_reg_no'] as const;

const notNull = (prefix: string) => LISTING_PLAIN_ADDRESS_COLUMNS.map((c) => `${prefix}.${c} IS NOT NULL`).join(' OR ');
const changedToValue = LISTING_PLAIN_ADDRESS_COLUMNS.map((c) => `(NEW.${c} IS NOT NULL AND NEW.${c} IS NOT OLD.${c})`).join(' OR ');

export const m0106: Migration = {
  id: 106,
  name: 'listing-address-enc',
  async up(db) {
    await db.exec(`
      ${LISTING_PLAIN_ADDRESS_COLUMNS.map((c) => `ALTER TABLE listings ADD COLUMN ${c}_enc TEXT;`).join('\n      ')}
      CREATE TRIGGER listings_no_plain_address_insert BEFORE INSERT ON listings WHEN ${notNull('NEW')}
      BEGIN SELECT RAISE(ABORT, 'listing addresses are stored encrypted (*_enc columns)'); END;
      CREATE TRIGGER listings_no_plain_address_update BEFORE UPDATE ON listings WHEN ${changedToValue}
      BEGIN SELECT RAISE(ABORT, 'listing addresses are stored encrypted (*_enc columns)'); END;
    `);
  },
};
