// Runtime schemas for every API method's input: the boundary where the renderer's
// (or any HTTP client's) data is checked before a handler sees it.
import { z } from 'zod';
import { isValidDate } from '../../checklists/common/seoul-time.js';
import { MAX_AMOUNT } from '../../checklists/common/money.js';
import {
  AGE_BANDS, BUILDING_TYPES, CASE_STATUSES, CASE_TYPES, CONSENT_ITEMS, FLOOR_KINDS, GENDERS, LEASE_TYPES,
  SEOUL_DISTRICTS,
} from './domain.js';
import { bilingualIssue, bilingualMessage } from './errors.js';

export const id = z.uuid(bilingualIssue('올바른 ID가 아닙니다.', 'Not a valid id.'));
export const date = z
  .string()
  .refine(isValidDate, bilingualIssue('날짜는 YYYY-MM-DD 형식이어야 합니다.', 'Dates are YYYY-MM-DD.'));
/** Won, integer, non-negative, below the impossible-amount ceiling. */
export const amount = z
  .number()
  .int(bilingualIssue('금액은 원 단위 정수여야 합니다.', 'Amounts are whole won.'))
  .min(0, bilingualIssue('금액은 0 이상이어야 합니다.', 'The amount cannot be negative.'))
  .max(MAX_AMOUNT, bilingualIssue('1조원을 넘는 금액은 입력할 수 없습니다.', 'Amounts above KRW 1 trillion are not accepted.'));
const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).optional().nullable();
export const district = z.enum(SEOUL_DISTRICTS, bilingualIssue('서울시 자치구를 선택하세요.', 'Choose a Seoul district.'));
export const pin = z
  .string()
  .regex(/^\d{4,8}$/, bilingualIssue('PIN은 숫자 4~8자리입니다.', 'The PIN is 4 to 8 digits.'));

// ── managers and the session ─────────────────────────────────────────────
export const managerInput = z.object({
  name: text(40).min(1),
  center: text(60).default(''),
  brokerRegNo: text(40).default(''),
  districts: z.array(district).max(25).default([]),
  pin,
});
/** Sign-in lists active managers; Settings also the deactivated ones. */
export const managerListFilter = z.object({ includeInactive: z.boolean().optional() }).default({});
/** Only the fields given change (no defaults here, unlike managerInput). */
export const managerUpdate = z.object({
  id,
  name: text(40).min(1).optional(),
  center: text(60).optional(),
  brokerRegNo: text(40).optional(),
  districts: z.array(district).max(25).optional(),
});

// ── clients ──────────────────────────────────────────────────────────────
export const consentInput = z.object({
  given: z.boolean(),
  date: date.optional().nullable(),
  retentionMonths: z.number().int().min(1).max(60).optional().nullable(),
  items: z.array(z.enum(CONSENT_ITEMS)).default([]),
  purpose: optText(200),
});

const clientFields = z.object({
  consent: consentInput,
  name: optText(40),
  phone: z
    .string()
    .trim()
    .regex(/^[+\d][\d\s-]{6,18}$/, bilingualIssue('전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678).', 'Not a phone number (e.g. 010-1234-5678).'))
    .optional()
    .nullable()
    .or(z.literal('')),
  notes: optText(2000),
  ageBand: z.enum(AGE_BANDS).optional().nullable(),
  gender: z.enum(GENDERS).optional().nullable(),
  currentDistrict: district.optional().nullable(),
  desiredDistricts: z.array(district).max(25).default([]),
  budgetDeposit: amount.optional().nullable(),
  budgetMonthlyRent: amount.optional().nullable(),
  budgetMaintenance: amount.optional().nullable(),
  moveInDate: date.optional().nullable(),
});

/** No consent, no personal fields; and only the items consented to. */
function checkConsent(v: z.infer<typeof clientFields>, ctx: z.RefinementCtx) {
  const personal: [keyof typeof v & ('name' | 'phone' | 'notes'), string, string][] = [
    ['name', '이름', 'Name'],
    ['phone', '연락처', 'Phone'],
    ['notes', '메모', 'Notes'],
  ];
  for (const [key, ko, en] of personal) {
    if (!v[key]) continue;
    if (!v.consent.given) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        ...bilingualMessage(
          `개인정보 수집·이용 동의가 없으면 ${ko}을(를) 저장할 수 없습니다.`,
          `${en} cannot be stored without consent to collect personal data.`,
        ),
      });
    } else if (!v.consent.items.includes(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        ...bilingualMessage(`${ko}은(는) 동의한 수집 항목이 아닙니다.`, `${en} is not among the consented items.`),
      });
    }
  }
  if (v.consent.given) {
    if (!v.consent.date)
      ctx.addIssue({ code: 'custom', path: ['consent', 'date'], ...bilingualMessage('동의한 날짜를 입력하세요.', 'Enter the date consent was given.') });
    if (!v.consent.retentionMonths)
      ctx.addIssue({ code: 'custom', path: ['consent', 'retentionMonths'], ...bilingualMessage('보유 기간을 선택하세요.', 'Choose the retention period.') });
    if (!v.consent.purpose)
      ctx.addIssue({ code: 'custom', path: ['consent', 'purpose'], ...bilingualMessage('수집·이용 목적을 입력하세요.', 'Enter the purpose of collection.') });
  }
}

