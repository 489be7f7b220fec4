// The listing-inspection checklist run for a stop, started through the checklist module's
// own handler (so its template choice, demo mark and crash-recovery bookkeeping apply).
import { checklistHandlers } from '../handlers/checklists.js';
import type { HandlerContext } from '../context.js';

export const INSPECTION_TEMPLATE = 'inspection';

export async function startInspectionRun(ctx: HandlerContext, listingId: string): Promise<string> {
  const detail = await checklistHandlers['checklists.runs.start']({ listingId, templateId: INSPECTION_TEMPLATE }, ctx);
  return detail.run.id;
}
