// The legal module's strings (managers and roles, the reference pack, address resolution):
// a top-level key of their own in both languages (i18n.test.ts checks ko and en have the same keys).
export const ko = {
  legal: {
    managers: {
      role: { manager: '매니저', coordinator: '코디네이터' },
      inactive: '비활성',
      edit: '수정',
      deactivate: '비활성화',
      reactivate: '다시 활성화',
      deactivateConfirm: '{{name}} 님은 더 이상 로그인할 수 없습니다. 입력한 기록은 그대로 남습니다.',
      makeCoordinator: '코디네이터로 지정',
      makeManager: '코디네이터 해제',
      coordinatorHint: '코디네이터는 역할 지정, 법령 기준표(참조 팩) 불러오기 같은 센터 단위 작업을 할 수 있습니다.',
      changePin: 'PIN 변경',
      oldPin: '현재 PIN',
      newPin: '새 PIN (숫자 4~8자리)',
      pinChanged: 'PIN을 바꿨습니다.',
      saved: '{{name}} 님의 정보를 저장했습니다.',
      you: '나',
    },
  },
};

export const en: typeof ko = {
  legal: {
    managers: {
      role: { manager: 'Manager', coordinator: 'Coordinator' },
      inactive: 'Inactive',
      edit: 'Edit',
      deactivate: 'Deactivate',
      reactivate: 'Reactivate',
      deactivateConfirm: '{{name}} will no longer be able to sign in. Their records stay.',
      makeCoordinator: 'Make coordinator',
      makeManager: 'Remove coordinator role',
      coordinatorHint: 'Coordinators can grant roles, load the reference pack of legal tables and do other center-level tasks.',
      changePin: 'Change PIN',
      oldPin: 'Current PIN',
      newPin: 'New PIN (4 to 8 digits)',
      pinChanged: 'PIN changed.',
      saved: 'Saved {{name}}.',
      you: 'you',
    },
  },
};
