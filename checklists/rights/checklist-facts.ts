// Facts for the rights analysis from the registry checklist's answers (template registry.v1).
// They fill only what the registry form leaves unset; an answer that says "not checked" gives
// no fact at all, so the analysis keeps naming it as missing.
export interface ChecklistFacts {
  certIssuedOn?: string;
  /** ownerMatchesLandlord = yes. */
  landlordIsOwner?: boolean;
  actingAsAgent?: boolean;
  agentDocumentsChecked?: boolean;
  trustConsent?: boolean;
  taxArrears?: boolean;
  seniorDeposits?: number;
  seniorDepositsDisclosed?: boolean;
  marketValue?: number;
  buildingRegister?: { violation: boolean; mainUse: string };
  /** Live kinds the checklist says 갑구 / 을구 hold (template option values, without 'none'). */
  gapguKinds?: string[];
  eulguKinds?: string[];
}

export type ChecklistAnswers = Record<string, unknown>;

const yes = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : undefined);
const money = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
const kinds = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== 'none') : undefined);

/** The printed 주용도 a 'mainUse' answer stands for (what the engine reads R6 from). */
const MAIN_USE: Record<string, string> = {
  housing: '주택',
  officetel: '업무시설(오피스텔)',
  neighbourhood: '근린생활시설',
  other: '그 밖의 용도',
};

export function registryChecklistFacts(answers: ChecklistAnswers): ChecklistFacts {
  const f: ChecklistFacts = {};
  if (typeof answers.certIssuedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(answers.certIssuedOn)) f.certIssuedOn = answers.certIssuedOn;
  if (answers.ownerMatchesLandlord === 'yes') f.landlordIsOwner = true;

  if (answers.signedBy === 'owner') f.actingAsAgent = false;
  if (answers.signedBy === 'agent') {
    f.actingAsAgent = true;
    const poa = yes(answers.powerOfAttorney);
    const seal = yes(answers.sealCertificate);
    // Both documents are needed; one missing is enough to say they were not checked.
    if (poa === false || seal === false) f.agentDocumentsChecked = false;
    else if (poa && seal) f.agentDocumentsChecked = true;
  }

  const gap = kinds(answers.gapguEntries);
  if (gap) f.gapguKinds = gap;
  const eul = kinds(answers.eulguEntries);
  if (eul) f.eulguKinds = eul;
  if (gap?.includes('trust')) {
    const reviewed = yes(answers.trustRegisterChecked);
    const consent = yes(answers.trusteeConsent);
    if (reviewed === false || consent === false) f.trustConsent = false;
    else if (reviewed && consent) f.trustConsent = true;
  }

  if (answers.buildingRegisterChecked === 'yes') {
    const violation = yes(answers.violationFlag);
    if (violation !== undefined) {
      const use = typeof answers.mainUse === 'string' ? MAIN_USE[answers.mainUse] ?? '' : '';
      f.buildingRegister = { violation, mainUse: use };
    }
  }

  if (answers.taxStatus === 'certificates' || answers.taxStatus === 'viewed') f.taxArrears = false;
  if (answers.taxStatus === 'arrears') f.taxArrears = true;

  const senior = money(answers.seniorDeposits);
  if (senior !== undefined) f.seniorDeposits = senior;
  const consistent = yes(answers.seniorDepositsConsistent);
  if (consistent !== undefined) f.seniorDepositsDisclosed = consistent;
  const market = money(answers.marketPrice);
  if (market !== undefined && market > 0) f.marketValue = market;
  return f;
}

const GAPGU_LABELS: Record<string, { ko: string; en: string }> = {
  seizure: { ko: '압류', en: 'seizure' },
  provisionalSeizure: { ko: '가압류', en: 'provisional attachment' },
  injunction: { ko: '가처분', en: 'injunction' },
  provisionalRegistration: { ko: '가등기', en: 'provisional registration' },
  auction: { ko: '경매개시결정', en: 'auction' },
  trust: { ko: '신탁', en: 'trust' },
};
const EULGU_LABELS: Record<string, { ko: string; en: string }> = {
  mortgage: { ko: '근저당권', en: 'mortgage' },
  jeonseRight: { ko: '전세권', en: 'jeonse right' },
  leaseRegistration: { ko: '주택임차권', en: 'registered lease' },
  superficies: { ko: '지상권·지역권', en: 'superficies or easement' },
};

/**
 * The checklist says a 구 holds live rights but none were entered in the registry form: the
 * analysis cannot rank what it was not given, so it says so.
 */
export function checklistEntryWarnings(facts: ChecklistFacts, liveGapgu: number, liveEulgu: number): { ko: string; en: string }[] {
  const out: { ko: string; en: string }[] = [];
  const check = (gu: string, kindsSaid: string[] | undefined, labels: Record<string, { ko: string; en: string }>, live: number) => {
    const named = (kindsSaid ?? []).filter((k) => labels[k]);
    if (!named.length || live > 0) return;
    out.push({
      ko: `체크리스트에는 ${gu}에 ${named.map((k) => labels[k].ko).join('·')}이(가) 있다고 답했지만 등기부 입력에는 살아 있는 ${gu} 등기가 없습니다. 등기부대로 입력하세요.`,
      en: `The checklist says ${gu} holds ${named.map((k) => labels[k].en).join(', ')}, but no live ${gu} entry was entered: enter them as printed.`,
    });
  };
  // 갑구 always holds the ownership entry; count only the entries that are not ownership.
  check('갑구', facts.gapguKinds, GAPGU_LABELS, liveGapgu);
  check('을구', facts.eulguKinds, EULGU_LABELS, liveEulgu);
  return out;
}
