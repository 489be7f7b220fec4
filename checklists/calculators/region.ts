// Placing an address in the region groups a 최우선변제 table names. Addresses arrive as typed
// (지번 or 도로명, with or without the 시·도); where the law's line runs through a city
// (인천, 남양주, 시흥) and the address does not settle which side it is on, the answer is
// "unknown", never a guess.
import { overcrowdingZone, versionAt, type PriorityGroup, type PriorityVersion, type RegionMatch } from '../../data/reference/index.js';

export type Tri = 'yes' | 'no' | 'unknown';

export interface Place {
  /** Full 시·도 name, e.g. 서울특별시, 경기도; null when the address does not say and no city implies it. */
  sido: string | null;
  /** The 시 of a 도, or the 구·군 of a 특별시·광역시. */
  city: string | null;
  /** The 구 inside a 시 of a 도 (고양시 덕양구), when given. */
  district: string | null;
  /** The 법정동·읍·면, from the address or a road address's parentheses. */
  dong: string | null;
  isMetro: boolean;
  isGun: boolean;
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

// 경기 cities the tables name, so an address that starts with the city still places.
// 광주시 is left out on purpose: alone it may be 광주광역시 or 경기 광주시.
const GYEONGGI_CITIES = new Set([
  '수원시', '성남시', '고양시', '용인시', '부천시', '안산시', '안양시', '남양주시', '화성시', '평택시', '의정부시', '시흥시',
  '파주시', '김포시', '광명시', '군포시', '하남시', '오산시', '이천시', '안성시', '의왕시', '양주시', '구리시', '포천시',
  '동두천시', '과천시', '여주시', '양평군', '가평군', '연천군',
]);

/** Reads the 시·도, 시·군·구, 구 and 동 out of an address. */
export function parsePlace(address: string): Omit<Place, 'overcrowding' | 'overcrowdingReason'> {
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
  if (!sido && city && GYEONGGI_CITIES.has(city)) sido = '경기도';
  const dongRe = /^[가-힣0-9]+(동|읍|면|가)$/;
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
  const isMetro = sido !== null && METRO.has(sido) && sido !== '서울특별시';
  const isGun = isMetro && city !== null && /군$/.test(city);
  return { sido, city, district, dong, isMetro, isGun };
}

/**
 * Whether the place lay in the 과밀억제권역 on `date` (default: today's wording). Before the
 * first known wording of 별표 1 the partly covered cities had other lines (a 2005 press report
 * lists other 남양주 동 and 인천 areas), so there they are "unknown".
 */
export function overcrowdingOf(p: Omit<Place, 'overcrowding' | 'overcrowdingReason'>, date?: string): { value: Tri; reason?: string } {
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
export function placeOf(address: string, date?: string): Place {
  const p = parsePlace(address);
  const o = overcrowdingOf(p, date);
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
