// Korean is the app's first language; every key here must exist in en.ts too (a test checks).
import {
  AGE_BAND_LABELS, BUILDING_TYPE_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS, FLOOR_KIND_LABELS, GENDER_LABELS, LEASE_TYPE_LABELS, labelsIn,
} from '../../../checklists/common/vocabulary.js';
export const ko = {
  app: { name: '안심데스크', tagline: '1인가구 전·월세 안심계약 도움서비스', demoBadge: '데모', notAdvice: '이 앱은 정보를 제공할 뿐 법률 자문이 아닙니다.' },
  nav: {
    dashboard: '홈', clients: '고객', cases: '상담', listings: '매물', checklists: '체크리스트', viewings: '안심동행', reports: '보고서',
    policies: '정책안내', siteStudy: '부지 분석', statistics: '통계', settings: '설정', soon: '준비 중',
  },
  common: {
    save: '저장', cancel: '취소', edit: '수정', delete: '삭제', undo: '되돌리기', close: '닫기', add: '추가', search: '검색',
    loading: '불러오는 중…', empty: '아직 항목이 없습니다.', noResults: '검색 결과가 없습니다.', all: '전체', yes: '예', no: '아니오',
    confirmDelete: '정말 삭제할까요?', deleted: '삭제했습니다.', saved: '저장했습니다.', required: '필수', optional: '선택',
    back: '뒤로', lastChangedBy: '마지막 수정', retry: '다시 시도', error: '오류', none: '없음', language: 'English',
  },
  session: {
    whoIsWorking: '누가 근무 중인가요?', pin: 'PIN', signIn: '시작', signOut: '근무 종료', lock: '잠금', locked: '화면이 잠겼습니다',
    unlock: '잠금 해제', unlockHint: '{{name}} 님의 PIN을 입력하세요.', switchUser: '다른 매니저로 시작', badPin: 'PIN이 맞지 않습니다.',
    setupTitle: '첫 매니저 등록', setupHint: '이 노트북을 쓰는 매니저의 프로필을 만드세요. 여러 명이 함께 쓰면 각자 등록합니다.',
    demoHint: '데모 매니저의 PIN은 0000입니다.', newManager: '매니저 등록',
  },
  manager: { name: '이름', center: '센터', brokerRegNo: '공인중개사 등록번호', districts: '담당 자치구', pin: 'PIN (숫자 4~8자리)' },
  dashboard: {
    title: '오늘의 데스크', openCases: '진행 중인 상담', recentClients: '최근 고객', retention: '보유 기간 만료 예정',
    retentionHint: '{{date}}에 개인정보가 파기됩니다.', demoNotice: '데모 데이터가 들어 있습니다. 실제 업무 전에 설정에서 한 번에 지울 수 있습니다.',
    newClient: '새 고객 등록', newCase: '새 상담 열기',
  },
  client: {
    title: '고객', new: '새 고객', edit: '고객 정보 수정', name: '이름', phone: '연락처', ageBand: '연령대', gender: '성별',
    currentDistrict: '현재 거주 자치구', desiredDistricts: '희망 자치구', budget: '예산', budgetDeposit: '보증금 한도',
    budgetMonthlyRent: '월세 한도', budgetMaintenance: '관리비 한도', moveInDate: '희망 입주일', notes: '가구 메모',
    searchPlaceholder: '이름, 자치구, 메모로 검색', anonymous: '익명', anonymousLabel: '익명 #{{id}}', cases: '상담 {{count}}건', withdraw: '동의 철회',
    withdrawConfirm: '동의를 철회하면 이름·연락처·메모가 즉시 파기되고 되돌릴 수 없습니다. 통계용 정보(연령대, 성별, 자치구, 금액)만 남습니다.',
    confirmDeleteWithCases: '이 고객의 상담 {{count}}건과 그 매물도 함께 숨겨집니다. 삭제할까요? (되돌리기 가능)',
    destroyed: '개인정보 파기됨 ({{date}})', expiringSoon: '{{date}} 보유 기간 만료 예정', personalLocked: '동의가 없으면 개인정보를 입력할 수 없습니다.',
  },
  consent: {
    title: '개인정보 수집·이용 동의', given: '고객이 동의했습니다', what: '수집 항목', why: '수집·이용 목적', howLong: '보유 기간',
    date: '동의 일자', months: '{{count}}개월', defaultPurpose: '전·월세 안심계약 상담 및 동행 서비스 제공',
    expiresOn: '보유 기간 종료일: {{date}} (이후 개인정보 자동 파기)', notGiven: '동의하지 않음: 이름·연락처·메모 없이 익명으로 상담합니다.',
    item: { name: '이름', phone: '연락처', notes: '가구 메모', policy: '정책 안내용 정보 (나이·소득·재산·혼인·세대주·제대군인 복무)' },
  },
  case: {
    title: '상담', new: '새 상담', edit: '상담 수정', client: '고객', type: '유형', status: '상태', district: '자치구', manager: '담당 매니저',
    openedOn: '접수일', closedOn: '종료일', notes: '상담 메모', month: '접수 월', listings: '매물', noListings: '이 상담에 매물이 없습니다.',
    searchPlaceholder: '고객 이름, 메모, 자치구로 검색', chooseClient: '고객을 고르세요', listingCount: '매물 {{count}}건',
  },
  listing: {
    title: '매물', new: '매물 추가', edit: '매물 수정', roadAddress: '도로명 주소', jibunAddress: '지번 주소', dong: '동', ho: '호',
    buildingType: '건물 유형', leaseType: '임대 유형', deposit: '보증금', monthlyRent: '월세', maintenanceFee: '관리비',
    exclusiveArea: '전용면적 (㎡)', floor: '층', floorValue: '{{floor}}층', floorKind: '층 구분', approvalYear: '사용승인 연도', marketValue: '시세',
    officialPrice: '공시가격', coordinates: '좌표 (위도, 경도)', lat: '위도', lon: '경도', landlord: '임대인', landlordName: '임대인 이름',
    broker: '중개사', brokerName: '중개사 이름', brokerOffice: '중개사무소', brokerRegNo: '중개사 등록번호', notes: '메모',
    leaseShorthand: '보증금/월세 빠른 입력 (예: 1000/50)', searchPlaceholder: '주소, 동·호, 중개사무소로 검색', pyeong: '약 {{value}}평',
    caseLabel: '상담',
  },
  money: {
    ambiguous: '「{{input}}」을(를) 어떻게 읽을까요?', asMan: '{{value}}', confirmed: '확인됨', placeholder: '예: 1억 5천, 15000만, 150,000,000',
    needsConfirm: '금액 해석을 확인하세요.',
  },
  settings: {
    title: '설정', language: '언어', lockAfter: '자동 잠금 (분)', demo: '데모 데이터', removeDemo: '데모 데이터 모두 지우기',
    removeDemoConfirm: '데모로 표시된 매니저·고객·상담·매물을 모두 지웁니다. 실제로 입력한 데이터는 그대로 남습니다.',
    demoRemoved: '데모 데이터 {{count}}건을 지웠습니다.', noDemo: '데모 데이터가 없습니다.', device: '기기 ID', managers: '매니저',
  },
  // The code lists' labels come from the one vocabulary (checklists/common/vocabulary.ts).
  enum: {
    ageBand: labelsIn(AGE_BAND_LABELS, 'ko'),
    gender: labelsIn(GENDER_LABELS, 'ko'),
    caseType: labelsIn(CASE_TYPE_LABELS, 'ko'),
    caseStatus: labelsIn(CASE_STATUS_LABELS, 'ko'),
    buildingType: labelsIn(BUILDING_TYPE_LABELS, 'ko'),
    leaseType: labelsIn(LEASE_TYPE_LABELS, 'ko'),
    floorKind: labelsIn(FLOOR_KIND_LABELS, 'ko'),
  },
  errors: { network: '백엔드에 연결할 수 없습니다. 앱을 다시 시작하세요.', unauthorized: '인증 토큰이 없습니다. 서버가 출력한 주소(#token=…)로 여세요.' },
};
