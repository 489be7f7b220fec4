// Seniority: within one 구 by 순위번호 (a 부기 "1-1" takes its 주등기's rank, a 가등기's 본등기 at
// the same 순위번호 keeps the 가등기's rank); across 갑구 and 을구 by 접수일 then 접수번호. The
// tenant is placed by 대항력 (00:00 the day after moving in) and, with a 확정일자, 우선변제.
import { addDays } from '../common/seoul-time.js';
import { computeOpposingPower } from '../calculators/opposing-power.js';
import { cancelledRanks, classifyPurpose, KIND_LABELS, parseRank, receiptNumber, type EntryKind } from './entries.js';
import type { RegistryEntry } from './input.js';

export type Gu = '갑구' | '을구';

export interface LadderEntry {
  gu: Gu;
  rank: string;
  purpose: string;
  kind: EntryKind;
  kindLabel: { ko: string; en: string };
  receivedAt: string;
  receiptNo?: string;
  cause?: string;
  holders: string[];
  /** 채권최고액 (or 전세금, 임차보증금), after any 변경 부기. */
  maxClaim?: number;
  cancelled: boolean;
  /** How it was found cancelled: marked on entry, or named by a 말소 entry's rank. */
  cancelledBy?: string;
  /** For a 가등기: its 본등기 was made (same 순위번호). */
  completedByMainRegistration?: boolean;
  /** Relative to the tenant: 'senior', 'junior', 'tie' (same day as a later 확정일자), or null for 말소 lines. */
  position: 'senior' | 'junior' | 'tie' | null;
  /** Date and number used for ordering across 구. */
  orderDate: string;
  /** Rank key of the 주등기 this 부기 belongs to. */
  parentRank?: string;
}

export interface TenantRung {
  opposingPowerFrom: string | null;
  priorityFrom: string | null;
  /** The date the tenant's place is judged by (YYYY-MM-DD); null when not yet moved in. */
  placedAt: string | null;
  note: { ko: string; en: string };
}

export interface Ladder {
  /** Entries in seniority order; `tenantIndex` is where the tenant stands among them. */
  entries: LadderEntry[];
  tenantIndex: number;
  tenant: TenantRung;
}

interface Work extends LadderEntry {
  main: number;
  sub: number;
  receipt: number;
  guOrder: number;
}

function prepare(gu: Gu, raw: RegistryEntry[]): Work[] {
  const list: Work[] = raw.map((e) => {
    const [main, sub] = parseRank(e.rank);
    const kind = classifyPurpose(e.purpose, e.cause);
    return {
      gu, rank: e.rank, purpose: e.purpose, kind, kindLabel: KIND_LABELS[kind], receivedAt: e.receivedAt,
      receiptNo: e.receiptNo === undefined ? undefined : String(e.receiptNo), cause: e.cause, holders: e.holders,
      maxClaim: e.maxClaim, cancelled: e.cancelled, position: null, orderDate: e.receivedAt,
      main, sub, receipt: receiptNumber(e.receiptNo), guOrder: gu === '갑구' ? 0 : 1,
    };
  });
  // Within a 구, rank order.
  list.sort((a, b) => a.main - b.main || a.sub - b.sub || a.receivedAt.localeCompare(b.receivedAt));
  const key = (w: Work) => (w.sub ? `${w.main}-${w.sub}` : String(w.main));
  // A 말소 entry cancels the ranks it names (and their 부기).
  for (const c of list.filter((w) => w.kind === 'cancellation')) {
    for (const r of cancelledRanks(c.purpose)) {
      for (const w of list) {
        if (w === c) continue;
        if (key(w) === r || (!r.includes('-') && String(w.main) === r && w.kind !== 'cancellation')) {
          if (!w.cancelled) w.cancelledBy = `${gu} ${c.rank}`;
          w.cancelled = true;
        }
      }
    }
  }
  // A 주등기 that is cancelled takes its 부기 with it; a 부기 takes the 주등기's place in time.
  for (const w of list) {
    const parent = list.find((p) => p.main === w.main && p.sub === 0 && p !== w);
    if (!parent) continue;
    if (w.sub > 0) {
      w.parentRank = String(parent.main);
      w.orderDate = parent.receivedAt;
      w.receipt = parent.receipt;
      if (parent.cancelled && !w.cancelled) {
        w.cancelled = true;
        w.cancelledBy = `${gu} ${parent.rank}`;
      }
      if (!w.cancelled && w.kind === 'mortgageChange' && w.maxClaim !== undefined) parent.maxClaim = w.maxClaim;
      if (!w.cancelled && w.kind === 'mortgageTransfer' && w.holders.length) parent.holders = w.holders;
    } else if (w.sub === 0 && parent.kind === 'provisionalRegistration' && w.kind !== 'cancellation') {
      // Same 순위번호 as a 가등기: its 본등기, ranked from the 가등기.
      w.orderDate = parent.receivedAt;
      w.receipt = parent.receipt;
      if (!w.cancelled) parent.completedByMainRegistration = true;
    }
  }
  return list;
}

