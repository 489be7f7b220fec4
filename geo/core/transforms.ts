// Criterion transformations onto 0..1 suitability (after ArcGIS Pro's Suitability Modeler and
// QGIS fuzzify): linear, piecewise-linear, MSLarge/MSSmall, gaussian, near, categorical table.
import type { Transform } from './schema.js';

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Returns a function raw value → score in [0,1]; NaN/missing raw values score 0. */
export function makeTransform(t: Transform | undefined): (raw: number | string | null) => number {
  if (!t) return (v) => (typeof v === 'number' && Number.isFinite(v) ? clamp01(v) : 0);
  switch (t.type) {
    case 'linear': {
      const span = t.max - t.min;
      return num((v) => {
        const s = span === 0 ? (v >= t.max ? 1 : 0) : clamp01((v - t.min) / span);
        return t.invert ? 1 - s : s;
      });
    }
    case 'piecewise': {
      const pts = [...t.points].sort((a, b) => a[0] - b[0]);
      return num((v) => {
        if (v <= pts[0][0]) return clamp01(pts[0][1]);
        for (let i = 1; i < pts.length; i++) {
          if (v <= pts[i][0]) {
            const [x0, y0] = pts[i - 1], [x1, y1] = pts[i];
            return clamp01(y0 + ((v - x0) / (x1 - x0)) * (y1 - y0));
          }
        }
        return clamp01(pts[pts.length - 1][1]);
      });
    }
    case 'msLarge':
      // μ(x) = 1 − b·s / (x − a·m + b·s) for x > a·m, else 0
      return num((v) => (v > t.a * t.mean ? clamp01(1 - (t.b * t.sd) / (v - t.a * t.mean + t.b * t.sd)) : 0));
    case 'msSmall':
      // μ(x) = b·s / (x − a·m + b·s) for x > a·m, else 1
      return num((v) => (v > t.a * t.mean ? clamp01((t.b * t.sd) / (v - t.a * t.mean + t.b * t.sd)) : 1));
    case 'gaussian':
      return num((v) => Math.exp(-((v - t.mid) ** 2) / (2 * t.spread ** 2)));
    case 'near':
      return num((v) => 1 / (1 + ((v - t.mid) / t.spread) ** 2));
    case 'categorical':
      return (v) => (v === null || v === undefined ? t.default : (t.table[String(v)] ?? t.default));
  }
}

const num = (f: (v: number) => number) => (v: number | string | null) => {
  const x = typeof v === 'number' ? v : v === null || v === '' ? NaN : Number(v);
  return Number.isFinite(x) ? f(x) : 0;
};
