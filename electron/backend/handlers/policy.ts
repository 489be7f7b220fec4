// Handlers of the policy module (electron/api/policy-methods.ts): the catalogue in use and
// matching. Facts are stored only under the client's 'policy' consent item, encrypted.
import { ApiError } from '../../api/errors.js';
import type { PolicyFactsView } from '../../api/policy-methods.js';
import { getClient } from '../../../data/repos/clients.js';
import { getCase } from '../../../data/repos/cases.js';
import { destroyPolicyFacts, getPolicyFacts, hasPolicyConsent, savePolicyFacts } from '../../../data/repos/policy-facts.js';
import type { PolicyFacts } from '../../../checklists/policy/match.js';
import { catalogueView, matchProgrammes, matchView, policyTables } from '../policy/tables.js';
import type { HandlerContext, HandlerMap } from '../context.js';

type PolicyHandlers = Pick<HandlerMap, 'policy.catalogue' | 'policy.match' | 'policy.forClient' | 'policy.facts.get' | 'policy.facts.save' | 'policy.facts.clear'>;

const clientNotFound = () => new ApiError('NOT_FOUND', { ko: '고객을 찾을 수 없습니다.', en: 'Client not found.' });
const noConsent = () =>
  new ApiError('VALIDATION', {
    ko: '이 고객은 정책 안내용 정보 저장에 동의하지 않았습니다. 이번 상담에서만 쓰고 저장하지 않습니다 (고객 정보의 동의 항목에서 추가할 수 있습니다).',
    en: 'This client has not consented to keeping facts for programme matching. They are used for this consultation only and not stored (add the consent item on the client).',
  });

async function clientOr404(ctx: HandlerContext, id: string) {
  const c = await getClient(ctx.db, id);
  if (!c) throw clientNotFound();
  return c;
}

/** The stored facts, if the client (still) consents; stale facts without consent are destroyed. */
async function storedFacts(ctx: HandlerContext, clientId: string) {
  const c = await clientOr404(ctx, clientId);
  if (!hasPolicyConsent(c)) {
    await destroyPolicyFacts(ctx.db, clientId);
    return { consented: false, facts: null, updatedAt: null };
  }
  const f = await getPolicyFacts<PolicyFactsView>(ctx.db, ctx.cipher, clientId);
  return { consented: true, facts: f?.facts ?? null, updatedAt: f?.updatedAt ?? null };
}

/** The case's listing that matching speaks for: the newest live one. */
async function caseListing(ctx: HandlerContext, caseId: string) {
  return ctx.db.get<{ id: string; deposit: number; monthly_rent: number; road_address: string | null; jibun_address: string | null }>(
    `SELECT id, deposit, monthly_rent, road_address, jibun_address FROM listings WHERE case_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
    [caseId],
  );
}

export const policyHandlers: PolicyHandlers = {
  async 'policy.catalogue'(input, ctx) {
    return catalogueView(await policyTables(ctx), input.asOf ?? ctx.today());
  },

  async 'policy.match'(input, ctx) {
    return matchView(matchProgrammes(input.facts as PolicyFacts, await policyTables(ctx), input.asOf ?? ctx.today()));
  },

  async 'policy.forClient'(input, ctx) {
    const stored = await storedFacts(ctx, input.clientId);
    const facts: PolicyFacts = { ...(stored.facts ?? {}) };
    let listing: string | null = null;
    if (input.caseId) {
      const k = await getCase(ctx.db, input.caseId);
      if (!k || k.client_id !== input.clientId) throw new ApiError('NOT_FOUND', { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' });
      const l = await caseListing(ctx, input.caseId);
      if (l) {
        listing = l.id;
        facts.deposit ??= l.deposit;
        facts.monthlyRent ??= l.monthly_rent;
        const addr = l.road_address || l.jibun_address;
        if (addr) facts.region ??= addr;
      }
    }
    // A client of a Seoul desk who gave no region: their current 구 says where they live now.
    if (facts.region === undefined) {
      const c = await clientOr404(ctx, input.clientId);
      if (c.current_district) facts.region = `서울특별시 ${c.current_district}`;
    }
    const view = matchView(matchProgrammes(facts, await policyTables(ctx), input.asOf ?? ctx.today()));
    return { ...view, factsFrom: { stored: stored.facts !== null, listing } };
  },

  async 'policy.facts.get'(input, ctx) {
    return storedFacts(ctx, input.clientId);
  },

  async 'policy.facts.save'(input, ctx) {
    const c = await clientOr404(ctx, input.clientId);
    if (!hasPolicyConsent(c)) throw noConsent();
    const actor = ctx.actor();
    await ctx.db.tx((q) => savePolicyFacts(q, ctx.cipher, actor, input.clientId, input.facts));
    return { savedAt: actor.now };
  },

  async 'policy.facts.clear'(input, ctx) {
    await clientOr404(ctx, input.clientId);
    return { cleared: await destroyPolicyFacts(ctx.db, input.clientId) };
  },
};
