// The legal and policy figures every rule looks up, each table with its source, the date it was
// last checked and dated versions. Pure: the JSON is imported (bundled), never read from disk,
// so the renderer, the backend and the CLI share exactly the same figures.
import priorityRepaymentJson from './priority-repayment.json' with { type: 'json' };
import overcrowdingZoneJson from './overcrowding-zone.json' with { type: 'json' };
import brokerageJson from './brokerage.json' with { type: 'json' };
import rentConversionJson from './rent-conversion.json' with { type: 'json' };
import baseRateJson from './base-rate.json' with { type: 'json' };
import hugGuaranteeJson from './hug-guarantee.json' with { type: 'json' };
import depositRiskBandsJson from './deposit-risk-bands.json' with { type: 'json' };
import maintenanceFeeItemisationJson from './maintenance-fee-itemisation.json' with { type: 'json' };
import leaseReportJson from './lease-report.json' with { type: 'json' };
import renewalIncreaseCapJson from './renewal-increase-cap.json' with { type: 'json' };
import unpaidTaxViewingJson from './unpaid-tax-viewing.json' with { type: 'json' };
import fraudVictimsActJson from './fraud-victims-act.json' with { type: 'json' };
import { medianIncomeTable, programmesTable, type MedianIncomeTable, type ProgrammesTable } from './policy-tables.js';

import type { Bilingual } from '../../checklists/common/vocabulary.js';
export type { Bilingual };

/** What every version of every table carries. */
export interface VersionBase {
  /** YYYY-MM-DD, the first day the version applies. */
  effectiveFrom: string;
  /** True when a figure or the start date rests on no confirmed source: the UI shows the mark. */
  unverified?: boolean;
  note?: string;
}

export interface ReferenceTable<V extends VersionBase> {
  name: string;
  title: Bilingual;
  source: string[];
  checkedOn: string;
  /** For a series of decisions (기준금리): the last decision day the series is confirmed through. */
  seriesCheckedThrough?: string;
  note?: string;
  /** Ascending by effectiveFrom. */
  versions: V[];
}

// ---- 최우선변제 ----
export type RegionMatch =
  | { kind: 'seoul' }
  | { kind: 'seoulOrMetro'; metroCities: string[]; uncertainMetroCities: string[]; gunIncluded?: boolean }
  | { kind: 'overcrowding'; excludeSeoul: boolean; cities: string[] }
  | { kind: 'metro'; excludeIncheon: boolean; cities: string[] }
  | { kind: 'other' };

export interface PriorityGroup {
  key: string;
  /** The group's short name as that table names it (서울, 과밀억제권역, 광역시, 그밖, 서울·직할시, 기타…). */
  label: string;
  /** The decree's own wording. */
  wording: string;
  depositMax: number;
  priorityMax: number;
  match: RegionMatch;
}

export interface PriorityVersion extends VersionBase {
  decree: string;
  boundaryUnverified?: boolean;
  groups: PriorityGroup[];
}

export interface PriorityTable extends ReferenceTable<PriorityVersion> {
  /** A 담보물권 acquired before this date gives no 최우선변제 at all (법률 제3682호 부칙 ④). */
  noSecurityBefore: string;
}

// ---- 과밀억제권역 ----
export interface OvercrowdingPartial {
  city: string;
  wording: string;
  excludedDistricts?: string[];
  excludedDongs?: Record<string, string[]>;
  uncertainDistricts?: string[];
  onlyDongs?: string[];
  uncertainDongs?: string[];
  uncertainAll?: boolean;
  uncertainReason?: string;
}
export interface OvercrowdingVersion extends VersionBase {
  wholeCities: string[];
  partial: OvercrowdingPartial[];
}

// ---- 중개보수 ----
export interface BrokerageBand {
  minAmount: number;
  maxAmountExclusive: number | null;
  ratePermille: number;
  cap: number | null;
}
export interface BrokerageVersion extends VersionBase {
  housingLease: BrokerageBand[];
  officetelLease: { ratePermille: number; cap: number | null; condition: string };
  convertedDeposit: { rentMultiplier: number; smallRentMultiplier: number; smallThreshold: number };
}

