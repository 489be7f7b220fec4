// The lease facts as JSON input (CLI `ansim lease timeline`, the API's lease.save): every field
// optional or null while unknown; dates YYYY-MM-DD, amounts in won. An error names its field.
import { z } from 'zod';
import { isoDate, won } from '../calculators/schema.js';
import { LEASE_KINDS, type LeaseFacts } from './timeline.js';

const optDate = isoDate.nullable().default(null);
const optWon = won.nullable().default(null);
const payment = z.object({ amount: optWon, date: optDate }).nullable().default(null);

export const leaseFactsSchema = z
  .object({
    leaseKind: z.enum(LEASE_KINDS, { error: `must be one of ${LEASE_KINDS.join(', ')}` }).nullable().default(null),
    sameAmounts: z.boolean({ error: 'must be true or false' }).nullable().default(null),
    renewalRightUsed: z.boolean({ error: 'must be true or false' }).nullable().default(null),
    contractDate: optDate,
    downPayment: payment,
    interimPayment: payment,
    balance: payment,
    balanceDate: optDate,
    moveInDate: optDate,
    startDate: optDate,
    endDate: optDate,
    deposit: optWon,
    monthlyRent: optWon,
    address: z.string({ error: 'must be text' }).trim().max(300, 'must be at most 300 characters').nullable().default(null),
  })
  .strict()
  .superRefine((f, ctx) => {
    const after = (path: string, later: string | null | undefined, earlier: string | null | undefined, what: string) => {
      if (later && earlier && later < earlier) ctx.addIssue({ code: 'custom', path: path.split('.'), message: what });
    };
    after('balanceDate', f.balanceDate ?? f.balance?.date, f.contractDate, 'is before the contract date');
    after('moveInDate', f.moveInDate, f.contractDate, 'is before the contract date');
    after('endDate', f.endDate, f.startDate ?? f.moveInDate, 'is before the start of the lease');
  });

// Compile-time check: the schema's output is the engine's input.
const _same: z.output<typeof leaseFactsSchema> extends LeaseFacts ? true : false = true;
void _same;
