import { ApiError } from '../../api/errors.js';
import { createManager, getManager, listManagers, managerView } from '../../../data/repos/managers.js';
import type { HandlerMap } from '../context.js';

export const managerHandlers: Pick<HandlerMap, 'managers.list' | 'managers.create'> = {
  'managers.list': async (_input, ctx) => (await listManagers(ctx.db)).map(managerView),
  'managers.create': async (input, ctx) => {
    // The first profile can be made by anyone at the desk; later ones by a signed-in manager.
    const existing = await listManagers(ctx.db);
    const realOnes = existing.filter((m) => m.is_demo === 0);
    if (realOnes.length > 0 && (!ctx.session.managerId || ctx.session.locked)) {
      throw new ApiError('NO_SESSION', { ko: '새 매니저는 로그인한 매니저만 등록할 수 있습니다.', en: 'Only a signed-in manager can add managers.' });
    }
    const id = await ctx.db.tx((q) => createManager(q, ctx.actor(), input));
    return managerView((await getManager(ctx.db, id))!);
  },
};
