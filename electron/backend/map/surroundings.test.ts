import { describe, expect, it } from 'vitest';
import { readSeoulLayer } from '../../../data/layers/files.js';
import { surroundings, WALK_FACTOR } from './surroundings.js';

/** Haversine on the WGS84 mean radius, the brute-force oracle. */
function haversine(lon1: number, lat1: number, lon2: number, lat2: number) {
  const R = 6371008.8, r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

describe('surroundings of a listing', () => {
  // 관악구청 area.
  const at = { lon: 126.9516, lat: 37.4784 };

  it('lists exactly the stations within the radius, nearest first, with the walk estimate and its factor', () => {
    const stations = readSeoulLayer('stations');
    const s = surroundings(at.lon, at.lat, [{ id: 'stations', features: stations.features, radius: 1500, limit: 100 }]);
    const brute = stations.features
      .map((f) => ({ name: String(f.properties!.name), d: haversine(at.lon, at.lat, ...(f.geometry as unknown as { coordinates: [number, number] }).coordinates) }))
      .filter((x) => x.d <= 1500)
      .sort((a, b) => a.d - b.d);
    const got = s.layers[0];
    expect(got.count).toBe(brute.length);
    expect(got.count).toBeGreaterThan(0);
    expect(got.nearest.map((p) => p.name)).toEqual(brute.map((b) => b.name));
    for (const [i, p] of got.nearest.entries()) {
      expect(Math.abs(p.distance - brute[i].d)).toBeLessThanOrEqual(1);
      expect(p.walk).toBe(Math.round(p.distance * WALK_FACTOR));
    }
    expect(got.nearest[0].name).toMatch(/^서울대입구/);
    expect(s.walkFactor).toBe(1.3);
  });

  it('counts hospitals and parks in their own radii, and draws the largest circle for the map', () => {
    const s = surroundings(at.lon, at.lat, [
      { id: 'hospitals', features: readSeoulLayer('hospitals').features, radius: 2000, limit: 3 },
      { id: 'parks', features: readSeoulLayer('parks').features, radius: 3000 },
    ]);
    expect(s.layers[0].nearest.length).toBeLessThanOrEqual(3);
    expect(s.layers[0].count).toBeGreaterThanOrEqual(s.layers[0].nearest.length);
    for (const p of [...s.layers[0].nearest, ...s.layers[1].nearest]) expect(p.distance).toBeLessThanOrEqual(s.layers.find((l) => l.nearest.includes(p))!.radius);
    // The 3 km circle's box: about 6 km across, centred on the listing.
    const [w, so, e, n] = s.bbox;
    expect(haversine(w, at.lat, e, at.lat)).toBeGreaterThan(5900);
    expect(haversine(w, at.lat, e, at.lat)).toBeLessThan(6100);
    expect((so + n) / 2).toBeCloseTo(at.lat, 3);
  });
});
