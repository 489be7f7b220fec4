// The registry document as the manager fills it in for one listing (saved on every change):
// the certificate's 갑구/을구 entries as printed, and the landlord, building-register and contract
// facts. Unlike the analysis input it may be incomplete while being typed: an unknown fact is
// null, and an entry without its 등기목적 or 접수일 is kept but left out of the analysis (with a
// warning). `toRegistryInput` turns it, with the listing and the checklist's answers, into the
// engine's input.
import type { RegistryInput } from './input.js';
import { parseBuildingType } from '../common/vocabulary.js';
import { buildLadder, ownersOf } from './ladder.js';
import type { ChecklistFacts } from './checklist-facts.js';

export const REGISTRY_DOC_VERSION = 1;

export interface RegistryDocEntry {
  /** 순위번호 as printed, incl. 부기 ("1-1"). */
  rank: string;
  /** 등기목적 as printed. */
  purpose: string;
  /** 접수일 YYYY-MM-DD. */
  receivedAt: string | null;
  /** 접수번호 ("제12345호"). */
  receiptNo: string | null;
  /** 등기원인. */
  cause: string | null;
  /** 권리자 (personal data: the document is encrypted at rest). */
  holders: string[];
  /** 채권최고액 (or 전세금, 임차보증금) in won. */
  maxClaim: number | null;
  /** Struck through (말소) on the certificate. */
  cancelled: boolean;
}

export interface Payment {
  amount: number | null;
  date: string | null;
}

export interface RegistryDoc {
  certificate: {
    /** 열람/발급 일시: ISO 8601 with +09:00, or a bare date. */
    issuedAt: string | null;
    /** 집합건물 (a unit in a collective building). */
    collective: boolean | null;
  };
  gapgu: RegistryDocEntry[];
  eulgu: RegistryDocEntry[];
  landlord: {
    actingAsAgent: boolean | null;
    /** 위임장 and 인감증명서 checked. */
    agentDocumentsChecked: boolean | null;
    /** 신탁원부 reviewed and the 수탁자 consented. */
    trustConsent: boolean | null;
    taxArrears: boolean | null;
    /** Other tenants' deposits ahead of this one (다가구), won. */
    seniorDeposits: number | null;
    seniorDepositsDisclosed: boolean | null;
  };
  buildingRegister: {
    checked: boolean;
    violation: boolean | null;
    /** 주용도 as printed (다세대주택, 제2종근린생활시설, 업무시설 …). */
    mainUse: string | null;
  };
  contract: {
    contractDate: string | null;
    downPayment: Payment;
    interimPayment: Payment;
    balance: Payment;
    moveInDate: string | null;
    /** 확정일자. */
    fixedDate: string | null;
    endDate: string | null;
    /** The tenant relies on a deposit loan or a guarantee. */
    loanOrGuarantee: boolean | null;
  };
}

export function emptyRegistryDoc(): RegistryDoc {
  const pay = (): Payment => ({ amount: null, date: null });
  return {
    certificate: { issuedAt: null, collective: null },
    gapgu: [],
    eulgu: [],
    landlord: { actingAsAgent: null, agentDocumentsChecked: null, trustConsent: null, taxArrears: null, seniorDeposits: null, seniorDepositsDisclosed: null },
    buildingRegister: { checked: false, violation: null, mainUse: null },
    contract: { contractDate: null, downPayment: pay(), interimPayment: pay(), balance: pay(), moveInDate: null, fixedDate: null, endDate: null, loanOrGuarantee: null },
  };
}

/** What the analysis takes from the listing itself. */
export interface ListingFacts {
  buildingType: string;
  address: string;
  deposit: number;
  monthlyRent: number;
  marketValue: number | null;
  /** KB, 한국부동산원, or an asking price (HUG counts only the first two). */
  marketValueSource?: 'kb' | 'reb' | 'asking' | null;
  officialPrice: number | null;
  landlordName: string | null;
}


export interface Conversion {
  input: RegistryInput;
  /** Entries left out because they are incomplete, and facts the analysis stood in for. */
  warnings: { ko: string; en: string }[];
  /** The landlord's name was not entered: R1 must say so rather than compare names. */
  landlordUnknown: boolean;
}

const orUndef = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function payment(p: Payment) {
  return p.amount !== null && p.date ? { amount: p.amount, date: p.date } : undefined;
}

/** 잔금 is what is left of the deposit after 계약금 and 중도금 (null when that would be negative). */
function remainder(deposit: number, c: RegistryDoc['contract']): number | null {
  const rest = deposit - (c.downPayment.amount ?? 0) - (c.interimPayment.amount ?? 0);
  return rest >= 0 ? rest : null;
}

