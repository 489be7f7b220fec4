// Strings of the accessibility layer: skip link, menu button, screen titles, typed-name
// confirmation, ARIA labels. Korean first, English second, same keys.
export const ko = {
  a11y: {
    skipToContent: '본문 바로가기',
    menu: '메뉴',
    openMenu: '메뉴 열기',
    closeMenu: '메뉴 닫기',
    mainNav: '주 메뉴',
    titleSuffix: '안심데스크',
    notices: '알림',
    languageLabel: '언어: {{lang}}',
    tabs: '보기',
    calcResult: '계산 결과',
    errorsSummary: '입력을 확인할 항목이 {{count}}개 있습니다.',
    required: '필수 입력',
  },
  signature: {
    method: '확인 방법',
    drawn: '화면에 서명',
    typed: '이름 입력 확인 (매니저 입회)',
    typedHint: '서명을 그릴 수 없으면, 임차인이 자신의 이름을 직접 입력하고 매니저가 입회인으로 확인 시각과 함께 기록합니다.',
    typedConfirm: '임차인 본인이 위 이름을 입력해 이 기록 내용을 확인했으며, 제가 입회했습니다.',
    witness: '입회 매니저: {{name}}',
    typedRecorded: '이름 입력으로 확인 ({{at}}, 입회 {{witness}})',
    drawnRecorded: '서명으로 확인',
    typedAlt: '임차인이 입력한 이름: {{name}}',
  },
};

export const en = {
  a11y: {
    skipToContent: 'Skip to content',
    menu: 'Menu',
    openMenu: 'Open menu',
    closeMenu: 'Close menu',
    mainNav: 'Main menu',
    titleSuffix: 'Ansim Desk',
    notices: 'Notifications',
    languageLabel: 'Language: {{lang}}',
    tabs: 'Views',
    calcResult: 'Result',
    errorsSummary: '{{count}} fields need checking.',
    required: 'required',
  },
  signature: {
    method: 'How the tenant confirms',
    drawn: 'Sign on the screen',
    typed: 'Typed name (manager as witness)',
    typedHint: 'If the tenant cannot draw a signature, they type their own name and the manager records the time as witness.',
    typedConfirm: 'The tenant typed the name above to confirm this record, and I witnessed it.',
    witness: 'Witness (manager): {{name}}',
    typedRecorded: 'Confirmed by typed name ({{at}}, witnessed by {{witness}})',
    drawnRecorded: 'Confirmed by signature',
    typedAlt: 'Name typed by the tenant: {{name}}',
  },
};
