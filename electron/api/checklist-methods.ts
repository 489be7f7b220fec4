// API methods of the checklist module: method name → input schema, and their result types.
// Merged into the one allow-listed map in methods.ts.
import { z } from 'zod';
import type { Answer, RunScore, Template, Unmapped } from '../../checklists/engine/index.js';
import type { Bilingual } from './errors.js';
import { bilingualIssue } from './errors.js';
import { id } from './schemas.js';
import type { PhotoMeta } from './views.js';

const itemId = z.string().regex(/^[a-z][a-zA-Z0-9_.-]{0,63}$/, bilingualIssue('항목 ID가 올바르지 않습니다.', 'Not a valid item id.'));
const templateId = z.string().regex(/^[a-z][a-zA-Z0-9_.-]{0,63}$/, bilingualIssue('체크리스트 ID가 올바르지 않습니다.', 'Not a valid checklist id.'));
/** A photo id is the keyed content hash (hex). */
const photoId = z.string().regex(/^[0-9a-f]{64}$/, bilingualIssue('사진 ID가 올바르지 않습니다.', 'Not a valid photo id.'));
/** An answer value as the engine takes it; the engine checks it against the item. `null` withdraws the answer. */
const answerValue = z.union([z.string().max(20_000), z.number(), z.array(z.string().max(200)).max(100), z.null()]);
/** 40 MB of image bytes is about 54 MB of base64. */
import { MAX_PHOTO_BASE64 as MAX_BASE64 } from './limits.js';

export const checklistInputs = {
  'checklists.templates.list': z.object({}).default({}),
  'checklists.templates.get': z.object({ id: templateId, version: z.number().int().positive().optional() }),
  'checklists.templates.add': z.object({
    json: z.string().min(2, bilingualIssue('템플릿 파일이 비어 있습니다.', 'The template file is empty.')).max(2_000_000, bilingualIssue('템플릿 파일이 너무 큽니다 (2MB 이하).', 'The template file is too large (2 MB at most).')),
  }),
  'checklists.runs.start': z.object({ listingId: id, templateId }),
  'checklists.runs.list': z.object({ listingId: id.optional() }).default({}),
  'checklists.runs.get': z.object({ id }),
  'checklists.runs.answer': z.object({ runId: id, itemId, value: answerValue, note: z.string().max(4000).optional().nullable() }),
  'checklists.runs.attachPhoto': z.object({
    runId: id,
    itemId,
    name: z.string().trim().max(255).default(''),
    dataBase64: z.string().min(8, bilingualIssue('사진 파일이 비어 있습니다.', 'The photo file is empty.')).max(MAX_BASE64, bilingualIssue('사진이 너무 큽니다 (40MB 이하).', 'The photo is too large (40 MB at most).')),
  }),
  'checklists.runs.removePhoto': z.object({ runId: id, itemId, photoId }),
  'checklists.photos.get': z.object({ id: photoId, size: z.enum(['thumb', 'full']).default('thumb') }),
  'checklists.runs.complete': z.object({ id }),
  'checklists.runs.upgrade': z.object({ id }),
  'checklists.runs.delete': z.object({ id }),
  // issue 11: a dated amendment of a completed run (open runs are answered normally).
  'checklists.runs.amend': z.object({
    runId: id,
    itemId,
    value: answerValue,
    note: z.string().trim().max(4000).optional().nullable(),
    reason: z.string().trim().min(1, bilingualIssue('정정 사유를 입력하세요.', 'Give the reason for the amendment.')).max(1000),
  }),
} as const;

/** A dated amendment of a completed run: the original answers stay as they were (issue 11). */
export interface ChecklistAmendmentView {
  id: string;
  itemId: string;
  /** The new answer (null: the answer was withdrawn, or the client's key was destroyed). */
  value: Answer['value'] | null;
  note: string | null;
  reason: string | null;
  at: string;
  by: string | null;
}

export interface ChecklistTemplateView {
  id: string;
  version: number;
  title: Bilingual;
  description: Bilingual | null;
  sections: number;
  items: number;
  /** Built into the app, or added from a file by a coordinator. */
  source: 'builtin' | 'custom';
  /** Every stored version of this id, ascending. */
  versions: number[];
  addedBy: string | null;
  addedAt: string | null;
}

export interface ChecklistRunView {
  id: string;
  listingId: string;
  caseId: string;
  address: string;
  templateId: string;
  templateVersion: number;
  /** The newest version of the template: above templateVersion → the open run can be upgraded. */
  latestVersion: number;
  title: Bilingual;
  status: 'open' | 'completed';
  startedAt: string;
  startedBy: string | null;
  completedAt: string | null;
  completedBy: string | null;
  upgradedFrom: number | null;
  updatedAt: string;
  /** Overall tally: verdict (with 미완료 while incomplete), counts, share answered. */
  verdict: RunScore['overall'];
  isDemo: boolean;
}

export interface ChecklistAnswerView extends Answer {
  answeredAt: string;
  /** lease module: the answer was filled in from the listing, the lease facts or the registry entry. */
  prefilledFrom?: 'listing' | 'lease' | 'registry';
  /** issue 11: in `effectiveAnswers`, the answer comes from an amendment (id) of the completed run. */
  amendmentId?: string;
}

export interface ChecklistPhotoView extends PhotoMeta {
  itemId: string;
  name: string | null;
}

export interface ChecklistUnmappedView extends Unmapped {
  fromVersion: number;
  toVersion: number;
}

export interface ChecklistRunDetail {
  run: ChecklistRunView;
  template: Template;
  answers: ChecklistAnswerView[];
  photos: ChecklistPhotoView[];
  score: RunScore;
  /** The run was unfinished and last written by an earlier backend process (crash, killed, closed). */
  recovered: boolean;
  /** Answers an upgrade could not carry over: shown, never dropped. */
  unmapped: ChecklistUnmappedView[];
  /** issue 11: amendments of the completed run, oldest first; `answers` stay the original ones. */
  amendments: ChecklistAmendmentView[];
  /** The answers after the amendments (the latest amendment of an item wins); `score` is computed from these. */
  effectiveAnswers: ChecklistAnswerView[];
  /** The score of the original answers, when amendments changed them. */
  originalScore: RunScore | null;
}

export interface ChecklistAnswerResult {
  itemId: string;
  /** The stored answer, or null when it was withdrawn. */
  answer: ChecklistAnswerView | null;
  /** How a typed amount was read ("1억 5,000만원"), and whether it could mean something else. */
  reading?: Bilingual;
  ambiguous?: boolean;
  score: RunScore;
}

export interface ChecklistPhotoResult {
  photo: ChecklistPhotoView;
  /** A photo with the same content was already stored (it is reused, not stored twice). */
  duplicate: boolean;
  score: RunScore;
}

export interface ChecklistResults {
  'checklists.templates.list': ChecklistTemplateView[];
  'checklists.templates.get': Template;
  'checklists.templates.add': ChecklistTemplateView;
  'checklists.runs.start': ChecklistRunDetail;
  'checklists.runs.list': ChecklistRunView[];
  'checklists.runs.get': ChecklistRunDetail;
  'checklists.runs.answer': ChecklistAnswerResult;
  'checklists.runs.attachPhoto': ChecklistPhotoResult;
  'checklists.runs.removePhoto': { score: RunScore };
  'checklists.photos.get': { mime: string; dataBase64: string };
  'checklists.runs.complete': ChecklistRunDetail;
  'checklists.runs.upgrade': ChecklistRunDetail;
  'checklists.runs.delete': { id: string };
  'checklists.runs.amend': ChecklistRunDetail;
}
