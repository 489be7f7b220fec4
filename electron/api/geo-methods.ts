// API methods of the site study (geo) module: save and load study documents in SQLite,
// inspect a data file before using it as a layer, and run a study.
import { z } from 'zod';
import { id } from './schemas.js';
import type { RecordMeta } from './views.js';

const studyInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(1).max(100),
  /** The study document (docs/SITE-STUDY.md); validated by the geo engine. */
  study: z.record(z.string(), z.unknown()),
});

export const geoInputs = {
  'geo.studies.list': z.object({}).default({}),
  'geo.studies.get': z.object({ id }),
  'geo.studies.save': studyInput,
  'geo.studies.delete': z.object({ id }),
  'geo.studies.restore': z.object({ id }),
  'geo.studies.run': z.object({ id, draws: z.number().int().min(0).max(100_000).optional() }),
  'geo.import.inspect': z.object({
    path: z.string().min(1).max(4096),
    encoding: z.enum(['CP949', 'UTF-8']).optional(),
    crs: z.enum(['EPSG:4326', 'EPSG:5174', 'EPSG:5179', 'EPSG:5181', 'EPSG:5186']).optional(),
    x: z.string().optional(),
    y: z.string().optional(),
  }),
} as const;

export interface GeoStudyView extends RecordMeta {
  name: string;
  study: Record<string, unknown>;
  lastRun: GeoRunView | null;
  lastRunAt: string | null;
}

export interface GeoRunSite {
  /** The site's number in this run (rank order). */
  id: number;
  rank: number | null;
  score: number;
  area: number;
  parcelCount: number;
  parcelIds: string[];
  eligible: boolean;
  reachesTarget: boolean;
  criteria: Record<string, unknown>;
  stability: { topShare: number; meanRank: number; minRank: number; maxRank: number } | null;
  areaSource: string;
  compactness: number;
  /** WGS84 [west, south, east, north] of the site, to fly to it. */
  bbox: [number, number, number, number];
}

export interface GeoRunView {
  summary: Record<string, unknown>;
  /** The best sites (eligible first), at most 50. */
  sites: GeoRunSite[];
  outputs: { parcels: string; sites: string; ranking: string; results: string };
}

export interface GeoInspectView {
  importId: string;
  report: Record<string, unknown>;
  /** The WGS84 GeoJSON written in the data folder. */
  output: string;
  /** The first decoded rows, to check the encoding. */
  rows: Record<string, unknown>[];
  /** Up to 500 features (WGS84), to check the CRS on the map. */
  preview: import('geojson').Feature[];
  bbox: [number, number, number, number] | null;
}

export interface GeoResults {
  'geo.studies.list': GeoStudyView[];
  'geo.studies.get': GeoStudyView;
  'geo.studies.save': GeoStudyView;
  'geo.studies.delete': { id: string };
  'geo.studies.restore': GeoStudyView;
  /** Starts the run as a job: poll jobs.status (its result is a GeoRunView). */
  'geo.studies.run': { jobId: string };
  /** Starts the inspection as a job: poll jobs.status (its result is a GeoInspectView). */
  'geo.import.inspect': { jobId: string };
}
