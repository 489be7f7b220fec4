// The service's own categories, as stable codes. Labels live in the renderer's locales
// (ko first, en second); the codes are what the database and the API carry.

export const SEOUL_DISTRICTS = [
  '종로구', '중구', '용산구', '성동구', '광진구', '동대문구', '중랑구', '성북구', '강북구', '도봉구',
  '노원구', '은평구', '서대문구', '마포구', '양천구', '강서구', '구로구', '금천구', '영등포구', '동작구',
  '관악구', '서초구', '강남구', '송파구', '강동구',
] as const;

export const AGE_BANDS = ['under20', '20s', '30s', '40s', '50s', '60plus'] as const;
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const CASE_TYPES = [
  'contract_consult', // 계약상담
  'housing_search', // 주거지탐색
  'viewing_accompany', // 동행: 집보기 동행
  'contract_day_accompany', // 동행: 계약 당일 동행
  'policy_guide', // 정책안내
] as const;
export const CASE_STATUSES = ['received', 'in_progress', 'completed', 'cancelled'] as const;
export const BUILDING_TYPES = ['apartment', 'rowhouse_multiplex', 'multi_household', 'detached', 'officetel', 'other'] as const;
export const LEASE_TYPES = ['jeonse', 'semi_monthly', 'monthly'] as const;
export const FLOOR_KINDS = ['above', 'semi_basement', 'basement', 'rooftop'] as const;
/** What a client may consent to have collected (개인정보 수집 항목). */
export const CONSENT_ITEMS = ['name', 'phone', 'notes', 'policy'] as const;
/** Retention periods offered on the consent form, in months. */
export const RETENTION_CHOICES = [6, 12, 24, 36] as const;
/** Days before the end of retention when the desk starts warning. */
export const RETENTION_WARNING_DAYS = 30;

export type SeoulDistrict = (typeof SEOUL_DISTRICTS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type Gender = (typeof GENDERS)[number];
export type CaseType = (typeof CASE_TYPES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type BuildingType = (typeof BUILDING_TYPES)[number];
export type LeaseType = (typeof LEASE_TYPES)[number];
export type FloorKind = (typeof FLOOR_KINDS)[number];
export type ConsentItem = (typeof CONSENT_ITEMS)[number];
