import type { PolicySectionModel } from './policy-section.js';
// The view models the two reports are drawn from. They are plain data: the app fills them from
// the database and the analysis engines (rights analysis, 최우선변제 and HUG calculators,
// checklists, viewings); the report engine only lays them out. Amounts are integer won;
// dates are Seoul calendar dates `YYYY-MM-DD`, times ISO 8601 with offset (`…+09:00`).
// Free-text fields (reasons, notes) arrive already in the report's language.

/** Language of the report's fixed labels (section titles, notes). Content is printed as given. */
export type ReportLocale = 'ko' | 'en';

import type { StopImpression, Verdict, ViewingStatus } from '../../../checklists/common/vocabulary.js';

/** 안전 / 주의 / 위험 (the vocabulary's Verdict). */
export type { Verdict };
/** A badge's tone: a verdict, or neutral information (a rule that could not decide, a note). */
export type Tone = Verdict | 'info';

/** A photo as stored (JPEG, PNG, WebP, TIFF …); it is re-encoded to report resolution. */
export interface ReportPhoto {
  bytes: Uint8Array;
  caption?: string;
  /** When the photo was taken, ISO 8601. */
  takenAt?: string;
}

export interface ManagerInfo {
  /** 주거안심매니저 name (printed in full: the manager signs the report). */
  name: string;
  /** e.g. '서울시 1인가구 전·월세 안심계약 도움서비스 · 관악구'. */
  center: string;
  /** 공인중개사 등록번호, from the manager's profile. */
  brokerRegistrationNo: string;
  phone?: string;
}

export interface ReportListingFacts {
  /** Short name, e.g. '관악구 봉천동 다세대 302호'. */
  title: string;
  address: string;
  /** 아파트, 다세대, 다가구, 오피스텔 … */
  housingType: string;
  /** 전세 / 월세 / 보증부 월세. */
  leaseType: string;
  depositWon: number;
  monthlyRentWon?: number;
  maintenanceFeeWon?: number;
  /** 전용면적 in ㎡. */
  exclusiveAreaM2?: number;
  floor?: string;
  builtYear?: number;
  /** Any further facts, printed as label–value pairs (e.g. 주용도, 위반건축물 여부). */
  extra?: { label: string; value: string }[];
}

export interface RiskFlag {
  /** Rule code, e.g. 'R4'. */
  code: string;
  severity: Tone;
  title: string;
  /** Why this flag was raised for this listing (figures included). */
  reason: string;
  /** The law, rule or source it rests on, e.g. '주택임대차보호법 §8, 시행령 §10·§11'. */
  basis: string;
}

export interface RiskAssessment {
  verdict: Verdict;
  /** One or two sentences. */
  summary: string;
  /** Which listing the assessment concerns (title), when there are several. */
  listingTitle?: string;
  flags: RiskFlag[];
}

export interface ReportLadderEntry {
  /** e.g. '근저당권 (○○은행)', '임차인 (본인)', '선순위 임차보증금'. */
  label: string;
  /** 접수일 or, for the tenant, the date the priority takes effect. */
  date: string;
  amountWon?: number;
  /** The tenant's own place on the ladder (highlighted). */
  isTenant?: boolean;
  /** Extra line, e.g. '을구 1번 · 채권최고액'. */
  note?: string;
}

export interface SeniorityLadder {
  /** Highest priority first. */
  entries: ReportLadderEntry[];
  note?: string;
}

export interface ReportPriorityRepayment {
  /** 최우선변제 대상 여부. */
  eligible: boolean;
  /** The 기준일 of the table applied (the senior 담보물권's 접수일, or today). */
  tableDate: string;
  region: string;
  thresholdWon: number;
  /** Amount protected ahead of the 담보물권, when eligible. */
  protectedAmountWon?: number;
  explanation: string;
  basis: string;
}

export interface ReportHug {
  /** null: cannot be decided from what was entered (e.g. no market value or official price). */
  eligible: boolean | null;
  /** The largest deposit the guarantee would accept, when known. */
  maxDepositWon?: number;
  housePriceWon?: number;
  /** How the house price was taken, e.g. '공시가격 × 140%'. */
  housePriceBasis?: string;
  /** Conditions checked, each met or not. */
  conditions: { label: string; met: boolean | null; detail?: string }[];
  basis: string;
}

export type ChecklistItemStatus = 'ok' | 'problem' | 'na' | 'unchecked';

