// Address search over an imported point layer (e.g. the 도로명주소 위치 DB the center imported as
// CSV): a simple contains-match, every word of the query in the feature's address-like fields
// (names with 주소, 도로명, 지번, 건물명, addr, road, jibun; when a layer has none, every text field).
// Pure; the handler reads the layer file.
import type { Feature } from 'geojson';

const ADDRESS_FIELD = /주소|도로명|지번|건물명|addr|road|jibun|juso|bld/i;

export interface AddressHit { address: string; lon: number; lat: number; properties: Record<string, unknown> }

export function addressFields(features: Feature[]): string[] {
  const seen = new Set<string>();
  for (const f of features.slice(0, 50)) for (const [k, v] of Object.entries(f.properties ?? {})) if (typeof v === 'string') seen.add(k);
  const named = [...seen].filter((k) => ADDRESS_FIELD.test(k));
  return named.length ? named : [...seen];
}

const norm = (s: string) => s.normalize('NFC').toLowerCase();

export function searchAddressPoints(features: Feature[], query: string, limit = 20): AddressHit[] {
  const words = norm(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const fields = addressFields(features);
  const out: AddressHit[] = [];
  for (const f of features) {
    const g = f.geometry;
    if (!g || g.type !== 'Point') continue;
    const props = f.properties ?? {};
    const text = fields.map((k) => props[k]).filter((v): v is string => typeof v === 'string' && v !== '');
    const hay = norm(text.join(' '));
    if (!words.every((w) => hay.includes(w))) continue;
    out.push({ address: text.join(' · '), lon: g.coordinates[0], lat: g.coordinates[1], properties: props });
    if (out.length >= limit) break;
  }
  return out;
}
