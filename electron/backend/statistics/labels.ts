// Korean (and English) labels for the statistics exports and the monthly report. The screens use
// renderer/src/i18n/modules/stats.ts; these are the same words for the files the backend writes.
import type { ConsultType, SurveyItem } from '../../../data/repos/statistics.js';

export type Lc = 'ko' | 'en';
type B = { ko: string; en: string };

export const TYPE_LABEL: Record<ConsultType, B> = {
  contract: { ko: '계약상담', en: 'Contract review' },
  search: { ko: '주거지 탐색', en: 'Housing search' },
  viewing: { ko: '집보기 동행', en: 'Viewing accompaniment' },
  contract_day: { ko: '계약 당일 동행', en: 'Signing-day accompaniment' },
  policy: { ko: '정책 안내', en: 'Policy guidance' },
};

export const SURVEY_LABEL: Record<SurveyItem, B> = {
  solved: { ko: '문제 해결', en: 'Problem solved' },
  expertise: { ko: '전문성', en: 'Expertise' },
  kindness: { ko: '친절', en: 'Kindness' },
  convenience: { ko: '편의', en: 'Convenience' },
  recommend: { ko: '추천 의향', en: 'Would recommend' },
};

export const AGE_LABEL: Record<string, B> = {
  under20: { ko: '20세 미만', en: 'Under 20' },
  '20s': { ko: '20대', en: '20s' },
  '30s': { ko: '30대', en: '30s' },
  '40s': { ko: '40대', en: '40s' },
  '50s': { ko: '50대', en: '50s' },
  '60plus': { ko: '60대 이상', en: '60 and over' },
};
export const GENDER_LABEL: Record<string, B> = {
  female: { ko: '여성', en: 'Female' },
  male: { ko: '남성', en: 'Male' },
  other: { ko: '기타', en: 'Other' },
  undisclosed: { ko: '밝히지 않음', en: 'Undisclosed' },
};
export const VERDICT_LABEL: Record<string, B> = {
  safe: { ko: '안전', en: 'Safe' },
  caution: { ko: '주의', en: 'Caution' },
  danger: { ko: '위험', en: 'Danger' },
};

export const H = {
  dimension: { ko: '구분', en: 'Dimension' },
  item: { ko: '항목', en: 'Item' },
  people: { ko: '인원(명)', en: 'People' },
  cases: { ko: '상담 사례', en: 'Cases' },
  consultations: { ko: '상담(건)', en: 'Consultations' },
  share: { ko: '비율(건 기준)', en: 'Share of consultations' },
  unknown: { ko: '미상', en: 'Unknown' },
  month: { ko: '월', en: 'Month' },
  district: { ko: '자치구(센터)', en: 'District (desk)' },
  manager: { ko: '담당 매니저', en: 'Manager' },
  ageBand: { ko: '연령대', en: 'Age band' },
  gender: { ko: '성별', en: 'Gender' },
  residence: { ko: '거주 자치구', en: 'Residence district' },
  listingDistrict: { ko: '매물 소재 자치구', en: 'Listing district' },
  verdict: { ko: '위험 판정', en: 'Risk verdict' },
  programme: { ko: '안내한 정책', en: 'Programme pointed to' },
  survey: { ko: '만족도', en: 'Satisfaction' },
  answers: { ko: '응답 수', en: 'Answers' },
  satisfied: { ko: '만족 비율(4–5점)', en: 'Satisfied (4–5)' },
  mean: { ko: '평균(5점)', en: 'Mean (of 5)' },
  summary: { ko: '요약', en: 'Summary' },
  total: { ko: '합계', en: 'Total' },
  movingIntoSeoul: { ko: '서울 전입 예정', en: 'Moving into Seoul' },
  viewingsHeld: { ko: '집보기 동행 횟수', en: 'Viewings held' },
  checklistsCompleted: { ko: '완료한 점검표', en: 'Checklists completed' },
  period: { ko: '기간', en: 'Period' },
  source: { ko: '자료', en: 'Data' },
  desk: { ko: '이 센터', en: 'This desk' },
  city: { ko: '서울시 전체 (센터 파일 합산)', en: 'City-wide (desk files)' },
  note: { ko: '삭제·시연 기록 제외. 개인정보(이름·연락처·생년월일·메모)는 담지 않습니다. 유형 비율은 상담(건) 기준이며 한 사례에 여러 유형이 있을 수 있습니다.', en: 'Deleted and demo records excluded. No personal data (names, phones, birthdates, notes). Type shares are over consultations; a case can have several types.' },
} satisfies Record<string, B>;
