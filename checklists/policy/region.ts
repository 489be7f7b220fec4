// Where the client will live, from a Korean address ("서울 관악구 신림동 …") or 시·도 + 시·군·구.
// Only what matching needs: the 시·도 (in full) and, for Seoul, the 구.

const SIDO: [RegExp, string][] = [
  [/^서울(특별시|시)?$/, '서울특별시'],
  [/^부산(광역시|시)?$/, '부산광역시'],
  [/^대구(광역시|시)?$/, '대구광역시'],
  [/^인천(광역시|시)?$/, '인천광역시'],
  [/^광주(광역시|시)?$/, '광주광역시'],
  [/^대전(광역시|시)?$/, '대전광역시'],
  [/^울산(광역시|시)?$/, '울산광역시'],
  [/^세종(특별자치시|시)?$/, '세종특별자치시'],
  [/^경기(도)?$/, '경기도'],
  [/^강원(특별자치도|도)?$/, '강원특별자치도'],
  [/^충(청)?북(도)?$|^충청북도$/, '충청북도'],
  [/^충(청)?남(도)?$|^충청남도$/, '충청남도'],
  [/^전(라)?북(도)?$|^전북특별자치도$|^전라북도$/, '전북특별자치도'],
  [/^전(라)?남(도)?$|^전라남도$/, '전라남도'],
  [/^경(상)?북(도)?$|^경상북도$/, '경상북도'],
  [/^경(상)?남(도)?$|^경상남도$/, '경상남도'],
  [/^제주(특별자치도|도)?$/, '제주특별자치도'],
];

const SEOUL_GU = [
  '종로구', '중구', '용산구', '성동구', '광진구', '동대문구', '중랑구', '성북구', '강북구', '도봉구', '노원구', '은평구', '서대문구',
  '마포구', '양천구', '강서구', '구로구', '금천구', '영등포구', '동작구', '관악구', '서초구', '강남구', '송파구', '강동구',
];

export interface Region {
  sido: string;
  sigungu?: string;
}

export type RegionInput = string | { sido: string; sigungu?: string };

/** Parses a region; undefined when no 시·도 can be recognised. A bare Seoul 구 name means Seoul. */
export function parseRegion(input: RegionInput | undefined | null): Region | undefined {
  if (!input) return undefined;
  const words = typeof input === 'string' ? input.trim().split(/[\s,]+/).filter(Boolean) : [input.sido.trim(), ...(input.sigungu ? [input.sigungu.trim()] : [])];
  if (!words.length) return undefined;
  const sido = SIDO.find(([re]) => re.test(words[0]))?.[1];
  if (!sido) {
    // "관악구 신림동": a Seoul 구 without the city.
    if (SEOUL_GU.includes(words[0]) && words[0] !== '중구' && words[0] !== '강서구' && words[0] !== '동구') return { sido: '서울특별시', sigungu: words[0] };
    return undefined;
  }
  const sigungu = words[1] && /(시|군|구)$/.test(words[1]) ? words[1] : undefined;
  if (sido === '서울특별시' && sigungu && !SEOUL_GU.includes(sigungu)) return undefined;
  return { sido, sigungu };
}