export const clientInput = clientFields.superRefine(checkConsent);
export const clientUpdate = clientFields.extend({ id }).superRefine(checkConsent);

// ── cases ────────────────────────────────────────────────────────────────
const caseFields = z.object({
  clientId: id,
  caseType: z.enum(CASE_TYPES),
  status: z.enum(CASE_STATUSES).default('received'),
  district: district.optional().nullable(),
  managerId: id.optional().nullable(),
  openedOn: date,
  closedOn: date.optional().nullable(),
  notes: optText(4000),
});
export const caseInput = caseFields;
export const caseUpdate = caseFields.extend({ id });
export const caseFilter = z.object({
  query: text(100).optional(),
  district: district.optional(),
  caseType: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  managerId: id.optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/, bilingualIssue('월은 YYYY-MM 형식입니다.', 'Months are YYYY-MM.')).optional(),
  clientId: id.optional(),
});

// ── listings ─────────────────────────────────────────────────────────────
const listingFields = z
  .object({
    caseId: id,
    roadAddress: optText(200),
    jibunAddress: optText(200),
    dong: optText(20),
    ho: optText(20),
    buildingType: z.enum(BUILDING_TYPES),
    leaseType: z.enum(LEASE_TYPES),
    deposit: amount,
    monthlyRent: amount.default(0),
    maintenanceFee: amount.optional().nullable(),
    exclusiveAreaM2: z.number().positive().max(10_000).optional().nullable(),
    floor: z.number().int().min(-10).max(200).optional().nullable(),
    floorKind: z.enum(FLOOR_KINDS).optional().nullable(),
    approvalYear: z.number().int().min(1900).max(2100).optional().nullable(),
    marketValue: amount.optional().nullable(),
    /** KB 시세, 한국부동산원 시세, or an asking price (HUG counts only the first two). */
    marketValueSource: z.enum(['kb', 'reb', 'asking'], bilingualIssue('시세 출처를 고르세요.', 'Choose where the market value is from.')).optional().nullable(),
    officialPrice: amount.optional().nullable(),
    lat: z.number().min(33).max(39).optional().nullable(),
    lon: z.number().min(124).max(132).optional().nullable(),
    landlordName: optText(40),
    brokerName: optText(40),
    brokerOffice: optText(80),
    brokerRegNo: optText(40),
    notes: optText(4000),
  });

function checkListing(v: z.infer<typeof listingFields>, ctx: z.RefinementCtx) {
  if (!v.roadAddress && !v.jibunAddress) {
    ctx.addIssue({ code: 'custom', path: ['roadAddress'], ...bilingualMessage('도로명 또는 지번 주소를 입력하세요.', 'Enter a road-name or lot-number address.') });
  }
  if (v.leaseType === 'jeonse' && v.monthlyRent > 0) {
    ctx.addIssue({ code: 'custom', path: ['monthlyRent'], ...bilingualMessage('전세는 월세가 0원입니다. 월세가 있으면 보증부월세를 고르세요.', 'A jeonse has no monthly rent; choose deposit + monthly rent.') });
  }
  if (v.leaseType !== 'monthly' && v.deposit === 0) {
    ctx.addIssue({ code: 'custom', path: ['deposit'], ...bilingualMessage('보증금을 입력하세요.', 'Enter the deposit.') });
  }
  if (v.leaseType !== 'jeonse' && v.monthlyRent === 0) {
    ctx.addIssue({ code: 'custom', path: ['monthlyRent'], ...bilingualMessage('월세 금액을 입력하세요.', 'Enter the monthly rent.') });
  }
  if ((v.lat == null) !== (v.lon == null)) {
    ctx.addIssue({ code: 'custom', path: ['lat'], ...bilingualMessage('위도와 경도를 함께 입력하세요.', 'Enter latitude and longitude together.') });
  }
}
export const listingInput = listingFields.superRefine(checkListing);
export const listingUpdate = listingFields.extend({ id }).superRefine(checkListing);
export const listingFilter = z.object({ query: text(100).optional(), caseId: id.optional() });

export const byId = z.object({ id });
export const search = z.object({ query: text(100).optional() });
export const empty = z.object({}).default({});
export const lockAfter = z.object({ minutes: z.number().int().min(1).max(240) });
export const phoneLookup = z.object({ phone: z.string().trim().min(4).max(20) });
export const sessionStart = z.object({ id, pin });
export const pinOnly = z.object({ pin });

/** A file the user picked (renderer/src/api/files.ts → upload or the system dialog); raw paths are refused. */
export const fileRef = z.object({ ref: z.string().min(1).max(400) }).strict();
export type FileRef = z.infer<typeof fileRef>;
