// Short titles of the timeline's steps by key, for lists that hold only the key (the home screen).
export const STEP_TITLES: Record<string, { ko: string; en: string }> = {
  contract: { ko: '계약 체결·계약금', en: 'Sign, down payment' },
  leaseReport: { ko: '임대차 신고 기한', en: 'Lease report deadline' },
  interimPayment: { ko: '중도금: 등기부 재열람', en: 'Interim payment: view the register' },
  balance: { ko: '잔금일: 등기부 재확인', en: 'Balance day: re-check the register' },
  moveIn: { ko: '전입신고·확정일자', en: 'Register residence, fixed date' },
  fixedDate: { ko: '갱신계약 확정일자', en: 'Fixed date on the renewal' },
  guarantee: { ko: '보증금반환보증 신청 기한', en: 'Guarantee application deadline' },
  renewalWindow: { ko: '계약갱신요구 기간', en: 'Renewal demand window' },
  end: { ko: '계약 종료', en: 'End of the lease' },
  registryChange: { ko: '위험: 등기부 변동', en: 'Danger: the register changed' },
};