/**
 * The engine's input from the saved document, the listing and the registry checklist's answers.
 * The form wins: a checklist answer only fills a fact the form leaves unset.
 */
export function toRegistryInput(doc: RegistryDoc, listing: ListingFacts, facts: ChecklistFacts = {}): Conversion {
  const warnings: Conversion['warnings'] = [];
  const entries = (gu: '갑구' | '을구', list: RegistryDocEntry[]) =>
    list.flatMap((e, i) => {
      if (!e.purpose.trim() || !e.receivedAt || !e.rank.trim()) {
        const label = e.rank.trim() || `${i + 1}번째 줄`;
        const labelEn = e.rank.trim() || `line ${i + 1}`;
        warnings.push({
          ko: `${gu} ${label}: 순위번호·등기목적·접수일이 모두 있어야 분석에 넣습니다. 이 줄은 빠졌습니다.`,
          en: `${gu} ${labelEn}: needs its rank, purpose and received date; left out of the analysis.`,
        });
        return [];
      }
      return [{
        rank: e.rank.trim(),
        purpose: e.purpose.trim(),
        receivedAt: e.receivedAt,
        receiptNo: orUndef(e.receiptNo?.trim() || null),
        cause: orUndef(e.cause?.trim() || null),
        holders: e.holders.map((h) => h.trim()).filter(Boolean),
        maxClaim: orUndef(e.maxClaim),
        cancelled: e.cancelled,
      }];
    });
  const gapgu = entries('갑구', doc.gapgu);
  const eulgu = entries('을구', doc.eulgu);

  const l = doc.landlord;
  const c = doc.contract;
  const br = doc.buildingRegister;
  const buildingRegister = br.checked && br.violation !== null
    ? { violation: br.violation, mainUse: br.mainUse ?? '' }
    : facts.buildingRegister;
  const issuedAt = doc.certificate.issuedAt ?? facts.certIssuedOn ?? null;
  let landlordName = listing.landlordName?.trim() || null;
  if (!landlordName && facts.landlordIsOwner === true) {
    // The checklist says the signer is the registered owner: take the owner's name from 갑구.
    landlordName = ownersOf(buildLadder(gapgu, eulgu)).owners[0] ?? null;
  }
  const landlordUnknown = !landlordName;

  const input: RegistryInput = {
    property: {
      buildingType: parseBuildingType(listing.buildingType) ?? 'other',
      address: listing.address,
      marketValue: orUndef(listing.marketValue ?? facts.marketValue ?? null),
      marketValueSource: listing.marketValue != null ? orUndef(listing.marketValueSource ?? null) : undefined,
      officialPrice: orUndef(listing.officialPrice),
    },
    // Without a name the landlord is compared as no-one; the handler reports it as missing.
    landlord: {
      name: landlordName ?? '(미입력)',
      actingAsAgent: l.actingAsAgent ?? facts.actingAsAgent ?? false,
      agentDocumentsChecked: l.agentDocumentsChecked ?? facts.agentDocumentsChecked ?? false,
    },
    lease: {
      deposit: listing.deposit,
      monthlyRent: listing.monthlyRent,
      moveInDate: orUndef(c.moveInDate),
      fixedDate: orUndef(c.fixedDate),
      endDate: orUndef(c.endDate),
      loanOrGuarantee: orUndef(c.loanOrGuarantee),
    },
    seniorDeposits: orUndef(l.seniorDeposits ?? facts.seniorDeposits ?? null),
    seniorDepositsDisclosed: orUndef(l.seniorDepositsDisclosed ?? facts.seniorDepositsDisclosed ?? null),
    taxArrears: orUndef(l.taxArrears ?? facts.taxArrears ?? null),
    trustConsent: orUndef(l.trustConsent ?? facts.trustConsent ?? null),
    gapgu,
    eulgu,
    buildingRegister,
    certificate: issuedAt ? { issuedAt, collective: orUndef(doc.certificate.collective) } : undefined,
    contract: c.contractDate
      ? {
          contractDate: c.contractDate,
          downPayment: payment(c.downPayment),
          interimPayment: payment(c.interimPayment),
          balance: payment(c.balance.amount === null && c.balance.date ? { ...c.balance, amount: remainder(listing.deposit, c) } : c.balance),
          moveInDate: orUndef(c.moveInDate),
        }
      : undefined,
  };
  return { input, warnings, landlordUnknown };
}
