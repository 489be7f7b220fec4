// The statistics module's vocabulary and result shapes: shared by the API contract, the
// repository that computes them and the screens (the renderer may not import data/repos).
export const CONSULT_TYPES = ['contract', 'search', 'viewing', 'contract_day', 'policy'] as const;
export type ConsultType = (typeof CONSULT_TYPES)[number];
export const SURVEY_ITEMS = ['solved', 'expertise', 'kindness', 'convenience', 'recommend'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];
export const DIMENSIONS = ['month', 'district', 'manager', 'ageBand', 'gender', 'residence', 'listingDistrict', 'verdict', 'type', 'movingIntoSeoul'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type StatsSource = 'desk' | 'city';

export interface StatsFilter {
  source?: StatsSource;
  /** Inclusive YYYY-MM-DD bounds on the case's opening day. */
  from?: string;
  to?: string;
  districts?: string[];
  managerIds?: string[];
  types?: ConsultType[];
  ageBands?: string[];
  genders?: string[];
}

export interface Counts {
  people: number;
  cases: number;
  /** 건: consultations, one per type per case. */
  consultations: number;
  types: Record<ConsultType, number>;
}

export interface GroupRow extends Counts {
  key: string | null;
}

export interface SurveySummary {
  respondents: number;
  /** Per item: answers, share answering 4 or 5 (satisfied), mean on 1–5. */
  items: Record<SurveyItem, { answers: number; satisfiedShare: number | null; mean: number | null }>;
}

export interface StatsSummary {
  totals: Counts;
  byMonth: GroupRow[];
  byDistrict: GroupRow[];
  byManager: GroupRow[];
  byAgeBand: GroupRow[];
  byGender: GroupRow[];
  byResidence: GroupRow[];
  byListingDistrict: GroupRow[];
  byVerdict: GroupRow[];
  movingIntoSeoul: number;
  /** Viewings held (done) and checklists completed, over the filtered cases. */
  viewingsHeld: number;
  checklistsCompleted: number;
  programmes: { id: string; cases: number }[];
  survey: SurveySummary;
}

export interface DrillRow {
  id: string;
  openedOn: string;
  district: string | null;
  managerId: string | null;
  types: ConsultType[];
  ageBand: string | null;
  gender: string | null;
}

export interface CaseStatsRecord {
  /** False while the types still follow the case's own type (nothing recorded yet). */
  recorded?: boolean;
  types: ConsultType[];
  movingIntoSeoul: boolean | null;
  listingDistrict: string | null;
  verdict: 'safe' | 'caution' | 'danger' | null;
  survey: { on: string; answers: Partial<Record<SurveyItem, number>> } | null;
  /** Undefined on save: the programmes pointed to stay as they are. */
  programmes?: string[];
}
