// Typed API errors. Every message exists in Korean and English; the renderer shows the
// one for the current language. `fields` carries per-field messages for inline validation.
import type { z } from 'zod';

import type { Bilingual } from '../../checklists/common/vocabulary.js';
export type { Bilingual };

export type ApiErrorCode =
  | 'VALIDATION' // input failed its schema (HTTP 400)
  | 'UNKNOWN_METHOD' // not in the allow-list (HTTP 404)
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NO_SESSION' // nobody has signed in
  | 'LOCKED' // locked after inactivity; unlock with the PIN
  | 'BAD_PIN'
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface FieldError {
  path: string;
  message: Bilingual;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: Bilingual;
  fields?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly bilingual: Bilingual,
    readonly fields?: FieldError[],
  ) {
    super(bilingual.en);
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.bilingual, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

const BI = 'bi:';

/**
 * A schema's own message in both languages. Zod keeps one message string per issue, so
 * both are packed into it and unpacked by `validationError`.
 */
export function bilingualIssue(ko: string, en: string) {
  return { error: `${BI}${JSON.stringify({ ko, en })}` } as const;
}

/** The same, for `ctx.addIssue` in refinements. */
export function bilingualMessage(ko: string, en: string) {
  return { message: `${BI}${JSON.stringify({ ko, en })}` } as const;
}

function describe(issue: z.core.$ZodIssue): Bilingual {
  if (issue.message?.startsWith(BI)) return JSON.parse(issue.message.slice(BI.length)) as Bilingual;
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input == null) return { ko: '필수 항목입니다.', en: 'Required.' };
      return { ko: `형식이 올바르지 않습니다 (${issue.expected} 필요).`, en: `Expected ${issue.expected}.` };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { ko: '필수 항목입니다.', en: 'Required.' }
          : { ko: `${issue.minimum}자 이상 입력하세요.`, en: `Enter at least ${issue.minimum} characters.` };
      if (issue.origin === 'array') return { ko: `${issue.minimum}개 이상 선택하세요.`, en: `Choose at least ${issue.minimum}.` };
      return { ko: `${issue.minimum} 이상이어야 합니다.`, en: `Must be at least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string') return { ko: `${issue.maximum}자 이하로 입력하세요.`, en: `Enter at most ${issue.maximum} characters.` };
      if (issue.origin === 'array') return { ko: `${issue.maximum}개 이하로 선택하세요.`, en: `Choose at most ${issue.maximum}.` };
      return { ko: `${issue.maximum} 이하여야 합니다.`, en: `Must be at most ${issue.maximum}.` };
    case 'invalid_value':
      return { ko: '허용된 값이 아닙니다.', en: `Must be one of: ${issue.values.map(String).join(', ')}.` };
    case 'invalid_format':
      return { ko: '형식이 올바르지 않습니다.', en: `Invalid format (${issue.format}).` };
    case 'unrecognized_keys':
      return { ko: `알 수 없는 항목: ${issue.keys.join(', ')}`, en: `Unknown fields: ${issue.keys.join(', ')}` };
    default:
      return { ko: '입력값이 올바르지 않습니다.', en: issue.message || 'Invalid input.' };
  }
}

/** Turns a zod error into an ApiError whose message names every failing field. */
export function validationError(error: z.ZodError): ApiError {
  const fields: FieldError[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: describe(issue),
  }));
  const ko = fields.map((f) => `${f.path}: ${f.message.ko}`).join(' / ');
  const en = fields.map((f) => `${f.path}: ${f.message.en}`).join(' / ');
  return new ApiError('VALIDATION', { ko: `입력값을 확인하세요 — ${ko}`, en: `Check the input — ${en}` }, fields);
}
