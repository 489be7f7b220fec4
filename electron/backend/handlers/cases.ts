import { ApiError } from '../../api/errors.js';
import { caseView, createCase, deleteCase, getCase, listCases, restoreCase, updateCase } from '../../../data/repos/cases.js';
import { getClient } from '../../../data/repos/clients.js';
import { getManager } from '../../../data/repos/managers.js';
import { viewEach } from '../unreadable.js';
import { refuseInconsistent } from '../consistency.js';
import { closedBeforeOpened } from '../../../checklists/common/consistency.js';
import type { HandlerContext, HandlerMap } from '../context.js';

const notFound = () => new ApiError('NOT_FOUND', { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' });

async function view(ctx: HandlerContext, id: string) {
  const row = await getCase(ctx.db, id);
  if (!row) throw notFound();
  return caseView(ctx.cipher, row);
}

async function checkRefs(ctx: HandlerContext, clientId: string, managerId?: string | null) {
  if (!(await getClient(ctx.db, clientId))) {
    throw new ApiError('VALIDATION', { ko: 'clientId: 고객을 찾을 수 없습니다.', en: 'clientId: client not found.' }, [
      { path: 'clientId', message: { ko: '고객을 찾을 수 없습니다.', en: 'Client not found.' } },
    ]);
  }
  if (managerId && !(await getManager(ctx.db, managerId))) {
    throw new ApiError('VALIDATION', { ko: 'managerId: 매니저를 찾을 수 없습니다.', en: 'managerId: manager not found.' }, [
      { path: 'managerId', message: { ko: '매니저를 찾을 수 없습니다.', en: 'Manager not found.' } },
    ]);
  }
}

/** A case that reaches 완료/취소 without a closing date is closed today. */
function withClosing<T extends { status: string; closedOn?: string | null }>(f: T, today: string): T {
  const closed = f.status === 'completed' || f.status === 'cancelled';
  return { ...f, closedOn: closed ? (f.closedOn ?? today) : (f.closedOn ?? null) };
}

export const caseHandlers: Pick<
  HandlerMap,
  'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'cases.delete' | 'cases.restore'
> = {
  'cases.list': async (filter, ctx) => viewEach(ctx, 'cases', await listCases(ctx.db, ctx.cipher, filter), (r) => caseView(ctx.cipher, r)),
  'cases.get': async ({ id }, ctx) => view(ctx, id),
  'cases.create': async (input, ctx) => {
    await checkRefs(ctx, input.clientId, input.managerId);
    refuseInconsistent(closedBeforeOpened(input.openedOn, input.closedOn));
    const fields = withClosing({ ...input, managerId: input.managerId ?? ctx.session.managerId }, ctx.today());
    const id = await ctx.db.tx((q) => createCase(q, ctx.keys.cipherFor(input.clientId), ctx.actor(), fields));
    return view(ctx, id);
  },
  'cases.update': async ({ id, ...input }, ctx) => {
    await checkRefs(ctx, input.clientId, input.managerId);
    refuseInconsistent(closedBeforeOpened(input.openedOn, input.closedOn));
    if (!(await ctx.db.tx((q) => updateCase(q, ctx.keys.cipherFor(input.clientId), ctx.actor(), id, withClosing(input, ctx.today()))))) throw notFound();
    return view(ctx, id);
  },
  'cases.delete': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => deleteCase(q, ctx.actor(), id)))) throw notFound();
    return { id };
  },
  'cases.restore': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => restoreCase(q, ctx.actor(), id)))) throw notFound();
    return view(ctx, id);
  },
};
