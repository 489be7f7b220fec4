// The service's own categories, as stable codes: what the database and the API carry. The code
// lists and their labels (ko first, en second) are declared once, in
// checklists/common/vocabulary.ts, and re-exported here for the API's side.
export {
  AGE_BANDS, GENDERS, CASE_TYPES, CASE_STATUSES, BUILDING_TYPES, LEASE_TYPES, FLOOR_KINDS,
  type AgeBand, type Gender, type CaseType, type CaseStatus, type BuildingType, type LeaseType, type FloorKind,
} from '../../checklists/common/vocabulary.js';

export const SEOUL_DISTRICTS = [
  '종로구', '중구', '용산구', '성동구', '광진구', '동대문구', '중랑구', '성북구', '강북구', '도봉구',
  '노원구', '은평구', '서대문구', '마포구', '양천구', '강서구', '구로구', '금천구', '영등포구', '동작구',
  '관악구', '서초구', '강남구', '송파구', '강동구',
] as const;

/** What a client may consent to have collected (개인정보 수집 항목). */
export const CONSENT_ITEMS = ['name', 'phone', 'notes', 'policy'] as const;
/** Retention periods offered on the consent form, in months. */
export const RETENTION_CHOICES = [6, 12, 24, 36] as const;
/** Days before the end of retention when the desk starts warning. */
export const RETENTION_WARNING_DAYS = 30;

export type SeoulDistrict = (typeof SEOUL_DISTRICTS)[number];
export type ConsentItem = (typeof CONSENT_ITEMS)[number];
