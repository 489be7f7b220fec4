// Screening, scoring, site assembly, ranking and sensitivity over layers already loaded into the
// working CRS. Pure computation on plain data: no files, no process state, so it runs the same on
// the calling thread, in a worker thread or in a test. geo/io/run.ts loads the layers and calls it.
import type { Position } from 'geojson';
import { assemble, type Site } from './assemble.js';
import { type ParcelLayer, type PointLayer, type PolygonLayer, WORK_EPSG } from './layers.js';
import { GeoInputError } from './messages.js';
import type { Contribution, Stability, StudyPhase, StudyProgress, StudySummary } from './results.js';
import { type Study, studySchema } from './schema.js';
import { type Weights, combine, contributions, isSiteLevel, makeTransform, resolveWeights } from './score.js';
import { type ScreenResult, nearestDistance, screen } from './screen.js';
import { sensitivity } from './sensitivity.js';
import { siteCountWithin, siteNearestDistance } from './site-measures.js';
import { pointInStore, stripWidth } from './store.js';

export type { StudyPhase, StudyProgress, StudySummary, SiteView, Contribution, Stability } from './results.js';

export interface EvaluateOptions {
  onProgress?: (p: StudyProgress) => void;
  /** Milliseconds the caller spent loading the layers (reported as the 'load' timing). */
  loadMs?: number;
}

/** The study's layers, loaded into the working CRS (plain data; see geo/io/layers.ts). */
export interface LoadedLayers {
  parcels: ParcelLayer;
  points: Record<string, PointLayer>;
  polygons: Record<string, PolygonLayer>;
}

/** What a study needs loaded: point and polygon layers by name, and the parcel fields. */
export interface StudyNeeds {
  points: string[];
  polygons: string[];
  fields: string[];
  /** Read when the parcel file has them (the ledger area). */
  optionalFields: string[];
}

export interface RankedSite extends Omit<Site, 'outline' | 'parcels'> {
  /** Smallest idField value among the parcels, compared as strings (PNUs exceed 2^53). */
  siteId: string;
  parcelIds: string[];
  parcels: number[];
  eligible: boolean;
  reachesTarget: boolean;
  rank: number | null;
  score: number;
  criteria: Record<string, Contribution>;
  stability: Stability | null;
  outline: Position[][][];
}

export interface StudyRun {
  study: Study;
  summary: StudySummary;
  parcels: ParcelLayer;
  screen: ScreenResult;
  /** Per parcel score over parcel-level criteria (NaN when screened out). */
  parcelScore: Float64Array;
  siteOf: Int32Array;
  sites: RankedSite[]; // ranked eligible first, then the rest by score
}

