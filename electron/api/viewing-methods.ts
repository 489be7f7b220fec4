// API methods of the viewing module (안심동행 and the tenant's PDF reports): method name →
// input schema, and their result types. Merged into the one allow-listed map in methods.ts.
import { STOP_IMPRESSIONS, type StopImpression, type ViewingStatus } from '../../checklists/common/vocabulary.js';
import { z } from 'zod';
import type { Bilingual } from './errors.js';
import { bilingualIssue, bilingualMessage } from './errors.js';
import { date, id } from './schemas.js';
import type { PhotoMeta } from './views.js';

const text = (max: number) => z.string().trim().max(max, bilingualIssue(`${max}자 이하로 입력하세요.`, `Enter at most ${max} characters.`));
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingualIssue('시각은 14:00처럼 HH:MM 형식입니다.', 'Times are HH:MM, e.g. 14:00.'));
const listingIds = z
  .array(id)
  .min(1, bilingualIssue('방문할 매물을 하나 이상 고르세요.', 'Choose at least one listing to visit.'))
  .max(12, bilingualIssue('한 번에 12곳까지 방문할 수 있습니다.', 'At most 12 listings per viewing.'))
  .refine((a) => new Set(a).size === a.length, bilingualIssue('같은 매물이 두 번 들어 있습니다.', 'The same listing is listed twice.'));
const managerIds = z.array(id).max(4, bilingualIssue('매니저는 4명까지입니다.', 'At most 4 managers.'));
const locale = z.enum(['ko', 'en']).default('ko');
/** A drawn signature as the canvas gives it; 2 MB of PNG is far more than a signature needs. */
const signaturePng = z
  .string()
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, bilingualIssue('서명을 화면에 그려 주세요.', 'Draw the signature on the screen.'))
  .max(2_800_000, bilingualIssue('서명 이미지가 너무 큽니다.', 'The signature image is too large.'));
const followUps = z.array(z.object({ text: text(300).min(1, bilingualIssue('할 일을 입력하세요.', 'Enter the follow-up.')), done: z.boolean().default(false) })).max(30);
/** 40 MB of image bytes is about 54 MB of base64 (as the checklists take photos). */
import { MAX_PHOTO_BASE64 as MAX_BASE64 } from './limits.js';

export const stopPatch = z.discriminatedUnion('field', [
  z.object({ field: z.literal('observations'), value: text(4000).nullable() }),
  z.object({ field: z.literal('impression'), value: z.enum(STOP_IMPRESSIONS).nullable() }),
  z.object({ field: z.literal('impressionNote'), value: text(1000).nullable() }),
  z.object({ field: z.literal('followUps'), value: followUps }),
]);

