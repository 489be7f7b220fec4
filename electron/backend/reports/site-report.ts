// The site-study report (부지 분석 보고서): per site a map of the site and its surroundings drawn
// as vectors (map-image.ts), the criteria with raw values, scores, weights and contributions, the
// hard constraints every parcel of the site passed, its parcels (PNU), and the data sources with
// their dates and CRS, with the attributions of every layer drawn.
import type { Feature, Geometry, MultiPolygon } from 'geojson';
import { rgb } from 'pdf-lib';
import { type SeoulLayerId, SEOUL_LAYERS, attributionsFor, seoulLayer } from '../../../data/layers/index.js';
import type { SiteView, StudySummary } from '../../../geo/core/results.js';
import type { Study } from '../../../geo/core/schema.js';
import { COLORS, ReportWriter } from './layout.js';
import { bboxAround, drawMap, touchesBbox, type MapLayer } from './map-image.js';

export interface SiteReportModel {
  study: Study;
  summary: StudySummary;
  /** The sites to report, in rank order (WGS84 outlines). */
  sites: Feature<MultiPolygon, SiteView>[];
  /** Shipped Seoul layers, by id (data/layers/files.ts readSeoulLayer). */
  context: Partial<Record<SeoulLayerId, Feature[]>>;
  ranAt: string;
  createdAt?: Date;
  locale?: 'ko' | 'en';
}

const t = (locale: 'ko' | 'en', ko: string, en: string) => (locale === 'en' ? en : ko);
const n = (v: number | null | undefined, d = 2) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 }));

function describeConstraint(c: Study['constraints'][number], L: 'ko' | 'en'): string {
  if (c.type === 'attribute') {
    const cond = c.in ? `${t(L, '다음 중 하나', 'one of')}: ${c.in.join(', ')}` : c.notIn ? `${t(L, '제외', 'not')}: ${c.notIn.join(', ')}` : `${c.min ?? ''}–${c.max ?? ''}`;
    return `${c.field} — ${cond}`;
  }
  if (c.type === 'overlap') return t(L, `레이어 '${c.layer}'${c.where ? ` (${c.where.field})` : ''}와 겹침 ≤ ${n(c.maxShare * 100, 1)}% (${c.per === 'feature' ? '도형별' : '합계'})`, `overlap with layer '${c.layer}' ≤ ${n(c.maxShare * 100, 1)}% (${c.per === 'feature' ? 'per feature' : 'summed'})`);
  return t(L, `레이어 '${c.layer}'까지 거리 ${c.min !== undefined ? `≥ ${c.min} m ` : ''}${c.max !== undefined ? `≤ ${c.max} m` : ''} (필지 중심)`, `distance to layer '${c.layer}' ${c.min !== undefined ? `≥ ${c.min} m ` : ''}${c.max !== undefined ? `≤ ${c.max} m` : ''} (parcel centroid)`);
}

const CONTEXT_STYLE: Record<SeoulLayerId, MapLayer['style']> = {
  dong: { stroke: rgb(0.7, 0.7, 0.72), width: 0.5, dash: [2, 2] },
  gu: { stroke: rgb(0.45, 0.45, 0.5), width: 1 },
  parks: { fill: rgb(0.2, 0.6, 0.3), radius: 3, stroke: COLORS.white },
  subwayLines: { stroke: rgb(0.55, 0.6, 0.75), width: 1.2 },
  stations: { fill: rgb(0.1, 0.3, 0.75), radius: 3.2, stroke: COLORS.white },
  hospitals: { fill: rgb(0.8, 0.15, 0.15), radius: 2.6, stroke: COLORS.white },
};
const DRAW_ORDER: SeoulLayerId[] = ['dong', 'gu', 'subwayLines', 'parks', 'hospitals', 'stations'];

