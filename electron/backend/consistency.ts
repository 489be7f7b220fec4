// The consistency errors (checklists/common/consistency.ts) refused at the boundary, each named
// by its field so the screen shows it beside the input. Warnings are the screens' to show.
import { ApiError } from '../api/errors.js';
import type { ConsistencyIssue } from '../../checklists/common/consistency.js';

export function refuseInconsistent(...issues: (ConsistencyIssue | null)[]): void {
  const errors = issues.filter((i): i is ConsistencyIssue => !!i && i.level === 'error');
  if (errors.length === 0) return;
  throw new ApiError(
    'VALIDATION',
    { ko: errors.map((e) => `${e.field}: ${e.message.ko}`).join(' / '), en: errors.map((e) => `${e.field}: ${e.message.en}`).join(' / ') },
    errors.map((e) => ({ path: e.field, message: e.message })),
  );
}
