// Which tables a reference pack holds, and how each is checked. A module adds a dated table by
// adding its file to data/reference/ and one `registerReferenceTable` line (with its zod schema):
// a pack carrying a table nobody registered is refused, so a typo cannot slip figures in.
import { z } from 'zod';
import { shippedTables, type ReferenceTable, type VersionBase } from '../index.js';
import { medianIncomeVersionSchema, programmesVersionSchema } from '../policy-tables.js';

export interface TableSpec {
  name: string;
  /**
   * Continuous tables (최우선변제, 전환율, 기준금리…) must cover time without gaps from their first
   * row on; programme periods may have gaps.
   */
  continuous: boolean;
  /** The schema of one version (row), beyond the fields every row has. */
  row: z.ZodType;
  /** Extra fields of the table itself (e.g. HUG's capitalRegion). */
  table?: z.ZodType;
  /** The table shipped with this build. */
  shipped: ReferenceTable<VersionBase>;
}

const specs = new Map<string, TableSpec>();

export function registerReferenceTable(spec: TableSpec): void {
  specs.set(spec.name, spec);
}

export function tableSpec(name: string): TableSpec | undefined {
  return specs.get(name);
}

export function registeredTables(): TableSpec[] {
  return [...specs.values()];
}

const won = z.number().int().min(0);
const bp = z.number().int().min(0).max(10_000);
const strings = z.array(z.string().min(1));

const match = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seoul') }),
  z.object({ kind: z.literal('seoulOrMetro'), metroCities: strings, uncertainMetroCities: z.array(z.string()), gunIncluded: z.boolean().optional() }),
  z.object({ kind: z.literal('overcrowding'), excludeSeoul: z.boolean(), cities: z.array(z.string()) }),
  z.object({ kind: z.literal('metro'), excludeIncheon: z.boolean(), cities: z.array(z.string()) }),
  z.object({ kind: z.literal('other') }),
]);

const T = shippedTables;
registerReferenceTable({
  name: 'priorityRepayment',
  continuous: true,
  shipped: T.priorityRepayment,
  table: z.looseObject({ noSecurityBefore: z.iso.date() }),
  row: z
    .looseObject({
      decree: z.string().min(1),
      groups: z.array(z.looseObject({ key: z.string().min(1), label: z.string().min(1), wording: z.string(), depositMax: won, priorityMax: won, match })).min(1),
    })
    .refine((v) => v.groups.some((g) => g.match.kind === 'other'), 'every version needs its 그 밖의 지역 group (match kind "other")'),
});
registerReferenceTable({
  name: 'overcrowdingZone',
  continuous: true,
  shipped: T.overcrowdingZone,
  row: z.looseObject({ wholeCities: z.array(z.string()), partial: z.array(z.looseObject({ city: z.string().min(1), wording: z.string() })) }),
});
registerReferenceTable({
  name: 'brokerage',
  continuous: true,
  shipped: T.brokerage,
  row: z.looseObject({
    housingLease: z.array(z.looseObject({ minAmount: won, maxAmountExclusive: won.nullable(), ratePermille: z.number().min(0).max(100), cap: won.nullable() })).min(1),
    officetelLease: z.looseObject({ ratePermille: z.number().min(0).max(100), cap: won.nullable() }),
    convertedDeposit: z.looseObject({ rentMultiplier: z.number().positive(), smallRentMultiplier: z.number().positive(), smallThreshold: won }),
  }),
});
registerReferenceTable({
  name: 'rentConversion',
  continuous: true,
  shipped: T.rentConversion,
  row: z.discriminatedUnion('rule', [
    z.looseObject({ rule: z.literal('fixed'), rateBp: bp }),
    z.looseObject({ rule: z.literal('minOfCapAndBaseTimes'), capBp: bp, multiplier: z.number().positive() }),
    z.looseObject({ rule: z.literal('minOfCapAndBasePlus'), capBp: bp, addBp: bp }),
  ]),
});
registerReferenceTable({ name: 'baseRate', continuous: true, shipped: T.baseRate, row: z.looseObject({ rateBp: z.number().int().min(0).max(5000) }), table: z.looseObject({ seriesCheckedThrough: z.iso.date().optional() }) });
registerReferenceTable({
  name: 'hugGuarantee',
  continuous: true,
  shipped: T.hugGuarantee,
  table: z.looseObject({ capitalRegion: strings.min(1) }),
  row: z.looseObject({ officialPriceMultiplierPercent: z.number().positive(), ratioPercent: z.number().positive().max(100), capCapitalRegion: won, capElsewhere: won, marketValueFirstFor: z.array(z.string()), appraisalForNonApartments: z.boolean() }),
});
registerReferenceTable({
  name: 'depositRiskBands',
  continuous: true,
  shipped: T.depositRiskBands,
  row: z.looseObject({ safeMaxPercent: z.number(), cautionMaxPercent: z.number(), emptyFromPercent: z.number(), officialPriceToMarketPercent: z.number().positive() }),
});
registerReferenceTable({ name: 'maintenanceFeeItemisation', continuous: true, shipped: T.maintenanceFeeItemisation, row: z.looseObject({ thresholdMonthly: won, lines: z.array(z.looseObject({ key: z.string(), ko: z.string(), en: z.string() })) }) });
registerReferenceTable({
  name: 'leaseReport',
  continuous: true,
  shipped: T.leaseReport,
  row: z.looseObject({
    depositOver: won,
    monthlyRentOver: won,
    withinDays: z.number().int().positive(),
    regions: z.looseObject({ specialSelfGoverning: z.array(z.string()), cities: z.boolean(), autonomousDistricts: z.boolean(), countiesOf: z.array(z.string()) }),
    renewalWithSameAmountsExempt: z.boolean(),
  }),
});
registerReferenceTable({ name: 'renewalIncreaseCap', continuous: true, shipped: T.renewalIncreaseCap, row: z.looseObject({ numerator: z.number().int().positive(), denominator: z.number().int().positive(), noIncreaseWithinMonths: z.number().int().min(0) }) });
registerReferenceTable({ name: 'unpaidTaxViewing', continuous: true, shipped: T.unpaidTaxViewing, row: z.looseObject({ depositOver: won }) });
registerReferenceTable({ name: 'fraudVictimsAct', continuous: false, shipped: T.fraudVictimsAct, row: z.looseObject({ validUntil: z.iso.date(), leasesFirstSignedOnOrBefore: z.iso.date().nullable() }) });

// policy (issue 12): the programme catalogue (dated versions; programmes have their own valid
// periods, so versions may leave gaps) and 기준 중위소득 (one version a year, continuous).
registerReferenceTable({ name: 'programmes', continuous: false, shipped: T.programmes as unknown as ReferenceTable<VersionBase>, row: programmesVersionSchema });
registerReferenceTable({ name: 'medianIncome', continuous: true, shipped: T.medianIncome as unknown as ReferenceTable<VersionBase>, row: medianIncomeVersionSchema });
