import { describe, expect, it } from 'vitest';
import * as v from './vocabulary.js';

describe('the one vocabulary', () => {
  it('every code list has exactly one label pair per code, none empty', () => {
    const pairs: [readonly string[], Record<string, v.Bilingual>][] = [
      [v.BUILDING_TYPES, v.BUILDING_TYPE_LABELS], [v.LEASE_TYPES, v.LEASE_TYPE_LABELS], [v.FLOOR_KINDS, v.FLOOR_KIND_LABELS],
      [v.AGE_BANDS, v.AGE_BAND_LABELS], [v.GENDERS, v.GENDER_LABELS], [v.CASE_TYPES, v.CASE_TYPE_LABELS],
      [v.CASE_STATUSES, v.CASE_STATUS_LABELS], [v.VERDICTS, v.VERDICT_LABELS], [v.ITEM_SEVERITIES, v.ITEM_SEVERITY_LABELS],
      [v.FLAG_SEVERITIES, v.FLAG_SEVERITY_LABELS],
    ];
    for (const [codes, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const l of Object.values(labels)) expect(l.ko.trim() && l.en.trim()).toBeTruthy();
    }
  });

  it('reads the building types users write, keeping 연립·다세대 as one combined type', () => {
    expect(v.parseBuildingType('연립·다세대')).toBe('rowhouse_multiplex');
    expect(v.parseBuildingType('연립 · 다세대')).toBe('rowhouse_multiplex');
    expect(v.parseBuildingType('연립ㆍ다세대')).toBe('rowhouse_multiplex');
    expect(v.parseBuildingType('연립/다세대')).toBe('rowhouse_multiplex');
    expect(v.parseBuildingType('다가구주택')).toBe('multi_household');
    expect(v.parseBuildingType('다가구')).toBe('multi_household');
    expect(v.parseBuildingType('빌라')).toBe('multiplex');
    expect(v.parseBuildingType('연립주택')).toBe('rowhouse');
    expect(v.parseBuildingType('officetel')).toBe('officetel');
    expect(v.parseBuildingType('multiHousehold')).toBe('multi_household');
    expect(v.parseBuildingType('성')).toBeUndefined();
  });

  it('labelsIn gives one language column for the locale resources', () => {
    expect(v.labelsIn(v.LEASE_TYPE_LABELS, 'ko')).toEqual({ jeonse: '전세', semi_monthly: '보증부월세', monthly: '월세' });
    expect(v.labelsIn(v.BUILDING_TYPE_LABELS, 'en').rowhouse_multiplex).toBe('Row house / multiplex');
  });
});