// ---- 월차임 전환 ----
export type ConversionVersion = VersionBase &
  (
    | { rule: 'fixed'; rateBp: number }
    | { rule: 'minOfCapAndBaseTimes'; capBp: number; multiplier: number }
    | { rule: 'minOfCapAndBasePlus'; capBp: number; addBp: number }
  );

// ---- 기준금리 ----
export interface BaseRateVersion extends VersionBase {
  /** Basis points: 250 = 2.50 %. */
  rateBp: number;
  /** Set on rows the user added. */
  userAdded?: boolean;
}

// ---- HUG ----
export interface HugVersion extends VersionBase {
  officialPriceMultiplierPercent: number;
  ratioPercent: number;
  capCapitalRegion: number;
  capElsewhere: number;
  /** Building types valued by KB or 한국부동산원 시세 first (◐ 실무 기준). */
  marketValueFirstFor: string[];
  /** HUG's own appraisal accepted for non-apartments (from 2025-10-02, ◐ 실무 기준). */
  appraisalForNonApartments: boolean;
}
export interface HugTable extends ReferenceTable<HugVersion> {
  capitalRegion: string[];
}

// ---- 부채비율 ----
export interface RiskBandVersion extends VersionBase {
  safeMaxPercent: number;
  cautionMaxPercent: number;
  emptyFromPercent: number;
  officialPriceToMarketPercent: number;
  officialPriceNote: string;
}

// ---- 관리비 ----
export interface MaintenanceFeeVersion extends VersionBase {
  thresholdMonthly: number;
  comparison: 'atLeast';
  lines: { key: string; ko: string; en: string }[];
}

// ---- 임대차 신고 ----
export interface LeaseReportVersion extends VersionBase {
  depositOver: number;
  monthlyRentOver: number;
  withinDays: number;
  /**
   * 시행령 §4의3: 특별자치시·특별자치도, every 시 and 자치구, and a 군 only in the listed 시·도
   * (`metropolitanCity` stands for every 광역시).
   */
  regions: { specialSelfGoverning: string[]; cities: boolean; autonomousDistricts: boolean; countiesOf: string[] };
  renewalWithSameAmountsExempt: boolean;
}

// ---- 증액 상한 ----
export interface RenewalCapVersion extends VersionBase {
  numerator: number;
  denominator: number;
  noIncreaseWithinMonths: number;
}

export const priorityRepayment = priorityRepaymentJson as PriorityTable;
export const overcrowdingZone = overcrowdingZoneJson as ReferenceTable<OvercrowdingVersion>;
export const brokerage = brokerageJson as ReferenceTable<BrokerageVersion>;
export const rentConversion = rentConversionJson as ReferenceTable<ConversionVersion>;
export const baseRate = baseRateJson as ReferenceTable<BaseRateVersion>;
export const hugGuarantee = hugGuaranteeJson as HugTable;
export const depositRiskBands = depositRiskBandsJson as ReferenceTable<RiskBandVersion>;
export const maintenanceFeeItemisation = maintenanceFeeItemisationJson as ReferenceTable<MaintenanceFeeVersion>;
export const leaseReport = leaseReportJson as ReferenceTable<LeaseReportVersion>;
export const renewalIncreaseCap = renewalIncreaseCapJson as ReferenceTable<RenewalCapVersion>;

// ---- 미납국세 열람 (국세징수법 §109②) ----
export interface UnpaidTaxViewingVersion extends VersionBase {
  depositOver: number;
}
export const unpaidTaxViewing = unpaidTaxViewingJson as ReferenceTable<UnpaidTaxViewingVersion>;

// ---- 전세사기피해자법 ----
export interface FraudVictimsActVersion extends VersionBase {
  /** The act's 유효기간 (last day). */
  validUntil: string;
  /** Only leases first signed on or before this day are covered (null: no such limit). */
  leasesFirstSignedOnOrBefore: string | null;
}
export const fraudVictimsAct = fraudVictimsActJson as ReferenceTable<FraudVictimsActVersion>;

/**
 * The tables the engines read, by name. The pure engines take this object as an argument, so a
 * reference pack a coordinator loads reaches them without a rebuild; `shippedTables` is the pack
 * bundled with this build. Further tables (programmes, median income, public holidays…) are added
 * beside these as their modules need them.
 */
