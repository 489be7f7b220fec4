// Evaluating `showIf` / `requiredIf` against the answers given so far.
// An item that is hidden counts as unanswered, so a chain of conditions collapses
// cleanly when an earlier answer changes (다가구 → 아파트 hides the 선순위 보증금 questions
// and everything that depended on them).
import type { AnswerValue, Condition } from './schema.js';

/** The answer values that count, by item id: only visible, non-empty answers. */
export type EffectiveValues = ReadonlyMap<string, AnswerValue>;

export function evaluate(cond: Condition, values: EffectiveValues): boolean {
  switch (cond.op) {
    case 'equals': {
      const v = values.get(cond.item);
      if (v === undefined) return false;
      return Array.isArray(v) ? v.includes(cond.value) : String(v) === cond.value;
    }
    case 'in': {
      const v = values.get(cond.item);
      if (v === undefined) return false;
      return Array.isArray(v) ? v.some((x) => cond.values.includes(x)) : cond.values.includes(String(v));
    }
    case 'answered':
      return values.has(cond.item);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = values.get(cond.item);
      if (typeof v !== 'number') return false;
      return compare(cond.op, v, cond.value);
    }
    case 'not':
      return !evaluate(cond.cond, values);
    case 'all':
      return cond.of.every((c) => evaluate(c, values));
    case 'any':
      return cond.of.some((c) => evaluate(c, values));
  }
}

export function compare(op: 'gt' | 'gte' | 'lt' | 'lte', a: number, b: number): boolean {
  switch (op) {
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}

/** Every item id a condition looks at (for validation and for the UI's "depends on" hints). */
export function referencedItems(cond: Condition): string[] {
  switch (cond.op) {
    case 'not':
      return referencedItems(cond.cond);
    case 'all':
    case 'any':
      return cond.of.flatMap(referencedItems);
    default:
      return [cond.item];
  }
}

/** Every leaf condition (ops that name an item), with its path below the root. */
export function leaves(cond: Condition, path: (string | number)[] = []): { cond: Exclude<Condition, { op: 'not' | 'all' | 'any' }>; path: (string | number)[] }[] {
  switch (cond.op) {
    case 'not':
      return leaves(cond.cond, [...path, 'cond']);
    case 'all':
    case 'any':
      return cond.of.flatMap((c, i) => leaves(c, [...path, 'of', i]));
    default:
      return [{ cond, path }];
  }
}