/** Orders both 구 and places the tenant. `moveInDate`/`fixedDate` may be absent before the contract. */
export function buildLadder(gapgu: RegistryEntry[], eulgu: RegistryEntry[], moveInDate?: string, fixedDate?: string): Ladder {
  const all = [...prepare('갑구', gapgu), ...prepare('을구', eulgu)];
  // Stable merge: by date, then 접수번호, then 갑구 before 을구 on a shared number, then rank.
  all.sort((a, b) => a.orderDate.localeCompare(b.orderDate) || a.receipt - b.receipt || a.guOrder - b.guOrder || a.main - b.main || a.sub - b.sub);

  let tenant: TenantRung;
  let placedAt: string | null = null;
  let tieDay = false;
  if (moveInDate) {
    const op = computeOpposingPower({ moveInDate, fixedDate: fixedDate ?? null });
    placedAt = op.priorityFrom ? op.priorityFrom.slice(0, 10) : addDays(moveInDate, 1);
    tieDay = op.sameDayTie;
    tenant = {
      opposingPowerFrom: op.opposingPowerFrom,
      priorityFrom: op.priorityFrom,
      placedAt,
      note: {
        ko: `대항력은 ${op.opposingPowerFrom.slice(0, 10)} 0시부터 생깁니다. 전입일(${moveInDate})에 접수된 권리는 임차인보다 앞섭니다.`,
        en: `Opposing power starts at 00:00 on ${op.opposingPowerFrom.slice(0, 10)}; a right received on the move-in day (${moveInDate}) ranks ahead of the tenant.`,
      },
    };
  } else {
    tenant = {
      opposingPowerFrom: null,
      priorityFrom: null,
      placedAt: null,
      note: {
        ko: '아직 입주 전이므로 지금 등기부에 있는 권리는 모두 임차인보다 앞섭니다.',
        en: 'Not moved in yet: every right now on the register ranks ahead of the tenant.',
      },
    };
  }
  let tenantIndex = all.length;
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    if (e.kind === 'cancellation') continue;
    if (placedAt === null || e.orderDate < placedAt) e.position = 'senior';
    else if (e.orderDate === placedAt && tieDay) e.position = 'tie';
    else e.position = 'junior';
    if (e.position === 'junior' && tenantIndex === all.length) tenantIndex = i;
  }
  const entries: LadderEntry[] = all.map(({ main: _m, sub: _s, receipt: _r, guOrder: _g, ...rest }) => rest);
  return { entries, tenantIndex, tenant };
}

/**
 * The owners: holders of the latest live 소유권 entry in 갑구 rank order (보존, 이전 or a 신탁
 * transfer to the 수탁자); a share transfer adds its holders to the owners before it.
 */
export function ownersOf(ladder: Ladder): { owners: string[]; viaTrust: boolean; entry: LadderEntry | null } {
  const gap = ladder.entries
    .filter((e) => e.gu === '갑구')
    .sort((a, b) => parseRank(a.rank)[0] - parseRank(b.rank)[0] || parseRank(a.rank)[1] - parseRank(b.rank)[1]);
  let owners: string[] = [];
  let viaTrust = false;
  let entry: LadderEntry | null = null;
  for (const e of gap) {
    if (e.cancelled) continue;
    if (e.kind === 'ownershipPreservation' || e.kind === 'ownershipTransfer' || (e.kind === 'trust' && e.holders.length)) {
      owners = [...e.holders];
      viaTrust = e.kind === 'trust';
      entry = e;
    } else if (e.kind === 'ownershipPartialTransfer') {
      owners = [...new Set([...owners, ...e.holders])];
      viaTrust = false;
      entry = e;
    }
  }
  return { owners, viaTrust, entry };
}