export interface ReferenceTables {
  priorityRepayment: PriorityTable;
  overcrowdingZone: ReferenceTable<OvercrowdingVersion>;
  brokerage: ReferenceTable<BrokerageVersion>;
  rentConversion: ReferenceTable<ConversionVersion>;
  baseRate: ReferenceTable<BaseRateVersion>;
  hugGuarantee: HugTable;
  depositRiskBands: ReferenceTable<RiskBandVersion>;
  maintenanceFeeItemisation: ReferenceTable<MaintenanceFeeVersion>;
  leaseReport: ReferenceTable<LeaseReportVersion>;
  renewalIncreaseCap: ReferenceTable<RenewalCapVersion>;
  unpaidTaxViewing: ReferenceTable<UnpaidTaxViewingVersion>;
  fraudVictimsAct: ReferenceTable<FraudVictimsActVersion>;
  /** policy (issue 12): the programme catalogue and 기준 중위소득 (data/reference/policy-tables.ts). */
  programmes: ProgrammesTable;
  medianIncome: MedianIncomeTable;
}

/** Every table, for the reference screen and the docs. */
export const referenceTables: ReferenceTable<VersionBase>[] = [
  priorityRepayment,
  overcrowdingZone,
  brokerage,
  rentConversion,
  baseRate,
  hugGuarantee,
  depositRiskBands,
  maintenanceFeeItemisation,
  leaseReport,
  renewalIncreaseCap,
  unpaidTaxViewing,
  fraudVictimsAct,
  programmesTable as unknown as ReferenceTable<VersionBase>, // policy (issue 12)
  medianIncomeTable as unknown as ReferenceTable<VersionBase>,
];

/** A table by its `name` (the name checklist items use in `refTable`), or undefined. */
export function referenceTable(name: string): ReferenceTable<VersionBase> | undefined {
  return referenceTables.find((t) => t.name === name);
}

/**
 * The version in force on `date` (YYYY-MM-DD): the last one whose effectiveFrom ≤ date,
 * or undefined when the date precedes the table. ISO dates compare correctly as strings.
 */
export function versionAt<V extends VersionBase>(table: { versions: V[] }, date: string): V | undefined {
  let found: V | undefined;
  for (const v of table.versions) {
    if (v.effectiveFrom <= date) found = v;
    else break;
  }
  return found;
}

/** A base-rate decision the user records (the app ships no online feed). */
export interface UserBaseRateRow {
  effectiveFrom: string;
  rateBp: number;
  note?: string;
}

/**
 * The shipped base-rate series merged with the user's rows. A user row on the same date as a
 * shipped row replaces it (the user checked it against the Bank of Korea); the result is sorted.
 */
export function mergeBaseRates(userRows: UserBaseRateRow[] = [], series: ReferenceTable<BaseRateVersion> = baseRate): ReferenceTable<BaseRateVersion> {
  const byDate = new Map<string, BaseRateVersion>();
  for (const v of series.versions) byDate.set(v.effectiveFrom, v);
  for (const r of userRows) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.effectiveFrom)) throw new Error(`baseRate.effectiveFrom: not a date: ${r.effectiveFrom}`);
    if (!Number.isInteger(r.rateBp) || r.rateBp < 0 || r.rateBp > 5000) throw new Error(`baseRate.rateBp: out of range: ${r.rateBp}`);
    byDate.set(r.effectiveFrom, { effectiveFrom: r.effectiveFrom, rateBp: r.rateBp, note: r.note, userAdded: true });
  }
  const versions = [...byDate.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return { ...series, versions };
}

/** The base rate in force on `date`, from the shipped series plus the user's rows. */
export function baseRateAt(date: string, userRows: UserBaseRateRow[] = [], series: ReferenceTable<BaseRateVersion> = baseRate): BaseRateVersion | undefined {
  return versionAt(mergeBaseRates(userRows, series), date);
}

/** The tables bundled with this build (the shipped reference pack). */
export const shippedTables: ReferenceTables = {
  priorityRepayment,
  overcrowdingZone,
  brokerage,
  rentConversion,
  baseRate,
  hugGuarantee,
  depositRiskBands,
  maintenanceFeeItemisation,
  leaseReport,
  renewalIncreaseCap,
  unpaidTaxViewing,
  fraudVictimsAct,
  programmes: programmesTable, // policy (issue 12)
  medianIncome: medianIncomeTable,
};
