// The attribute side of an imported layer, computed in the backend from its stored GeoJSON so a
// big layer never has to be loaded into the page: field summaries (for styling by attribute) and
// a sorted, filtered page of rows (the attribute table). A row's `index` is the feature's
// position in the file, which is also its id in the layer's vector tiles (geojson-vt generateId),
// so the map can highlight it with feature-state.
import type { FeatureCollection, Geometry, Position } from 'geojson';

export interface AttributeRows {
  fields: string[];
  rows: Record<string, unknown>[];
  bboxes: ([number, number, number, number] | null)[];
}

export interface FieldSummary {
  name: string;
  /** 'number' when every non-empty value is a finite number. */
  type: 'number' | 'string';
  /** The most frequent non-empty values (as strings), at most `maxValues`: count desc, then value. */
  values: { value: string; count: number }[];
  distinct: number;
  min: number | null;
  max: number | null;
  /** Quantile breaks (5 classes: the 20/40/60/80 % values) of the numeric values. */
  quantiles: number[] | null;
  /** The field holds lists (e.g. a station's lines): values and counts are of the listed items. */
  list?: boolean;
}

export interface FeaturePage {
  total: number;
  /** Rows that match the filter. */
  matched: number;
  /** The first row's position in the sorted, filtered list (moved to the focused feature's page). */
  offset: number;
  fields: string[];
  rows: { index: number; properties: Record<string, unknown>; bbox: [number, number, number, number] | null }[];
}

export function attributeRows(fc: FeatureCollection): AttributeRows {
  const fields: string[] = [];
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  const bboxes: AttributeRows['bboxes'] = [];
  for (const f of fc.features) {
    const p = f.properties ?? {};
    for (const k of Object.keys(p)) if (!seen.has(k)) { seen.add(k); fields.push(k); }
    rows.push(p);
    bboxes.push(bboxOf(f.geometry));
  }
  return { fields, rows, bboxes };
}

const empty = (v: unknown) => v === null || v === undefined || v === '';
const num = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

export function fieldSummaries(t: AttributeRows, maxValues: number): FieldSummary[] {
  return t.fields.map((name) => {
    const distinct = new Map<string, number>();
    const nums: number[] = [];
    let numeric = true;
    let list = false;
    for (const r of t.rows) {
      const v = r[name];
      if (empty(v)) continue;
      if (Array.isArray(v)) {
        // A list (a transfer station's lines): each item counts once, so styling by it colours by line.
        list = true;
        numeric = false;
        for (const item of new Set(v.filter((x) => !empty(x)).map(String))) distinct.set(item, (distinct.get(item) ?? 0) + 1);
        continue;
      }
      distinct.set(String(v), (distinct.get(String(v)) ?? 0) + 1);
      const n = num(v);
      if (n === null) numeric = false;
      else nums.push(n);
    }
    const isNum = numeric && nums.length > 0;
    nums.sort((a, b) => a - b);
    const q = (p: number) => nums[Math.min(nums.length - 1, Math.floor(p * nums.length))];
    return {
      name,
      type: isNum ? 'number' : 'string',
      values: [...distinct]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ko'))
        .slice(0, maxValues)
        .map(([value, count]) => ({ value, count })),
      distinct: distinct.size,
      min: isNum ? nums[0] : null,
      max: isNum ? nums[nums.length - 1] : null,
      quantiles: isNum ? [0.2, 0.4, 0.6, 0.8].map(q) : null,
      ...(list ? { list: true } : {}),
    };
  });
}

/** Orders two values: empty last, numbers numerically, other values as Korean text. */
function compare(a: unknown, b: unknown): number {
  if (empty(a)) return empty(b) ? 0 : 1;
  if (empty(b)) return -1;
  const na = num(a), nb = num(b);
  if (na !== null && nb !== null) return na - nb;
  return String(a).localeCompare(String(b), 'ko');
}

export function featurePage(
  t: AttributeRows,
  q: { offset: number; limit: number; sort?: { field: string; desc?: boolean }; filter?: string; focus?: number },
): FeaturePage {
  let idx = t.rows.map((_, i) => i);
  const needle = q.filter?.trim().toLowerCase();
  if (needle) idx = idx.filter((i) => Object.values(t.rows[i]).some((v) => !empty(v) && String(v).toLowerCase().includes(needle)));
  if (q.sort) {
    const { field, desc } = q.sort;
    // Empty values stay last either way; ties keep file order.
    idx.sort((i, j) => {
      const a = t.rows[i][field], b = t.rows[j][field];
      if (empty(a) || empty(b)) return compare(a, b) || i - j;
      return (desc ? -compare(a, b) : compare(a, b)) || i - j;
    });
  }
  let offset = q.offset;
  if (q.focus !== undefined) {
    // The page holding the feature picked on the map, when it matches the filter.
    const pos = idx.indexOf(q.focus);
    if (pos >= 0) offset = Math.floor(pos / q.limit) * q.limit;
  }
  return {
    total: t.rows.length,
    matched: idx.length,
    offset,
    fields: t.fields,
    rows: idx.slice(offset, offset + q.limit).map((i) => ({ index: i, properties: t.rows[i], bbox: t.bboxes[i] })),
  };
}

function bboxOf(g: Geometry | null): [number, number, number, number] | null {
  if (!g) return null;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as Position;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else for (const s of c as unknown[]) walk(s);
  };
  if (g.type === 'GeometryCollection') for (const s of g.geometries) { const sb = bboxOf(s); if (sb) { walk([sb[0], sb[1]]); walk([sb[2], sb[3]]); } }
  else walk(g.coordinates);
  return Number.isFinite(b[0]) ? b : null;
}
