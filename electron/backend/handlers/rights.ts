// Handlers of the rights module's API methods (see electron/api/rights-methods.ts): the registry
// document per listing (autosaved), the analysis built from it, the listing and the registry
// checklist's latest answers, the calculators, and the user's base-rate rows.
import type { BaseRateRowView, RegistryView, RightsResults } from '../../api/rights-methods.js';
import { ApiError, type Bilingual } from '../../api/errors.js';
import { CalcInputError, runCalculator, type NamedCalculatorResult } from '../../../checklists/calculators/index.js';
import type { ReferencePackUsed } from '../../api/rights-methods.js';
import { referenceInUse, usedPack } from '../reference.js';
import { emptyRegistryDoc } from '../../../checklists/rights/registry-doc.js';
import { mergeBaseRates } from '../../../data/reference/index.js';
import { addBaseRate, getRegistry, listBaseRates, removeBaseRate, saveRegistry } from '../../../data/repos/registry.js';
import { ownerCipher } from '../../../data/privacy/owner.js';
import type { HandlerContext, HandlerMap } from '../context.js';
import type { CalculatorName } from '../../../checklists/calculators/index.js';
import { getCase } from '../../../data/repos/cases.js';
import { deleteCalcResult, getCalcResult, listCalcResults, saveCalcResult } from '../../../data/repos/calc-results.js';
import { savedCalcs, savedCalcView } from '../services/saved-calcs.js';
import { analyzeListingById, listingFacts } from '../services/rights-analysis.js';

async function registryView(ctx: HandlerContext, listingId: string): Promise<RegistryView> {
  const saved = await getRegistry(ctx.db, ctx.cipher, listingId);
  return { listingId, registry: saved?.doc ?? emptyRegistryDoc(), updatedAt: saved?.updatedAt ?? null, updatedBy: saved?.updatedBy ?? null };
}

async function baseRateRows(ctx: HandlerContext): Promise<BaseRateRowView[]> {
  const user = await listBaseRates(ctx.db);
  const ids = new Map(user.map((r) => [r.effectiveFrom, r.id]));
  return mergeBaseRates(user).versions.map((v) => (v.userAdded ? { ...v, id: ids.get(v.effectiveFrom) } : v));
}

/** The calculators' own (English) details, in Korean too, for the message beside the field. */
const DETAIL_KO: [RegExp, string][] = [
  [/^is required$/, '필수 항목입니다.'],
  [/^must be an amount in won/, '금액(원)을 숫자로 입력하세요.'],
  [/^must be a whole number of won/, '금액은 원 단위 정수여야 합니다.'],
  [/^must not be negative/, '0 이상이어야 합니다.'],
  [/^is implausibly large/, '너무 큰 금액입니다.'],
  [/date YYYY-MM-DD/, '날짜는 YYYY-MM-DD 형식이어야 합니다.'],
  [/fraction/, '비율은 소수로 입력합니다 (2.5% = 0.025).'],
  [/^must be greater than 0/, '0보다 커야 합니다.'],
  [/^must be "housing" or "officetel"/, '주택 또는 오피스텔을 고르세요.'],
  [/property address/, '주소를 입력하세요.'],
  [/^must be one of/, '건물 유형을 고르세요.'],
];

function calcError(e: CalcInputError): ApiError {
  const ko = DETAIL_KO.find(([re]) => re.test(e.detail))?.[1] ?? `입력값을 확인하세요 (${e.detail}).`;
  const message: Bilingual = { ko, en: e.detail };
  return new ApiError('VALIDATION', { ko: `입력값을 확인하세요 — ${e.field}: ${ko}`, en: `Check the input — ${e.field}: ${e.detail}` }, [
    { path: `input.${e.field}`, message },
  ]);
}

/** Runs a calculator with the reference pack in force; input problems become field errors. */
async function computeCalc(ctx: HandlerContext, name: CalculatorName, input: Record<string, unknown>): Promise<NamedCalculatorResult & { pack: ReferencePackUsed }> {
  const userBaseRates = await listBaseRates(ctx.db);
  try {
    // TypeScript cannot pair a union-typed name with its result; runCalculator ran exactly `name`.
    // The reference pack in force (issue 13): its tables, and the result says which pack it was.
    const ref = await referenceInUse(ctx.db);
    return { name, result: runCalculator(name, input, { userBaseRates, tables: ref.tables }), pack: usedPack(ref.pack) } as NamedCalculatorResult & { pack: ReferencePackUsed };
  } catch (e) {
    if (e instanceof CalcInputError) throw calcError(e);
    throw e;
  }
}