/** Validates a study document; throws GeoInputError with the zod issues in both languages. */
export function parseStudy(input: unknown): Study {
  const r = studySchema.safeParse(input);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(study)'}: ${i.message}`).join('; ');
    throw new GeoInputError('study-invalid', { ko: `연구 설정이 올바르지 않습니다: ${issues}`, en: `invalid study: ${issues}` }, { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return r.data;
}


export const PHASE_SPAN: Record<StudyPhase, [number, number]> = { load: [0, 0.4], screen: [0.4, 0.55], score: [0.55, 0.65], assemble: [0.65, 0.9], rank: [0.9, 0.92], sensitivity: [0.92, 1] };

/** Maps a phase's own fraction to the overall fraction the progress bar shows. */
export function phaseReporter(onProgress?: (p: StudyProgress) => void) {
  return (phase: StudyPhase, f: number, message?: string) => {
    const [a, b] = PHASE_SPAN[phase];
    onProgress?.({ phase, fraction: a + (b - a) * Math.min(1, f), message });
  };
}

/** The study's weights, or a GeoInputError naming the problem. */
export function studyWeights(study: Study): Weights {
  try {
    return resolveWeights(study);
  } catch (e) {
    throw new GeoInputError('study-invalid', { ko: `가중치 오류: ${(e as Error).message}`, en: `weights: ${(e as Error).message}` });
  }
}

/** Which layers and parcel fields the study reads. */
export function studyNeeds(study: Study): StudyNeeds {
  const pointNames = new Set<string>(), polyNames = new Set<string>();
  const fields = new Set<string>();
  for (const c of study.constraints) {
    if (c.type === 'attribute') fields.add(c.field);
    else if (c.type === 'overlap') polyNames.add(c.layer);
    else pointNames.add(c.layer);
  }
  for (const c of study.criteria) {
    const s = c.source;
    if (s.type === 'distance' || s.type === 'countWithin') pointNames.add(s.layer);
    else if (s.type === 'district') polyNames.add(s.layer);
    else if (s.type === 'attribute') fields.add(s.field);
  }
  if (study.assembly.crossRoadsNarrowerThan) fields.add(study.assembly.roadField);
  return { points: [...pointNames], polygons: [...polyNames], fields: [...fields], optionalFields: study.assembly.areaSource === 'ledger' ? [study.assembly.ledgerField] : [] };
}

export async function evaluateStudy(study: Study, layers: LoadedLayers, opts: EvaluateOptions = {}): Promise<StudyRun> {
  const { parcels, points, polygons } = layers;
  const weights = studyWeights(study);
  const a = study.assembly;
  const ledgerField = a.areaSource === 'ledger' && a.ledgerField in parcels.columns ? a.ledgerField : undefined;
  const timings = { load: Math.round(opts.loadMs ?? 0) } as Record<StudyPhase, number>;
  let t0 = performance.now();
  const report = phaseReporter(opts.onProgress);
  const lap = (phase: StudyPhase) => {
    const now = performance.now();
    timings[phase] = Math.round(now - t0);
    t0 = now;
  };
  const yieldToLoop = () => new Promise<void>((r) => setTimeout(r, 0));

  // ---- screen
  const scr = screen(parcels, study.constraints, { points, polygons }, (f) => report('screen', f));
  lap('screen');
  await yieldToLoop();

  // ---- parcel-level criteria on survivors
  const s = parcels.store;
  const parcelRaw: (Float64Array | (string | null)[] | null)[] = [];
  const parcelSc: (Float64Array | null)[] = [];
  for (const c of study.criteria) {
    if (isSiteLevel(c)) {
      parcelRaw.push(null);
      parcelSc.push(null);
      continue;
    }
    const tf = makeTransform(c.transform);
    const src = c.source;
    const sc = new Float64Array(s.count).fill(NaN);
    let raw: Float64Array | (string | null)[];
    if (src.type === 'attribute' && !(parcels.columns[src.field] instanceof Float64Array)) {
      const col = parcels.columns[src.field] as (string | null)[];
      raw = col;
      for (let p = 0; p < s.count; p++) if (scr.pass[p]) sc[p] = tf(col[p]);
    } else {
      const r = new Float64Array(s.count).fill(NaN);
      for (let p = 0; p < s.count; p++) {
        if (!scr.pass[p]) continue;
        r[p] = rawValue(src, p);
        sc[p] = tf(r[p]);
      }
      raw = r;
    }
    parcelRaw.push(raw);
    parcelSc.push(sc);
  }
  function rawValue(src: Study['criteria'][number]['source'], p: number): number {
    switch (src.type) {
      case 'distance':
        return nearestDistance(points[src.layer], s.cx[p], s.cy[p]);
      case 'countWithin': {
        const l = points[src.layer];
        const r = src.radius;
        return l.index.search(s.cx[p] - r, s.cy[p] - r, s.cx[p] + r, s.cy[p] + r, (i) => Math.hypot(l.x[i] - s.cx[p], l.y[i] - s.cy[p]) <= r).length;
      }
      case 'attribute':
        return (parcels.columns[src.field] as Float64Array)[p];
      case 'district': {
        const l = polygons[src.layer];
        for (const i of l.index.search(s.cx[p], s.cy[p], s.cx[p], s.cy[p])) {
          if (i < l.store.count && inPolygon(l, i, s.cx[p], s.cy[p])) {
            const v = Number(l.props[i][src.field]);
            return Number.isFinite(v) ? v : NaN;
          }
        }
        return NaN;
      }
      default:
        return NaN;
    }
  }
  // Parcel score over the parcel-level criteria, their weights renormalised.
  const parcelIdx = study.criteria.map((c, i) => (isSiteLevel(c) ? -1 : i)).filter((i) => i >= 0);
  const pw = parcelIdx.map((i) => weights.weights[i]);
  const pws = pw.reduce((x, y) => x + y, 0);
  const parcelScore = new Float64Array(s.count).fill(NaN);
  if (pws > 0) {
    const buf = new Float64Array(parcelIdx.length);
    const wn = pw.map((w) => w / pws);
    for (let p = 0; p < s.count; p++) {
      if (!scr.pass[p]) continue;
      parcelIdx.forEach((ci, k) => (buf[k] = parcelSc[ci]![p]));
      parcelScore[p] = combine(buf, wn, study.scoring.method);
    }
  }
  report('score', 1);
  lap('score');
  await yieldToLoop();

  // ---- assemble
  let crossable: Uint8Array | undefined;
  if (a.crossRoadsNarrowerThan) {
    crossable = new Uint8Array(s.count);
    const col = parcels.columns[a.roadField];
    for (let p = 0; p < s.count; p++) {
      if (a.roadValues.includes(String(col[p])) && stripWidth(s.area[p], s.perimeter[p]) < a.crossRoadsNarrowerThan) crossable[p] = 1;
    }
  }
  const ledger = ledgerField ? (parcels.columns[ledgerField] instanceof Float64Array ? (parcels.columns[ledgerField] as Float64Array) : Float64Array.from(parcels.columns[ledgerField] as (string | null)[], (v) => (v === null || v === '' ? NaN : Number(v)))) : undefined;
  const { sites, siteOf } = assemble(s, scr.pass, { snapTolerance: a.snapTolerance, crossable, ledger, areaSource: a.areaSource }, (f) => report('assemble', f));
  lap('assemble');
  await yieldToLoop();

  // ---- site criteria and ranking
  const siteScores: number[][] = [];
  const transforms = study.criteria.map((c) => (c.source.type === 'siteArea' ? makeTransform(c.transform ?? { type: 'linear', min: 0, max: a.targetArea, invert: false }) : makeTransform(c.transform)));
  const ranked: RankedSite[] = sites.map((site) => {
    const raw: (number | null)[] = [];
    const sc: number[] = [];
    study.criteria.forEach((c, ci) => {
      const src = c.source;
      if (src.type === 'siteArea' || src.type === 'compactness' || ((src.type === 'distance' || src.type === 'countWithin') && src.from === 'site')) {
        const v = src.type === 'siteArea' ? site.area : src.type === 'compactness' ? site.compactness
          : src.type === 'distance' ? siteNearestDistance(site.outline, points[src.layer]) : siteCountWithin(site.outline, points[src.layer], src.radius);
        raw.push(v);
        sc.push(transforms[ci](v));
      } else {
        // Area-weighted over the site's parcels (planar areas as weights).
        let wsum = 0, rsum = 0, ssum = 0;
        const r = parcelRaw[ci]!;
        const numeric = r instanceof Float64Array;
        for (const p of site.parcels) {
          const w = s.area[p];
          wsum += w;
          ssum += w * parcelSc[ci]![p];
          if (numeric) rsum += w * (r as Float64Array)[p];
        }
        raw.push(numeric && Number.isFinite(rsum) ? rsum / wsum : null);
        sc.push(wsum > 0 ? ssum / wsum : 0);
      }
    });
    siteScores.push(sc);
    return {
      ...site,
      parcelIds: site.parcels.map((p) => parcels.ids[p]),
      siteId: smallestId(site.parcels, parcels.ids),
      eligible: site.area >= a.minArea,
      reachesTarget: site.area >= a.targetArea,
      rank: null,
      score: combine(sc, weights.weights, study.scoring.method),
      criteria: contributions(weights.ids, raw, sc, weights, study.scoring.method),
      stability: null,
    };
  });
  const order = ranked.map((_, i) => i).sort((x, y) => Number(ranked[y].eligible) - Number(ranked[x].eligible) || compareSites(ranked[x], ranked[y]));
  let rank = 0;
  for (const i of order) if (ranked[i].eligible) ranked[i].rank = ++rank;
  report('rank', 1);
  lap('rank');
  await yieldToLoop();

  // ---- sensitivity over eligible sites
  const eligible = order.filter((i) => ranked[i].eligible);
  const stab = sensitivity(eligible.map((i) => siteScores[i]), weights.weights, study.scoring.method, study.sensitivity);
  eligible.forEach((i, k) => (ranked[i].stability = stab[k]));
  report('sensitivity', 1);
  lap('sensitivity');

  const sorted = order.map((i) => ranked[i]);
  // Sites are renumbered in rank order so ids are stable and readable.
  const renumber = new Int32Array(sites.length);
  sorted.forEach((site, k) => {
    renumber[site.id] = k + 1;
    site.id = k + 1;
  });
  for (let p = 0; p < siteOf.length; p++) if (siteOf[p] >= 0) siteOf[p] = renumber[siteOf[p]];

  const layerInfo: StudySummary['layers'] = {};
  const addInfo = (name: string, r: ParcelLayer['report']) =>
    (layerInfo[name] = { features: r.features, crs: r.crs, crsSource: r.crsSource, encoding: r.encoding, skipped: r.skipped.length, repaired: r.repaired, warnings: r.warnings });
  addInfo('parcels', parcels.report);
  for (const [n, l] of Object.entries(points)) addInfo(n, l.report);
  for (const [n, l] of Object.entries(polygons)) addInfo(n, l.report);
  const passed = scr.pass.reduce((x, y) => x + y, 0);
  const summary: StudySummary = {
    name: study.name,
    crs: `EPSG:${WORK_EPSG}`,
    scoring: study.scoring.method,
    formula: study.scoring.method === 'weightedSum' ? 'S = Σ wᵢ·sᵢ (Σ wᵢ = 1)' : 'S = Π sᵢ^wᵢ (Σ wᵢ = 1)',
    weights: Object.fromEntries(weights.ids.map((id, i) => [id, weights.weights[i]])),
    weightMethod: weights.method,
    ahp: weights.ahp && {
      cr: weights.ahp.cr, ci: weights.ahp.ci, lambdaMax: weights.ahp.lambdaMax, consistent: weights.ahp.consistent,
      warning: weights.ahp.consistent ? undefined : { ko: `AHP 일관성 비율 CR = ${weights.ahp.cr.toFixed(3)} > 0.10: 쌍대비교를 다시 검토하세요`, en: `AHP consistency ratio CR = ${weights.ahp.cr.toFixed(3)} > 0.10: review the pairwise judgements` },
    },
    layers: layerInfo,
    parcels: { total: s.count, passed, failed: s.count - passed, failures: scr.failures },
    sites: { total: sites.length, eligible: eligible.length, reachingTarget: ranked.filter((x) => x.reachesTarget).length, minArea: a.minArea, targetArea: a.targetArea },
    top: sorted.filter((x) => x.rank !== null).slice(0, 10).map((x) => ({ rank: x.rank!, site: x.id, siteId: x.siteId, score: x.score, area: x.area, parcels: x.parcels.length, topShare: x.stability?.topShare ?? null })),
    timings,
  };
  return { study, summary, parcels, screen: scr, parcelScore, siteOf, sites: sorted };
}

/** Smallest id compared as strings (code-unit order, like SQL's COLLATE "C"). */
export function smallestId(members: number[], ids: string[]): string {
  let best = ids[members[0]];
  for (const p of members) if (ids[p] < best) best = ids[p];
  return best;
}

/** Scores are compared at 1e-9 so summation order never flips a tie; areas at 1e-6 m². */
export const tieScore = (v: number) => Math.round(v * 1e9);
const tieArea = (v: number) => Math.round(v * 1e6);

/**
 * Rank order: score (rounded to 1e-9) desc, then area desc, then site id asc. A total order, so
 * the same sites rank the same way in every run and in PostGIS.
 */
export function compareSites(a: { score: number; area: number; siteId: string }, b: { score: number; area: number; siteId: string }): number {
  return tieScore(b.score) - tieScore(a.score) || tieArea(b.area) - tieArea(a.area) || (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0);
}

function inPolygon(l: PolygonLayer, i: number, x: number, y: number): boolean {
  return pointInStore(l.store, i, x, y);
}

