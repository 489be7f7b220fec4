import { describe, expect, it } from 'vitest';
import { ko } from './ko.js';
import { en } from './en.js';
import * as checklists from './modules/checklists.js';
import * as rights from './modules/rights.js';
import * as geo from './modules/geo.js';
import * as viewings from './modules/viewings.js';
import * as legal from './modules/legal.js';
import * as policy from './modules/policy.js';
import * as stats from './modules/stats.js';
import * as backup from './modules/backup.js';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

describe('locales', () => {
  it.each([
    ['shell', ko, en],
    ['checklists', checklists.ko, checklists.en],
    ['rights', rights.ko, rights.en],
    ['geo', geo.ko, geo.en],
    ['viewings', viewings.ko, viewings.en],
    ['legal', legal.ko, legal.en],
    ['policy', policy.ko, policy.en],
    ['stats', stats.ko, stats.en],
    ['backup', backup.ko, backup.en],
  ])('%s: every Korean string has an English one and vice versa', (_name, k, e) => {
    expect(keys(e)).toEqual(keys(k));
  });

  it('module keys do not collide with the shell or each other', () => {
    const tops = [ko, checklists.ko, rights.ko, geo.ko, viewings.ko, legal.ko, policy.ko, stats.ko, backup.ko].flatMap((o) => Object.keys(o));
    expect(new Set(tops).size).toBe(tops.length);
  });

  it('no string is left empty', () => {
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? values(v) : [v as string]));
    for (const dict of [ko, en, checklists.ko, checklists.en, rights.ko, rights.en]) {
      expect(values(dict).filter((v) => !v.trim())).toEqual([]);
    }
  });
});
