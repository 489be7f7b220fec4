// Handlers of the policy module (electron/api/policy-methods.ts): the catalogue in use and
// matching. Facts are stored only under the client's 'policy' consent item, encrypted.
import { ApiError } from '../../api/errors.js';
import { destroyPolicyFacts, hasPolicyConsent, savePolicyFacts } from '../../../data/repos/policy-facts.js';
import { clientOr404, matchForClient, storedFacts } from '../policy/for-client.js';
import type { PolicyFacts } from '../../../checklists/policy/match.js';
import { catalogueView, matchProgrammes, matchView, policyTables } from '../policy/tables.js';
import type { HandlerMap } from '../context.js';

type PolicyHandlers = Pick<HandlerMap, 'policy.catalogue' | 'policy.match' | 'policy.forClient' | 'policy.facts.get' | 'policy.facts.save' | 'policy.facts.clear'>;

const noConsent = () =>
  new ApiError('VALIDATION', {
    ko: '이 고객은 정책 안내용 정보 저장에 동의하지 않았습니다. 이번 상담에서만 쓰고 저장하지 않습니다 (고객 정보의 동의 항목에서 추가할 수 있습니다).',
    en: 'This client has not consented to keeping facts for programme matching. They are used for this consultation only and not stored (add the consent item on the client).',
  });

export const policyHandlers: PolicyHandlers = {
  async 'policy.catalogue'(input, ctx) {
    return catalogueView(await policyTables(ctx), input.asOf ?? ctx.today());
  },

  async 'policy.match'(input, ctx) {
    return matchView(matchProgrammes(input.facts as PolicyFacts, await policyTables(ctx), input.asOf ?? ctx.today()));
  },

  async 'policy.forClient'(input, ctx) {
    return matchForClient(ctx, input.clientId, input.caseId, input.facts as PolicyFacts | undefined, input.asOf ?? ctx.today());
  },

  async 'policy.facts.get'(input, ctx) {
    return storedFacts(ctx, input.clientId);
  },

  async 'policy.facts.save'(input, ctx) {
    const c = await clientOr404(ctx, input.clientId);
    if (!hasPolicyConsent(c)) throw noConsent();
    const actor = ctx.actor();
    // Under the client's own key: destroying it makes every copy unreadable (crypto-shredding).
    await ctx.db.tx((q) => savePolicyFacts(q, ctx.keys.cipherFor(input.clientId), actor, input.clientId, input.facts));
    return { savedAt: actor.now };
  },

  async 'policy.facts.clear'(input, ctx) {
    await clientOr404(ctx, input.clientId);
    return { cleared: await destroyPolicyFacts(ctx.db, input.clientId) };
  },
};
