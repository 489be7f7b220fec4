// The service's own categories, as stable codes: what the database and the API carry. The code
// lists and their labels (ko first, en second) are declared once, in
// checklists/common/vocabulary.ts, and re-exported here for the API's side.
export {
  SEOUL_DISTRICTS, AGE_BANDS, GENDERS, CASE_TYPES, CASE_STATUSES, BUILDING_TYPES, LEASE_TYPES, FLOOR_KINDS,
  type SeoulDistrict, type AgeBand, type Gender, type CaseType, type CaseStatus, type BuildingType, type LeaseType, type FloorKind,
} from '../../checklists/common/vocabulary.js';

/** What a client may consent to have collected (개인정보 수집 항목). */
export const CONSENT_ITEMS = ['name', 'phone', 'notes', 'policy'] as const;
/** Retention periods offered on the consent form, in months. */
export const RETENTION_CHOICES = [6, 12, 24, 36] as const;
/** Days before the end of retention when the desk starts warning. */
export const RETENTION_WARNING_DAYS = 30;

export type ConsentItem = (typeof CONSENT_ITEMS)[number];
