// A criterion's transformation drawn as a curve: raw value (x) → score 0..1 (y).
import { makeTransform } from '../../../../geo/core/transforms.js';
import type { Transform } from '../../../../geo/core/schema.js';

function xRange(t: Transform): [number, number] | null {
  switch (t.type) {
    case 'linear': {
      const pad = Math.abs(t.max - t.min) * 0.25 || 1;
      return [Math.min(t.min, t.max) - pad, Math.max(t.min, t.max) + pad];
    }
    case 'piecewise': {
      const xs = t.points.map((p) => p[0]);
      const pad = (Math.max(...xs) - Math.min(...xs)) * 0.2 || 1;
      return [Math.min(...xs) - pad, Math.max(...xs) + pad];
    }
    case 'msLarge':
    case 'msSmall':
      return [0, t.mean + 4 * t.sd];
    case 'gaussian':
    case 'near':
      return [t.mid - 4 * t.spread, t.mid + 4 * t.spread];
    default:
      return null;
  }
}

export function TransformCurve({ transform, label }: { transform: Transform; label: string }) {
  const W = 180, H = 64, P = 4;
  if (transform.type === 'categorical') {
    const entries = Object.entries(transform.table);
    return (
      <svg width={W} height={H} role="img" aria-label={label} className="curve">
        {entries.slice(0, 8).map(([k, v], i) => {
          const bw = (W - 2 * P) / Math.max(entries.length, 1);
          return <rect key={k} x={P + i * bw + 1} y={H - P - v * (H - 2 * P)} width={bw - 2} height={v * (H - 2 * P)} fill="#2563eb"><title>{`${k}: ${v}`}</title></rect>;
        })}
      </svg>
    );
  }
  const range = xRange(transform);
  if (!range) return null;
  let f: (x: number) => number;
  try {
    f = makeTransform(transform) as (x: number) => number;
  } catch {
    return null;
  }
  const [a, b] = range;
  const pts: string[] = [];
  for (let i = 0; i <= 60; i++) {
    const x = a + ((b - a) * i) / 60;
    const y = Math.max(0, Math.min(1, f(x)));
    pts.push(`${(P + (i / 60) * (W - 2 * P)).toFixed(1)},${(H - P - y * (H - 2 * P)).toFixed(1)}`);
  }
  return (
    <svg width={W} height={H + 12} role="img" aria-label={label} className="curve">
      <rect x={P} y={P} width={W - 2 * P} height={H - 2 * P} fill="#f8fafc" stroke="#cbd5e1" />
      <polyline points={pts.join(' ')} fill="none" stroke="#2563eb" strokeWidth={2} />
      <text x={P} y={H + 10} fontSize={9} fill="#475569">{fmt(a)}</text>
      <text x={W - P} y={H + 10} fontSize={9} fill="#475569" textAnchor="end">{fmt(b)}</text>
    </svg>
  );
}

const fmt = (n: number) => (Math.abs(n) >= 1000 ? `${Math.round(n).toLocaleString()}` : String(Math.round(n * 100) / 100));
