// Starts a new checklist run with what the case already knows (lease module): the listing, the
// case's saved lease facts and the listing's registry entry, through the pure prefillAnswers.
// Called from checklists.runs.start in one marked line, inside the run's transaction.
import type { Queryable } from '../../../data/db/sqlite.js';
import type { Template } from '../../../checklists/engine/schema.js';
import { prefillAnswers } from '../../../checklists/lease/prefill.js';
import { getRegistry } from '../../../data/repos/registry.js';
import { getLease } from '../../../data/repos/lease.js';
import { randomUUID } from 'node:crypto';
import type { HandlerContext } from '../context.js';

export async function prefillNewRun(ctx: HandlerContext, q: Queryable, runId: string, listingId: string, template: Template): Promise<number> {
  const l = await q.get<{ case_id: string; building_type: string | null; floor_kind: string | null; floor: number | null; deposit: number | null; monthly_rent: number | null; market_value: number | null }>(
    'SELECT case_id, building_type, floor_kind, floor, deposit, monthly_rent, market_value FROM listings WHERE id = ?',
    [listingId],
  );
  if (!l) return 0;
  const lease = await getLease(q, ctx.cipher, l.case_id);
  const registry = await getRegistry(q, ctx.cipher, listingId);
  const answers = prefillAnswers(template, {
    listing: { buildingType: l.building_type, floorKind: l.floor_kind, floor: l.floor, deposit: l.deposit, monthlyRent: l.monthly_rent, marketValue: l.market_value },
    // Lease facts speak for this listing only when they were saved for it.
    lease: lease && (lease.listingId === listingId || lease.listingId === null) ? lease.facts : null,
    registry: registry?.doc ?? null,
  });
  const actor = ctx.actor();
  for (const [itemId, a] of Object.entries(answers)) {
    await q.run(
      `INSERT INTO checklist_answers (id, run_id, item_id, value, answered_at, answered_by, prefilled_from, created_at, updated_at, updated_by, device_id)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?) ON CONFLICT (run_id, item_id) DO NOTHING`,
      [randomUUID(), runId, itemId, JSON.stringify(a.value), actor.now, a.from, actor.now, actor.now, actor.managerId, actor.deviceId],
    );
  }
  return Object.keys(answers).length;
}
