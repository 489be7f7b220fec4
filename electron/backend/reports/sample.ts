// Demo content (예시) for the CLI, the tests, the bench and the README's screenshots. Every
// name, number and address here is invented; the documents carry a visible 예시 mark. The photos
// are drawn from generated pixels at phone-camera size, so the re-encoding path is exercised.
import sharp from 'sharp';
import type { ReportPhoto, TenantReportModel, ViewingLogModel } from './models.js';

type Scene = 'mould' | 'window' | 'bathroom' | 'hallway' | 'document' | 'meter';

const SCENES: Record<Scene, string> = {
  // Ceiling corner with a dark stain.
  mould: `<rect width="1600" height="1200" fill="#e9e4da"/><polygon points="0,0 1600,0 1600,380 0,520" fill="#f4f1ea"/>
    <ellipse cx="1180" cy="330" rx="260" ry="150" fill="#5b5a46" opacity="0.55"/><ellipse cx="1260" cy="300" rx="140" ry="90" fill="#3c3b2e" opacity="0.6"/>
    <ellipse cx="1050" cy="420" rx="90" ry="60" fill="#6d6b55" opacity="0.45"/>`,
  // Window frame with condensation streaks.
  window: `<rect width="1600" height="1200" fill="#d8d2c4"/><rect x="300" y="150" width="1000" height="850" fill="#9fb7c9"/>
    <rect x="300" y="150" width="1000" height="850" fill="none" stroke="#f5f5f2" stroke-width="60"/><line x1="800" y1="150" x2="800" y2="1000" stroke="#f5f5f2" stroke-width="40"/>
    <rect x="330" y="900" width="440" height="70" fill="#6f7f88" opacity="0.5"/><rect x="830" y="910" width="440" height="60" fill="#6f7f88" opacity="0.5"/>`,
  // Basin and tiles.
  bathroom: `<rect width="1600" height="1200" fill="#f0f0f0"/><g stroke="#c9cfd4" stroke-width="6">${Array.from({ length: 16 }, (_, i) => `<line x1="${i * 100}" y1="0" x2="${i * 100}" y2="1200"/>`).join('')}${Array.from({ length: 12 }, (_, i) => `<line x1="0" y1="${i * 100}" x2="1600" y2="${i * 100}"/>`).join('')}</g>
    <ellipse cx="800" cy="760" rx="420" ry="200" fill="#ffffff" stroke="#b0b7bd" stroke-width="10"/><rect x="770" y="420" width="60" height="200" fill="#aab2b8"/>`,
  // Corridor and entrance door.
  hallway: `<rect width="1600" height="1200" fill="#cfc6b6"/><polygon points="0,1200 600,700 1000,700 1600,1200" fill="#8d7f6d"/>
    <rect x="600" y="250" width="400" height="450" fill="#6b4f3a"/><circle cx="950" cy="480" r="18" fill="#d8c17a"/>`,
  // A paper on a desk.
  document: `<rect width="1600" height="1200" fill="#7a5f46"/><rect x="380" y="90" width="840" height="1040" fill="#fbfbf8" transform="rotate(-3 800 600)"/>
    <g fill="#9aa0a6">${Array.from({ length: 18 }, (_, i) => `<rect x="460" y="${200 + i * 48}" width="${600 - (i % 4) * 90}" height="14" transform="rotate(-3 800 600)"/>`).join('')}</g>`,
  // Gas meter on a wall.
  meter: `<rect width="1600" height="1200" fill="#b9b4a8"/><rect x="560" y="300" width="480" height="560" rx="30" fill="#e8d24a"/>
    <rect x="640" y="400" width="320" height="120" fill="#222"/><line x1="800" y1="860" x2="800" y2="1200" stroke="#777" stroke-width="40"/>`,
};

