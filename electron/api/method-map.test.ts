import { describe, expect, it } from 'vitest';
import { mergeMethodMaps } from './method-map.js';
import { apiInputs, METHODS } from './methods.js';
import { handlers } from '../backend/backend.js';

describe('one method map', () => {
  it('merges the modules\u2019 maps', () => {
    const m = mergeMethodMaps('t', { a: { 'a.one': 1 }, b: { 'b.one': 2, 'b.two': 3 } });
    expect(m).toEqual({ 'a.one': 1, 'b.one': 2, 'b.two': 3 });
  });

  it('throws at start-up when two modules register the same method, naming both', () => {
    expect(() => mergeMethodMaps('API inputs', { privacy: { 'clients.destroy': 1 }, clients: { 'clients.destroy': 2 } })).toThrow(
      /API inputs: method "clients\.destroy" is registered twice \(by "privacy" and by "clients"\)/,
    );
  });

  it('every API method has exactly one handler and one schema', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
    expect(new Set(METHODS).size).toBe(Object.keys(apiInputs).length);
  });
});
