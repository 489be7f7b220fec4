// API methods of the lease module: the case's lease facts and timeline (ticks, handout PDF and
// .ics), the listings' registry snapshots and their comparison, and the desk's home screen.
// Merged into the one allow-listed map in methods.ts.
import { z } from 'zod';
import { LEASE_KINDS, type LeaseFacts, type TimelineEntry } from '../../checklists/lease/timeline.js';
import type { RegistryDiff } from '../../checklists/rights/diff.js';
import type { RegistryDoc } from '../../checklists/rights/registry-doc.js';
import { amount, date, id } from './schemas.js';
import { bilingualIssue, bilingualMessage, type Bilingual } from './errors.js';

const optDate = date.nullable().default(null);
const optAmount = amount.nullable().default(null);
const optBool = z.boolean().nullable().default(null);
const payment = z.object({ amount: optAmount, date: optDate }).nullable().default(null);

export const leaseFactsInput = z
  .object({
    leaseKind: z.enum(LEASE_KINDS, bilingualIssue('계약 종류를 고르세요 (신규, 합의 재계약, 갱신요구권 행사).', 'Choose the lease kind (new, agreed renewal, renewal demand).')).nullable().default(null),
    sameAmounts: optBool,
    renewalRightUsed: optBool,
    contractDate: optDate,
    downPayment: payment,
    interimPayment: payment,
    balance: payment,
    balanceDate: optDate,
    moveInDate: optDate,
    startDate: optDate,
    endDate: optDate,
    deposit: optAmount,
    monthlyRent: optAmount,
    address: z.string().trim().max(300, bilingualIssue('주소는 300자 이하로 입력하세요.', 'At most 300 characters.')).nullable().default(null),
  })
  .superRefine((f, ctx) => {
    const after = (path: string[], later: string | null | undefined, earlier: string | null | undefined, ko: string, en: string) => {
      if (later && earlier && later < earlier) ctx.addIssue({ code: 'custom', path, ...bilingualMessage(ko, en) });
    };
    after(['balance', 'date'], f.balance?.date, f.contractDate, '잔금일이 계약일보다 빠릅니다.', 'The balance date is before the contract date.');
    after(['moveInDate'], f.moveInDate, f.contractDate, '입주일이 계약일보다 빠릅니다.', 'The move-in date is before the contract date.');
    after(['endDate'], f.endDate, f.startDate ?? f.moveInDate, '만기가 계약 시작일보다 빠릅니다.', 'The end date is before the start of the lease.');
  });

const _same: z.output<typeof leaseFactsInput> extends LeaseFacts ? true : false = true;
void _same;

const stage = z.enum(['consultation', 'contract', 'balance', 'other'], bilingualIssue('열람 시점을 고르세요.', 'Choose when the register was read.'));

export const leaseInputs = {
  'lease.get': z.object({ caseId: id }),
  'lease.save': z.object({ caseId: id, listingId: id.nullable().default(null), facts: leaseFactsInput }),
  'lease.tick': z.object({ caseId: id, stepKey: z.string().min(1).max(80), doneOn: date.nullable() }),
  'lease.handout': z.object({ caseId: id, format: z.enum(['pdf', 'ics']) }),
  'snapshots.list': z.object({ listingId: id }),
  'snapshots.take': z.object({ listingId: id, stage, takenOn: date.optional(), supersedes: id.optional() }),
  'snapshots.diff': z.object({ olderId: id, newerId: id }),
  'desk.home': z.object({ weekOf: date.optional() }).default({}),
} as const;

export interface LeaseView {
  caseId: string;
  listingId: string | null;
  facts: LeaseFacts;
  /** Null until first saved: facts suggested from the case's listing and its registry document. */
  updatedAt: string | null;
  today: string;
  steps: TimelineEntry[];
  /** The latest registry re-check of the listing, when it has two snapshots. */
  recheck: SnapshotDiffView | null;
}

export interface SnapshotView {
  id: string;
  listingId: string;
  stage: 'consultation' | 'contract' | 'balance' | 'other';
  takenOn: string;
  supersedes: string | null;
  supersededBy: string | null;
  createdAt: string;
  createdBy: string | null;
  /** Entries on the certificate (live / cancelled), for the list. */
  entries: number;
  registry: RegistryDoc;
}

export interface SnapshotDiffView {
  older: { id: string; stage: SnapshotView['stage']; takenOn: string };
  newer: { id: string; stage: SnapshotView['stage']; takenOn: string };
  diff: RegistryDiff;
}

export interface HomeItem {
  caseId: string;
  clientLabel: string;
  title: Bilingual;
  date: string | null;
  detail?: Bilingual;
}

export interface DeskHomeView {
  today: string;
  weekFrom: string;
  weekTo: string;
  viewingsToday: (HomeItem & { viewingId: string; startTime: string })[];
  viewingsThisWeek: (HomeItem & { viewingId: string; startTime: string })[];
  /** Open timeline steps due within 7 days or overdue, overdue first. */
  stepsDue: (HomeItem & { stepKey: string; overdue: boolean; danger: boolean; window: { from: string; to: string } | null })[];
  /** Clients whose consent's retention ends within 30 days. */
  retentionEnding: (HomeItem & { clientId: string })[];
  /** Checklist runs started and not completed. */
  openRuns: (HomeItem & { runId: string; templateId: string })[];
  recentClients: (HomeItem & { clientId: string })[];
}

export interface LeaseResults {
  'lease.get': LeaseView;
  'lease.save': LeaseView;
  'lease.tick': LeaseView;
  'lease.handout': { fileName: string; mime: 'application/pdf' | 'text/calendar'; dataBase64: string };
  'snapshots.list': SnapshotView[];
  'snapshots.take': SnapshotView[];
  'snapshots.diff': SnapshotDiffView;
  'desk.home': DeskHomeView;
}
