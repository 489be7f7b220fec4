// Registry entries recognised by meaning: the 등기목적 is read as printed ("근저당권설정",
// "근저당권 설정", "1번근저당권설정등기말소", "임의경매개시결정"…) and classified; an entry that
// cancels another is a cancellation, never a new right; 부기 ranks ("1-1") belong to their 주등기.
export type EntryKind =
  | 'ownershipPreservation'
  | 'ownershipTransfer'
  | 'ownershipPartialTransfer'
  | 'trust'
  | 'provisionalRegistration'
  | 'securityProvisionalRegistration'
  | 'attachment'
  | 'provisionalAttachment'
  | 'injunction'
  | 'auction'
  | 'leaseRegistration'
  | 'leaseRight'
  | 'mortgage'
  | 'mortgageTransfer'
  | 'mortgageChange'
  | 'jeonseRight'
  | 'jeonseChange'
  | 'servitude'
  | 'cancellation'
  | 'other';

export const KIND_LABELS: Record<EntryKind, { ko: string; en: string }> = {
  ownershipPreservation: { ko: '소유권보존', en: 'ownership preservation' },
  ownershipTransfer: { ko: '소유권이전', en: 'ownership transfer' },
  ownershipPartialTransfer: { ko: '소유권 일부(지분) 이전', en: 'transfer of an ownership share' },
  trust: { ko: '신탁', en: 'trust' },
  provisionalRegistration: { ko: '가등기', en: 'provisional registration' },
  securityProvisionalRegistration: { ko: '담보가등기', en: 'security provisional registration' },
  attachment: { ko: '압류', en: 'seizure' },
  provisionalAttachment: { ko: '가압류', en: 'provisional seizure' },
  injunction: { ko: '가처분', en: 'injunction' },
  auction: { ko: '경매개시결정', en: 'auction commenced' },
  leaseRegistration: { ko: '주택임차권(임차권등기)', en: 'registered lease of an unpaid tenant' },
  leaseRight: { ko: '임차권', en: 'registered lease' },
  mortgage: { ko: '(근)저당권', en: 'mortgage' },
  mortgageTransfer: { ko: '근저당권이전', en: 'mortgage transferred' },
  mortgageChange: { ko: '근저당권변경', en: 'mortgage changed' },
  jeonseRight: { ko: '전세권', en: 'jeonse right' },
  jeonseChange: { ko: '전세권 변경·이전', en: 'jeonse right changed' },
  servitude: { ko: '지상권·지역권', en: 'surface right / easement' },
  cancellation: { ko: '말소', en: 'cancellation' },
  other: { ko: '기타', en: 'other' },
};

/** Kinds that block a safe lease while live (R2). */
export const ENCUMBRANCE_KINDS: EntryKind[] = ['attachment', 'provisionalAttachment', 'injunction', 'provisionalRegistration', 'securityProvisionalRegistration', 'auction', 'leaseRegistration'];
/** 담보물권 that select a 최우선변제 table (근저당·저당·담보가등기). */
export const SECURITY_KINDS: EntryKind[] = ['mortgage', 'securityProvisionalRegistration'];
/** Kinds whose amount is a claim or deposit ahead of the tenant when senior. */
export const CLAIM_KINDS: EntryKind[] = ['mortgage', 'jeonseRight', 'leaseRegistration', 'leaseRight', 'securityProvisionalRegistration'];
export const OWNERSHIP_KINDS: EntryKind[] = ['ownershipPreservation', 'ownershipTransfer', 'ownershipPartialTransfer', 'trust'];

const squash = (s: string | undefined) => String(s ?? '').replace(/[\s()（）]/g, '');

/** The kind of a registry entry from its 등기목적 (and 등기원인, which marks a 신탁 transfer). */
export function classifyPurpose(purpose: string, cause?: string): EntryKind {
  const p = squash(purpose);
  const c = squash(cause);
  if (/말소/.test(p) && !/말소회복/.test(p)) return 'cancellation';
  if (/신탁/.test(p) && !/귀속|해지|말소/.test(p)) return 'trust';
  if (/담보가등기/.test(p)) return 'securityProvisionalRegistration';
  if (/가등기/.test(p)) return 'provisionalRegistration';
  if (/소유권보존/.test(p)) return 'ownershipPreservation';
  if (/(소유권|지분).*이전/.test(p)) {
    if (c === '신탁') return 'trust';
    return /일부이전|지분/.test(p) ? 'ownershipPartialTransfer' : 'ownershipTransfer';
  }
  if (/가압류/.test(p)) return 'provisionalAttachment';
  if (/압류/.test(p)) return 'attachment';
  if (/가처분/.test(p)) return 'injunction';
  if (/경매/.test(p)) return 'auction';
  if (/주택임차권|임차권등기/.test(p) || /임차권등기명령/.test(c)) return 'leaseRegistration';
  if (/임차권/.test(p)) return 'leaseRight';
  if (/저당/.test(p)) {
    if (/이전/.test(p)) return 'mortgageTransfer';
    if (/변경|경정/.test(p)) return 'mortgageChange';
    return 'mortgage';
  }
  if (/전세권/.test(p)) return /이전|변경|경정/.test(p) ? 'jeonseChange' : 'jeonseRight';
  if (/지상권|지역권/.test(p)) return 'servitude';
  return 'other';
}

/** "1", "1-1", "1번", "1-2 부기" → [1, 1]; unreadable ranks sort last. */
export function parseRank(rank: string): [number, number] {
  const m = /(\d+)(?:\s*-\s*(\d+))?/.exec(String(rank));
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  return [Number(m[1]), m[2] ? Number(m[2]) : 0];
}

/** The ranks a cancellation entry names ("1번근저당권설정등기말소" → ["1"]). */
export function cancelledRanks(purpose: string): string[] {
  const out: string[] = [];
  for (const m of String(purpose).matchAll(/(\d+(?:-\d+)?)\s*번/g)) out.push(m[1]);
  return out;
}

/** 접수번호 as a number ("제12345호" → 12345), for ordering within a day. */
export function receiptNumber(no: string | number | undefined): number {
  if (no === undefined || no === null) return Number.MAX_SAFE_INTEGER;
  const m = /\d+/.exec(String(no));
  return m ? Number(m[0]) : Number.MAX_SAFE_INTEGER;
}

export function normaliseName(name: string): string {
  return String(name ?? '').replace(/\s+/g, '').replace(/\(.*?\)/g, '');
}
