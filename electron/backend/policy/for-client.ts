// Matching for a client: their stored facts (only under their 'policy' consent item), this
// consultation's facts on top, and the case's newest listing for deposit, rent and address.
// Shared by the API (policy.forClient) and the tenant report's 정책 안내 section.
import { ApiError } from '../../api/errors.js';
import type { MatchView, PolicyFactsView } from '../../api/policy-methods.js';
import { getClient } from '../../../data/repos/clients.js';
import { getCase } from '../../../data/repos/cases.js';
import { destroyPolicyFacts, getPolicyFacts, hasPolicyConsent } from '../../../data/repos/policy-facts.js';
import type { PolicyFacts } from '../../../checklists/policy/match.js';
import { matchProgrammes, matchView, policyTables } from './tables.js';
import type { HandlerContext } from '../context.js';

const clientNotFound = () => new ApiError('NOT_FOUND', { ko: '고객을 찾을 수 없습니다.', en: 'Client not found.' });

export async function clientOr404(ctx: HandlerContext, id: string) {
  const c = await getClient(ctx.db, id);
  if (!c) throw clientNotFound();
  return c;
}

/** The stored facts, if the client (still) consents; stale facts without consent are destroyed. */
export async function storedFacts(ctx: HandlerContext, clientId: string) {
  const c = await clientOr404(ctx, clientId);
  if (!hasPolicyConsent(c)) {
    await destroyPolicyFacts(ctx.db, clientId);
    return { consented: false, facts: null, updatedAt: null };
  }
  const f = await getPolicyFacts<PolicyFactsView>(ctx.db, ctx.cipher, clientId);
  return { consented: true, facts: f?.facts ?? null, updatedAt: f?.updatedAt ?? null };
}

export async function matchForClient(ctx: HandlerContext, clientId: string, caseId: string | undefined, extra: PolicyFacts | undefined, asOf: string): Promise<MatchView> {
  const stored = await storedFacts(ctx, clientId);
  const facts: PolicyFacts = { ...(stored.facts ?? {}), ...(extra ?? {}) };
  let listing: string | null = null;
  if (caseId) {
    const k = await getCase(ctx.db, caseId);
    if (!k || k.client_id !== clientId) throw new ApiError('NOT_FOUND', { ko: '상담 건을 찾을 수 없습니다.', en: 'Case not found.' });
    const l = await ctx.db.get<{ id: string; deposit: number; monthly_rent: number; road_address_enc: string | null; jibun_address_enc: string | null }>(
      `SELECT id, deposit, monthly_rent, road_address_enc, jibun_address_enc FROM listings WHERE case_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
      [caseId],
    );
    if (l) {
      listing = l.id;
      facts.deposit ??= l.deposit;
      facts.monthlyRent ??= l.monthly_rent;
      const addr = ctx.cipher.decrypt(l.road_address_enc) || ctx.cipher.decrypt(l.jibun_address_enc);
      if (addr) facts.region ??= addr;
    }
  }
  // Without a region: where the client lives now (a Seoul 구).
  if (facts.region === undefined) {
    const c = await clientOr404(ctx, clientId);
    if (c.current_district) facts.region = `서울특별시 ${c.current_district}`;
  }
  const view = matchView(matchProgrammes(facts, await policyTables(ctx), asOf));
  return { ...view, factsFrom: { stored: stored.facts !== null, listing } };
}
