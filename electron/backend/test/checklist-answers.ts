// Test support for checklist runs: an item by id, and an answer the item counts as 정상 (for
// filling the rest of a run), shared by the checklist and amendment tests.
import { severityOf, type Item, type Template } from '../../../checklists/engine/index.js';

export function findItem(t: Template, id: string): Item {
  for (const s of t.sections) for (const it of s.items) if (it.id === id) return it;
  throw new Error(id);
}

export function okValue(item: Item): string | number | string[] {
  switch (item.type) {
    case 'yesno':
    case 'single':
      return item.options.find((o) => o.severity === 'ok')!.value;
    case 'multi':
      return [item.options.find((o) => o.severity === 'ok')!.value];
    case 'number':
      return [item.min ?? 0, 1, 10, 30].find((n) => severityOf(item, n) === 'ok')!;
    case 'money':
      return 100_000;
    case 'date':
      return '2026-11-27';
    default:
      return '확인함';
  }
}
