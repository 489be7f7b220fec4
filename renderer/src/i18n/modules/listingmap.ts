// The listing map's strings (a listing's place and its surroundings, 입지 안내): Korean first,
// English second, the same keys (i18n.test.ts checks).
export const ko = {
  listingMap: {
    open: '입지',
    title: '입지 안내 — {{listing}}',
    mapLabel: '매물 위치 지도',
    hint: '지도를 눌러 매물 위치를 찍거나, 좌표를 입력하거나, 센터가 가져온 주소 레이어에서 찾으세요. 위치는 고객의 개인정보로 암호화해 저장합니다.',
    lon: '경도', lat: '위도',
    place: '이 좌표로 저장', clear: '위치 지우기', close: '닫기',
    placed: '저장된 위치: {{lon}}, {{lat}} ({{source}})',
    notPlaced: '아직 위치가 없습니다.',
    source: { click: '지도에서 찍음', typed: '좌표 입력', address: '주소 검색', legacy: '이전 입력' },
    search: '주소 검색', searchLayer: '주소 레이어', searchQuery: '주소', searchGo: '찾기',
    noAddressLayer: '가져온 점 레이어가 없습니다. 지도 화면에서 도로명주소 위치 CSV 등을 가져오세요.',
    noHits: '찾은 주소가 없습니다.',
    useHit: '{{address}} 위치로 저장',
    otherLayers: '센터 레이어',
    radius: '{{name}} 반경 (m)',
    invalid: '서울 근처의 좌표를 입력하세요 (경도 124–132, 위도 33–39).',
  },
};

export const en: typeof ko = {
  listingMap: {
    open: 'Place',
    title: 'Surroundings — {{listing}}',
    mapLabel: 'Map of the listing',
    hint: 'Click the map at the listing, type its coordinates, or search an address layer the center imported. The place is the client\'s personal data and is stored encrypted.',
    lon: 'Longitude', lat: 'Latitude',
    place: 'Save these coordinates', clear: 'Remove the place', close: 'Close',
    placed: 'Saved place: {{lon}}, {{lat}} ({{source}})',
    notPlaced: 'No place yet.',
    source: { click: 'clicked on the map', typed: 'typed', address: 'address search', legacy: 'earlier entry' },
    search: 'Address search', searchLayer: 'Address layer', searchQuery: 'Address', searchGo: 'Search',
    noAddressLayer: 'No imported point layer. Import one (e.g. the road-address position CSV) on the map screen.',
    noHits: 'No address found.',
    useHit: 'Save the place of {{address}}',
    otherLayers: 'Center layers',
    radius: '{{name}} radius (m)',
    invalid: 'Enter coordinates near Seoul (longitude 124–132, latitude 33–39).',
  },
};
