import { describe, expect, it } from 'vitest';
import { suggestWalkingOrder } from './route.js';

// Three homes along 관악로 (south → north) and one near 서울대입구역.
const A = { id: 'a', lat: 37.4700, lon: 126.9520 };
const B = { id: 'b', lat: 37.4810, lon: 126.9527 };
const C = { id: 'c', lat: 37.4760, lon: 126.9525 };
const S = { id: 's', lat: 37.4812, lon: 126.9528 };

describe('suggestWalkingOrder', () => {
  it('keeps the first stop and then always walks to the nearest unvisited one', () => {
    const r = suggestWalkingOrder([A, B, S, C]);
    expect(r.order).toEqual(['a', 'c', 'b', 's']);
    expect(r.legsM).toHaveLength(3);
    // a → c is about 670 m on the ground (0.006° of latitude ≈ 667 m).
    expect(r.legsM[0]).toBeGreaterThan(600);
    expect(r.legsM[0]).toBeLessThan(700);
    expect(r.legsM[2]).toBeLessThan(40);
  });

  it('puts listings without coordinates last, in the order given, and leaves all-unknown lists alone', () => {
    const r = suggestWalkingOrder([{ id: 'x', lat: null, lon: null }, B, A, { id: 'y', lat: null, lon: null }, C]);
    expect(r.order).toEqual(['b', 'c', 'a', 'x', 'y']);
    expect(r.unlocated).toEqual(['x', 'y']);
    expect(suggestWalkingOrder([{ id: 'x', lat: null, lon: null }, { id: 'y', lat: null, lon: null }]).order).toEqual(['x', 'y']);
  });
});
