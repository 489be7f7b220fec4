// The registry analysis input: the certificate as it reads, the property, the landlord, the
// lease and the contract's dates. Amounts in won (integers), dates YYYY-MM-DD.
import { z } from 'zod';
import { buildingType } from '../calculators/building.js';
import { isoDate, won } from '../calculators/schema.js';

export const registryEntry = z.object({
  rank: z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1, 'must be the 순위번호')),
  purpose: z.string({ error: 'must be the 등기목적 as printed' }).min(1, 'must be the 등기목적 as printed'),
  receivedAt: isoDate,
  receiptNo: z.union([z.string(), z.number()]).optional(),
  cause: z.string().optional(),
  holders: z.array(z.string()).default([]),
  maxClaim: won.optional(),
  cancelled: z.boolean().default(false),
});
export type RegistryEntryInput = z.input<typeof registryEntry>;
export type RegistryEntry = z.output<typeof registryEntry>;

const payment = z.object({ amount: won, date: isoDate });

export const registryInput = z.object({
  property: z.object({
    buildingType,
    address: z.string({ error: 'must be the property address' }).min(1, 'must be the property address'),
    marketValue: won.optional(),
    /** KB 시세, 한국부동산원 시세, or an asking price (HUG counts only the first two). */
    marketValueSource: z.enum(['kb', 'reb', 'asking'], { error: 'must be kb, reb or asking' }).optional(),
    officialPrice: won.optional(),
  }),
  landlord: z.object({
    name: z.string({ error: 'must be the landlord’s name' }).min(1, 'must be the landlord’s name'),
    actingAsAgent: z.boolean().default(false),
    agentDocumentsChecked: z.boolean().default(false),
  }),
  lease: z.object({
    deposit: won,
    monthlyRent: won.default(0),
    moveInDate: isoDate.optional(),
    fixedDate: isoDate.optional(),
    endDate: isoDate.optional(),
    /** Whether the tenant relies on a deposit loan or a guarantee (for the clause). */
    loanOrGuarantee: z.boolean().optional(),
  }),
  /** Sum of other tenants' deposits ahead of this one (다가구: 확정일자 부여현황, 전입세대확인서). */
  seniorDeposits: won.optional(),
  /** False when senior deposits came to light that the landlord had not disclosed. */
  seniorDepositsDisclosed: z.boolean().optional(),
  /** True when the landlord has unpaid national or local taxes. */
  taxArrears: z.boolean().optional(),
  /** The 신탁원부 was reviewed and the 수탁자 consented in writing. */
  trustConsent: z.boolean().optional(),
  gapgu: z.array(registryEntry).default([]),
  eulgu: z.array(registryEntry).default([]),
  buildingRegister: z.object({ violation: z.boolean(), mainUse: z.string().default('') }).optional(),
  certificate: z
    .object({
      /** 열람/발급 일시, ISO 8601 (a bare date is accepted). */
      issuedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date-time (ISO 8601)'),
      collective: z.boolean().optional(),
    })
    .optional(),
  contract: z
    .object({
      contractDate: isoDate,
      downPayment: payment.optional(),
      interimPayment: payment.optional(),
      balance: payment.optional(),
      moveInDate: isoDate.optional(),
    })
    .optional(),
});
export type RegistryInput = z.input<typeof registryInput>;
export type RegistryParsed = z.output<typeof registryInput>;
