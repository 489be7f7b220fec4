// Placing an address in the region groups a 최우선변제 table names. Addresses arrive as typed
// (지번 or 도로명, with or without the 시·도); where the law's line runs through a city
// (인천, 남양주, 시흥) and the address does not settle which side it is on, the answer is
// "unknown", never a guess.
import { versionAt, type OvercrowdingVersion, type PriorityGroup, type PriorityVersion, type ReferenceTable, type RegionMatch } from '../../data/reference/index.js';
import { candidatesFor, isSeoulLegalDong, mergerNamed, mergerOf, sigungu } from '../../data/reference/places/index.js';

export type Tri = 'yes' | 'no' | 'unknown';

export interface Bi {
  ko: string;
  en: string;
}

export interface Place {
  /**
   * The 시·도 whose rules apply, e.g. 서울특별시, 경기도; null when the address does not say and no
   * name settles it. For the merged 전남광주통합특별시 this is the former 광주광역시 (its 자치구) or
   * 전라남도 (its 시·군): until each law is amended they follow those rules (특별법 §11①⑩).
   */
  sido: string | null;
  /** The 시·도 as it is officially named on the date asked about (전남광주통합특별시 from 2026-07-01). */
  officialSido: string | null;
  /** The 시 of a 도, or the 구·군 of a 특별시·광역시. */
  city: string | null;
  /** The 구 inside a 시 of a 도 (고양시 덕양구), when given. */
  district: string | null;
  /** The 법정동·읍·면, from the address or a road address's parentheses. */
  dong: string | null;
  isMetro: boolean;
  isGun: boolean;
  /** How the address was read, for the screen: "서울특별시 관악구로 판단 (…)". */
  resolution: Bi | null;
  /** When the 시·도 cannot be settled: what to ask the manager. */
  ask: Bi | null;
  overcrowding: Tri;
  /** Why the overcrowding answer is unknown, for the message. */
  overcrowdingReason?: string;
}

const SIDO: [RegExp, string][] = [
  [/^서울(특별시|시)?$/, '서울특별시'],
  [/^부산(광역시|시)?$/, '부산광역시'],
  [/^대구(광역시|시)?$/, '대구광역시'],
  [/^인천(광역시|시)?$/, '인천광역시'],
  [/^광주광역시$/, '광주광역시'],
  [/^(전남광주통합특별시|전남광주특별시|전남광주)$/, '전남광주통합특별시'],
  [/^대전(광역시|시)?$/, '대전광역시'],
  [/^울산(광역시|시)?$/, '울산광역시'],
  [/^세종(특별자치시|시)?$/, '세종특별자치시'],
  [/^경기(도)?$/, '경기도'],
  [/^강원(특별자치도|도)?$/, '강원특별자치도'],
  [/^(충북|충청북도)$/, '충청북도'],
  [/^(충남|충청남도)$/, '충청남도'],
  [/^(전북|전라북도|전북특별자치도)$/, '전북특별자치도'],
  [/^(전남|전라남도)$/, '전라남도'],
  [/^(경북|경상북도)$/, '경상북도'],
  [/^(경남|경상남도)$/, '경상남도'],
  [/^제주(특별자치도|도)?$/, '제주특별자치도'],
];

const METRO = new Set(['서울특별시', '부산광역시', '대구광역시', '인천광역시', '광주광역시', '대전광역시', '울산광역시']);

const dongRe = /^[가-힣0-9]+(동|읍|면|가)$/;

/** The label of a place: "서울특별시 관악구", "경기도 성남시 분당구". */
function label(sido: string, city: string | null, district: string | null): string {
  return [sido, city, district].filter(Boolean).join(' ');
}

/**
 * Reads the 시·도, 시·군·구, 구 and 동 out of an address, as managers type it: with or without the
 * 시·도 ("관악구 봉천동 123" is Seoul: 관악구 is unique in the country), with a 구 name several
 * cities share confirmed by the 동 written after it (중구 신당동 → 서울 중구, from the shipped 법정동
 * list), and with the old names of merged 시·도. `asOf` (YYYY-MM-DD) decides the official name shown.
 */
