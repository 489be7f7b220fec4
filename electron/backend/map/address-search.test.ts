import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { searchAddressPoints } from './address-search.js';

const pt = (lon: number, lat: number, props: Record<string, unknown>): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });

describe('searchAddressPoints', () => {
  const fc = [
    pt(126.95, 37.48, { 도로명주소: '서울특별시 관악구 관악로 1', 건물번호: '1', note: '관악로 아님' }),
    pt(126.93, 37.48, { 도로명주소: '서울특별시 관악구 신림로 10', 건물번호: '10' }),
    ...Array.from({ length: 30 }, (_, i) => pt(127, 37.5, { 도로명주소: `서울특별시 강남구 테헤란로 ${i}` })),
  ];
  it('matches every word in the address-like fields only, limited', () => {
    expect(searchAddressPoints(fc, '관악구 관악로').map((h) => h.address)).toEqual(['서울특별시 관악구 관악로 1']);
    expect(searchAddressPoints(fc, '아님')).toEqual([]);
    expect(searchAddressPoints(fc, '테헤란로')).toHaveLength(20);
    expect(searchAddressPoints(fc, '신림로')[0]).toMatchObject({ lon: 126.93, lat: 37.48 });
  });
  it('falls back to every text field when none looks like an address', () => {
    expect(searchAddressPoints([pt(1, 2, { name: 'Gwanak Hall' })], 'gwanak')).toHaveLength(1);
  });
});
