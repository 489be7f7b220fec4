// The service's vocabulary: every code list with its one label table (ko first, en second).
// The database, the API, the engines, the CLI, the reports and the renderer's locales all take
// their codes and words from here, so a code has one spelling and one pair of labels.
// Pure (no I/O), so it sits in checklists/common where every side may import it;
// electron/api/domain.ts re-exports the lists the API carries.

/** Text in both of the desk's languages. */
export interface Bilingual {
  ko: string;
  en: string;
}

export type Locale = keyof Bilingual;

/** One label pair per code. */
export type LabelTable<C extends string> = Readonly<Record<C, Bilingual>>;

/** One language's column of a label table (for i18n resources): `labelsIn(LEASE_TYPE_LABELS, 'ko')`. */
export function labelsIn<C extends string>(table: LabelTable<C>, locale: Locale): Record<C, string> {
  return Object.fromEntries(Object.entries<Bilingual>(table).map(([code, label]) => [code, label[locale]])) as Record<C, string>;
}

/** Whether a stored or typed value is one of a list's codes. */
export function isCode<C extends string>(list: readonly C[], value: unknown): value is C {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- Seoul's districts (자치구)

export const SEOUL_DISTRICTS = [
  '종로구', '중구', '용산구', '성동구', '광진구', '동대문구', '중랑구', '성북구', '강북구', '도봉구',
  '노원구', '은평구', '서대문구', '마포구', '양천구', '강서구', '구로구', '금천구', '영등포구', '동작구',
  '관악구', '서초구', '강남구', '송파구', '강동구',
] as const;
export type SeoulDistrict = (typeof SEOUL_DISTRICTS)[number];

// ---------------------------------------------------------------- building types (주택 유형)

/**
 * 연립 and 다세대 are told apart by floor area (building register), which the desk does not
 * always know: `rowhouse_multiplex` (연립·다세대) is the code for "one of the two". Rows stored
 * with it keep it — never guess a split.
 */
export const BUILDING_TYPES = ['apartment', 'rowhouse', 'multiplex', 'rowhouse_multiplex', 'multi_household', 'detached', 'officetel', 'other'] as const;
export type BuildingType = (typeof BUILDING_TYPES)[number];

export const BUILDING_TYPE_LABELS: LabelTable<BuildingType> = {
  apartment: { ko: '아파트', en: 'Apartment' },
  rowhouse: { ko: '연립', en: 'Row house' },
  multiplex: { ko: '다세대', en: 'Multiplex (villa)' },
  rowhouse_multiplex: { ko: '연립·다세대', en: 'Row house / multiplex' },
  multi_household: { ko: '다가구', en: 'Multi-household house' },
  detached: { ko: '단독', en: 'Detached house' },
  officetel: { ko: '오피스텔', en: 'Officetel' },
  other: { ko: '기타', en: 'Other' },
};

/** The words users write for each building type (spaces ignored), beside the codes themselves. */
const BUILDING_TYPE_WORDS: Record<string, BuildingType> = {
  아파트: 'apartment',
  연립: 'rowhouse', 연립주택: 'rowhouse',
  다세대: 'multiplex', 다세대주택: 'multiplex', 빌라: 'multiplex',
  '연립·다세대': 'rowhouse_multiplex', '연립/다세대': 'rowhouse_multiplex', '연립,다세대': 'rowhouse_multiplex', '연립다세대': 'rowhouse_multiplex', '연립·다세대주택': 'rowhouse_multiplex',
  다가구: 'multi_household', 다가구주택: 'multi_household',
  단독: 'detached', 단독주택: 'detached',
  오피스텔: 'officetel',
  기타: 'other',
  // Earlier spelling of the calculators' code, still accepted from scripts.
  multiHousehold: 'multi_household',
};

/** The building type a user's word names (`연립·다세대`, `다가구주택`, `officetel`…), or undefined. */
export function parseBuildingType(word: string): BuildingType | undefined {
  const w = word.replace(/\s+/g, '').replace(/[ㆍ･・]/g, '·');
  if ((BUILDING_TYPES as readonly string[]).includes(w)) return w as BuildingType;
  return BUILDING_TYPE_WORDS[w];
}

/** For messages: the Korean words accepted. */
export const BUILDING_TYPE_WORDS_HINT = '아파트, 연립, 다세대, 연립·다세대, 다가구(주택), 단독, 오피스텔, 기타';

// ---------------------------------------------------------------- leases, floors

export const LEASE_TYPES = ['jeonse', 'semi_monthly', 'monthly'] as const;
export type LeaseType = (typeof LEASE_TYPES)[number];
export const LEASE_TYPE_LABELS: LabelTable<LeaseType> = {
  jeonse: { ko: '전세', en: 'Jeonse' },
  semi_monthly: { ko: '보증부월세', en: 'Deposit + monthly rent' },
  monthly: { ko: '월세', en: 'Monthly rent' },
};

export const FLOOR_KINDS = ['above', 'semi_basement', 'basement', 'rooftop'] as const;
export type FloorKind = (typeof FLOOR_KINDS)[number];
export const FLOOR_KIND_LABELS: LabelTable<FloorKind> = {
  above: { ko: '지상', en: 'Above ground' },
  semi_basement: { ko: '반지하', en: 'Semi-basement' },
  basement: { ko: '지하', en: 'Basement' },
  rooftop: { ko: '옥탑', en: 'Rooftop' },
};

// ---------------------------------------------------------------- clients and cases

export const AGE_BANDS = ['under20', '20s', '30s', '40s', '50s', '60plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: LabelTable<AgeBand> = {
  under20: { ko: '20대 미만', en: 'Under 20' },
  '20s': { ko: '20대', en: '20s' },
  '30s': { ko: '30대', en: '30s' },
  '40s': { ko: '40대', en: '40s' },
  '50s': { ko: '50대', en: '50s' },
  '60plus': { ko: '60대 이상', en: '60 and over' },
};

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: LabelTable<Gender> = {
  female: { ko: '여성', en: 'Female' },
  male: { ko: '남성', en: 'Male' },
  other: { ko: '기타', en: 'Other' },
  undisclosed: { ko: '응답 안 함', en: 'Not stated' },
};

export const CASE_TYPES = ['contract_consult', 'housing_search', 'viewing_accompany', 'contract_day_accompany', 'policy_guide'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: LabelTable<CaseType> = {
  contract_consult: { ko: '계약상담', en: 'Contract advice' },
  housing_search: { ko: '주거지탐색', en: 'Housing search' },
  viewing_accompany: { ko: '동행 · 집보기', en: 'Accompanied viewing' },
  contract_day_accompany: { ko: '동행 · 계약 당일', en: 'Contract-day accompaniment' },
  policy_guide: { ko: '정책안내', en: 'Programme guidance' },
};

export const CASE_STATUSES = ['received', 'in_progress', 'completed', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: LabelTable<CaseStatus> = {
  received: { ko: '접수', en: 'Received' },
  in_progress: { ko: '진행', en: 'In progress' },
  completed: { ko: '완료', en: 'Completed' },
  cancelled: { ko: '취소', en: 'Cancelled' },
};

// ---------------------------------------------------------------- verdicts and severities

/** A checklist run's or a registry analysis's overall result: 안전 / 주의 / 위험. */
export const VERDICTS = ['safe', 'caution', 'danger'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: LabelTable<Verdict> = {
  safe: { ko: '안전', en: 'Safe' },
  caution: { ko: '주의', en: 'Caution' },
  danger: { ko: '위험', en: 'Danger' },
};

/** How a checklist answer reads: 정상 / 주의 / 위험 (template options and thresholds carry it). */
export const ITEM_SEVERITIES = ['ok', 'caution', 'danger'] as const;
export type ItemSeverity = (typeof ITEM_SEVERITIES)[number];
export const ITEM_SEVERITY_LABELS: LabelTable<ItemSeverity> = {
  ok: { ko: '정상', en: 'OK' },
  caution: { ko: '주의', en: 'Caution' },
  danger: { ko: '위험', en: 'Danger' },
};

/** How serious a registry-analysis flag is: 위험 / 주의 / 정보. */
export const FLAG_SEVERITIES = ['danger', 'caution', 'info'] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];
export const FLAG_SEVERITY_LABELS: LabelTable<FlagSeverity> = {
  danger: { ko: '위험', en: 'Danger' },
  caution: { ko: '주의', en: 'Caution' },
  info: { ko: '정보', en: 'Info' },
};

// ---------------------------------------------------------------- viewings (안심동행)

export const VIEWING_STATUSES = ['planned', 'done', 'cancelled', 'no-show'] as const;
export type ViewingStatus = (typeof VIEWING_STATUSES)[number];
export const VIEWING_STATUS_LABELS: LabelTable<ViewingStatus> = {
  planned: { ko: '예정', en: 'Planned' },
  done: { ko: '완료', en: 'Done' },
  cancelled: { ko: '취소', en: 'Cancelled' },
  'no-show': { ko: '불참', en: 'No-show' },
};

/** The tenant's impression of a visited listing. */
export const STOP_IMPRESSIONS = ['good', 'ok', 'poor'] as const;
export type StopImpression = (typeof STOP_IMPRESSIONS)[number];
export const STOP_IMPRESSION_LABELS: LabelTable<StopImpression> = {
  good: { ko: '좋음', en: 'Good' },
  ok: { ko: '보통', en: 'Fair' },
  poor: { ko: '아쉬움', en: 'Disappointing' },
};