export function parsePlace(address: string, asOf = '9999-12-31'): Omit<Place, 'overcrowding' | 'overcrowdingReason'> {
  // A space after a full 시·도 name typed without one ("서울특별시관악구 …").
  const text = String(address ?? '')
    .replace(/^(\S+?(?:특별시|광역시|특별자치시|특별자치도|도))(?=[가-힣])/, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
  const paren = /\(([^)]*)\)/.exec(text)?.[1] ?? '';
  const tokens = text.replace(/\([^)]*\)/g, ' ').split(' ').filter(Boolean);
  let i = 0;
  let sido: string | null = null;
  if (tokens[0]) {
    for (const [re, name] of SIDO) {
      if (re.test(tokens[0])) {
        sido = name;
        i = 1;
        break;
      }
    }
  }
  // "광주" alone may be 광주광역시 or 경기도 광주시: a 광주광역시 구 after it settles it, an 읍·면 the other.
  if (!sido && /^광주(시)?$/.test(tokens[0] ?? '')) {
    if (tokens[1] && sigungu.sido['광주광역시'].includes(tokens[1])) {
      sido = '광주광역시';
      i = 1;
    } else if (tokens[0] === '광주시' && tokens[1] && /(읍|면)$/.test(tokens[1])) {
      sido = '경기도';
    }
  }
  let city: string | null = null;
  let district: string | null = null;
  const next = tokens[i];
  if (next && /(시|군|구)$/.test(next) && !/(로|길)$/.test(next)) {
    city = next;
    i++;
    if (tokens[i] && /구$/.test(tokens[i]) && /시$/.test(city)) {
      district = tokens[i];
      i++;
    }
  }
  let dong: string | null = null;
  for (let j = i; j < tokens.length; j++) {
    if (dongRe.test(tokens[j])) {
      dong = tokens[j];
      break;
    }
    if (/\d/.test(tokens[j])) break; // past the 동 into the 번지 or 도로명 number
  }
  if (!dong && paren) {
    const first = paren.split(',')[0].trim();
    if (dongRe.test(first)) dong = first;
  }
  // 동 names like 도농동 have numbered variants (신당1동): the 법정동 drops the digit.
  if (dong) dong = dong.replace(/\d+(동)$/, '$1');

  let resolution: Bi | null = null;
  let ask: Bi | null = null;
  if (!sido && city) {
    // No 시·도 written: the name alone, or the name with its 동.
    const found = candidatesFor(city);
    const inSeoul = found.find((c) => c.sido === '서울특별시');
    if (city === '광주시') {
      ask = {
        ko: '「광주시」는 광주광역시(전남광주통합특별시)일 수도, 경기도 광주시일 수도 있습니다. 시·도를 함께 적어 주세요.',
        en: '“광주시” may be Gwangju (now 전남광주통합특별시) or Gwangju-si in Gyeonggi-do. Add the province.',
      };
    } else if (found.length === 1) {
      sido = found[0].sido;
      if (found[0].district) {
        district = found[0].district;
        city = found[0].city;
      }
      resolution = {
        ko: `${label(sido, city, district)}로 판단 (${found[0].district ?? city}은(는) 전국에 하나뿐)`,
        en: `Read as ${label(sido, city, district)} (the only ${found[0].district ?? city} in Korea)`,
      };
    } else if (found.length > 1 && inSeoul && dong && isSeoulLegalDong(city, dong)) {
      sido = '서울특별시';
      resolution = {
        ko: `서울특별시 ${city}로 판단 (${dong}은(는) 서울 ${city}의 법정동)`,
        en: `Read as 서울특별시 ${city} (${dong} is a legal dong of Seoul’s ${city})`,
      };
    } else if (found.length > 1) {
      const where = found.map((c) => label(c.sido, c.district ? c.city : null, null)).join('·');
      ask = {
        ko: `${city}은(는) 여러 곳에 있습니다 (${where}). 주소에 시·도를 함께 적어 주세요.`,
        en: `There is a ${city} in several places (${where}). Add the province or city to the address.`,
      };
    }
  } else if (sido && sido !== '전남광주통합특별시') {
    resolution = { ko: `${label(sido, city, district)}로 판단`, en: `Read as ${label(sido, city, district)}` };
  }
  if (!sido && !city && !ask) {
    ask = { ko: '주소에서 시·도와 시·군·구를 찾지 못했습니다. 「관악구 봉천동 123」처럼 적어 주세요.', en: 'No province or city/district found in the address. Write it like “관악구 봉천동 123”.' };
  }

  // The merged 전남광주통합특별시: which former 시·도 the 구·시·군 belonged to decides the rules.
  let officialSido = sido;
  const mergedByName = sido ? mergerNamed(sido) : undefined;
  if (mergedByName) {
    const former = city ? mergedByName.formerSido.find((f) => sigungu.sido[f]?.includes(city!)) : undefined;
    sido = former ?? null;
    if (!former) {
      ask = {
        ko: `${mergedByName.name}의 어느 구·시·군인지 주소에 적어 주세요 (옛 광주광역시 자치구와 옛 전라남도 시·군은 적용 규정이 다릅니다).`,
        en: `Add the district, city or county within ${mergedByName.name} (the former Gwangju districts and the former Jeollanam-do cities and counties follow different rules).`,
      };
    }
  }
  const merger = sido ? mergerOf(sido, asOf) : undefined;
  if (merger && sido) {
    officialSido = merger.name;
    const kind = METRO.has(sido) ? { ko: '광역시', en: 'a metropolitan city' } : { ko: '도', en: 'a province' };
    resolution = {
      ko: `${label(merger.name, city, district)}(옛 ${sido})로 판단 — ${merger.law}에 따라 ${kind.ko}의 규정을 적용`,
      en: `Read as ${label(merger.name, city, district)} (formerly ${sido}); under ${merger.law} the rules for ${kind.en} apply`,
    };
  } else if (mergedByName && sido) {
    // The new name used for a date before the merger: the place is the same.
    officialSido = sido;
    resolution = {
      ko: `${label(sido, city, district)}로 판단 (${mergedByName.name}은(는) ${mergedByName.effectiveFrom}부터의 이름)`,
      en: `Read as ${label(sido, city, district)} (${mergedByName.name} is its name from ${mergedByName.effectiveFrom})`,
    };
  }
  const isMetro = sido !== null && METRO.has(sido) && sido !== '서울특별시';
  const isGun = isMetro && city !== null && /군$/.test(city);
  return { sido, officialSido, city, district, dong, isMetro, isGun, resolution, ask };
}

