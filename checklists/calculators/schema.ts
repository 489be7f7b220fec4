// Shared input pieces for the calculators: amounts in won as non-negative integers, dates as
// YYYY-MM-DD, rates as fractions. A validation error names the field, so the CLI can print it
// on one line and the UI can put it beside the input.
import { z } from 'zod';
import { isValidDate } from '../common/seoul-time.js';

export const won = z.number({ error: 'must be an amount in won (a number)' }).int('must be a whole number of won').min(0, 'must not be negative').max(1e13, 'is implausibly large');

export const isoDate = z.string({ error: 'must be a date YYYY-MM-DD' }).refine(isValidDate, 'must be a valid date YYYY-MM-DD');

export const fraction = z.number({ error: 'must be a rate as a fraction (0.025 = 2.5 %)' }).min(0, 'must not be negative').max(1, 'must be a fraction (0.025 = 2.5 %), not a percentage');

/** A bad calculator input; `field` is the dotted path of the first offending field. */
export class CalcInputError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/** Validates with a zod schema; the first issue becomes a CalcInputError naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.length ? issue.path.map(String).join('.') : 'input';
  let detail = issue.message;
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) detail = 'is required';
  throw new CalcInputError(field, detail);
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A fraction rounded to 6 decimals for display (ratios are computed exactly in integers). */
export function roundFraction(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
