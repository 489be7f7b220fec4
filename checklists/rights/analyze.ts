// The rights analysis for one listing: the seniority ladder with the tenant's place, the owners,
// flags R1–R8 worst first, the verdict, 부채비율/전세가율, 최우선변제 per senior 담보권자, HUG,
// proposed 특약 and the dated steps. Pure: the same input always gives the same result.
import { shippedTables, versionAt, type ReferenceTables } from '../../data/reference/index.js';
import { formatKoreanAmount } from '../common/money.js';
import { todaySeoul } from '../common/seoul-time.js';
import { computeHug, type HugResult } from '../calculators/hug.js';
import { computeLtv, type LtvBand } from '../calculators/ltv.js';
import { afterAuction, computePriorityRepayment, type PriorityRepaymentResult } from '../calculators/priority-repayment.js';
import { parseInput } from '../calculators/schema.js';
import { proposeClauses, type Clause } from './clauses.js';
import { CLAIM_KINDS, ENCUMBRANCE_KINDS, normaliseName, SECURITY_KINDS } from './entries.js';
import { flag, sortFlags, verdictOf, VERDICT_LABELS, type Flag, type Verdict } from './flags.js';
import { registryInput, type RegistryInput, type RegistryParsed } from './input.js';
import { buildLadder, ownersOf, type Ladder, type LadderEntry } from './ladder.js';
import { afterContractSteps, type Step } from './steps.js';

export interface PriorityPerCreditor extends PriorityRepaymentResult {
  /** The 담보권자 (null when there is none and the table at the analysis date applies). */
  holder: string | null;
  entry: string | null;
  securityDate: string | null;
}

export interface RegistryAnalysis {
  asOf: string;
  verdict: Verdict;
  verdictLabel: { ko: string; en: string };
  flags: Flag[];
  ladder: Ladder;
  owners: string[];
  ltv: {
    /** 부채비율; null when no market value or official price was given. */
    ratio: number | null;
    band: LtvBand | null;
    /** 전세가율 (deposit / market value): a different figure from 부채비율. */
    jeonseRatio: number | null;
    seniorClaims: number;
    seniorDeposits: number;
    marketValue: number | null;
    marketValueEstimated: boolean;
  };
  priorityRepayment: PriorityPerCreditor[];
  hug: HugResult;
  clauses: Clause[];
  steps: Step[];
  warnings: { ko: string; en: string }[];
  disclaimer: { ko: string; en: string };
}

const DISCLAIMER = {
  ko: '이 분석은 입력한 등기부와 사실에 근거한 참고 정보이며 법률 자문이 아닙니다.',
  en: 'This analysis informs from the entries and facts entered; it is not legal advice.',
};

const ref = (e: LadderEntry) => `${e.gu} ${e.rank}`;
const won = (n: number) => formatKoreanAmount(n);

