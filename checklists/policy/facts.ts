// The facts a consultation gives matching, as a schema shared by the API and `ansim policy match`.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const won = z.number().int().nonnegative();

export const policyFactsSchema = z
  .object({
    age: z.number().int().min(0).max(130),
    annualIncome: won,
    incomeBasis: z.enum(['applicant', 'couple', 'parents', 'household']),
    householdIncomeShareOfMedian: z.number().nonnegative().max(10_000),
    assets: won,
    householdSize: z.number().int().min(1).max(20),
    married: z.boolean(),
    marriedOn: day,
    householder: z.boolean(),
    veteranMonths: z.number().int().min(0).max(600),
    deposit: won,
    monthlyRent: won,
    homeless: z.boolean(),
    region: z.union([z.string().min(1).max(200), z.object({ sido: z.string().min(1).max(40), sigungu: z.string().max(40).optional() })]),
    crisis: z.boolean(),
    parentsIncomeShareOfMedian: z.number().nonnegative().max(10_000),
    parentsAssets: won,
  })
  .partial()
  .strict();

/** What `ansim policy match` reads: the required facts plus the optional ones and asOf. */
export const policyMatchCliSchema = policyFactsSchema
  .required({ age: true, householdSize: true, married: true, deposit: true, monthlyRent: true, homeless: true, region: true })
  .extend({ asOf: day.optional() })
  .strict();
