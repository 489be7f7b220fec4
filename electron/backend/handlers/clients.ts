import { ApiError } from '../../api/errors.js';
import { RETENTION_WARNING_DAYS } from '../../api/domain.js';
import {
  clientView, createClient, deleteClient, findClientsByPhone, getClient, listClients, restoreClient, updateClient,
} from '../../../data/repos/clients.js';
import { destroyClient } from '../../../data/privacy/destroy.js';
import { viewEach } from '../unreadable.js';
import { refuseInconsistent } from '../consistency.js';
import { implausibleDate } from '../../../checklists/common/consistency.js';
import type { HandlerContext, HandlerMap } from '../context.js';

const notFound = () => new ApiError('NOT_FOUND', { ko: '고객을 찾을 수 없습니다.', en: 'Client not found.' });

async function view(ctx: HandlerContext, id: string) {
  const row = await getClient(ctx.db, id);
  if (!row) throw notFound();
  return clientView(ctx.cipher, row, ctx.today(), RETENTION_WARNING_DAYS);
}

export const clientHandlers: Pick<
  HandlerMap,
  | 'clients.list' | 'clients.get' | 'clients.findByPhone' | 'clients.create' | 'clients.update'
  | 'clients.delete' | 'clients.restore' | 'clients.withdrawConsent'
> = {
  'clients.list': async ({ query }, ctx) =>
    viewEach(ctx, 'clients', await listClients(ctx.db, ctx.cipher, query), (r) => clientView(ctx.cipher, r, ctx.today(), RETENTION_WARNING_DAYS)),
  'clients.get': async ({ id }, ctx) => view(ctx, id),
  'clients.findByPhone': async ({ phone }, ctx) =>
    (await findClientsByPhone(ctx.db, ctx.cipher, phone)).map((r) => clientView(ctx.cipher, r, ctx.today(), RETENTION_WARNING_DAYS)),
  'clients.create': async (input, ctx) => {
    refuseInconsistent(implausibleDate('moveInDate', input.moveInDate));
    const id = await ctx.db.tx((q) => createClient(q, ctx.keys, ctx.actor(), input));
    return view(ctx, id);
  },
  'clients.update': async ({ id, ...fields }, ctx) => {
    refuseInconsistent(implausibleDate('moveInDate', fields.moveInDate));
    const r = await ctx.db.tx((q) => updateClient(q, ctx.keys, ctx.actor(), id, fields));
    if (r === 'destroyed') {
      throw new ApiError('CONFLICT', {
        ko: '보유 기간 종료 또는 동의 철회로 개인정보가 파기된 고객입니다. 새로 동의를 받은 날짜로 다시 입력하세요.',
        en: 'This client’s personal data was destroyed (retention ended or consent withdrawn). Record a new consent date first.',
      });
    }
    if (!r) throw notFound();
    return view(ctx, id);
  },
  'clients.delete': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => deleteClient(q, ctx.actor(), id)))) throw notFound();
    return { id };
  },
  'clients.restore': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => restoreClient(q, ctx.actor(), id)))) throw notFound();
    return view(ctx, id);
  },
  'clients.withdrawConsent': async ({ id }, ctx) => {
    if (!(await getClient(ctx.db, id))) throw notFound();
    // Everything linked to the client, their key, the WAL and their files (data/privacy).
    await destroyClient({ db: ctx.db, vault: ctx.keys, filesDir: ctx.filesDir }, ctx.actor(), id, 'withdraw_consent');
    return view(ctx, id);
  },
};
