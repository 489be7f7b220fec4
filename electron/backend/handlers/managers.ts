import { ApiError } from '../../api/errors.js';
import {
  activeCoordinators, createManager, getManager, listManagers, managerView, setActive, setPin, setRole, updateManager,
  verifyPin, type ManagerRow,
} from '../../../data/repos/managers.js';
import type { HandlerContext, HandlerMap } from '../context.js';
import { currentCoordinator, notCoordinator, requireCoordinator } from '../roles.js';

const notFound = () => new ApiError('NOT_FOUND', { ko: '매니저를 찾을 수 없습니다.', en: 'Manager not found.' });

async function target(ctx: HandlerContext, id: string): Promise<ManagerRow> {
  const m = await getManager(ctx.db, id);
  if (!m) throw notFound();
  return m;
}

/** Refuses a change that would leave the desk (demo or real) without an active coordinator. */
async function keepOneCoordinator(ctx: HandlerContext, m: ManagerRow): Promise<void> {
  if (m.role === 'coordinator' && m.deactivated_at === null && (await activeCoordinators(ctx.db, m.is_demo)) <= 1) {
    throw new ApiError('CONFLICT', {
      ko: '마지막 코디네이터입니다. 다른 매니저에게 먼저 코디네이터 역할을 주세요.',
      en: 'This is the last coordinator. Make another manager a coordinator first.',
    });
  }
}

export const managerHandlers: Pick<
  HandlerMap,
  'managers.list' | 'managers.create' | 'managers.update' | 'managers.setActive' | 'managers.setRole' | 'managers.changePin'
> = {
  'managers.list': async (input, ctx) => (await listManagers(ctx.db, { includeInactive: input.includeInactive })).map(managerView),
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
  'managers.update': async ({ id, ...fields }, ctx) => {
    const m = await target(ctx, id);
    // Your own profile, or anyone's when you are a coordinator.
    if (id !== ctx.session.managerId && !(await currentCoordinator(ctx))) throw notCoordinator();
    await ctx.db.tx((q) => updateManager(q, ctx.actor(), m, fields));
    return managerView((await target(ctx, id))!);
  },
  'managers.setActive': async ({ id, active }, ctx) => {
    await requireCoordinator(ctx);
    const m = await target(ctx, id);
    if (!active) {
      if (id === ctx.session.managerId) {
        throw new ApiError('CONFLICT', { ko: '자기 자신은 비활성화할 수 없습니다.', en: 'You cannot deactivate yourself.' });
      }
      await keepOneCoordinator(ctx, m);
    }
    if ((m.deactivated_at === null) !== active) await ctx.db.tx((q) => setActive(q, ctx.actor(), id, active));
    return managerView(await target(ctx, id));
  },
  'managers.setRole': async ({ id, role }, ctx) => {
    await requireCoordinator(ctx);
    const m = await target(ctx, id);
    if (m.deactivated_at !== null && role === 'coordinator') {
      throw new ApiError('CONFLICT', { ko: '비활성화된 매니저에게는 역할을 줄 수 없습니다.', en: 'A deactivated manager cannot be given a role.' });
    }
    if (role === 'manager') await keepOneCoordinator(ctx, m);
    if (m.role !== role) await ctx.db.tx((q) => setRole(q, ctx.actor(), id, role));
    return managerView(await target(ctx, id));
  },
  'managers.changePin': async ({ oldPin, newPin }, ctx) => {
    const m = await target(ctx, ctx.session.managerId!);
    const now = ctx.now().getTime();
    // Counted before the slow verification (issue 10: concurrent guesses never exceed the limit).
    if (!ctx.session.tryBeginPin(m.id, now)) {
      const min = Math.max(1, Math.ceil(ctx.session.pinBlockedFor(m.id, now) / 60_000));
      throw new ApiError('BAD_PIN', { ko: `PIN을 여러 번 잘못 입력했습니다. ${min}분 뒤에 다시 시도하세요.`, en: `Too many wrong PINs. Try again in ${min} min.` });
    }
    let ok = false;
    try {
      ok = await verifyPin(m, oldPin);
    } finally {
      ctx.session.endPin(m.id, ok, ctx.now().getTime());
    }
    if (!ok) throw new ApiError('BAD_PIN', { ko: '현재 PIN이 맞지 않습니다.', en: 'The current PIN is wrong.' }, [{ path: 'oldPin', message: { ko: '현재 PIN이 맞지 않습니다.', en: 'The current PIN is wrong.' } }]);
    await ctx.db.tx((q) => setPin(q, ctx.actor(), m.id, newPin));
    return { ok: true };
  },
};
