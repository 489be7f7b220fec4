// Roles: a coordinator (센터 코디네이터) is a manager who may grant the role, load a reference
// pack and run the desk's other center-level actions. Handlers call `requireCoordinator(ctx)`
// before such an action.
import { ApiError } from '../api/errors.js';
import { getManager, type ManagerRow } from '../../data/repos/managers.js';
import type { HandlerContext } from './context.js';

export const notCoordinator = () =>
  new ApiError('FORBIDDEN', {
    ko: '코디네이터만 할 수 있는 작업입니다. 센터의 코디네이터에게 요청하세요.',
    en: 'Only a coordinator can do this. Ask your center’s coordinator.',
  });

/** The signed-in manager's row, when they are an active coordinator; otherwise undefined. */
export async function currentCoordinator(ctx: HandlerContext): Promise<ManagerRow | undefined> {
  if (!ctx.session.managerId || ctx.session.locked) return undefined;
  const m = await getManager(ctx.db, ctx.session.managerId);
  return m && m.role === 'coordinator' && m.deactivated_at === null ? m : undefined;
}

/** Throws FORBIDDEN (Korean and English) unless the signed-in manager is an active coordinator. */
export async function requireCoordinator(ctx: HandlerContext): Promise<ManagerRow> {
  const m = await currentCoordinator(ctx);
  if (!m) throw notCoordinator();
  return m;
}
