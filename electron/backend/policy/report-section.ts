// The tenant report's 정책 안내 section model: matching for the case's client (stored facts only
// with consent; the case's listing), keeping the programmes worth pointing to.
import type { HandlerContext } from '../context.js';
import type { PolicySectionModel } from '../reports/policy-section.js';
import { matchForClient } from './for-client.js';

type L = 'ko' | 'en';
const STATUS: Record<string, { ko: string; en: string }> = {
  eligible: { ko: '해당 가능', en: 'May qualify' },
  'needs-info': { ko: '확인 필요', en: 'Needs information' },
  'not-open': { ko: '신청기간 아님', en: 'Not open now' },
};
export const FACT_LABEL: Record<string, { ko: string; en: string }> = {
  age: { ko: '만 나이', en: 'age' },
  annualIncome: { ko: '연소득', en: 'annual income' },
  incomeBasis: { ko: '소득 기준 (본인/부부/가구)', en: 'whose income' },
  householdIncomeShareOfMedian: { ko: '가구소득 (중위소득 대비)', en: 'household income (% of median)' },
  assets: { ko: '재산', en: 'assets' },
  householdSize: { ko: '가구원 수', en: 'household size' },
  married: { ko: '혼인 여부', en: 'marital status' },
  marriedOn: { ko: '혼인일', en: 'marriage date' },
  householder: { ko: '세대주 여부', en: 'householder' },
  veteranMonths: { ko: '제대군인 복무기간', en: 'military service' },
  deposit: { ko: '보증금', en: 'deposit' },
  monthlyRent: { ko: '월세', en: 'rent' },
  homeless: { ko: '무주택 여부', en: 'home ownership' },
  region: { ko: '거주 지역', en: 'region' },
  crisis: { ko: '위기상황', en: 'crisis' },
  parentsIncomeShareOfMedian: { ko: '부모 가구 소득', en: "parents' income" },
  parentsAssets: { ko: '부모 가구 재산', en: "parents' assets" },
};

export async function policySectionModel(ctx: HandlerContext, clientId: string, caseId: string, lc: L): Promise<PolicySectionModel> {
  const m = await matchForClient(ctx, clientId, caseId, undefined, ctx.today());
  const pointed = new Set((await ctx.db.all<{ programme_id: string }>(`SELECT programme_id FROM case_programmes WHERE case_id = ?`, [caseId])).map((r) => r.programme_id));
  return {
    catalogueDate: m.catalogue.effectiveFrom,
    checkedOn: m.catalogue.checkedOn,
    programmes: m.matches
      .filter((x) => x.status !== 'ineligible' && (x.status === 'eligible' || pointed.has(x.id) || x.status === 'not-open' || x.missing.length <= 2))
      .map((x) => ({
        name: x.name[lc],
        status: x.status as 'eligible' | 'needs-info' | 'not-open',
        statusLabel: STATUS[x.status][lc],
        reasons: x.reasons.slice(0, 3).map((r) => r[lc]),
        missing: x.missing.map((k) => FACT_LABEL[k]?.[lc] ?? k),
        apply: x.programme.apply[lc],
        contact: x.programme.contact,
      })),
  };
}
