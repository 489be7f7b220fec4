// Monte-Carlo weight sensitivity: each draw scales every weight by a uniform factor in
// [1 − p, 1 + p], renormalises, rescores and reranks the sites; a site's stability is the share
// of draws in which it stays in the top K (sites with equal scores share a rank).
import { rng } from './rng.js';
import { combine } from './score.js';

import type { Stability } from './results.js';

export type { Stability };

/** `scores[s][c]` are site s's criterion scores; returns one Stability per site. */
export function sensitivity(scores: number[][], weights: number[], method: 'weightedSum' | 'weightedProduct', opts: { draws: number; perturbation: number; top: number; seed: number }): Stability[] {
  const n = scores.length;
  const top = new Uint32Array(n), sum = new Float64Array(n), min = new Uint32Array(n).fill(0xffffffff), max = new Uint32Array(n);
  const r = rng(opts.seed);
  const total = new Float64Array(n);
  const sorted = new Float64Array(n);
  const w = new Float64Array(weights.length);
  for (let d = 0; d < opts.draws; d++) {
    let ws = 0;
    for (let c = 0; c < weights.length; c++) ws += w[c] = weights[c] * (1 + (2 * r() - 1) * opts.perturbation);
    for (let c = 0; c < weights.length; c++) w[c] /= ws;
    for (let s = 0; s < n; s++) total[s] = combine(scores[s], w, method);
    // Rank = 1 + number of sites scoring strictly higher (ties share a rank): a native numeric
    // sort and a binary search per site, instead of a comparator sort per draw.
    sorted.set(total);
    sorted.sort();
    for (let s = 0; s < n; s++) {
      let lo = 0, hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= total[s]) lo = mid + 1;
        else hi = mid;
      }
      const rank = n - lo + 1;
      if (rank <= opts.top) top[s]++;
      sum[s] += rank;
      if (rank < min[s]) min[s] = rank;
      if (rank > max[s]) max[s] = rank;
    }
  }
  return Array.from({ length: n }, (_, s) => (opts.draws ? { topShare: top[s] / opts.draws, meanRank: sum[s] / opts.draws, minRank: min[s], maxRank: max[s] } : { topShare: NaN, meanRank: NaN, minRank: 0, maxRank: 0 }));
}