export async function renderSiteReport(m: SiteReportModel): Promise<Uint8Array> {
  const L = m.locale ?? 'ko';
  const w = await ReportWriter.create({
    title: `${t(L, '부지 분석 보고서', 'Site study report')} — ${m.summary.name}`,
    headerRight: t(L, `실행 ${m.ranAt.slice(0, 16).replace('T', ' ')}`, `run ${m.ranAt.slice(0, 16).replace('T', ' ')}`),
    footerNote: t(L, '안심데스크 부지 분석 — 참고 자료이며 법적 판단이 아닙니다', 'Ansim Desk site study — for information, not a legal opinion'),
    locale: L,
    createdAt: m.createdAt,
  });

  // ---- overview
  w.heading(t(L, '분석 개요', 'Overview'));
  w.keyValues([
    // The shipped font has no subscript letters (ᵢ would print as '?'): w_i as a planner types it.
    { key: t(L, '산식', 'Formula'), value: m.summary.formula.replace(/ᵢ/g, '_i') },
    { key: t(L, '가중치', 'Weights'), value: Object.entries(m.summary.weights).map(([k, v]) => `${k} ${n(v * 100, 1)}%`).join(', ') + (m.summary.ahp ? ` (AHP, CR ${n(m.summary.ahp.cr, 3)})` : '') },
    { key: t(L, '필지', 'Parcels'), value: t(L, `${n(m.summary.parcels.total, 0)}필지 중 ${n(m.summary.parcels.passed, 0)}필지 통과`, `${n(m.summary.parcels.passed, 0)} of ${n(m.summary.parcels.total, 0)} passed`) },
    { key: t(L, '부지', 'Sites'), value: t(L, `${n(m.summary.sites.total, 0)}곳, 최소 면적 ${n(m.summary.sites.minArea, 0)} m² 이상 ${n(m.summary.sites.eligible, 0)}곳, 목표 ${n(m.summary.sites.targetArea, 0)} m² 도달 ${n(m.summary.sites.reachingTarget, 0)}곳`, `${n(m.summary.sites.total, 0)}; ${n(m.summary.sites.eligible, 0)} of at least ${n(m.summary.sites.minArea, 0)} m²; ${n(m.summary.sites.reachingTarget, 0)} reach ${n(m.summary.sites.targetArea, 0)} m²`) },
    { key: t(L, '좌표계', 'CRS'), value: t(L, `${m.summary.crs} 평면 좌표로 계산, 지도는 WGS84 자료를 EPSG:5186으로 그림`, `computed in planar ${m.summary.crs}; maps drawn in EPSG:5186 from WGS84 data`) },
  ]);

  // ---- constraints
  w.heading(t(L, '확인한 제외 조건 (부지의 모든 필지가 통과)', 'Constraints checked (every parcel of a site passed them)'), 2);
  if (!m.study.constraints.length) w.paragraph(t(L, '제외 조건 없음', 'No constraints'));
  for (const c of m.study.constraints) {
    // An overlap the engine could not measure fails the parcel under `<code>:UNMEASURED` (never a silent pass).
    const unmeasured = m.summary.parcels.failures[`${c.code}:UNMEASURED`] ?? 0;
    const extra = unmeasured ? ` (${t(L, '겹침 계산 불가로 탈락', 'failed as unmeasurable overlap')} ${n(unmeasured, 0)})` : '';
    w.bullet(`${c.code}: ${describeConstraint(c, L)} — ${t(L, '탈락', 'failed')} ${n(m.summary.parcels.failures[c.code] ?? 0, 0)}${extra}`);
  }

  // ---- each site
  const contextIds = DRAW_ORDER.filter((id) => m.context[id]?.length);
  for (const site of m.sites) {
    const s = site.properties;
    w.newPage();
    w.heading(`${s.rank !== null ? t(L, `${s.rank}위`, `Rank ${s.rank}`) : t(L, '순위 외', 'Unranked')} — ${t(L, '부지', 'site')} ${s.siteId}`);
    w.keyValues([
      { key: t(L, '점수', 'Score'), value: n(s.score, 4) },
      { key: t(L, '면적', 'Area'), value: `${n(s.area, 0)} m² (${s.areaSource === 'ledger' ? t(L, '토지대장 면적 합계', 'ledger sum') : t(L, '평면 면적', 'planar')}; ${t(L, '평면', 'planar')} ${n(s.planarArea, 0)} m²)` },
      { key: t(L, '필지 수 / 형상', 'Parcels / shape'), value: `${s.parcelCount} · ${t(L, '형상 지수', 'compactness')} ${n(s.compactness, 3)}` },
      { key: t(L, '순위 안정성', 'Rank stability'), value: s.stability ? t(L, `가중치 ±변동 시 상위권 ${n(s.stability.topShare * 100, 0)}%, 평균 ${n(s.stability.meanRank, 1)}위 (${s.stability.minRank}–${s.stability.maxRank}위)`, `top ${n(s.stability.topShare * 100, 0)}% of draws, mean rank ${n(s.stability.meanRank, 1)} (${s.stability.minRank}–${s.stability.maxRank})`) : '–' },
    ]);
    // Map: the site and 600 m around it.
    const bbox = bboxAround([site.geometry], 600);
    const layers: MapLayer[] = [];
    const drawn: SeoulLayerId[] = [];
    for (const id of contextIds) {
      const feats = m.context[id]!.filter((f) => f.geometry && touchesBbox(f.geometry, bbox));
      if (!feats.length) continue;
      drawn.push(id);
      layers.push({
        geometries: feats.map((f) => f.geometry as Geometry),
        style: CONTEXT_STYLE[id],
        labels: id === 'stations' || id === 'parks' ? feats.map((f) => ({ at: (f.geometry as { coordinates: number[] }).coordinates, text: String(f.properties?.name ?? '') })) : undefined,
      });
    }
    layers.push({ geometries: [site.geometry], style: { stroke: rgb(0.85, 0.35, 0.05), fill: rgb(1, 0.6, 0.2), opacity: 0.55, width: 1.6 } });
    const h = 300;
    w.ensureSpace(h + 10);
    drawMap(w, { top: w.cursor, height: h, bbox, layers, attributions: [t(L, '부지 윤곽: 분석 결과', 'Site outline: this study'), ...attributionsFor(drawn)] });
    w.space(h + 6);
    w.note(t(L, `범례: 주황 = 부지, 파랑 = 지하철역, 빨강 = 병원(병원급), 초록 = 주요 공원, 점선 = 법정동 경계. 주변 600 m`, 'Legend: orange = site, blue = subway station, red = hospital (hospital-class), green = major park, dashed = 동 boundary. 600 m around'));

    w.heading(t(L, '평가 기준', 'Criteria'), 2);
    w.table(
      [
        { header: t(L, '기준', 'Criterion'), weight: 1.4 },
        { header: t(L, '원값', 'Raw value'), weight: 1, align: 'right' },
        { header: t(L, '점수', 'Score'), weight: 0.8, align: 'right' },
        { header: t(L, '가중치', 'Weight'), weight: 0.8, align: 'right' },
        { header: t(L, '기여', 'Contribution'), weight: 0.9, align: 'right' },
      ],
      Object.entries(s.criteria).map(([id, c]) => {
        const crit = m.study.criteria.find((x) => x.id === id);
        const src = crit?.source;
        const from = src && (src.type === 'distance' || src.type === 'countWithin') ? (src.from === 'site' ? t(L, ' (부지 윤곽에서)', ' (from the outline)') : t(L, ' (필지 면적 가중)', ' (area-weighted)')) : '';
        return [`${crit?.label ? crit.label[L] : id}${from}`, n(c.raw, 2), n(c.score, 3), `${n(c.weight * 100, 1)}%`, n(c.contribution, 4)];
      }),
    );
    w.heading(t(L, '구성 필지 (PNU)', 'Parcels (PNU)'), 2);
    w.paragraph(s.parcelIds.join(', '), { size: 8 });
  }

  // ---- data sources
  w.newPage();
  w.heading(t(L, '자료와 출처', 'Data sources'));
  w.table(
    [
      { header: t(L, '레이어', 'Layer'), weight: 1 },
      { header: t(L, '도형 수', 'Features'), weight: 0.7, align: 'right' },
      { header: 'CRS', weight: 0.9 },
      { header: t(L, '인코딩', 'Encoding'), weight: 0.7 },
      { header: t(L, '건너뜀 / 수리', 'Skipped / repaired'), weight: 0.9 },
    ],
    Object.entries(m.summary.layers).map(([name, l]) => [name, n(l.features, 0), `${l.crs} (${l.crsSource})`, l.encoding ?? '–', `${l.skipped} / ${l.repaired}`]),
  );
  w.heading(t(L, '지도에 그린 서울 기본 레이어', 'Seoul layers drawn on the maps'), 2);
  for (const info of SEOUL_LAYERS.filter((l) => contextIds.includes(l.id))) {
    w.bullet(`${info.title[L]} (${info.features}, ${t(L, '기준', 'as of')} ${info.asOf}, WGS84): ${info.scope[L]}. ${info.source[L]}. ${info.attribution}`, { size: 8.5 });
  }
  w.note(t(L, `지도 자료의 라이선스와 출처는 data/layers/SOURCES.md에 있습니다. ${seoulLayer('subwayLines').attribution}`, `Licences and sources of the map data: data/layers/SOURCES.md. ${seoulLayer('subwayLines').attribution}`));
  return w.finish();
}
