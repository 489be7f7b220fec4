// Weights (real values renormalised, or AHP), criterion values per parcel and per site
// (parcel-level criteria area-weighted), weighted-sum or weighted-product scores with each
// criterion's contribution, and the ranking.
import { ahp, type AhpResult } from './ahp.js';
import type { Contribution } from './results.js';
import type { Criterion, Study } from './schema.js';

export type { Contribution };
import { makeTransform } from './transforms.js';

export interface Weights {
  ids: string[];
  weights: number[]; // sum 1
  method: 'weights' | 'ahp';
  ahp?: AhpResult;
}

export function resolveWeights(study: Pick<Study, 'criteria' | 'ahp'>): Weights {
  const ids = study.criteria.map((c) => c.id);
  if (study.ahp) {
    const order = study.ahp.criteria;
    if (order.length !== ids.length || !ids.every((id) => order.includes(id))) {
      throw new Error(`ahp.criteria must list every criterion id once: ${ids.join(', ')}`);
    }
    const res = ahp(study.ahp.matrix);
    return { ids, weights: ids.map((id) => res.weights[order.indexOf(id)]), method: 'ahp', ahp: res };
  }
  const raw = study.criteria.map((c) => c.weight);
  const sum = raw.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) throw new Error('criteria weights must not all be zero');
  return { ids, weights: raw.map((w) => w / sum), method: 'weights' };
}

/** Criteria measured on the merged site rather than on each parcel. */
export const isSiteLevel = (c: Criterion) =>
  c.source.type === 'siteArea' || c.source.type === 'compactness' || ((c.source.type === 'distance' || c.source.type === 'countWithin') && c.source.from === 'site');

/** Combines criterion scores with weights (sum 1). Product mode: Π s^w (a zero vetoes). */
export function combine(scores: ArrayLike<number>, weights: ArrayLike<number>, method: 'weightedSum' | 'weightedProduct'): number {
  if (method === 'weightedSum') {
    let s = 0;
    for (let i = 0; i < weights.length; i++) s += weights[i] * scores[i];
    return s;
  }
  let s = 1;
  for (let i = 0; i < weights.length; i++) if (weights[i] > 0) s *= Math.pow(scores[i], weights[i]);
  return s;
}

export function contributions(ids: string[], raw: (number | null)[], scores: number[], w: Weights, method: 'weightedSum' | 'weightedProduct'): Record<string, Contribution> {
  const out: Record<string, Contribution> = {};
  ids.forEach((id, i) => {
    out[id] = { raw: raw[i], score: scores[i], weight: w.weights[i], contribution: method === 'weightedSum' ? w.weights[i] * scores[i] : Math.pow(scores[i], w.weights[i]) };
  });
  return out;
}

export { makeTransform };