export const viewingInputs = {
  'viewings.plan': z.object({
    caseId: id,
    date,
    startTime: time,
    meetingPlace: text(200).default(''),
    /** Defaults to the signed-in manager. */
    managerIds: managerIds.optional(),
    listingIds,
  }),
  'viewings.update': z.object({
    id,
    date: date.optional(),
    startTime: time.optional(),
    meetingPlace: text(200).optional(),
    managerIds: managerIds.min(1, bilingualIssue('매니저를 한 명 이상 고르세요.', 'Choose at least one manager.')).optional(),
    listingIds: listingIds.optional(),
  }),
  /** 취소 or 불참; 'planned' puts a cancelled viewing back on the plan. */
  'viewings.setStatus': z.object({ id, status: z.enum(['planned', 'cancelled', 'no-show']) }),
  'viewings.suggestOrder': z.object({ listingIds }),
  'viewings.get': z.object({ id }),
  /** The day, or the Monday–Sunday week, that holds `date`; the signed-in manager's unless `everyone`. */
  'viewings.list': z.object({ date, span: z.enum(['day', 'week']).default('day'), everyone: z.boolean().default(false) }),
  'viewings.forCase': z.object({ caseId: id }),
  'viewings.ics': z.object({ id }),
  'viewings.arrive': z.object({ stopId: id }),
  'viewings.depart': z.object({ stopId: id }),
  'viewings.updateStop': z.intersection(z.object({ stopId: id }), stopPatch),
  /** The viewing stop an inspection run was started from (the run → viewing direction of the link). */
  'viewings.forRun': z.object({ runId: id }),
  /** Starts the listing-inspection checklist run for a stop, or returns the one already started. */
  'viewings.startInspection': z.object({ stopId: id }),
  'viewings.addPhoto': z.object({
    stopId: id,
    name: z.string().trim().max(255).default(''),
    dataBase64: z.string().min(8, bilingualIssue('사진 파일이 비어 있습니다.', 'The photo file is empty.')).max(MAX_BASE64, bilingualIssue('사진이 너무 큽니다 (40MB 이하).', 'The photo is too large (40 MB at most).')),
  }),
  'viewings.removePhoto': z.object({ photoId: id }),
  'viewings.photo': z.object({ photoId: id, size: z.enum(['thumb', 'full']).default('thumb') }),
  /** Autosave of the closing fields before the tenant confirms. */
  'viewings.updateNotes': z.discriminatedUnion('field', [
    z.object({ id, field: z.literal('summary'), value: text(4000).nullable() }),
    z.object({ id, field: z.literal('nextSteps'), value: text(2000).nullable() }),
    z.object({ id, field: z.literal('satisfaction'), value: z.number().int().min(1).max(5).nullable() }),
  ]),
  'viewings.close': z.object({
    id,
    summary: text(4000).nullable().default(null),
    nextSteps: text(2000).nullable().default(null),
    satisfaction: z.number().int().min(1, bilingualIssue('만족도는 1~5입니다.', 'Satisfaction is 1 to 5.')).max(5, bilingualIssue('만족도는 1~5입니다.', 'Satisfaction is 1 to 5.')).nullable().default(null),
    tenantName: text(40).min(1, bilingualIssue('임차인이 이름을 직접 입력해야 합니다.', 'The tenant types their name.')),
    /**
     * 'drawn' (default): the signature drawn on screen. 'typed': for a tenant who cannot draw,
     * the typed name is the confirmation, with the time and the signed-in manager as witness.
     */
    method: z.enum(['drawn', 'typed']).default('drawn'),
    signaturePng: signaturePng.optional(),
    /** For 'typed': the manager confirms they witnessed the tenant typing their own name. */
    witnessed: z.boolean().default(false),
  }).superRefine((d, ctx) => {
    if (d.method === 'drawn' && !d.signaturePng) {
      ctx.addIssue({ code: 'custom', path: ['signaturePng'], ...bilingualMessage('서명을 화면에 그려 주세요.', 'Draw the signature on the screen.') });
    }
    if (d.method === 'typed' && !d.witnessed) {
      ctx.addIssue({ code: 'custom', path: ['witnessed'], ...bilingualMessage('매니저가 입회했음을 확인해 주세요.', 'Confirm that you witnessed the tenant typing their name.') });
    }
  }),
  'viewings.signature': z.object({ id }),
  'viewings.amend': z.object({ id, field: text(60).nullable().default(null), text: text(2000).min(1, bilingualIssue('정정 내용을 입력하세요.', 'Enter the correction.')) }),
  'reports.tenant': z.object({
    caseId: id,
    locale,
    /** The manager's selection; a field left out keeps the default (reportRuns' rule, all listings). */
    compose: z.object({
      listingIds: z.array(id).max(50).optional(),
      runIds: z.array(id).max(200).optional(),
      clauses: z.array(z.object({ key: z.string().trim().min(1).max(80), text: text(2000).min(1, bilingualIssue('특약 문구를 입력하세요.', 'Enter the clause text.')), reason: text(2000).default('') })).max(50).optional(),
      /** Checklist photo ids (content hashes). */
      photoIds: z.array(z.string().regex(/^[0-9a-f]{64}$/, bilingualIssue('사진 ID가 올바르지 않습니다.', 'Not a valid photo id.'))).max(200).optional(),
    }).optional(),
  }),
  'reports.tenantOptions': z.object({ caseId: id, locale }),
  'reports.viewing': z.object({ viewingId: id, locale }),
} as const;

export type { ViewingStatus, StopImpression };

export interface ViewingPhotoView extends PhotoMeta {
  stopId: string;
}

