// The privacy module's strings (saving once, drafts, leaving a changed form, consistency
// warnings): a top-level key of their own in both languages.
export const ko = {
  privacy: {
    saving: '저장 중…',
    draft: {
      restored: '저장하지 않은 입력을 되살렸습니다 ({{time}}).',
      discard: '되살린 입력 버리기',
      leave: '저장하지 않은 변경이 있습니다. 이 화면을 떠날까요? (입력한 내용은 하루 동안 임시 보관됩니다)',
    },
    check: {
      closedBeforeOpened: '종료일이 접수일보다 빠릅니다.',
      paymentsMismatch: '계약금 + 중도금 + 잔금({{sum}})이 보증금({{deposit}})과 다릅니다. 확인하세요.',
      implausibleDate: '{{year}}년은 너무 이른 날짜입니다. 연도를 확인하세요.',
      arrivalEarly: '도착 시각이 예정일({{date}})보다 {{days}}일 이릅니다. 확인하세요.',
    },
  },
};

export const en: typeof ko = {
  privacy: {
    saving: 'Saving…',
    draft: {
      restored: 'Restored unsaved input ({{time}}).',
      discard: 'Discard restored input',
      leave: 'You have unsaved changes. Leave this screen? (What you typed is kept as a draft for a day.)',
    },
    check: {
      closedBeforeOpened: 'The closing date is before the opening date.',
      paymentsMismatch: 'Down payment + interim + balance ({{sum}}) differs from the deposit ({{deposit}}). Please check.',
      implausibleDate: 'The year {{year}} is implausibly early. Please check the year.',
      arrivalEarly: 'The arrival is {{days}} day(s) before the scheduled day ({{date}}). Please check.',
    },
  },
};
