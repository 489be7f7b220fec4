// Calculator results saved to a case (issue 11), as the API and the tenant report show them.
import type { SavedCalcView } from '../../api/rights-methods.js';
import type { CalculatorName } from '../../../checklists/calculators/index.js';
import { listCalcResults, type SavedCalcRow } from '../../../data/repos/calc-results.js';
import type { HandlerContext } from '../context.js';

export function savedCalcView(ctx: HandlerContext, r: SavedCalcRow): SavedCalcView {
  const read = (t: string | null) => {
    const s = ctx.cipher.decrypt(t);
    return s === null ? null : JSON.parse(s);
  };
  return {
    id: r.id,
    caseId: r.case_id,
    name: r.calculator as CalculatorName,
    input: read(r.input_enc),
    result: read(r.result_enc),
    pack: { packVersion: r.pack_version, verifiedOn: r.pack_verified_on, source: r.pack_source },
    savedAt: r.saved_at,
    savedBy: r.saved_by_name,
  };
}

/** The case's saved calculator results, newest first (the tenant report reads these too). */
export async function savedCalcs(ctx: HandlerContext, caseId: string): Promise<SavedCalcView[]> {
  return (await listCalcResults(ctx.db, caseId)).map((r) => savedCalcView(ctx, r));
}
