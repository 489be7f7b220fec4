// Fixed wording of the reports in Korean and English. The report's language is the model's
// `locale` (default Korean); content from the model is printed as given.
import {
  FLAG_SEVERITY_LABELS, STOP_IMPRESSION_LABELS, VERDICT_LABELS, VIEWING_STATUS_LABELS, type Bilingual, type ViewingStatus,
} from '../../../checklists/common/vocabulary.js';
import type { ChecklistItemStatus, Impression, ReportLocale, Tone } from './models.js';

export type { Bilingual };

export const L = {
  tenantTitle: { ko: '상담 결과 보고서', en: 'Counselling report' },
  viewingTitle: { ko: '동행 기록지', en: 'Accompanied viewing record' },
  service: { ko: '서울시 1인가구 전·월세 안심계약 도움서비스', en: 'Seoul single-household safe rental contract service' },
  demoMark: { ko: '예시 (데모 자료)', en: 'SAMPLE (demo data)' },
  client: { ko: '상담 신청인', en: 'Client' },
  caseNumber: { ko: '사건 번호', en: 'Case no.' },
  reportDate: { ko: '작성일', en: 'Date' },
  manager: { ko: '주거안심매니저', en: 'Housing safety manager' },
  center: { ko: '소속', en: 'Centre' },
  brokerNo: { ko: '공인중개사 등록번호', en: 'Realtor registration no.' },
  listings: { ko: '상담 매물', en: 'Listings' },
  address: { ko: '소재지', en: 'Address' },
  housingType: { ko: '주택 유형', en: 'Type' },
  leaseType: { ko: '계약 형태', en: 'Lease' },
  deposit: { ko: '보증금', en: 'Deposit' },
  monthlyRent: { ko: '월세', en: 'Monthly rent' },
  maintenanceFee: { ko: '관리비', en: 'Maintenance fee' },
  area: { ko: '전용면적', en: 'Exclusive area' },
  floor: { ko: '층', en: 'Floor' },
  builtYear: { ko: '사용승인', en: 'Built' },
  risk: { ko: '위험도 판단', en: 'Risk assessment' },
  flagCode: { ko: '항목', en: 'Rule' },
  flagLevel: { ko: '수준', en: 'Level' },
  flagReason: { ko: '내용과 이유', en: 'Finding and reason' },
  flagBasis: { ko: '근거', en: 'Basis' },
  noFlags: { ko: '확인된 위험 요소가 없습니다.', en: 'No risk factors were found.' },
  seniority: { ko: '권리 순위 (배당 순서)', en: 'Order of priority (distribution order)' },
  seniorityHint: {
    ko: '위에 있을수록 경매·공매 때 먼저 배당받습니다. 강조된 칸이 임차인의 자리입니다.',
    en: 'Higher entries are paid first in an auction. The highlighted box is the tenant.',
  },
  priority: { ko: '최우선변제 (소액임차인)', en: 'Priority repayment (small-deposit tenants)' },
  priorityEligible: { ko: '최우선변제 대상', en: 'Eligible' },
  priorityNotEligible: { ko: '최우선변제 대상 아님', en: 'Not eligible' },
  tableDate: { ko: '적용 기준일', en: 'Table date' },
  region: { ko: '지역', en: 'Region' },
  threshold: { ko: '보증금 기준', en: 'Deposit threshold' },
  protectedAmount: { ko: '우선 변제 금액', en: 'Protected amount' },
  basis: { ko: '근거', en: 'Basis' },
  hug: { ko: '전세보증금반환보증 (HUG)', en: 'Deposit return guarantee (HUG)' },
  hugEligible: { ko: '가입 가능', en: 'Eligible' },
  hugNotEligible: { ko: '가입 어려움', en: 'Not eligible' },
  hugUnknown: { ko: '판단 불가 (입력 부족)', en: 'Cannot tell (facts missing)' },
  unknown: { ko: '확인 필요', en: 'To check' },
  hugMaxDeposit: { ko: '보증 가능 보증금 한도', en: 'Largest deposit accepted' },
  housePrice: { ko: '주택가격', en: 'House price' },
  condition: { ko: '조건', en: 'Condition' },
  met: { ko: '충족', en: 'Met' },
  notMet: { ko: '미충족', en: 'Not met' },
  checklists: { ko: '점검 결과', en: 'Checklist results' },
  problemsFirst: { ko: '문제가 있는 항목을 먼저 표시합니다.', en: 'Items with problems are listed first.' },
  item: { ko: '항목', en: 'Item' },
  result: { ko: '결과', en: 'Result' },
  note: { ko: '메모', en: 'Note' },
  answer: { ko: '답', en: 'Answer' },
  photos: { ko: '사진', en: 'Photos' },
  noItems: { ko: '기록된 항목이 없습니다.', en: 'No items were recorded.' },
  clauses: { ko: '제안 특약사항', en: 'Proposed special terms' },
  clauseReason: { ko: '제안 이유', en: 'Why' },
  steps: { ko: '계약 후 할 일', en: 'After signing' },
  dueDate: { ko: '기한', en: 'By' },
  step: { ko: '할 일', en: 'Step' },
  remarks: { ko: '매니저 의견', en: "Manager's remarks" },
  disclaimer: {
    ko: '이 보고서는 상담 시점에 확인한 자료를 바탕으로 정보를 제공하기 위한 것이며, 법률 자문이 아닙니다. 계약 전 등기사항전부증명서 등 서류를 다시 확인하시고, 법률 판단이 필요하면 변호사나 전월세종합지원센터(02-2133-1200)와 상담하세요.',
    en: 'This report gives information based on the documents checked at the time of counselling; it is not legal advice. Check the registry and other documents again before signing, and consult a lawyer or the Seoul Rental Support Centre (02-2133-1200) for legal questions.',
  },
  footerNote: { ko: '정보 제공용 자료이며 법률 자문이 아닙니다.', en: 'For information only; not legal advice.' },
  tenantTag: { ko: '임차인', en: 'Tenant' },
  imageMissing: { ko: '사진을 표시할 수 없습니다', en: 'Image unavailable' },
  // Viewing log
  viewingDate: { ko: '일자', en: 'Date' },
  meetingPlace: { ko: '만나는 곳', en: 'Meeting place' },
  time: { ko: '시간', en: 'Time' },
  status: { ko: '상태', en: 'Status' },
  managers: { ko: '동행 매니저', en: 'Managers' },
  route: { ko: '방문 경로', en: 'Route' },
  order: { ko: '순서', en: 'Order' },
  listing: { ko: '매물', en: 'Listing' },
  arrived: { ko: '도착', en: 'Arrived' },
  left: { ko: '출발', en: 'Left' },
  duration: { ko: '머문 시간', en: 'Duration' },
  observations: { ko: '확인한 내용', en: 'Observations' },
  impression: { ko: '임차인 인상', en: "Tenant's impression" },
  followUps: { ko: '추가 확인할 일', en: 'Follow-ups' },
  checklist: { ko: '점검표', en: 'Checklist' },
  nextSteps: { ko: '다음 단계', en: 'Next steps' },
  confirmation: { ko: '임차인 확인', en: "Tenant's confirmation" },
  confirmText: {
    ko: '위 동행 기록의 내용을 확인했습니다.',
    en: 'I have read and confirm this viewing record.',
  },
  typedName: { ko: '성명', en: 'Name' },
  confirmMethod: { ko: '확인 방법', en: 'Confirmed by' },
  methodDrawn: { ko: '화면 서명', en: 'Signature drawn on screen' },
  methodTyped: { ko: '이름 입력 확인 (서명 대신, 매니저 입회)', en: 'Typed name instead of a signature (manager as witness)' },
  witness: { ko: '입회인', en: 'Witness' },
  typedConfirmText: {
    ko: '임차인이 서명 대신 자신의 이름을 직접 입력해 위 동행 기록의 내용을 확인했으며, 매니저가 입회했습니다.',
    en: 'Instead of signing, the tenant typed their own name to confirm this viewing record, witnessed by the manager.',
  },
  signatureAlt: { ko: '임차인 서명', en: "Tenant's signature" },
  confirmedAt: { ko: '확인 시각', en: 'Confirmed at' },
  satisfaction: { ko: '만족도', en: 'Satisfaction' },
  notConfirmed: { ko: '아직 임차인 확인 전입니다.', en: 'Not yet confirmed by the tenant.' },
  amendments: { ko: '정정 기록 (원본 유지)', en: 'Amendments (original kept)' },
} satisfies Record<string, Bilingual>;

