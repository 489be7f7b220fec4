// Analytic Hierarchy Process: weights from a pairwise comparison matrix (principal eigenvector by
// power iteration) and Saaty's consistency ratio CR = CI / RI, CI = (λmax − n)/(n − 1).
export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  /** CR above 0.10 means the judgements contradict each other too much to trust. */
  consistent: boolean;
}

// Saaty's random index for n = 1..15.
export const RANDOM_INDEX = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

export function ahp(matrix: number[][]): AhpResult {
  const n = matrix.length;
  if (n < 2 || matrix.some((row) => row.length !== n)) throw new Error('AHP matrix must be square, n ≥ 2');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!(matrix[i][j] > 0)) throw new Error(`AHP matrix entry [${i}][${j}] must be positive`);
      if (Math.abs(matrix[i][j] * matrix[j][i] - 1) > 1e-6) throw new Error(`AHP matrix must be reciprocal: [${i}][${j}]·[${j}][${i}] ≠ 1`);
    }
  }
  let w = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 1000; it++) {
    const next = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
    const sum = next.reduce((s, x) => s + x, 0);
    const normed = next.map((x) => x / sum);
    const delta = normed.reduce((s, x, i) => s + Math.abs(x - w[i]), 0);
    w = normed;
    if (delta < 1e-12) break;
  }
  const aw = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
  const lambdaMax = aw.reduce((s, x, i) => s + x / w[i], 0) / n;
  const ci = n > 2 ? (lambdaMax - n) / (n - 1) : 0;
  const ri = RANDOM_INDEX[n - 1] ?? 1.59;
  const cr = ri > 0 ? ci / ri : 0;
  return { weights: w, lambdaMax, ci, cr, consistent: cr <= 0.1 };
}