/** A deterministic noisy JPEG of about phone-camera size (1600×1200), standing in for a real photo. */
export async function makeDemoPhoto(scene: Scene, seed = 1): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">${SCENES[scene]}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  // Sensor-like noise so the JPEG sizes resemble photos rather than flat drawings.
  let s = seed * 2654435761;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = ((s >>> 16) & 31) - 16;
    data[i] = Math.max(0, Math.min(255, data[i] + n));
  }
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: 88 })
    .toBuffer();
  return new Uint8Array(jpeg);
}

/** A drawn signature on a transparent background, as the signature pad stores it. */
export async function makeDemoSignature(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="220">
    <path d="M40 150 C 80 40, 120 40, 130 120 S 170 200, 210 110 C 230 60, 260 70, 250 130 C 245 170, 300 160, 330 100
             C 350 60, 380 80, 370 140 C 365 180, 420 150, 450 90 C 470 60, 500 90, 490 130 C 485 160, 530 150, 560 120"
          fill="none" stroke="#1b1f5c" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M90 175 L 520 165" stroke="#1b1f5c" stroke-width="4" stroke-linecap="round" fill="none"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

let photoCache: Promise<Record<Scene, Uint8Array>> | undefined;

function demoPhotos(): Promise<Record<Scene, Uint8Array>> {
  photoCache ??= (async () => {
    const scenes = Object.keys(SCENES) as Scene[];
    const bytes = await Promise.all(scenes.map((sc, i) => makeDemoPhoto(sc, i + 1)));
    return Object.fromEntries(scenes.map((sc, i) => [sc, bytes[i]])) as Record<Scene, Uint8Array>;
  })();
  return photoCache;
}

const MANAGER = {
  name: '박서준',
  center: '서울시 1인가구 전·월세 안심계약 도움서비스 · 관악구 (예시)',
  brokerRegistrationNo: '11620-2019-00123 (예시)',
};

/** The demo tenant report: one risky 다세대 전세 (about 3 pages, 6 photos). */
export async function sampleTenantReportModel(): Promise<TenantReportModel> {
  const p = await demoPhotos();
  const photo = (bytes: Uint8Array, caption: string, takenAt: string): ReportPhoto => ({ bytes, caption, takenAt });
  return {
    locale: 'ko',
    demo: true,
    reportDate: '2026-11-27',
    caseNumber: 'DEMO-2026-0142',
    clientName: '김민지',
    manager: MANAGER,
    listings: [
      {
        title: '봉천동 ○○빌라 302호 (예시)',
        address: '서울특별시 관악구 봉천동 000-00 ○○빌라 제3층 제302호 (예시 주소)',
        housingType: '다세대주택',
        leaseType: '전세',
        depositWon: 140_000_000,
        maintenanceFeeWon: 70_000,
        exclusiveAreaM2: 29.75,
        floor: '3층 / 지상 5층',
        builtYear: 2014,
        extra: [
          { label: '주용도 (건축물대장)', value: '공동주택(다세대주택) — 위반건축물 표시 없음' },
          { label: '시세 (참고)', value: '3억원 (인근 유사 매물 3건 평균, 2026년 11월)' },
          { label: '공시가격', value: '1억 7,000만원 (2026년 1월 1일 기준)' },
        ],
      },
    ],
    risk: {
      verdict: 'danger',
      listingTitle: '봉천동 ○○빌라 302호 (예시)',
      summary:
        '선순위 근저당과 보증금을 합치면 시세의 87%로 높고, 전세보증금반환보증 가입이 어렵습니다. 근저당 말소를 잔금 조건으로 하지 않으면 계약을 권하지 않습니다.',
      flags: [
        {
          code: 'R4',
          severity: 'danger',
          title: '부채비율 높음',
          reason: '(선순위 채권최고액 1억 2,000만원 + 보증금 1억 4,000만원) ÷ 시세 3억원 = 86.7%로 80%를 넘습니다. 경매 시 보증금 일부를 돌려받지 못할 수 있습니다.',
          basis: '실무 기준(부채비율 70% 주의, 80% 위험), 등기사항전부증명서 을구(乙區) 1번',
        },
        {
          code: 'R5',
          severity: 'danger',
          title: 'HUG 보증 가입 어려움',
          reason: '보증 가능한 보증금 한도(약 9,420만원)보다 보증금이 큽니다.',
          basis: 'HUG 전세보증금반환보증 상품안내 (주택가격 × 90% − 선순위채권)',
        },
        {
          code: 'R1',
          severity: 'caution',
          title: '최근 소유권 이전',
          reason: '2025년 12월 매매로 소유자가 바뀌었습니다. 계약 당사자가 등기부상 소유자 본인인지 신분증으로 확인하세요.',
          basis: '등기사항전부증명서 갑구(甲區) 3번',
        },
        {
          code: 'R6',
          severity: 'safe',
          title: '건축물 용도 정상',
          reason: '건축물대장상 다세대주택이며 위반건축물 표시가 없습니다.',
          basis: '건축물대장 표제부·전유부 (2026-11-25 발급)',
        },
      ],
    },
    seniority: {
      entries: [
        {
          label: '근저당권 (○○은행)',
          date: '2022-03-15',
          amountWon: 120_000_000,
          note: '을구 1번 · 채권최고액',
        },
        {
          label: '임차인 (본인) 보증금',
          date: '2026-12-19',
          amountWon: 140_000_000,
          isTenant: true,
          note: '전입신고·확정일자 2026-12-18 → 다음 날 0시부터 효력',
        },
      ],
      note: '최우선변제 대상이면 보증금 중 5,000만원은 1순위 근저당보다 먼저 배당됩니다 (주택가액의 2분의 1 범위).',
    },
    priorityRepayment: {
      eligible: true,
      tableDate: '2022-03-15',
      region: '서울특별시',
      thresholdWon: 150_000_000,
      protectedAmountWon: 50_000_000,
      explanation: '보증금 1억 4,000만원이 기준 1억 5,000만원 이하이므로 5,000만원까지 최우선변제를 받을 수 있습니다.',
      basis: '주택임대차보호법 §8, 같은 법 시행령 §10·§11 (선순위 근저당 설정일 2022-03-15에 시행 중이던 기준)',
    },
    hug: {
      eligible: false,
      maxDepositWon: 94_200_000,
      housePriceWon: 238_000_000,
      housePriceBasis: '공시가격 1억 7,000만원 × 140%',
      conditions: [
        { label: '보증금 + 선순위채권 ≤ 주택가격 × 90%', met: false, detail: '2억 6,000만원 > 2억 1,420만원' },
        { label: '보증금 7억원 이하 (수도권)', met: true, detail: '1억 4,000만원' },
        { label: '위반건축물·근린생활시설 아님', met: true, detail: '건축물대장 확인' },
        { label: '신청 기한 (계약기간 2분의 1 경과 전)', met: true, detail: '2028-06-18까지' },
      ],
      basis: 'HUG 전세보증금반환보증 상품안내 (예시 계산)',
    },
    checklists: [
      {
        title: '집보기 점검표',
        subject: '봉천동 ○○빌라 302호',
        completedAt: '2026-11-21T15:05:00+09:00',
        items: [
          { label: '수압 (세면대·샤워·싱크 동시 사용)', status: 'problem', note: '샤워기와 싱크를 함께 틀면 수압이 눈에 띄게 약해짐', photos: [photo(p.bathroom, '세면대 수압 확인', '2026-11-21T14:40:00+09:00')] },
          { label: '온수 (40초 안에 나오는지)', status: 'ok', note: '약 25초' },
          { label: '누수·결로·곰팡이', status: 'problem', note: '작은 방 천장 모서리에 곰팡이 자국, 창틀 하단 결로', photos: [photo(p.mould, '작은 방 천장 모서리', '2026-11-21T14:46:00+09:00'), photo(p.window, '창틀 결로', '2026-11-21T14:48:00+09:00')] },
          { label: '배수', status: 'ok' },
          { label: '환기·채광', status: 'ok', note: '남동향, 오전 채광 좋음' },
          { label: '소음', status: 'unchecked', note: '평일 저녁 소음은 다시 확인 필요' },
          { label: '전기·가스 (검침기 위치)', status: 'ok', photos: [photo(p.meter, '가스 검침기', '2026-11-21T14:52:00+09:00')] },
          { label: '소방 (감지기·소화기·피난로)', status: 'problem', note: '거실 화재감지기 없음 — 입주 전 설치 요청', photos: [photo(p.hallway, '현관과 복도', '2026-11-21T14:55:00+09:00')] },
          { label: '방범 (출입문 잠금·CCTV·방범창)', status: 'ok', note: '공동현관 비밀번호, 1층 CCTV' },
          { label: '실제 호수와 등기부·건축물대장 일치 (방쪼개기)', status: 'ok' },
          { label: '관리비 내역', status: 'ok', note: '월 7만원 (수도·인터넷 포함)' },
          { label: '엘리베이터', status: 'na' },
        ],
      },
      {
        title: '계약 전 서류 점검표',
        subject: '안심계약 3·3·3 법칙 중 계약 전·계약 시',
        completedAt: '2026-11-25T16:20:00+09:00',
        items: [
          { label: '등기사항전부증명서 (말소사항 포함) 발급·검토', status: 'ok', note: '2026-11-25 발급' },
          { label: '선순위 근저당 말소 가능 여부', status: 'problem', note: '임대인은 잔금일 말소를 구두로만 약속 — 특약으로 명시 필요', photos: [photo(p.document, '을구 1번 근저당권', '2026-11-25T16:05:00+09:00')] },
          { label: '건축물대장 (위반건축물·용도)', status: 'ok' },
          { label: '임대인 국세·지방세 체납 여부', status: 'unchecked', note: '임대인 동의 후 열람 예정' },
          { label: '확정일자 부여현황 (선순위 보증금)', status: 'na', note: '집합건물(다세대) 단독 세대' },
          { label: '중개사무소 등록 확인 (브이월드)', status: 'ok' },
          { label: '주택임대차표준계약서 사용', status: 'ok' },
        ],
      },
    ],
    specialClauses: [
      {
        text: '임대인은 잔금 지급일까지 을구 1번 근저당권(채권최고액 금 120,000,000원)을 말소하며, 이를 이행하지 않으면 임차인은 계약을 해제할 수 있고 임대인은 계약금의 배액을 반환한다.',
        reason: '선순위 근저당이 남으면 보증금 회수 위험이 높고 HUG 보증 가입이 어렵습니다.',
      },
      {
        text: '임차인의 귀책사유 없이 전세자금대출 또는 전세보증금반환보증 가입이 불가능한 경우 이 계약은 무효로 하며, 임대인은 받은 계약금을 즉시 반환한다.',
        reason: '보증 가입 여부가 근저당 말소에 달려 있습니다.',
      },
      {
        text: '임대인은 잔금 지급일 다음 날까지 소유권 이전, 저당권 설정 등 권리 변동을 일으키지 않는다.',
        reason: '전입신고의 효력은 다음 날 0시에 생깁니다.',
      },
      {
        text: '임대인은 입주 전까지 작은 방 천장 곰팡이를 보수하고 거실에 화재감지기를 설치한다.',
        reason: '집보기 점검에서 확인된 문제입니다.',
      },
    ],
    afterContractSteps: [
      { title: '임대차 신고 (확정일자 함께 부여)', dueDate: '2026-11-30', detail: '주민센터 또는 부동산거래관리시스템. 신고하면 확정일자가 함께 부여됩니다.' },
      { title: '잔금 전 권리관계 재확인', dueDate: '2026-12-18', detail: '잔금 당일 등기사항전부증명서를 다시 발급해 근저당 말소와 새 권리 설정 여부를 확인합니다.' },
      { title: '전입신고 (이사 당일)', dueDate: '2026-12-18', detail: '이사 당일 전입신고. 대항력은 다음 날 0시부터 생깁니다.' },
      { title: '전세보증금반환보증 신청', dueDate: '2027-01-15', detail: '근저당 말소 후 가입 가능 여부를 다시 확인하고 신청합니다 (계약기간 2분의 1 경과 전).' },
    ],
    managerRemarks:
      '근저당 말소가 확인되지 않으면 계약을 미루시길 권합니다. 말소 후에는 부채비율이 47%로 낮아지고 HUG 보증 가입도 가능해집니다. 궁금한 점은 언제든 센터로 문의하세요.',
  };
}

/** The demo viewing log: two listings visited, closed with a signature. */
export async function sampleViewingLogModel(): Promise<ViewingLogModel> {
  const p = await demoPhotos();
  return {
    locale: 'ko',
    demo: true,
    date: '2026-11-21',
    caseNumber: 'DEMO-2026-0142',
    clientName: '김민지',
    managers: [MANAGER],
    meetingPlace: '서울대입구역 3번 출구 앞 (예시)',
    startAt: '2026-11-21T14:00:00+09:00',
    endAt: '2026-11-21T16:10:00+09:00',
    status: 'done',
    stops: [
      {
        listingTitle: '봉천동 ○○빌라 302호 (예시)',
        address: '서울특별시 관악구 봉천동 000-00 (예시 주소)',
        arrivedAt: '2026-11-21T14:15:00+09:00',
        leftAt: '2026-11-21T15:05:00+09:00',
        observations: [
          '샤워기와 싱크를 함께 틀면 수압이 약해짐.',
          '작은 방 천장 모서리에 곰팡이 자국, 창틀 하단 결로.',
          '거실에 화재감지기 없음. 공동현관 비밀번호와 1층 CCTV 있음.',
          '역까지 도보 약 9분, 오르막길.',
        ],
        photos: [
          { bytes: p.mould, caption: '작은 방 천장 모서리' },
          { bytes: p.window, caption: '창틀 결로' },
          { bytes: p.bathroom, caption: '세면대 수압 확인' },
        ],
        impression: 'ok',
        impressionNote: '채광은 좋지만 곰팡이가 걱정됨.',
        followUps: ['중개사에게 건축물대장 요청', '곰팡이 보수 가능 여부를 임대인에게 확인'],
        checklistSummary: '집보기 점검표 12개 항목 중 문제 3개',
      },
      {
        listingTitle: '신림동 △△오피스텔 1105호 (예시)',
        address: '서울특별시 관악구 신림동 000-0 (예시 주소)',
        arrivedAt: '2026-11-21T15:25:00+09:00',
        leftAt: '2026-11-21T16:00:00+09:00',
        observations: [
          '보증금 1,000만원 / 월세 55만원, 관리비 12만원 (전기·가스 별도).',
          '주거용 오피스텔 (전용 23.1㎡), 수압·온수 양호.',
          '복도 소음이 큼. 세탁기 공용.',
        ],
        photos: [
          { bytes: p.hallway, caption: '복도' },
          { bytes: p.meter, caption: '계량기' },
        ],
        impression: 'good',
        impressionNote: '역에서 가깝고 깨끗함. 월세 부담은 있음.',
        followUps: ['관리비 세부 내역 요청'],
        checklistSummary: '집보기 점검표 12개 항목 중 문제 1개',
      },
    ],
    nextSteps: [
      '봉천동 매물: 근저당 말소 특약과 곰팡이 보수 조건으로 임대인 의사 확인 (매니저, 11월 24일까지)',
      '신림동 매물: 관리비 내역 받은 뒤 비교표 전달',
      '11월 25일 계약 전 서류 점검 상담 (센터 방문)',
    ],
    confirmation: {
      typedName: '김민지',
      signaturePng: await makeDemoSignature(),
      confirmedAt: '2026-11-21T16:08:00+09:00',
      satisfaction: 5,
    },
    amendments: [{ at: '2026-11-22T10:30:00+09:00', text: '2번 매물 관리비를 12만원에서 13만원으로 정정 (중개사 고지서 확인). 원래 기록은 위에 그대로 둡니다.' }],
  };
}