export interface ChecklistItemResult {
  label: string;
  status: ChecklistItemStatus;
  /** The answer as given (예/아니오, the option chosen, the number with its unit, the text typed). */
  answer?: string;
  /** The template section the item belongs to: unchecked items are summarised per section. */
  section?: string;
  note?: string;
  photos?: ReportPhoto[];
}

export interface ChecklistResult {
  title: string;
  /** Listing or stage it was run for. */
  subject?: string;
  completedAt?: string;
  items: ChecklistItemResult[];
}

export interface SpecialClause {
  text: string;
  /** Why it is proposed for this contract. */
  reason?: string;
}

export interface AfterContractStep {
  title: string;
  /** Due date `YYYY-MM-DD`. */
  dueDate: string;
  detail?: string;
}

/** 상담 결과 보고서: what the tenant takes home after counselling. */
/** One listing's risk verdict and flags, seniority ladder, 최우선변제 and HUG results. */
export interface ListingAssessment {
  risk: RiskAssessment;
  seniority: SeniorityLadder;
  priorityRepayment: ReportPriorityRepayment;
  hug: ReportHug;
}

export interface TenantReportModel {
  /** Which reference pack (and its verification date) the figures came from (issue 13). */
  referencePack?: string;
  /** A contract checklist found the landlord registered as a rental business (issue 13). */
  registeredLandlord?: boolean;
  locale?: ReportLocale;
  /** Demo content: printed with a visible 예시 mark. */
  demo?: boolean;
  /** Date of the report `YYYY-MM-DD`. */
  reportDate: string;
  caseNumber?: string;
  /** The client's full name; the report prints it masked (김*지). No phone number is printed. */
  clientName: string;
  manager: ManagerInfo;
  listings: ReportListingFacts[];
  /** The first listing's assessment (the one with a registry entered, when there is one). */
  risk: RiskAssessment;
  seniority: SeniorityLadder;
  priorityRepayment: ReportPriorityRepayment;
  hug: ReportHug;
  /** The other listings of the case, each assessed the same way. */
  otherAssessments?: ListingAssessment[];
  checklists: ChecklistResult[];
  specialClauses: SpecialClause[];
  afterContractSteps: AfterContractStep[];
  /** lease module: the latest registry re-check of the leased listing, when there is one. */
  registryRecheck?: import('./registry-recheck.js').RegistryRecheckSection;
  /** Optional closing remarks from the manager. */
  managerRemarks?: string;
  /** policy (issue 12): programmes the client may qualify for. */
  programmes?: PolicySectionModel;
  /** listing map: 입지 안내 of the first placed listing (omitted when none has a place). */
  location?: import('./location-section.js').LocationSectionModel;
  /** issue 11: calculator results saved to the case. */
  savedCalcs?: import('./saved-calcs.js').SavedCalcsSection;
}

export type Impression = StopImpression;

export interface ViewingStop {
  listingTitle: string;
  address: string;
  /** ISO 8601 times of arrival and departure. */
  arrivedAt?: string;
  leftAt?: string;
  observations: string[];
  photos: ReportPhoto[];
  impression?: Impression;
  impressionNote?: string;
  followUps?: string[];
  /** Summary of the inspection checklist run at this stop, e.g. '18개 중 문제 2'. */
  checklistSummary?: string;
}

export interface ViewingConfirmation {
  /** The name the tenant typed (printed masked, like the tenant report). */
  typedName: string;
  /** The signature drawn on screen, PNG (transparent background is fine). Absent when typed. */
  signaturePng?: Uint8Array;
  /**
   * 'drawn' (default) or 'typed': the tenant typed their name instead of drawing (for a tenant
   * who cannot draw), with the time and `witness`, the manager who saw it, on the record.
   */
  method?: 'drawn' | 'typed';
  /** The witnessing manager's name (typed confirmations). */
  witness?: string;
  confirmedAt: string;
  /** 1–5. */
  satisfaction?: number;
}

/** 동행 기록지: the record of one accompanied viewing. */
export interface ViewingLogModel {
  locale?: ReportLocale;
  demo?: boolean;
  /** Date of the viewing `YYYY-MM-DD`. */
  date: string;
  caseNumber?: string;
  clientName: string;
  managers: ManagerInfo[];
  meetingPlace: string;
  /** Planned start, ISO 8601. */
  startAt: string;
  endAt?: string;
  status: ViewingStatus;
  /** In visiting order. */
  stops: ViewingStop[];
  nextSteps: string[];
  confirmation?: ViewingConfirmation;
  /** Dated amendments added after confirmation (the original stays as it was). */
  amendments?: { at: string; text: string }[];
}