export function analyzeRegistry(raw: RegistryInput | unknown, options: { asOf?: string; tables?: ReferenceTables } = {}): RegistryAnalysis {
  const tables = options.tables ?? shippedTables;
  const { depositRiskBands } = tables;
  const input: RegistryParsed = parseInput(registryInput, raw);
  const asOf = options.asOf ?? todaySeoul();
  const moveIn = input.contract?.moveInDate ?? input.lease.moveInDate;
  const ladder = buildLadder(input.gapgu, input.eulgu, moveIn, input.lease.fixedDate);
  const live = ladder.entries.filter((e) => !e.cancelled && e.kind !== 'cancellation');
  const ahead = live.filter((e) => e.position === 'senior' || e.position === 'tie');
  const flags: Flag[] = [];

  // R1: the landlord and the owners.
  const { owners, viaTrust } = ownersOf(ladder);
  const landlord = normaliseName(input.landlord.name);
  const isOwner = owners.some((o) => normaliseName(o) === landlord);
  const r1Basis = { ko: '등기사항전부증명서 갑구 소유자 확인 (국토교통부 3·3·3 ⑤, 표준계약서 유의사항)', en: 'Owner in 갑구 of the register (MOLIT 3·3·3 ⑤; standard lease notes)' };
  if (owners.length === 0) {
    flags.push(flag('R1', 'caution', { ko: '갑구에 살아 있는 소유권 등기가 입력되지 않아 소유자를 확인할 수 없습니다.', en: 'No live ownership entry was entered in 갑구, so the owner is unknown.' }, r1Basis, { missing: ['gapgu'] }));
  } else if (viaTrust) {
    // R3 speaks for a trust: the 수탁자 is the owner by design.
  } else if (!isOwner) {
    if (input.landlord.actingAsAgent && input.landlord.agentDocumentsChecked) {
      flags.push(flag('R1', 'caution', {
        ko: `계약자(${input.landlord.name})는 소유자(${owners.join(', ')})의 대리인입니다. 위임장과 인감증명서를 확인했으니 소유자와 직접 통화하고, 보증금은 소유자 명의 계좌로 보내세요.`,
        en: `The signer (${input.landlord.name}) acts for the owner (${owners.join(', ')}). Documents checked: call the owner and pay only into the owner’s account.`,
      }, r1Basis));
    } else {
      flags.push(flag('R1', 'danger', {
        ko: input.landlord.actingAsAgent
          ? `대리인의 위임장·인감증명서를 확인하지 않았습니다. 소유자는 ${owners.join(', ')}입니다.`
          : `계약하려는 임대인(${input.landlord.name})이 등기부상 소유자(${owners.join(', ')})가 아닙니다.`,
        en: input.landlord.actingAsAgent
          ? `The agent’s power of attorney and seal certificate were not checked; the owner is ${owners.join(', ')}.`
          : `The landlord (${input.landlord.name}) is not the registered owner (${owners.join(', ')}).`,
      }, r1Basis));
    }
  } else if (owners.length > 1) {
    flags.push(flag('R1', 'caution', {
      ko: `공동소유입니다 (${owners.join(', ')}). 다른 공유자 전원의 동의(또는 함께 서명)가 필요합니다.`,
      en: `Co-owned (${owners.join(', ')}): the other co-owners must agree or sign too.`,
    }, r1Basis));
  }

  // R2: live seizures, injunctions, provisional registrations, auctions, registered leases.
  for (const e of live.filter((x) => ENCUMBRANCE_KINDS.includes(x.kind))) {
    if ((e.kind === 'provisionalRegistration' || e.kind === 'securityProvisionalRegistration') && e.completedByMainRegistration) continue;
    const lease = e.kind === 'leaseRegistration';
    flags.push(flag('R2', 'danger', {
      ko: lease
        ? `${ref(e)}번 주택임차권등기: 이전 임차인이 보증금을 돌려받지 못했습니다. 이 집에 새로 들어가면 최우선변제를 받을 수 없습니다.`
        : `${ref(e)}번 ${e.kindLabel.ko}(${e.receivedAt})이 말소되지 않았습니다. 잔금 전에 말소되지 않으면 계약하지 마세요.`,
      en: lease
        ? `${ref(e)}: a registered lease — a previous tenant was not repaid; a new tenant loses priority repayment.`
        : `${ref(e)}: a live ${e.kindLabel.en} (${e.receivedAt}); do not proceed unless it is cancelled before the balance payment.`,
    }, lease
      ? { ko: '주택임대차보호법 §3의3⑥', en: 'Housing Lease Protection Act §3-3⑥' }
      : { ko: '등기부 갑구·을구의 처분제한·경매 등기', en: 'Restrictions and auction entries on the register' },
    { entries: [ref(e)] }));
  }

  // R3: trust.
  const trusts = live.filter((e) => e.kind === 'trust');
  if (trusts.length) {
    const consent = input.trustConsent === true;
    flags.push(flag('R3', consent ? 'caution' : 'danger', {
      ko: consent
        ? `신탁된 주택입니다 (${trusts.map(ref).join(', ')}). 신탁원부와 수탁자 동의를 확인했으니 동의서 원본과 보증금 입금 계좌(수탁자 지정)를 다시 확인하세요.`
        : `신탁된 주택입니다 (${trusts.map(ref).join(', ')}). 소유자는 수탁자(${owners.join(', ') || '신탁회사'})입니다. 신탁원부를 발급받아 검토하고 수탁자(및 우선수익자)의 동의서를 받기 전에는 계약하지 마세요.`,
      en: consent
        ? 'Trust property: 신탁원부 reviewed and trustee consent obtained; keep the original consent and pay only as the trustee directs.'
        : 'Trust property: the trustee owns it. Review the 신탁원부 and obtain the trustee’s (and priority beneficiary’s) written consent first.',
    }, { ko: '신탁원부·수탁자 동의', en: 'Trust deed and trustee consent' }, { entries: trusts.map(ref) }));
  }

  // R4: 부채비율.
  const seniorClaims = ahead.filter((e) => CLAIM_KINDS.includes(e.kind)).reduce((s, e) => s + (e.maxClaim ?? 0), 0);
  const missingClaims = ahead.filter((e) => CLAIM_KINDS.includes(e.kind) && e.maxClaim === undefined);
  const seniorDeposits = input.seniorDeposits ?? 0;
  const bands = versionAt(depositRiskBands, asOf)!;
  let marketValue: number | null = input.property.marketValue ?? null;
  let estimated = false;
  if (marketValue === null && input.property.officialPrice !== undefined) {
    marketValue = Math.floor((input.property.officialPrice * bands.officialPriceToMarketPercent) / 100);
    estimated = true;
  }
  const ltvOut: RegistryAnalysis['ltv'] = { ratio: null, band: null, jeonseRatio: null, seniorClaims, seniorDeposits, marketValue, marketValueEstimated: estimated };
  const r4Basis = { ko: '실무 기준(법령 아님): 부채비율 70% 초과 주의, 80% 초과 위험, 100% 이상 깡통전세', en: 'Practice bands (not law): > 70 % caution, > 80 % danger, ≥ 100 % deposit exceeds value' };
  if (marketValue === null || marketValue === 0) {
    // Not knowing the debt ratio must not read as 안전: a missing fact is a 주의.
    flags.push(flag('R4', 'caution', { ko: '시세와 공시가격이 모두 없어 부채비율을 계산할 수 없습니다.', en: 'Neither a market value nor an official price was given: the debt ratio is unknown.' }, r4Basis, { missing: ['property.marketValue', 'property.officialPrice'] }));
  } else {
    const l = computeLtv({ deposit: input.lease.deposit, seniorClaims, seniorDeposits, marketValue }, tables, asOf);
    Object.assign(ltvOut, { ratio: l.ratio, band: l.band, jeonseRatio: l.jeonseRatio });
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const est = estimated ? ` (시세 대신 공시가격 × ${bands.officialPriceToMarketPercent}%로 추정)` : '';
    const estEn = estimated ? ` (market value estimated as official price × ${bands.officialPriceToMarketPercent}%)` : '';
    const severity = l.band === '안전' ? 'info' : l.band === '주의' ? 'caution' : 'danger';
    flags.push(flag('R4', severity, {
      ko: `부채비율 ${pct(l.ratio)} — ${l.band}${est}. (선순위 채권최고액 ${won(seniorClaims)} + 선순위 보증금 ${won(seniorDeposits)} + 이 보증금 ${won(input.lease.deposit)}) ÷ 시세 ${won(marketValue)}. 전세가율(보증금 ÷ 시세)은 ${pct(l.jeonseRatio)}입니다.`,
      en: `Debt ratio ${pct(l.ratio)} — ${l.band}${estEn}. Jeonse ratio (deposit ÷ value) is ${pct(l.jeonseRatio)}.`,
    }, r4Basis, { missing: missingClaims.length ? missingClaims.map((e) => `${ref(e)} maxClaim`) : undefined }));
    if (missingClaims.length) {
      flags.push(flag('R4', 'caution', {
        ko: `${missingClaims.map(ref).join(', ')}의 채권최고액(금액)이 입력되지 않아 부채비율이 낮게 나왔을 수 있습니다.`,
        en: `${missingClaims.map(ref).join(', ')}: amount missing, so the debt ratio may be understated.`,
      }, r4Basis, { missing: missingClaims.map((e) => `${ref(e)} maxClaim`) }));
    }
  }
  if (input.property.buildingType === 'multi_household' && input.seniorDeposits === undefined) {
    flags.push(flag('R4', 'caution', {
      ko: '다가구주택은 다른 세대의 선순위 보증금이 중요합니다. 확정일자 부여현황과 전입세대확인서로 확인해 입력하세요.',
      en: 'Multi-household house: enter other tenants’ senior deposits (확정일자 부여현황, 전입세대확인서).',
    }, r4Basis, { missing: ['seniorDeposits'] }));
  }

  // R5: HUG.
  const hug = computeHug({
    buildingType: input.property.buildingType,
    address: input.property.address,
    deposit: input.lease.deposit,
    seniorClaims: seniorClaims + seniorDeposits,
    marketValue: input.property.marketValue,
    marketValueSource: input.property.marketValueSource,
    officialPrice: input.property.officialPrice,
    contractDate: input.contract?.contractDate ?? asOf,
  }, tables);
  const r5Basis = { ko: 'HUG 전세보증금반환보증 가입 기준 (HUG 상품안내, 2차 자료로 확인)', en: 'HUG guarantee rules (HUG product guide, checked through secondary sources)' };
  if (hug.eligible === false) {
    flags.push(flag('R5', 'danger', {
      ko: `HUG 전세보증금반환보증 가입이 어렵습니다 (최대 보증금 ${won(hug.maxDeposit ?? 0)}). ${hug.reasons.map((r) => r.ko).join(' ')}`,
      en: `The HUG guarantee is not possible (max deposit KRW ${(hug.maxDeposit ?? 0).toLocaleString('en-US')}). ${hug.reasons.map((r) => r.en).join(' ')}`,
    }, r5Basis, { unverified: hug.unverified || undefined }));
  } else if (hug.eligible === null) {
    flags.push(flag('R5', 'info', {
      ko: `HUG 보증 가능 여부를 판단할 수 없습니다. ${hug.reasons.map((r) => r.ko).join(' ')}`,
      en: `HUG eligibility unknown. ${hug.reasons.map((r) => r.en).join(' ')}`,
    }, r5Basis, { missing: input.property.buildingType === 'apartment' ? ['property.marketValue'] : ['property.officialPrice'] }));
  } else {
    flags.push(flag('R5', 'info', {
      ko: `HUG 보증 기준 안입니다 (최대 보증금 ${won(hug.maxDeposit ?? 0)}). 위반건축물·압류·신탁 등은 별도로 심사됩니다.`,
      en: `Within the HUG limits (max deposit KRW ${(hug.maxDeposit ?? 0).toLocaleString('en-US')}); other conditions are checked separately.`,
    }, r5Basis));
  }

  // R6: building register.
  const r6Basis = { ko: '건축물대장 위반건축물·주용도', en: 'Building register: violation mark and main use' };
  const br = input.buildingRegister;
  if (!br) {
    flags.push(flag('R6', 'caution', { ko: '건축물대장을 확인하지 않았습니다 (위반건축물, 주용도).', en: 'The building register was not checked (violations, main use).' }, r6Basis, { missing: ['buildingRegister'] }));
  } else {
    if (br.violation) {
      flags.push(flag('R6', 'danger', { ko: '건축물대장에 위반건축물로 표시되어 있습니다. 전세대출·보증이 거절될 수 있습니다.', en: 'The building register marks a violation: loans and guarantees may be refused.' }, r6Basis));
    }
    const use = br.mainUse.replace(/\s+/g, '');
    if (/근린생활시설/.test(use)) {
      flags.push(flag('R6', 'danger', { ko: `주용도가 ${br.mainUse}입니다. 주거로 쓰면 불법 용도변경(근생빌라)이며 대출·보증이 어렵습니다.`, en: `Main use is ${br.mainUse}: living there is an unlawful change of use; no loan or guarantee.` }, r6Basis));
    } else if (/업무시설/.test(use)) {
      if (input.property.buildingType === 'officetel') {
        flags.push(flag('R6', 'info', { ko: '오피스텔(업무시설)입니다. 주거용으로 전입신고가 가능한지 확인하세요.', en: 'Officetel (business use): confirm residence registration is possible.' }, r6Basis));
      } else {
        flags.push(flag('R6', 'danger', { ko: `주용도가 ${br.mainUse}입니다. 주택이 아닌 건물을 주거로 쓰는 경우입니다.`, en: `Main use is ${br.mainUse}: not a dwelling.` }, r6Basis));
      }
    }
  }

  // R7: taxes and undisclosed senior deposits.
  const r7Basis = { ko: '주택임대차보호법 §3의7 (임대인 정보 제시 의무), 표준계약서 특약', en: 'Act §3-7 (landlord’s duty to disclose); standard lease clause' };
  if (input.taxArrears === true) {
    flags.push(flag('R7', 'danger', { ko: '임대인에게 체납 세금이 있습니다. 세금은 보증금보다 먼저 배당될 수 있습니다.', en: 'The landlord has tax arrears, which may be paid ahead of the deposit.' }, r7Basis));
  } else if (input.taxArrears === undefined) {
    flags.push(flag('R7', 'caution', { ko: '임대인의 체납 여부가 입력되지 않았습니다. 국세·지방세 납세증명서(또는 미납국세 열람)를 확인하세요.', en: 'Check the landlord’s tax certificates (or view unpaid national taxes).' }, r7Basis, { missing: ['taxArrears'] }));
  }
  if (input.seniorDepositsDisclosed === false) {
    flags.push(flag('R7', 'danger', { ko: '임대인이 알리지 않은 선순위 보증금이 있습니다.', en: 'Senior deposits the landlord did not disclose were found.' }, r7Basis));
  }

  // R8: 최우선변제 per senior 담보권자.
  const securities = ahead.filter((e) => SECURITY_KINDS.includes(e.kind));
  const lostByLeaseRegistration = live.some((e) => e.kind === 'leaseRegistration');
  const perCreditor: PriorityPerCreditor[] = [];
  // §8① 후단: the earliest live 경매개시결정 decides whether the tenant came in time.
  const auctionRegisteredOn = live.filter((e) => e.kind === 'auction').map((e) => e.receivedAt).sort()[0];
  const prBase = { address: input.property.address, deposit: input.lease.deposit, housePrice: undefined, asOf, auctionRegisteredOn, moveInDate: moveIn };
  if (securities.length === 0) {
    perCreditor.push({ holder: null, entry: null, securityDate: null, ...computePriorityRepayment({ ...prBase, seniorSecurityDate: null }, tables) });
  } else {
    for (const s of securities) {
      perCreditor.push({ holder: s.holders.join(', ') || null, entry: ref(s), securityDate: s.orderDate, ...computePriorityRepayment({ ...prBase, seniorSecurityDate: s.orderDate }, tables) });
    }
  }
  for (const p of perCreditor) {
    if (lostByLeaseRegistration) {
      p.eligible = false;
      p.amount = 0;
      p.notes.push({ ko: '임차권등기가 된 주택에 새로 들어간 임차인은 최우선변제를 받지 못합니다 (법 §3의3⑥).', en: 'A tenant moving into a unit with a registered lease gets no priority repayment (Act §3-3⑥).' });
    }
    const who = p.entry ? `${p.entry} ${p.holder ?? ''}`.trim() : '선순위 담보권 없음';
    const whoEn = p.entry ? `${p.entry} ${p.holder ?? ''}`.trim() : 'no senior security right';
    const what =
      p.eligible === true
        ? { ko: `최우선변제 대상: 최대 ${won(p.amount ?? 0)} (${p.tableEffectiveFrom} 표, ${p.regionGroup}, 보증금 ${won(p.threshold ?? 0)} 이하).`, en: `Priority repayment: up to KRW ${(p.amount ?? 0).toLocaleString('en-US')} (table of ${p.tableEffectiveFrom}, ${p.regionGroup}).` }
        : p.eligible === false
          ? { ko: `최우선변제 대상이 아닙니다${p.threshold ? ` (${p.tableEffectiveFrom} 표 ${p.regionGroup} 기준 ${won(p.threshold)} 초과)` : ''}.`, en: 'Not eligible for priority repayment.' }
          : { ko: `최우선변제: 권역 확인필요 (${p.tableEffectiveFrom ?? '-'} 표).`, en: `Priority repayment: region needs checking (table of ${p.tableEffectiveFrom ?? '-'}).` };
    const late = afterAuction(moveIn, auctionRegisteredOn);
    const auctionWhat =
      late === true
        ? { ko: `경매개시결정 등기(${auctionRegisteredOn}) 이후에 전입해 최우선변제를 받을 수 없습니다 (§8① 후단: 대항력은 전입 다음 날 0시부터).`, en: `Moved in after the auction was registered (${auctionRegisteredOn}): no priority repayment (§8① second sentence; protection starts at 0:00 the next day).` }
        : late === null
          ? { ko: `경매개시결정 등기(${auctionRegisteredOn})가 있습니다. 그 전날까지 전입해야 최우선변제를 받습니다 — 전입일을 입력하세요.`, en: `An auction was registered on ${auctionRegisteredOn}: priority repayment needs the move-in by the day before — enter the move-in date.` }
          : null;
    flags.push(flag('R8', late === true ? 'danger' : 'info', { ko: `${who}: ${auctionWhat?.ko ?? what.ko}`, en: `${whoEn}: ${auctionWhat?.en ?? what.en}` }, { ko: '주택임대차보호법 §8①(후단 포함), 시행령 §10·§11 및 각 부칙 경과조치', en: 'Act §8① (incl. its second sentence); decree §10, §11 and each amendment’s transitional clause' }, { entries: p.entry ? [p.entry] : undefined, unverified: p.unverified || undefined }));
  }

  const sorted = sortFlags(flags);
  const verdict = verdictOf(sorted);
  const { steps, warnings } = afterContractSteps(input, tables);
  const clauses = proposeClauses({
    liveMortgages: ahead.filter((e) => e.kind === 'mortgage'),
    liveEncumbrances: live.filter((e) => ENCUMBRANCE_KINDS.includes(e.kind) && !e.completedByMainRegistration && e.kind !== 'leaseRegistration'),
    moveInDate: moveIn,
    balanceDate: input.contract?.balance?.date,
    trust: trusts.length > 0,
    hugEligible: hug.eligible,
    loanOrGuarantee: input.lease.loanOrGuarantee,
    taxArrears: input.taxArrears,
    seniorDepositsDisclosed: input.seniorDepositsDisclosed,
  });
  return {
    asOf,
    verdict,
    verdictLabel: VERDICT_LABELS[verdict],
    flags: sorted,
    ladder,
    owners,
    ltv: ltvOut,
    priorityRepayment: perCreditor,
    hug,
    clauses,
    steps,
    warnings,
    disclaimer: DISCLAIMER,
  };
}

export type { Clause } from './clauses.js';
export type { Flag, Severity, Verdict } from './flags.js';
export type { Ladder, LadderEntry } from './ladder.js';
export type { RegistryInput } from './input.js';
export type { Step } from './steps.js';
