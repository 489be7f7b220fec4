// API methods of the reference pack (issue 13): which legal tables are in force, checking and
// loading a newer pack (coordinator), exporting the one in force, the center's signing key.
// The pack file's text travels in the call: the renderer reads the file the user chose.
import { z } from 'zod';
import { bilingualIssue } from './errors.js';

/** A pack of every table is a few hundred kB; 5 MB leaves room and stops a wrong file early. */
const packJson = z
  .string()
  .min(2, bilingualIssue('참조 팩 파일을 고르세요.', 'Choose a reference pack file.'))
  .max(5_000_000, bilingualIssue('참조 팩 파일이 너무 큽니다 (5MB 이하).', 'The reference pack file is too large (5 MB at most).'));

export const referenceInputs = {
  'reference.show': z.object({}).default({}),
  'reference.validate': z.object({ json: packJson }),
  'reference.load': z.object({ json: packJson }),
  'reference.export': z.object({}).default({}),
  'reference.setSigningKey': z.object({ publicKeyPem: z.string().max(4000).nullable() }),
} as const;

export interface ReferenceRefusalView {
  code: string;
  table?: string;
  ko: string;
  en: string;
}

export interface ReferenceTableView {
  name: string;
  title: { ko: string; en: string };
  checkedOn: string;
  rows: number;
  firstFrom: string;
  lastFrom: string;
  seriesCheckedThrough: string | null;
}

export interface ReferencePackView {
  packVersion: string;
  verifiedOn: string;
  source: 'shipped' | 'loaded';
  sha256: string;
  /** More than 6 months since its content was verified. */
  stale: boolean;
  loadedAt: string | null;
  loadedBy: string | null;
  signingKeyConfigured: boolean;
  tables: ReferenceTableView[];
  /** Packs loaded on this desk, newest first (the previous ones are kept). */
  history: { id: string; packVersion: string; verifiedOn: string; loadedAt: string; loadedBy: string | null; active: boolean; signed: boolean }[];
}

export interface ReferenceResults {
  'reference.show': ReferencePackView;
  'reference.validate': { ok: boolean; refusals: ReferenceRefusalView[]; packVersion: string | null; verifiedOn: string | null };
  'reference.load': ReferencePackView;
  'reference.export': { fileName: string; json: string };
  'reference.setSigningKey': ReferencePackView;
}
