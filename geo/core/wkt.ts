// Minimal WKT reader for CSV geometry columns: POINT, LINESTRING, POLYGON, MULTIPOINT,
// MULTILINESTRING, MULTIPOLYGON (2D; Z/M values are dropped). Returns null when it cannot parse.
import type { Geometry, Position } from 'geojson';

type Nested = Position | Nested[];

export function parseWkt(text: string): Geometry | null {
  const m = /^\s*(?:SRID=\d+;)?\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(?:Z|M|ZM)?\s*(\(.*\)|EMPTY)\s*$/is.exec(text);
  if (!m) return null;
  const type = m[1].toUpperCase();
  if (m[2].toUpperCase() === 'EMPTY') return null;
  let i = 0;
  const s = m[2];
  const ws = () => { while (i < s.length && /\s/.test(s[i])) i++; };
  // MULTIPOLYGON needs 3 levels of parentheses; anything deeper is malformed (and must not recurse without bound).
  const parse = (depth = 0): Nested | null => {
    ws();
    if (s[i] === '(') {
      if (depth > 4) return null;
      i++;
      const items: Nested[] = [];
      for (;;) {
        const it = parse(depth + 1);
        if (it === null) return null;
        items.push(it);
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ')') { i++; return items; }
        return null;
      }
    }
    const num = /^\s*(-?[\d.]+(?:[eE][-+]?\d+)?|nan|NaN)\s+(-?[\d.]+(?:[eE][-+]?\d+)?|nan|NaN)(?:\s+-?[\d.eE+-]+)*/.exec(s.slice(i));
    if (!num) return null;
    i += num[0].length;
    return [Number(num[1]), Number(num[2])];
  };
  const v = parse();
  if (!v || !Array.isArray(v)) return null;
  const flatPts = (a: Nested[]): Position[] => a.map((p) => (Array.isArray(p[0]) ? (p as Nested[])[0] : p) as Position);
  switch (type) {
    case 'POINT':
      return { type: 'Point', coordinates: (v as Nested[])[0] as Position };
    case 'LINESTRING':
      return { type: 'LineString', coordinates: v as Position[] };
    case 'POLYGON':
      return { type: 'Polygon', coordinates: v as Position[][] };
    case 'MULTIPOINT':
      return { type: 'MultiPoint', coordinates: flatPts(v as Nested[]) };
    case 'MULTILINESTRING':
      return { type: 'MultiLineString', coordinates: v as Position[][] };
    case 'MULTIPOLYGON':
      return { type: 'MultiPolygon', coordinates: v as Position[][][] };
    default:
      return null;
  }
}
