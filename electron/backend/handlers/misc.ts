import { listAudit } from '../../../data/repos/audit.js';
import { removeDemo } from '../../../data/demo/seed.js';
import { getManager } from '../../../data/repos/managers.js';
import type { HandlerMap } from '../context.js';

export const miscHandlers: Pick<HandlerMap, 'audit.list' | 'demo.remove'> = {
  'audit.list': async ({ id }, ctx) =>
    (await listAudit(ctx.db, id)).map((r) => ({
      seq: r.seq,
      at: r.at,
      managerName: r.manager_name,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      fields: JSON.parse(r.fields) as string[],
    })),
  'demo.remove': async (_input, ctx) => {
    const removed = await removeDemo(ctx.db);
    // The demo manager may be the one signed in: then nobody is.
    const still = ctx.session.managerId ? await getManager(ctx.db, ctx.session.managerId) : undefined;
    if (!still) ctx.session.end();
    return { removed };
  },
};
