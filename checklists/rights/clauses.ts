// Proposed 특약 texts to copy into the contract, each with why it was proposed. The first two
// follow the 법무부 주택임대차표준계약서's printed clauses; the rest are common practice
// (brief §4 ⚠) and are marked so.
import { formatKoreanAmount } from '../common/money.js';
import { addDays } from '../common/seoul-time.js';
import type { LadderEntry } from './ladder.js';

export interface Clause {
  id: string;
  text: { ko: string; en: string };
  reason: { ko: string; en: string };
  /** 'standardForm' = printed on the standard lease; 'practice' = common practice, not verified. */
  origin: 'standardForm' | 'practice';
}

export interface ClauseFacts {
  liveMortgages: LadderEntry[];
  liveEncumbrances: LadderEntry[];
  moveInDate?: string;
  balanceDate?: string;
  trust: boolean;
  hugEligible: boolean | null;
  loanOrGuarantee?: boolean;
  taxArrears?: boolean;
  seniorDepositsDisclosed?: boolean;
}

const blank = '____';

export function proposeClauses(f: ClauseFacts): Clause[] {
  const out: Clause[] = [];
  const by = f.balanceDate ?? `잔금 지급일(${blank})`;
  for (const m of f.liveMortgages) {
    const amount = m.maxClaim !== undefined ? `채권최고액 금 ${formatKoreanAmount(m.maxClaim)}` : `채권최고액 금 ${blank}원`;
    out.push({
      id: `cancel-mortgage-${m.rank}`,
      origin: 'practice',
      text: {
        ko: `임대인은 ${by}까지 을구 순위번호 ${m.rank}번 근저당권(${amount})을 말소하기로 한다. 임대인이 이를 이행하지 않으면 임차인은 이 계약을 해제할 수 있으며, 임대인은 계약금의 배액을 임차인에게 상환한다.`,
        en: `The landlord shall cancel the mortgage at 을구 rank ${m.rank} by ${f.balanceDate ?? 'the balance date'}. If not, the tenant may rescind and the landlord repays double the down payment.`,
      },
      reason: {
        ko: `을구 ${m.rank}번 근저당권이 말소되지 않은 채 남아 있어 보증금보다 앞섭니다.`,
        en: `The mortgage at 을구 rank ${m.rank} is live and ranks ahead of the deposit.`,
      },
    });
  }
  for (const e of f.liveEncumbrances) {
    out.push({
      id: `cancel-${e.kind}-${e.gu}-${e.rank}`,
      origin: 'practice',
      text: {
        ko: `임대인은 ${by}까지 ${e.gu} 순위번호 ${e.rank}번 ${e.kindLabel.ko} 등기를 말소하기로 한다. 임대인이 이를 이행하지 않으면 임차인은 이 계약을 해제할 수 있으며, 임대인은 계약금의 배액을 임차인에게 상환한다.`,
        en: `The landlord shall have the ${e.kindLabel.en} at ${e.gu} rank ${e.rank} cancelled by ${f.balanceDate ?? 'the balance date'}; if not, the tenant may rescind and the landlord repays double the down payment.`,
      },
      reason: {
        ko: `${e.gu} ${e.rank}번 ${e.kindLabel.ko}이(가) 살아 있어 계약이 위험합니다.`,
        en: `The ${e.kindLabel.en} at ${e.gu} rank ${e.rank} is live.`,
      },
    });
  }
  const moveIn = f.moveInDate ?? blank;
  const security = f.moveInDate ? addDays(f.moveInDate, 2) : blank;
  out.push({
    id: 'no-new-security',
    origin: 'standardForm',
    text: {
      ko: `주택을 인도받은 임차인은 ${moveIn}까지 주민등록(전입신고)과 주택임대차계약서상 확정일자를 받기로 하고, 임대인은 ${security}(최소한 임차인의 위 약정일자 이틀 후부터 가능)에 저당권 등 담보권을 설정할 수 있다. 임대인이 이를 위반하면 임차인은 계약을 해제 또는 해지하고 손해배상을 청구할 수 있다.`,
      en: `The tenant registers residence and obtains the fixed date by ${moveIn}; the landlord may create a mortgage or other security only from ${security} (at least two days later). On breach the tenant may rescind or terminate and claim damages.`,
    },
    reason: {
      ko: '대항력은 전입 다음 날 0시에 생기므로, 그 전에 설정된 담보권은 보증금보다 앞섭니다 (표준계약서 인쇄 특약).',
      en: 'Opposing power starts at 00:00 the day after moving in, so a security right created before then ranks ahead (printed clause of the standard lease).',
    },
  });
  out.push({
    id: 'undisclosed-senior-or-tax',
    origin: 'standardForm',
    text: {
      ko: `임대차계약을 체결할 때 임대인이 고지하지 않은 선순위 임대차 정보나 미납 또는 체납한 국세·지방세가 ${blank}원을 초과하는 것을 임대차 개시 전에 임차인이 알게 된 경우, 임차인은 임대차 개시 전까지 위약금 없이 계약을 해제할 수 있다.`,
      en: `If, before the lease starts, the tenant learns of senior leases or unpaid national or local taxes over KRW ${blank} that the landlord did not disclose, the tenant may rescind without penalty until the lease starts.`,
    },
    reason:
      f.taxArrears || f.seniorDepositsDisclosed === false
        ? { ko: '체납 세금 또는 고지되지 않은 선순위 보증금이 확인되었습니다.', en: 'Tax arrears or undisclosed senior deposits were found.' }
        : { ko: '체납 세금과 선순위 보증금은 등기부에 나타나지 않습니다 (표준계약서 인쇄 특약, 법 §3의7).', en: 'Tax arrears and senior deposits do not show on the register (printed clause; Act §3-7).' },
  });
  out.push({
    id: 'no-rights-change-until-balance',
    origin: 'practice',
    text: {
      ko: `임대인은 잔금 지급일 다음 날까지 소유권 이전, 담보권 설정 등 권리변동을 일으키지 않기로 한다.`,
      en: 'The landlord makes no change of rights (transfer of ownership, new security) until the day after the balance payment.',
    },
    reason: { ko: '잔금일에 등기부를 다시 확인한 뒤 전입 효력이 생기기 전까지의 공백을 막습니다.', en: 'Covers the gap between the balance-day check and the tenant’s protection taking effect.' },
  });
  if (f.loanOrGuarantee !== false) {
    out.push({
      id: 'loan-or-guarantee-refused',
      origin: 'practice',
      text: {
        ko: '임차인의 귀책사유 없이 전세자금대출 또는 전세보증금반환보증(HUG·HF·SGI) 가입이 거절되는 경우 이 계약은 무효로 하며, 임대인은 받은 계약금을 즉시 임차인에게 반환한다.',
        en: 'If the deposit loan or the deposit-return guarantee (HUG, HF, SGI) is refused without the tenant’s fault, this contract is void and the landlord returns the down payment at once.',
      },
      reason: { ko: '대출이나 보증에 기대어 보증금을 마련하는 경우 계약금을 잃지 않도록 합니다.', en: 'Protects the down payment when the deposit depends on a loan or guarantee.' },
    });
  }
  if (f.hugEligible) {
    out.push({
      id: 'guarantee-cooperation',
      origin: 'practice',
      text: { ko: '임대인은 임차인의 전세보증금반환보증 가입에 필요한 서류 제공 등에 협조한다.', en: 'The landlord cooperates with the tenant’s application for a deposit-return guarantee.' },
      reason: { ko: 'HUG 보증 가입 기준을 충족하는 것으로 계산되었습니다.', en: 'The HUG guarantee appears to be available.' },
    });
  }
  if (f.trust) {
    out.push({
      id: 'trust-consent',
      origin: 'practice',
      text: {
        ko: `임대인은 ${by}까지 수탁자(및 우선수익자)의 임대차 동의서를 임차인에게 교부하며, 교부하지 못하면 임차인은 계약을 해제할 수 있고 임대인은 받은 금액 전부를 즉시 반환한다.`,
        en: 'The landlord hands over the trustee’s (and priority beneficiary’s) written consent to the lease by the balance date; otherwise the tenant may rescind and all money paid is returned at once.',
      },
      reason: { ko: '신탁된 주택은 수탁자가 소유자이므로 위탁자와의 계약만으로는 수탁자에게 대항하지 못할 수 있습니다.', en: 'In a trust the trustee owns the house; a lease with the settlor alone may not bind it.' },
    });
  }
  return out;
}
