// The policy catalogue (programmes) and the 기준 중위소득 table: types, the validators the
// reference pack runs on a newer table a coordinator loads, and the shipped tables (validated
// here at import, so a broken file fails the build's tests rather than a consultation).
import { z } from 'zod';
import programmesJson from './programmes.json' with { type: 'json' };
import medianIncomeJson from './median-income.json' with { type: 'json' };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const bilingual = z.object({ ko: z.string().min(1), en: z.string().min(1) });
const money = z.number().int().nonnegative();
const unverified = { unverified: z.boolean().optional() };

export const criterionSchema = z.discriminatedUnion('kind', [
  /** 만 나이 min..max; 제대군인 add their service (whole years) up to veteranMaxExtraYears. */
  z.object({ kind: z.literal('age'), min: z.number().int(), max: z.number().int(), veteranMaxExtraYears: z.number().int().positive().optional(), ...unverified }),
  /** Household income as a share (%) of 기준 중위소득 for its size. */
  z.object({ kind: z.literal('medianShare'), max: z.number().positive(), minExclusive: z.number().nonnegative().optional(), recognisedIncome: z.boolean().optional(), ...unverified }),
  /** Annual income in won: the applicant's (max) or, for a married applicant, the couple's (coupleMax). */
  z.object({ kind: z.literal('annualIncome'), max: money.optional(), coupleMax: money.optional(), ...unverified }),
  z.object({ kind: z.literal('assets'), max: money, ...unverified }),
  z.object({ kind: z.literal('deposit'), max: money, ...unverified }),
  /** 월세 cap; above it, deposit × rate / 12 + rent must stay within combined.max (the combined-rent rule). */
  z.object({ kind: z.literal('rent'), max: money, combined: z.object({ depositRatePercent: z.number().positive(), max: money }).optional(), ...unverified }),
  /** 거래금액 = deposit + monthly rent × rentMultiplier. */
  z.object({ kind: z.literal('dealAmount'), rentMultiplier: z.number().positive(), max: money, ...unverified }),
  /** Married within maxYears, or marrying within orWithinMonths. */
  z.object({ kind: z.literal('marriage'), maxYears: z.number().positive(), orWithinMonths: z.number().nonnegative(), ...unverified }),
  z.object({ kind: z.literal('homeless'), ...unverified }),
  /** 세대주 or 예비세대주. */
  z.object({ kind: z.literal('householder'), ...unverified }),
  z.object({ kind: z.literal('residence'), sido: z.string().min(2), ...unverified }),
  /** The parents' household (원가구) limits, which only the parents' figures can show. */
  z.object({ kind: z.literal('parentsHousehold'), medianShareMax: z.number().positive(), assetsMax: money, ...unverified }),
  /** 긴급복지: a crisis situation the manager establishes. */
  z.object({ kind: z.literal('crisis'), ...unverified }),
]);
export type Criterion = z.infer<typeof criterionSchema>;

export const windowSchema = z.object({ from: day, to: day, unverified: z.boolean().optional() }).refine((w) => w.from <= w.to, 'window from ≤ to');

export const programmeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: bilingual,
  operator: bilingual,
  target: bilingual,
  benefit: bilingual,
  apply: bilingual,
  where: bilingual,
  contact: z.string().min(1),
  source: z.array(z.string().min(1)).min(1),
  validFrom: day,
  /** Last day the programme runs; null while it continues. */
  validTo: day.nullable(),
  /** 'yearly': a new window each year (the next one is expected a year after the last known). */
  recurring: z.enum(['yearly', 'none']),
  windows: z.union([z.literal('always'), z.array(windowSchema).min(1)]),
  criteria: z.array(criterionSchema),
  note: z.string().optional(),
});
export type Programme = z.infer<typeof programmeSchema>;

const tableBase = {
  name: z.string(),
  title: bilingual,
  source: z.array(z.string().min(1)).min(1),
  checkedOn: day,
  note: z.string().optional(),
};
const ascending = (vs: { effectiveFrom: string }[]) => vs.every((v, i) => i === 0 || vs[i - 1].effectiveFrom < v.effectiveFrom);

/** One dated version of the catalogue (the reference pack checks each row with this). */
export const programmesVersionSchema = z
  .object({ effectiveFrom: day, unverified: z.boolean().optional(), note: z.string().optional(), programmes: z.array(programmeSchema) })
  .refine((v) => new Set(v.programmes.map((p) => p.id)).size === v.programmes.length, 'programme ids must be unique');

export const programmesTableSchema = z.object({
  ...tableBase,
  name: z.literal('programmes'),
  versions: z
    .array(programmesVersionSchema)
    .min(1)
    .refine(ascending, 'versions ascending by effectiveFrom'),
});
export type ProgrammesTable = z.infer<typeof programmesTableSchema>;
export type ProgrammeCatalogue = ProgrammesTable['versions'][number];

export const medianIncomeVersionSchema = z.object({
  effectiveFrom: day,
  notice: z.string().min(1),
  unverified: z.boolean().optional(),
  note: z.string().optional(),
  /** 원/월 for 1, 2, … persons; larger households add the last difference per person. */
  monthlyByHouseholdSize: z.array(money.positive()).min(2),
});

export const medianIncomeTableSchema = z.object({
  ...tableBase,
  name: z.literal('medianIncome'),
  versions: z
    .array(medianIncomeVersionSchema)
    .min(1)
    .refine(ascending, 'versions ascending by effectiveFrom'),
});
export type MedianIncomeTable = z.infer<typeof medianIncomeTableSchema>;

/** The validators the reference pack runs, by table name. */
export const policyTableValidators = {
  programmes: programmesTableSchema,
  medianIncome: medianIncomeTableSchema,
} as const;

export const programmesTable: ProgrammesTable = programmesTableSchema.parse(programmesJson);
export const medianIncomeTable: MedianIncomeTable = medianIncomeTableSchema.parse(medianIncomeJson);