/**
 * Whether the place lay in the 과밀억제권역 on `date` (default: today's wording). Before the
 * first known wording of 별표 1 the partly covered cities had other lines (a 2005 press report
 * lists other 남양주 동 and 인천 areas), so there they are "unknown".
 */
export function overcrowdingOf(p: Omit<Place, 'overcrowding' | 'overcrowdingReason'>, overcrowdingZone: ReferenceTable<OvercrowdingVersion>, date?: string): { value: Tri; reason?: string } {
  const latest = overcrowdingZone.versions[overcrowdingZone.versions.length - 1];
  const zone = date ? versionAt(overcrowdingZone, date) : latest;
  const wording = zone ?? latest;
  if (!p.sido) return { value: 'unknown', reason: '시·도를 알 수 없음 / the province or city is not in the address' };
  if (p.sido === '서울특별시') return { value: 'yes' };
  if (p.sido === '경기도' && p.city && wording.wholeCities.includes(p.city)) return { value: 'yes' };
  const partial = wording.partial.find((z) => z.city === (p.sido === '인천광역시' ? '인천광역시' : p.city));
  if (!partial || (partial.city !== '인천광역시' && p.sido !== '경기도')) return { value: 'no' };
  if (!zone) {
    return { value: 'unknown', reason: `${partial.city}: ${overcrowdingZone.versions[0].effectiveFrom} 전의 별표 1 경계는 확인되지 않음 / the annex's line before ${overcrowdingZone.versions[0].effectiveFrom} is not known` };
  }
  const reason = `${partial.city} ${partial.wording}`;
  if (partial.uncertainAll) return { value: 'unknown', reason };
  if (partial.city === '인천광역시') {
    if (!p.city) return { value: 'unknown', reason };
    if (partial.excludedDistricts?.includes(p.city)) return { value: 'no' };
    const excluded = partial.excludedDongs?.[p.city];
    if (excluded && p.dong && excluded.includes(p.dong)) return { value: 'no' };
    if (partial.uncertainDistricts?.includes(p.city)) return { value: 'unknown', reason };
    return { value: 'yes' };
  }
  if (partial.onlyDongs) {
    if (!p.dong) return { value: 'unknown', reason };
    if (partial.uncertainDongs?.includes(p.dong)) return { value: 'unknown', reason };
    return { value: partial.onlyDongs.includes(p.dong) ? 'yes' : 'no' };
  }
  return { value: 'unknown', reason };
}

