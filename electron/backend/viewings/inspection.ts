// The listing-inspection checklist run for a stop, started through the checklist module's
// service (so its template choice, demo mark and crash-recovery bookkeeping apply).
import { startRun } from '../services/checklist-runs.js';
import type { HandlerContext } from '../context.js';

export const INSPECTION_TEMPLATE = 'inspection';

export async function startInspectionRun(ctx: HandlerContext, listingId: string): Promise<string> {
  const detail = await startRun(ctx, listingId, INSPECTION_TEMPLATE);
  return detail.run.id;
}