const caseNotFound = () =>
  new ApiError('NOT_FOUND', { ko: '상담을 찾을 수 없습니다.', en: 'Case not found.' }, [{ path: 'caseId', message: { ko: '상담을 찾을 수 없습니다.', en: 'Case not found.' } }]);

export const rightsHandlers: Pick<HandlerMap, keyof RightsResults> = {
  'registry.get': async ({ listingId }, ctx) => {
    await listingFacts(ctx, listingId);
    return registryView(ctx, listingId);
  },
  'registry.save': async ({ listingId, registry }, ctx) => {
    await listingFacts(ctx, listingId);
    const cipher = await ownerCipher(ctx.db, ctx.keys, { listingId });
    await ctx.db.tx((q) => saveRegistry(q, cipher, ctx.actor(), listingId, registry));
    return registryView(ctx, listingId);
  },
  'rights.analyze': async ({ listingId, asOf }, ctx) => analyzeListingById(ctx, listingId, asOf),
  'calc.run': async ({ name, input }, ctx) => computeCalc(ctx, name, input),
  'calc.save': async ({ caseId, name, input }, ctx) => {
    const row = await getCase(ctx.db, caseId);
    if (!row) throw caseNotFound();
    // Recomputed here: what is stored is what the backend's calculators and tables give.
    const computed = await computeCalc(ctx, name, input);
    const cipher = ctx.keys.cipherFor(row.client_id);
    const id = await ctx.db.tx((q) => saveCalcResult(q, cipher, ctx.actor(), { caseId, name, input, result: computed.result, pack: computed.pack }));
    const saved = (await listCalcResults(ctx.db, caseId)).find((r) => r.id === id);
    if (!saved) throw caseNotFound();
    return savedCalcView(ctx, saved);
  },
  'calc.listForCase': async ({ caseId }, ctx) => {
    if (!(await getCase(ctx.db, caseId))) throw caseNotFound();
    return savedCalcs(ctx, caseId);
  },
  'calc.deleteSaved': async ({ id }, ctx) => {
    const row = await getCalcResult(ctx.db, id);
    if (!row || !(await getCase(ctx.db, row.case_id)) || !(await ctx.db.tx((q) => deleteCalcResult(q, ctx.actor(), id)))) {
      throw new ApiError('NOT_FOUND', { ko: '저장된 계산 결과를 찾을 수 없습니다.', en: 'Saved calculation not found.' });
    }
    return { id };
  },
  'baseRates.list': async (_input, ctx) => baseRateRows(ctx),
  'baseRates.add': async ({ effectiveFrom, ratePercent, note }, ctx) => {
    const rateBp = Math.round(ratePercent * 100);
    const added = await ctx.db.tx((q) => addBaseRate(q, ctx.actor(), { effectiveFrom, rateBp, note: note || undefined }));
    if (!added) {
      throw new ApiError('CONFLICT', { ko: `${effectiveFrom}에 이미 직접 추가한 기준금리가 있습니다. 지우고 다시 추가하세요.`, en: `You already added a base rate on ${effectiveFrom}; remove it first.` }, [
        { path: 'effectiveFrom', message: { ko: '이 날짜에 이미 추가한 기준금리가 있습니다.', en: 'A rate was already added on this date.' } },
      ]);
    }
    return baseRateRows(ctx);
  },
  'baseRates.remove': async ({ id }, ctx) => {
    if (!(await ctx.db.tx((q) => removeBaseRate(q, ctx.actor(), id)))) {
      throw new ApiError('NOT_FOUND', { ko: '직접 추가한 기준금리를 찾을 수 없습니다 (기본 제공 값은 지울 수 없습니다).', en: 'No such user-added base rate (shipped rows cannot be removed).' });
    }
    return baseRateRows(ctx);
  },
};