/** The verdict words the checklists use everywhere, plus the neutral 정보 for a flag that informs. */
export const VERDICT_LABEL: Record<Tone, Bilingual> = {
  info: FLAG_SEVERITY_LABELS.info,
  ...VERDICT_LABELS,
};

export const STATUS_LABEL: Record<ChecklistItemStatus, Bilingual> = {
  problem: { ko: '문제', en: 'Problem' },
  ok: { ko: '양호', en: 'OK' },
  na: { ko: '해당 없음', en: 'N/A' },
  unchecked: { ko: '미확인', en: 'Not checked' },
};

export const IMPRESSION_LABEL: Record<Impression, Bilingual> = STOP_IMPRESSION_LABELS;
export const VIEWING_STATUS_LABEL: Record<ViewingStatus, Bilingual> = VIEWING_STATUS_LABELS;

export function t(label: Bilingual, locale: ReportLocale = 'ko'): string {
  return label[locale];
}

/** Wording with numbers in it, in both languages. */
export const F = {
  rank: (i: number, lc: ReportLocale) => (lc === 'ko' ? `${i}순위` : `#${i}`),
  upTo: (amount: string, lc: ReportLocale) => (lc === 'ko' ? `${amount} 이하` : `up to ${amount}`),
  problemCount: (problems: number, items: number, lc: ReportLocale) =>
    lc === 'ko' ? `문제 ${problems} / ${items}개 항목` : `${problems} problem(s) of ${items}`,
  unchecked: (section: string, n: number, lc: ReportLocale) =>
    lc === 'ko' ? `${section ? `${section}: ` : ''}미확인 ${n}개 항목` : `${section ? `${section}: ` : ''}${n} item(s) not checked`,
  minutes: (n: number, lc: ReportLocale) => (lc === 'ko' ? `${n}분` : `${n} min`),
};

/** "page 2 / 5" in the report's language. */
export function pageLabel(page: number, total: number, locale: ReportLocale = 'ko'): string {
  return locale === 'ko' ? `${page} / ${total} 쪽` : `page ${page} / ${total}`;
}
