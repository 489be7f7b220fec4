// 입지 안내 in the tenant report: the listing's place drawn by drawMap (the point, the radius
// circle, stations, hospitals, parks, with the attributions of what is drawn) and the nearest
// places with straight-line and estimated walking distances. Its own module; the report calls it
// once and omits it when no listing of the case has a place. The map is drawn as vectors into
// the PDF, so no image file of the tenant's place is ever written.
import { rgb } from 'pdf-lib';
import type { Geometry } from 'geojson';
import { attributionsFor, type SeoulLayerId } from '../../../data/layers/index.js';
import { listListings, listingLocation, openAddress } from '../../../data/repos/listings.js';
import type { HandlerContext } from '../context.js';
import { shippedGeoJson } from '../map/shipped.js';
import { surroundings, type Surroundings, type SurroundingsLayer } from '../map/surroundings.js';
import { COLORS, type ReportWriter, type TableCell } from './layout.js';
import { drawMap, type MapLayer } from './map-image.js';
import type { ReportLocale } from './models.js';

/** The report's radii (the screen's defaults). */
export const REPORT_RADII = { stations: 1000, hospitals: 2000, parks: 1500 } as const;

export interface LocationSectionModel {
  listingTitle: string;
  surroundings: Surroundings;
}

const LAYERS = ['stations', 'hospitals', 'parks'] as const;

/** The first listing of the case (in entry order) that has a place; null when none has. */
export async function locationSectionModel(ctx: HandlerContext, caseId: string): Promise<LocationSectionModel | null> {
  for (const row of await listListings(ctx.db, { caseId }, ctx.cipher)) {
    // Reading needs no owner cipher (ctx.cipher reads any client's token, null once destroyed);
    // asking for one would create a fresh key for a destroyed client.
    const loc = listingLocation(ctx.cipher, row);
    if (!loc) continue;
    const list: SurroundingsLayer[] = [];
    for (const id of LAYERS) {
      const fc = shippedGeoJson(id);
      if (fc) list.push({ id, features: fc.features, radius: REPORT_RADII[id], limit: id === 'stations' ? 5 : 5 });
    }
    const addr = openAddress(ctx.cipher, row);
    const title = [addr.road_address ?? addr.jibun_address, addr.dong, addr.ho].filter(Boolean).join(' ');
    return { listingTitle: String(title), surroundings: surroundings(loc.lon, loc.lat, list) };
  }
  return null;
}

const STYLE: Record<(typeof LAYERS)[number], MapLayer['style']> = {
  stations: { fill: rgb(0.15, 0.35, 0.8), radius: 3.2, stroke: COLORS.white },
  hospitals: { fill: rgb(0.8, 0.15, 0.15), radius: 3, stroke: COLORS.white },
  parks: { fill: rgb(0.2, 0.6, 0.3), radius: 3, stroke: COLORS.white },
};

const NAMES = {
  stations: { ko: '지하철역', en: 'Subway stations' },
  hospitals: { ko: '병원 (병원급)', en: 'Hospitals (hospital-class)' },
  parks: { ko: '주요 공원', en: 'Major parks' },
} as const;

export function drawLocationSection(w: ReportWriter, m: LocationSectionModel, lc: ReportLocale): void {
  const s = m.surroundings;
  const t = (ko: string, en: string) => (lc === 'ko' ? ko : en);
  w.heading(t('입지 안내', 'Surroundings of the listing'), 1, 320);
  w.paragraph(
    t(
      `${m.listingTitle} 주변. 직선거리와 추정 도보거리(직선거리 × ${s.walkFactor}, 분당 ${Math.round(s.walkMetresPerMinute)} m)이며 실제 경로가 아닙니다.`,
      `Around ${m.listingTitle}. Straight-line distance and an estimated walk (straight line × ${s.walkFactor}, ${Math.round(s.walkMetresPerMinute)} m a minute); not a route.`,
    ),
    { size: 8.5, color: COLORS.muted },
  );
  const layers: MapLayer[] = [{ geometries: [s.circle.geometry], style: { stroke: rgb(0.85, 0.35, 0.05), width: 1, dash: [3, 2] } }];
  const drawn: SeoulLayerId[] = [];
  for (const id of LAYERS) {
    const l = s.layers.find((x) => x.id === id);
    if (!l || l.nearest.length === 0) continue;
    drawn.push(id);
    layers.push({
      geometries: l.nearest.map((p): Geometry => ({ type: 'Point', coordinates: [p.lon, p.lat] })),
      style: STYLE[id],
      labels: id === 'stations' ? l.nearest.slice(0, 3).map((p) => ({ at: [p.lon, p.lat], text: p.name })) : undefined,
    });
  }
  layers.push({ geometries: [{ type: 'Point', coordinates: [s.at.lon, s.at.lat] }], style: { fill: rgb(1, 0.55, 0.1), stroke: COLORS.white, radius: 5 }, labels: [{ at: [s.at.lon, s.at.lat], text: t('매물', 'Listing') }] });
  const h = 260;
  w.ensureSpace(h + 10);
  drawMap(w, { top: w.cursor, height: h, bbox: s.bbox, layers, attributions: attributionsFor(drawn) });
  w.space(h + 6);
  const maxR = Math.max(...s.layers.map((l) => l.radius));
  w.note(t(
    `범례: 주황 = 매물, 파랑 = 지하철역, 빨강 = 병원(병원급), 초록 = 주요 공원, 점선 = 반경 ${maxR} m`,
    `Legend: orange = listing, blue = subway station, red = hospital (hospital-class), green = major park, dashed = ${maxR} m radius`,
  ));
  const rows: TableCell[][] = [];
  for (const l of s.layers) {
    const name = NAMES[l.id as keyof typeof NAMES]?.[lc] ?? l.id;
    if (l.nearest.length === 0) rows.push([`${name} (${l.radius} m)`, t('반경 안에 없음', 'None within the radius'), '', '']);
    for (const p of l.nearest) rows.push([`${name} (${l.radius} m)`, p.name, `${p.distance.toLocaleString('en-US')} m`, `${p.walk.toLocaleString('en-US')} m · ${p.walkMinutes}${t('분', ' min')}`]);
  }
  w.table(
    [
      { header: t('구분 (반경)', 'Kind (radius)'), weight: 24 },
      { header: t('이름', 'Name'), weight: 36 },
      { header: t('직선거리', 'Straight line'), weight: 16, align: 'right' },
      { header: t(`추정 도보 (×${s.walkFactor})`, `Est. walk (×${s.walkFactor})`), weight: 24, align: 'right' },
    ],
    rows,
  );
}
