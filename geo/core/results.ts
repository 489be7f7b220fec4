// The engine's result types as plain data (no implementation imports), so the API
// (electron/api/geo-methods.ts), the renderer and worker threads can share them.
import type { GeoWarning, Msg } from './messages.js';

export type { GeoWarning, Msg };

export type StudyPhase = 'load' | 'screen' | 'score' | 'assemble' | 'rank' | 'sensitivity';

export interface StudyProgress {
  phase: StudyPhase;
  /** Overall fraction done, 0..1. */
  fraction: number;
  message?: string;
}

export type ScoringMethod = 'weightedSum' | 'weightedProduct';

export interface Contribution {
  /** Raw value (area-weighted for parcel criteria on a site; null for categorical). */
  raw: number | null;
  score: number;
  weight: number;
  /** Weighted sum: weight × score. Weighted product: score^weight (the factor it multiplies by). */
  contribution: number;
}

export interface Stability {
  topShare: number;
  meanRank: number;
  minRank: number;
  maxRank: number;
}

export interface LayerSummary {
  features: number;
  crs: string;
  crsSource: string;
  encoding: string | null;
  skipped: number;
  repaired: number;
  warnings: GeoWarning[];
}

export interface StudySummary {
  name: string;
  crs: string;
  scoring: ScoringMethod;
  formula: string;
  weights: Record<string, number>;
  weightMethod: 'weights' | 'ahp';
  ahp?: { cr: number; ci: number; lambdaMax: number; consistent: boolean; warning?: Msg };
  layers: Record<string, LayerSummary>;
  parcels: { total: number; passed: number; failed: number; failures: Record<string, number> };
  sites: { total: number; eligible: number; reachingTarget: number; minArea: number; targetArea: number };
  top: { rank: number; site: number; siteId: string; score: number; area: number; parcels: number; topShare: number | null }[];
  timings: Record<StudyPhase, number>;
}

/** One site as the API and the exports show it (no geometry; `id` is the rank-order number). */
export interface SiteView {
  id: number;
  /** Smallest idField value (PNU) among its parcels, compared as strings: stable across runs. */
  siteId: string;
  rank: number | null;
  score: number;
  area: number;
  areaSource: 'ledger' | 'planar';
  planarArea: number;
  ledgerArea: number | null;
  perimeter: number;
  compactness: number;
  parcelCount: number;
  parcelIds: string[];
  eligible: boolean;
  reachesTarget: boolean;
  criteria: Record<string, Contribution>;
  stability: Stability | null;
  dissolve: 'shared-edges' | 'polygon-clipping' | 'polygon-clipping-snapped' | 'parcels';
}

/** Files a study run writes (paths inside the run's folder). */
export interface StudyOutputFiles {
  sites: string;
  survivors: string;
  ranking: string;
  /** Only when every parcel was asked for (CLI --parcels, API `parcels: true`). */
  parcels?: string;
}
