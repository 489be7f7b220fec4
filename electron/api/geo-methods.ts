// API methods of the site study (geo) module: save and load study documents in SQLite,
// inspect a data file before using it as a layer, and run a study.
import { z } from 'zod';
import { fileRef, id } from './schemas.js';
import type { FeatureCollection } from 'geojson';
import type { RecordMeta } from './views.js';
import type { ImportReport } from '../../geo/core/types.js';
import type { SiteView, StudyOutputFiles, StudySummary } from '../../geo/core/results.js';

export type { ImportReport, SiteView, StudyOutputFiles, StudySummary };

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
    /** A file the user picked (renderer/src/api/files.ts); raw paths are refused. */
    file: fileRef,
    encoding: z.enum(['CP949', 'UTF-8']).optional(),
    crs: z.enum(['EPSG:4326', 'EPSG:5174', 'EPSG:5179', 'EPSG:5181', 'EPSG:5186']).optional(),
    x: z.string().optional(),
    y: z.string().optional(),
  }),
  /** Exports of the study's last run (the files a planner takes to QGIS, Excel or a meeting). */
  'geo.export.sites': z.object({ id, format: z.enum(['geojson', 'shapefile']), encoding: z.enum(['CP949', 'UTF-8']).default('CP949') }),
  'geo.export.ranking': z.object({ id, format: z.enum(['xlsx', 'csv']) }),
  'geo.export.report': z.object({ id, top: z.number().int().min(1).max(50).default(5), locale: z.enum(['ko', 'en']).default('ko') }),
} as const;

/** A file for the user to save, delivered like the viewing/tenant report PDFs (base64 in JSON). */
export interface GeoExportFile {
  fileName: string;
  mime: string;
  dataBase64: string;
}

export interface GeoStudyView extends RecordMeta {
  name: string;
  study: Record<string, unknown>;
  lastRun: GeoRunView | null;
  lastRunAt: string | null;
}

/** A site in a run result: the engine's SiteView with at most 200 parcel ids, and where it is. */
export type GeoRunSite = SiteView & {
  /** WGS84 [west, south, east, north] of the site, to fly to it. */
  bbox: [number, number, number, number];
};

export interface GeoRunView {
  summary: StudySummary;
  /** The best sites (eligible first), at most 50. */
  sites: GeoRunSite[];
  /** The engine's outputs, and `results`: the compact per-parcel result the map draws (parcels.bin). */
  outputs: StudyOutputFiles & { results: string };
}

/** The import report and the first 20 features (WGS84) for a preview; nothing is written. */
export interface GeoInspectView {
  report: ImportReport;
  preview: FeatureCollection;
}

export interface GeoResults {
  'geo.studies.list': GeoStudyView[];
  'geo.studies.get': GeoStudyView;
  'geo.studies.save': GeoStudyView;
  'geo.studies.delete': { id: string };
  'geo.studies.restore': GeoStudyView;
  /** Starts the run as a job (worker thread): poll jobs.status, whose result is a GeoRunView. */
  'geo.studies.run': { jobId: string };
  /** Starts the inspection as a job: poll jobs.status, whose result is a GeoInspectView. */
  'geo.import.inspect': { jobId: string };
  'geo.export.sites': GeoExportFile;
  'geo.export.ranking': GeoExportFile;
  'geo.export.report': GeoExportFile;
}
