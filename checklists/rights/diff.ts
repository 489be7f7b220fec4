// Two registry readings of one listing compared: what was added, cancelled (말소) or changed, whether
// the owner changed, and the verdict before and after — both verdicts computed with the newer
// document's lease facts, so only the register differs. Entries are matched by section (갑구/을구)
// and main 순위번호: a 부기 ("1-1") belongs to its 주등기 and makes it `changed`; an entry newly
// struck through (or named by a new 말소 entry, or gone from a certificate printed without its
// cancelled entries) is `cancelled`, never `added`. Worst first within each list.
import { analyzeRegistry, type RegistryAnalysis } from './analyze.js';
import { cancelledRanks, classifyPurpose, ENCUMBRANCE_KINDS, KIND_LABELS, normaliseName, parseRank, type EntryKind } from './entries.js';
import { registryInput, type RegistryEntry, type RegistryParsed } from './input.js';
import { parseInput } from '../calculators/schema.js';
import type { Verdict } from './flags.js';
import type { Step } from './steps.js';

export type Section = '갑구' | '을구';
export type ChangeRisk = 'danger' | 'caution' | 'info';

export interface DiffEntry {
  section: Section;
  rank: string;
  purpose: string;
  kind: EntryKind;
  kindLabel: { ko: string; en: string };
  receivedAt: string;
  receiptNo?: string;
  holders: string[];
  maxClaim?: number;
  cancelled: boolean;
  /** The 부기 under this 주등기, in rank order. */
  supplements?: DiffEntry[];
}

export interface DiffItem {
  risk: ChangeRisk;
  why: { ko: string; en: string };
}

export interface RegistryDiff {
  added: (DiffEntry & DiffItem)[];
  cancelled: (DiffEntry & DiffItem)[];
  changed: ({ before: DiffEntry; after: DiffEntry; fields: string[] } & DiffItem)[];
  ownerChanged: boolean;
  ownersBefore: string[];
  ownersAfter: string[];
  verdictBefore: Verdict;
  verdictAfter: Verdict;
  /** The change makes the lease riskier: a new danger entry, a higher claim, a new owner or a worse verdict. */
  riskier: boolean;
  /** What to do, when riskier: stop the payment, and the special clauses that apply. */
  actions: { ko: string; en: string }[];
  clauses: RegistryAnalysis['clauses'];
}

const RISK_ORDER: Record<ChangeRisk, number> = { danger: 0, caution: 1, info: 2 };
const VERDICT_ORDER: Record<Verdict, number> = { safe: 0, caution: 1, danger: 2 };
const DANGER_ON_ADD: EntryKind[] = [...ENCUMBRANCE_KINDS, 'trust', 'mortgage', 'ownershipTransfer', 'ownershipPartialTransfer', 'jeonseRight', 'leaseRight'];

function toDiffEntry(section: Section, e: RegistryEntry): DiffEntry {
  const kind = classifyPurpose(e.purpose, e.cause);
  return {
    section, rank: e.rank, purpose: e.purpose, kind, kindLabel: KIND_LABELS[kind], receivedAt: e.receivedAt,
    ...(e.receiptNo !== undefined ? { receiptNo: String(e.receiptNo) } : {}),
    holders: e.holders, ...(e.maxClaim !== undefined ? { maxClaim: e.maxClaim } : {}), cancelled: e.cancelled,
  };
}

