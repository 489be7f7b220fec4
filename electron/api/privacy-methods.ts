// API methods of the privacy module: a manager's unsaved form drafts, kept through a lock and a
// reload (encrypted; under the client's own key when the form is about a client, so they are
// destroyed with them; expiring a day after the last change). Merged into methods.ts.
import { z } from 'zod';
import { bilingualIssue } from './errors.js';
import { id } from './schemas.js';

/** Which form, e.g. 'client:new', 'client:<id>', 'viewingPlan:<caseId>' — never personal data. */
const formKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*:[A-Za-z0-9-]{1,64}$/, bilingualIssue('양식 키가 올바르지 않습니다.', 'Not a valid form key.'));

/** The form's fields as the UI holds them: a flat-ish JSON object, at most 200 KB as text. */
const draftData = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 200_000, bilingualIssue('임시 저장할 내용이 너무 큽니다.', 'The draft is too large.'));

export const privacyInputs = {
  'drafts.get': z.object({ formKey }),
  'drafts.save': z.object({ formKey, clientId: id.nullish(), data: draftData }),
  'drafts.discard': z.object({ formKey }),
} as const;

export interface DraftView {
  formKey: string;
  data: Record<string, unknown>;
  updatedAt: string;
  expiresAt: string;
}

export interface PrivacyResults {
  'drafts.get': DraftView | null;
  'drafts.save': { savedAt: string };
  'drafts.discard': { discarded: boolean };
}
