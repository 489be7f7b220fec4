// Sign-in, lock and unlock, and the desk's status (including retention warnings).
import { ApiError } from '../../api/errors.js';
import { RETENTION_WARNING_DAYS } from '../../api/domain.js';
import type { SessionView } from '../../api/views.js';
import { getManager, listManagers, managerView, verifyPin, type ManagerRow } from '../../../data/repos/managers.js';
import { expiringClients, clientView } from '../../../data/repos/clients.js';
import { addDays } from '../../../checklists/common/seoul-time.js';
import { demoPresent, setSetting } from '../../../data/repos/settings.js';
import { unreadableRecords, viewEach } from '../unreadable.js';
import type { HandlerContext, HandlerMap } from '../context.js';

export async function sessionView(ctx: HandlerContext): Promise<SessionView> {
  const managers = await listManagers(ctx.db, { includeInactive: true });
  const current = ctx.session.managerId ? await getManager(ctx.db, ctx.session.managerId) : undefined;
  const signedIn = !!current && !ctx.session.locked;
  const today = ctx.today();
  const expiring = signedIn ? await expiringClients(ctx.db, today, addDays(today, RETENTION_WARNING_DAYS)) : [];
  return {
    needsSetup: managers.length === 0,
    manager: current ? managerView(current) : null,
    locked: ctx.session.locked,
    lockAfterMinutes: ctx.session.lockAfterMinutes,
    demo: { present: await demoPresent(ctx.db) },
    deviceId: ctx.deviceId,
    retentionWarnings: viewEach(ctx, 'clients', expiring, (r) => {
      const v = clientView(ctx.cipher, r, today, RETENTION_WARNING_DAYS);
      return { clientId: v.id, label: v.label, name: v.name, expiresOn: v.consent.expiresOn! };
    }),
    unreadable: signedIn ? unreadableRecords(ctx) : [],
  };
}

const deactivated = () =>
  new ApiError('FORBIDDEN', {
    ko: '비활성화된 매니저입니다. 다시 쓰려면 코디네이터에게 활성화를 요청하세요.',
    en: 'This manager has been deactivated. Ask a coordinator to reactivate them.',
  });

const badPin = () => new ApiError('BAD_PIN', { ko: 'PIN이 맞지 않습니다.', en: 'Wrong PIN.' });

/** Checks a PIN with the attempt limit: after PIN_ATTEMPTS wrong ones, refused for a while. */
async function checkPin(ctx: HandlerContext, m: ManagerRow, pin: string): Promise<void> {
  const now = ctx.now().getTime();
  // The attempt is counted before the slow verification, so 60 guesses sent at once evaluate
  // at most PIN_ATTEMPTS of them.
  if (!ctx.session.tryBeginPin(m.id, now)) {
    const min = Math.max(1, Math.ceil(ctx.session.pinBlockedFor(m.id, now) / 60_000));
    throw new ApiError('BAD_PIN', {
      ko: `PIN을 여러 번 잘못 입력했습니다. ${min}분 뒤에 다시 시도하세요.`,
      en: `Too many wrong PINs. Try again in ${min} min.`,
    });
  }
  let ok = false;
  try {
    ok = await verifyPin(m, pin);
  } finally {
    ctx.session.endPin(m.id, ok, ctx.now().getTime());
  }
  if (!ok) throw badPin();
}

export const sessionHandlers: Pick<
  HandlerMap,
  'session.status' | 'session.start' | 'session.lock' | 'session.unlock' | 'session.end' | 'session.touch' | 'session.setLockAfter'
> = {
  'session.status': async (_input, ctx) => sessionView(ctx),
  'session.start': async ({ id, pin }, ctx) => {
    const m = await getManager(ctx.db, id);
    if (!m) throw new ApiError('NOT_FOUND', { ko: '매니저를 찾을 수 없습니다.', en: 'Manager not found.' });
    if (m.deactivated_at !== null) throw deactivated();
    await checkPin(ctx, m, pin);
    ctx.session.start(m.id, ctx.now().getTime());
    return sessionView(ctx);
  },
  'session.lock': async (_input, ctx) => {
    if (ctx.session.managerId) ctx.session.locked = true;
    return sessionView(ctx);
  },
  'session.unlock': async ({ pin }, ctx) => {
    const id = ctx.session.managerId;
    const m = id ? await getManager(ctx.db, id) : undefined;
    if (!m) throw new ApiError('NO_SESSION', { ko: '먼저 매니저를 선택해 로그인하세요.', en: 'Sign in first.' });
    if (m.deactivated_at !== null) {
      ctx.session.end();
      throw deactivated();
    }
    await checkPin(ctx, m, pin);
    ctx.session.start(m.id, ctx.now().getTime());
    return sessionView(ctx);
  },
  'session.end': async (_input, ctx) => {
    ctx.session.end();
    return sessionView(ctx);
  },
  'session.touch': async () => ({ ok: true }),
  'session.setLockAfter': async ({ minutes }, ctx) => {
    ctx.session.lockAfterMinutes = minutes;
    await setSetting(ctx.db, 'lockAfterMinutes', String(minutes));
    return sessionView(ctx);
  },
};