/** 주등기 by section and main rank, each with its 부기; ranks named by 말소 entries marked cancelled. */
function groups(doc: RegistryParsed): Map<string, DiffEntry> {
  const out = new Map<string, DiffEntry>();
  for (const [section, list] of [['갑구', doc.gapgu], ['을구', doc.eulgu]] as const) {
    const named = new Set<string>();
    for (const e of list) if (!e.cancelled && classifyPurpose(e.purpose, e.cause) === 'cancellation') for (const r of cancelledRanks(e.purpose)) named.add(r);
    const sorted = [...list].sort((a, b) => {
      const [am, as] = parseRank(a.rank);
      const [bm, bs] = parseRank(b.rank);
      return am - bm || as - bs;
    });
    for (const e of sorted) {
      const [main, sub] = parseRank(e.rank);
      const key = `${section} ${main}`;
      const d = toDiffEntry(section, e);
      if (named.has(e.rank) || (sub === 0 && named.has(String(main)))) d.cancelled = true;
      const g = out.get(key);
      if (sub !== 0 && g) (g.supplements ??= []).push(d);
      else out.set(key, d); // a 주등기, or a 부기 whose 주등기 was not entered
    }
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const holdersOf = (e: DiffEntry) => (e.supplements ?? []).reduce((h, s) => (s.kind === 'mortgageTransfer' || s.kind === 'jeonseChange') && s.holders.length ? s.holders : h, e.holders);
const claimOf = (e: DiffEntry) => (e.supplements ?? []).reduce<number | undefined>((c, s) => (s.maxClaim !== undefined && !s.cancelled ? s.maxClaim : c), e.maxClaim);
const ref = (e: DiffEntry) => `${e.section} ${e.rank}번 ${e.kindLabel.ko}`;
const refEn = (e: DiffEntry) => `${e.section} rank ${e.rank} (${e.kindLabel.en})`;

export function diffRegistry(oldRaw: unknown, newRaw: unknown, options: { asOf?: string } = {}): RegistryDiff {
  const oldDoc = parseInput(registryInput, oldRaw);
  const newDoc = parseInput(registryInput, newRaw);
  const before = groups(oldDoc);
  const after = groups(newDoc);
  const added: RegistryDiff['added'] = [];
  const cancelled: RegistryDiff['cancelled'] = [];
  const changed: RegistryDiff['changed'] = [];

  for (const [key, a] of after) {
    const b = before.get(key);
    if (a.kind === 'cancellation') continue; // a 말소 entry speaks through the entries it cancels
    if (!b) {
      if (a.cancelled) continue; // entered and cancelled between the two readings
      const danger = DANGER_ON_ADD.includes(a.kind);
      added.push({
        ...a,
        risk: danger ? 'danger' : 'caution',
        why: danger
          ? { ko: `${ref(a)}(${a.receivedAt})이 새로 등기되었습니다. 보증금보다 앞서거나 소유·처분을 제한할 수 있습니다.`, en: `New ${refEn(a)} (${a.receivedAt}): it may rank ahead of the deposit or restrict the property.` }
          : { ko: `${ref(a)}(${a.receivedAt})이 새로 등기되었습니다.`, en: `New ${refEn(a)} (${a.receivedAt}).` },
      });
      continue;
    }
    if (!b.cancelled && a.cancelled) {
      cancelled.push({ ...a, risk: 'info', why: { ko: `${ref(b)}이 말소되었습니다.`, en: `${refEn(b)} was cancelled.` } });
      continue;
    }
    const fields: string[] = [];
    if (!same(b.purpose, a.purpose)) fields.push('purpose');
    if (!same(b.receivedAt, a.receivedAt)) fields.push('receivedAt');
    if (!same(holdersOf(b), holdersOf(a))) fields.push('holders');
    if (claimOf(b) !== claimOf(a)) fields.push('maxClaim');
    if (b.cancelled && !a.cancelled) fields.push('cancelled');
    if (!same((b.supplements ?? []).map((s) => [s.rank, s.purpose, s.cancelled]), (a.supplements ?? []).map((s) => [s.rank, s.purpose, s.cancelled])) && !fields.length) fields.push('supplements');
    if (!fields.length) continue;
    const up = (claimOf(a) ?? 0) > (claimOf(b) ?? 0);
    const restored = fields.includes('cancelled');
    const risk: ChangeRisk = up || restored ? 'danger' : fields.includes('holders') ? 'caution' : 'info';
    const parts: string[] = [];
    const partsEn: string[] = [];
    if (fields.includes('maxClaim')) {
      parts.push(`금액 ${claimOf(b)?.toLocaleString('ko-KR') ?? '없음'}원 → ${claimOf(a)?.toLocaleString('ko-KR') ?? '없음'}원`);
      partsEn.push(`amount KRW ${claimOf(b)?.toLocaleString('en-US') ?? '—'} → ${claimOf(a)?.toLocaleString('en-US') ?? '—'}`);
    }
    if (fields.includes('holders')) {
      parts.push(`권리자 ${holdersOf(b).join(', ') || '없음'} → ${holdersOf(a).join(', ') || '없음'}`);
      partsEn.push(`holder ${holdersOf(b).join(', ') || '—'} → ${holdersOf(a).join(', ') || '—'}`);
    }
    if (restored) { parts.push('말소가 회복됨'); partsEn.push('cancellation reversed'); }
    if (!parts.length) { parts.push('기재 사항 변경'); partsEn.push('entry amended'); }
    changed.push({ before: b, after: a, fields, risk, why: { ko: `${ref(a)}: ${parts.join(', ')}`, en: `${refEn(a)}: ${partsEn.join('; ')}` } });
  }
  for (const [key, b] of before) {
    if (after.has(key) || b.cancelled || b.kind === 'cancellation') continue;
    // Gone from a certificate printed without its cancelled entries (현재 유효사항): cancelled.
    cancelled.push({ ...b, cancelled: true, risk: 'info', why: { ko: `${ref(b)}이 새 등기부에 없습니다(말소된 것으로 봄). 말소사항 포함 증명서로 확인하세요.`, en: `${refEn(b)} is not on the newer certificate (taken as cancelled); confirm on one with cancelled entries.` } });
  }
  const byRisk = <T extends DiffItem & { section: Section; rank: string }>(a: T, b: T) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || a.section.localeCompare(b.section) || parseRank(a.rank)[0] - parseRank(b.rank)[0];
  added.sort(byRisk);
  cancelled.sort(byRisk);
  changed.sort((x, y) => RISK_ORDER[x.risk] - RISK_ORDER[y.risk] || x.after.section.localeCompare(y.after.section) || parseRank(x.after.rank)[0] - parseRank(y.after.rank)[0]);

  // Both verdicts with the newer document's facts: only the register differs.
  const asOf = options.asOf;
  const analysisAfter = analyzeRegistry(newDoc, { asOf });
  const analysisBefore = analyzeRegistry({ ...newDoc, gapgu: oldDoc.gapgu, eulgu: oldDoc.eulgu }, { asOf });
  const ownersBefore = analysisBefore.owners;
  const ownersAfter = analysisAfter.owners;
  const norm = (xs: string[]) => xs.map(normaliseName).sort().join('|');
  const ownerChanged = norm(ownersBefore) !== norm(ownersAfter);
  const verdictBefore = analysisBefore.verdict;
  const verdictAfter = analysisAfter.verdict;
  const riskier = VERDICT_ORDER[verdictAfter] > VERDICT_ORDER[verdictBefore] || ownerChanged || added.some((x) => x.risk === 'danger') || changed.some((x) => x.risk === 'danger');

  const actions: RegistryDiff['actions'] = [];
  const clauses: RegistryDiff['clauses'] = [];
  if (riskier) {
    actions.push({
      ko: '잔금(또는 중도금) 지급을 멈추고, 변동된 등기의 말소나 해소를 임대인에게 요구하세요. 해소되지 않으면 특약에 따라 계약을 해제하고 계약금 반환(배액)을 요구할 수 있습니다.',
      en: 'Stop the payment and ask the landlord to cancel or resolve the new entry; if not resolved, the special clauses allow rescission and return of (double) the down payment.',
    });
    if (ownerChanged) {
      actions.push({
        ko: `소유자가 바뀌었습니다(${ownersBefore.join(', ') || '없음'} → ${ownersAfter.join(', ') || '없음'}). 새 소유자와 임대인 지위 승계를 확인하고, 보증금은 새 소유자 명의 계좌로만 보내세요.`,
        en: `The owner changed (${ownersBefore.join(', ') || '—'} → ${ownersAfter.join(', ') || '—'}): confirm the new owner takes over as landlord and pay only into the new owner’s account.`,
      });
    }
    const named = [...added, ...changed.map((c) => ({ ...c.after }))].map((e) => `${e.section} 순위번호 ${parseRank(e.rank)[0]}번`);
    for (const c of analysisAfter.clauses) if (named.some((n) => c.text.ko.includes(n))) clauses.push(c);
  }
  return { added, cancelled, changed, ownerChanged, ownersBefore, ownersAfter, verdictBefore, verdictAfter, riskier, actions, clauses };
}

/** A riskier change as a 위험 step on the case timeline, dated the day of the newer reading. */
export function registryChangeStep(diff: RegistryDiff, date: string): Step | null {
  if (!diff.riskier) return null;
  const worst = [...diff.added, ...diff.changed].find((x) => x.risk === 'danger');
  const what = worst ? worst.why : diff.ownerChanged ? { ko: '소유자가 바뀌었습니다.', en: 'The owner changed.' } : { ko: '판단이 나빠졌습니다.', en: 'The verdict got worse.' };
  return {
    key: `registryChange:${date}`,
    date,
    deadline: false,
    status: 'scheduled',
    severity: 'danger',
    title: { ko: '위험: 등기부가 바뀌었습니다', en: 'Danger: the register changed' },
    detail: {
      ko: [what.ko, ...diff.actions.map((a) => a.ko), ...diff.clauses.map((c) => `특약: ${c.text.ko}`)].join(' '),
      en: [what.en, ...diff.actions.map((a) => a.en), ...diff.clauses.map((c) => `Clause: ${c.text.en}`)].join(' '),
    },
    basis: '국토교통부 안심계약 3·3·3 ⑧; 주택임대차표준계약서 특약',
  };
}