/** The place of an address, with the 과밀억제권역 answer for the wording in force on `date`. */
export function placeOf(address: string, zones: ReferenceTable<OvercrowdingVersion>, date?: string, asOf?: string): Place {
  const p = parsePlace(address, asOf);
  const o = overcrowdingOf(p, zones, date);
  return { ...p, overcrowding: o.value, overcrowdingReason: o.reason };
}

function shortMetro(sido: string): string {
  return sido.replace(/(광역시|특별시|직할시)$/, '');
}

/** Whether a named city of a table ("용인시", "경기 광주시", "세종특별자치시") is this place. */
function isNamedCity(p: Place, name: string): Tri {
  if (name === '세종특별자치시') return p.sido === name ? 'yes' : p.sido ? 'no' : 'unknown';
  if (name === '경기 광주시') {
    if (p.sido === '경기도' && p.city === '광주시') return 'yes';
    if (!p.sido && p.city === '광주시') return 'unknown';
    return p.sido ? 'no' : 'unknown';
  }
  if (p.city === name && (p.sido === '경기도' || p.sido === null)) return 'yes';
  return p.sido ? 'no' : 'unknown';
}

function anyOf(values: Tri[]): Tri {
  if (values.includes('yes')) return 'yes';
  if (values.includes('unknown')) return 'unknown';
  return 'no';
}

export function matchGroup(p: Place, m: RegionMatch): Tri {
  const known = p.sido !== null;
  switch (m.kind) {
    case 'other':
      return 'yes';
    case 'seoul':
      return p.sido === '서울특별시' ? 'yes' : known ? 'no' : 'unknown';
    case 'seoulOrMetro': {
      if (!known) return 'unknown';
      if (p.sido === '서울특별시') return 'yes';
      if (!p.isMetro) return 'no';
      const short = shortMetro(p.sido!);
      if (m.uncertainMetroCities.includes(short)) return 'unknown';
      if (!m.metroCities.includes(short)) return 'no';
      // The 군 of today's 광역시 were joined to them in 1995: before that they were elsewhere.
      if (p.isGun && !m.gunIncluded) return 'unknown';
      if (!p.city && short === '인천') return 'unknown';
      return 'yes';
    }
    case 'overcrowding': {
      if (m.excludeSeoul && p.sido === '서울특별시') return 'no';
      return anyOf([p.overcrowding, ...m.cities.map((c) => isNamedCity(p, c))]);
    }
    case 'metro': {
      const named = m.cities.map((c) => isNamedCity(p, c));
      let metro: Tri;
      if (!known) metro = 'unknown';
      else if (!p.isMetro) metro = 'no';
      else if (m.excludeIncheon && p.sido === '인천광역시') metro = 'no';
      else if (p.isGun) metro = 'no';
      else if (!p.city && p.sido === '인천광역시') metro = 'unknown';
      else if (p.overcrowding === 'yes') metro = 'no';
      else if (p.overcrowding === 'unknown') metro = 'unknown';
      else metro = 'yes';
      return anyOf([metro, ...named]);
    }
  }
}

export type GroupChoice =
  | { kind: 'group'; group: PriorityGroup }
  | { kind: 'unknown'; candidates: PriorityGroup[]; reason: string };

/**
 * The group of a table this place belongs to. Groups are tried in the decree's order; a group
 * that might apply before the first one that surely applies makes the answer 확인필요.
 */
export function groupFor(place: Place, version: PriorityVersion): GroupChoice {
  const maybe: PriorityGroup[] = [];
  for (const g of version.groups) {
    const m = matchGroup(place, g.match);
    if (m === 'no') continue;
    if (m === 'unknown') {
      maybe.push(g);
      continue;
    }
    if (maybe.length === 0) return { kind: 'group', group: g };
    return {
      kind: 'unknown',
      candidates: [...maybe, g],
      reason: place.overcrowdingReason ?? (place.sido ? '주소만으로 권역을 정할 수 없음' : '주소에 시·도가 없음'),
    };
  }
  // `other` always matches, so this is reached only with a malformed table.
  return { kind: 'unknown', candidates: maybe, reason: 'no group matched' };
}
