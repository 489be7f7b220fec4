// API methods of the statistics module: the service's figures (desk or city-wide), drill-down,
// per-case recording, the yearly target, exports, and desk → city statistics files.
import { z } from 'zod';
import type { StatsSummary, DrillRow, CaseStatsRecord } from './stats-types.js';
import { CONSULT_TYPES, DIMENSIONS, SURVEY_ITEMS } from './stats-types.js';
import { AGE_BANDS, GENDERS } from './domain.js';
import { bilingualIssue, type Bilingual } from './errors.js';
import { date, district, id } from './schemas.js';

export const statsFilter = z
  .object({
    source: z.enum(['desk', 'city']).default('desk'),
    from: date.optional(),
    to: date.optional(),
    districts: z.array(district).max(25).optional(),
    managerIds: z.array(id).max(200).optional(),
    types: z.array(z.enum(CONSULT_TYPES)).max(5).optional(),
    ageBands: z.array(z.enum(AGE_BANDS)).max(6).optional(),
    genders: z.array(z.enum(GENDERS)).max(4).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, bilingualIssue('시작일이 종료일보다 늦습니다.', 'The start date is after the end date.'));

const score = z.number().int().min(1).max(5);
const fingerprint = z.string().trim().regex(/^[0-9a-fA-F:\s]{64,200}$/, bilingualIssue('키 지문은 16진수 64자리입니다.', 'A key fingerprint is 64 hex digits.'));

export const statsInputs = {
  'stats.summary': z.object({ filter: statsFilter }),
  'stats.drill': z.object({ filter: statsFilter, dimension: z.enum(DIMENSIONS).nullable(), key: z.string().max(40).nullable(), limit: z.number().int().min(1).max(2000).default(500) }),
  'stats.case.get': z.object({ caseId: id }),
  'stats.case.save': z.object({
    caseId: id,
    types: z.array(z.enum(CONSULT_TYPES)).min(1, bilingualIssue('상담 유형을 하나 이상 고르세요.', 'Choose at least one consultation type.')),
    movingIntoSeoul: z.boolean().nullable().default(null),
    listingDistrict: z.string().max(20).nullable().default(null),
    verdict: z.enum(['safe', 'caution', 'danger']).nullable().default(null),
    survey: z.object({ on: date, answers: z.object(Object.fromEntries(SURVEY_ITEMS.map((s) => [s, score.optional()])) as Record<(typeof SURVEY_ITEMS)[number], z.ZodOptional<typeof score>>) }).nullable().default(null),
    /** Omitted: the programmes pointed to stay as they are. */
    programmes: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(20).optional(),
  }),
  'stats.target.get': z.object({ year: z.number().int().min(2000).max(2100) }),
  'stats.target.set': z.object({ year: z.number().int().min(2000).max(2100), cases: z.number().int().min(1).max(10_000_000), people: z.number().int().min(1).max(10_000_000).nullable().default(null) }),
  'stats.export': z.object({ filter: statsFilter, format: z.enum(['xlsx', 'csv']), locale: z.enum(['ko', 'en']).default('ko') }),
  'stats.monthlyReport': z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingualIssue('월은 2026-05처럼 입력하세요.', 'Months are YYYY-MM.')), source: z.enum(['desk', 'city']).default('desk') }),
  'stats.desk.info': z.object({}).default({}),
  'stats.desk.exportFile': z.object({ from: date, to: date }),
  'stats.city.desks': z.object({}).default({}),
  'stats.city.enrol': z.object({ fingerprint, label: z.string().trim().min(1).max(100), district: district.nullable().default(null) }),
  'stats.city.revoke': z.object({ fingerprint }),
  'stats.city.import': z.object({ files: z.array(z.object({ name: z.string().max(200), content: z.string().max(200_000_000) })).min(1).max(100) }),
  'stats.city.imports': z.object({}).default({}),
};

export interface StatsSummaryView extends StatsSummary {
  managers: { id: string; name: string }[];
  target: { year: number; cases: number; people: number | null; doneCases: number; donePeople: number } | null;
}

export interface StatsImportOutcome {
  name: string;
  ok: boolean;
  desk?: string;
  rows?: number;
  newRows?: number;
  reason?: string;
  message?: Bilingual;
}

export interface StatsResults {
  'stats.summary': StatsSummaryView;
  'stats.drill': { total: number; rows: DrillRow[] };
  'stats.case.get': CaseStatsRecord | null;
  'stats.case.save': CaseStatsRecord;
  'stats.target.get': { year: number; cases: number; people: number | null } | null;
  'stats.target.set': { year: number; cases: number; people: number | null };
  'stats.export': { fileName: string; mime: string; dataBase64: string };
  'stats.monthlyReport': { fileName: string; mime: 'application/pdf'; dataBase64: string };
  'stats.desk.info': { fingerprint: string; district: string | null };
  'stats.desk.exportFile': { fileName: string; mime: 'application/json'; content: string; rows: number };
  'stats.city.desks': { fingerprint: string; label: string; district: string | null; enrolledAt: string; revokedAt: string | null }[];
  'stats.city.enrol': { fingerprint: string };
  'stats.city.revoke': { revoked: boolean };
  'stats.city.import': StatsImportOutcome[];
  'stats.city.imports': { id: string; desk: string; from: string; to: string; rows: number; newRows: number; importedAt: string }[];
}
