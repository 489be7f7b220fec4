// Styling a layer by one of its fields: categories (the most frequent values, up to 12 colours,
// the rest drawn grey as 기타) or graduated colours (5 classes by quantile or equal interval).
import type { FieldSummary } from '../../../../electron/api/map-methods.js';
import type { AttributeStyle } from './layers.js';

export const CATEGORY_COLORS = ['#1f78b4', '#e31a1c', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#fb9a99', '#b2df8a', '#fdbf6f', '#cab2d6', '#ffff99'];
export const GRADUATED_RAMP = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const OTHER_COLOR = '#bdbdbd';

export type StyleChoice = { mode: 'single' } | { mode: 'categories'; field: string } | { mode: 'graduated'; field: string; method: 'quantile' | 'equal' };

export function buildStyle(choice: StyleChoice, summary: FieldSummary | undefined): AttributeStyle {
  if (choice.mode === 'single' || !summary) return { mode: 'single' };
  if (choice.mode === 'categories') {
    const top = summary.values.slice(0, CATEGORY_COLORS.length);
    return {
      mode: 'categories',
      field: summary.name,
      categories: top.map((v, i) => ({ value: v.value, color: CATEGORY_COLORS[i] })),
      other: summary.distinct > top.length,
      ...(summary.list ? { list: true } : {}),
    };
  }
  if (summary.min === null || summary.max === null) return { mode: 'single' };
  const { min, max } = summary;
  const cuts = choice.method === 'quantile' ? summary.quantiles ?? [] : [1, 2, 3, 4].map((k) => min + ((max - min) * k) / 5);
  // A step expression needs strictly ascending stops: equal quantiles collapse into one class.
  const mins = [min, ...cuts].filter((b, i, a) => i === 0 || b > a[i - 1]);
  return {
    mode: 'graduated',
    field: summary.name,
    method: choice.method,
    breaks: mins.map((b, i) => ({ min: b, color: GRADUATED_RAMP[Math.round((i * (GRADUATED_RAMP.length - 1)) / Math.max(1, mins.length - 1))] })),
    max,
  };
}