export interface ViewingStopView {
  id: string;
  listingId: string;
  position: number;
  address: string;
  lat: number | null;
  lon: number | null;
  arrivedAt: string | null;
  departedAt: string | null;
  /** Whole minutes between arrival and departure, once both are recorded. */
  durationMinutes: number | null;
  observations: string | null;
  impression: StopImpression | null;
  impressionNote: string | null;
  followUps: { text: string; done: boolean }[];
  /** The inspection checklist run started from this stop (its run links back via viewings.get of the stop). */
  inspectionRunId: string | null;
  photos: ViewingPhotoView[];
  updatedAt: string;
}

export interface ViewingAmendmentView {
  id: string;
  at: string;
  by: string | null;
  field: string | null;
  text: string;
}

export interface ViewingSummaryView {
  id: string;
  caseId: string;
  clientLabel: string;
  date: string;
  startTime: string;
  meetingPlace: string;
  managerIds: string[];
  managerNames: string[];
  status: ViewingStatus;
  stopCount: number;
  firstAddress: string | null;
  confirmedAt: string | null;
  isDemo: boolean;
}

export interface ViewingView extends ViewingSummaryView {
  stops: ViewingStopView[];
  summary: string | null;
  nextSteps: string | null;
  satisfaction: number | null;
  tenantName: string | null;
  hasSignature: boolean;
  /** How the tenant confirmed: drawn signature, or typed name witnessed by `confirmedByName`. */
  confirmationMethod: 'drawn' | 'typed' | null;
  confirmedByName: string | null;
  /** Confirmed logs are read-only: corrections go in as amendments. */
  readOnly: boolean;
  amendments: ViewingAmendmentView[];
  updatedAt: string;
  updatedBy: string | null;
}

export interface SuggestedOrderView {
  listingIds: string[];
  /** Straight-line metres between consecutive located stops. */
  legsM: number[];
  /** Listings without coordinates (placed last). */
  unlocated: string[];
  /** How the order was made, for the screen. */
  note: Bilingual;
}

/** The selection a tenant report is composed from (passed per call, never stored). */
export interface TenantCompose {
  listingIds?: string[];
  runIds?: string[];
  clauses?: { key: string; text: string; reason: string }[];
  photoIds?: string[];
}

/** What a tenant report can hold, each with whether the default selection includes it. */
export interface TenantComposeOptions {
  listings: { id: string; title: string; selected: boolean }[];
  runs: { id: string; listingId: string; title: string; status: string; startedAt: string; completedAt: string | null; answered: number; selected: boolean }[];
  clauses: { key: string; listingId: string; text: string; reason: string; selected: boolean }[];
  photos: { id: string; runId: string; itemLabel: string; takenAt: string | null; selected: boolean }[];
}

export interface ReportFileView {
  fileName: string;
  mime: 'application/pdf';
  dataBase64: string;
}

export interface ViewingResults {
  'viewings.plan': ViewingView;
  'viewings.update': ViewingView;
  'viewings.setStatus': ViewingView;
  'viewings.suggestOrder': SuggestedOrderView;
  'viewings.get': ViewingView;
  'viewings.list': ViewingSummaryView[];
  'viewings.forCase': ViewingSummaryView[];
  'viewings.ics': { fileName: string; mime: 'text/calendar'; content: string };
  'viewings.arrive': ViewingStopView;
  'viewings.depart': ViewingStopView;
  'viewings.updateStop': ViewingStopView;
  'viewings.forRun': { viewingId: string; stopId: string } | null;
  'viewings.startInspection': { runId: string; created: boolean; stop: ViewingStopView };
  'viewings.addPhoto': { photo: ViewingPhotoView; duplicate: boolean };
  'viewings.removePhoto': { id: string };
  'viewings.photo': { mime: string; dataBase64: string };
  'viewings.updateNotes': { savedAt: string };
  'viewings.close': ViewingView;
  'viewings.signature': { mime: 'image/png'; dataBase64: string };
  'viewings.amend': ViewingView;
  'reports.tenant': ReportFileView;
  'reports.tenantOptions': TenantComposeOptions;
  'reports.viewing': ReportFileView;
}
