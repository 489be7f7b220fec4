// What a job worker can run. Each task takes plain data, writes only into `outDir`, reports
// progress, and returns a plain result plus the buffers to transfer (moved, not copied).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runStudy, writeStudyOutputs } from '../../../geo/io/run.js';
import { transformer } from '../../../geo/core/crs.js';
import { importToGeoJson, inspectLayer } from '../../../geo/io/import-file.js';
import { siteView } from '../../../geo/core/tables.js';
import type { StudyOutputFiles, StudySummary } from '../../../geo/core/results.js';
import type { GeoRunSite } from '../../api/geo-methods.js';
import { encodeParcelResults } from '../map/parcel-results.js';
import type { JobKind } from './protocol.js';

export type Progress = (phase: string, done: number, total: number) => void;
export type Task = (input: unknown, outDir: string, progress: Progress) => Promise<{ result: unknown; transfer: ArrayBuffer[] }>;

export interface StudyRunInput {
  study: Record<string, unknown>;
  /** Layer refs resolved to paths by the backend (which holds the user's grants). */
  refs: Record<string, string>;
  /** Write every parcel as GeoJSON too (off: the map uses the compact result). */
  parcels?: boolean;
}

export interface StudyRunOutput {
  summary: StudySummary;
  sites: GeoRunSite[];
  /** Files inside the job folder. */
  outputs: StudyOutputFiles;
  /** The compact per-parcel result (parcel-results.ts), transferred. */
  results: ArrayBuffer;
}

export interface InspectInput {
  path: string;
  encoding?: 'CP949' | 'UTF-8';
  crs?: 4326 | 5174 | 5179 | 5181 | 5186;
  x?: string;
  y?: string;
}

const SITE_LIMIT = 50;

const studyRun: Task = async (input, outDir, progress) => {
  const { study, refs, parcels } = input as StudyRunInput;
  const run = await runStudy(study, {
    resolveRef: (ref) => {
      const p = refs[ref];
      if (!p) throw new Error(`unresolved layer ref ${ref}`);
      return p;
    },
    onProgress: (p) => progress(p.phase, Math.round(p.fraction * 1000), 1000),
  });
  progress('write', 0, 1000);
  const outputs = writeStudyOutputs(run, outDir, { parcels: parcels ?? false, onProgress: (f) => progress('write', Math.round(f * 1000), 1000) });
  const results = encodeParcelResults(run);
  writeFileSync(path.join(outDir, 'parcels.bin'), new Uint8Array(results));
  const toWgs = transformer(5186, 4326);
  const sites: GeoRunSite[] = run.sites.slice(0, SITE_LIMIT).map((s) => ({
    ...siteView(s),
    parcelIds: s.parcelIds.slice(0, 200),
    bbox: bboxOf(s.outline.flat(2).map(([x, y]) => toWgs(x, y))),
  }));
  const out: StudyRunOutput = { summary: run.summary, sites, outputs, results };
  return { result: out, transfer: [results] };
};

function bboxOf(points: number[][]): [number, number, number, number] {
  let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
  for (const [x, y] of points) {
    if (x < a) a = x;
    if (y < b) b = y;
    if (x > c) c = x;
    if (y > d) d = y;
  }
  return [a, b, c, d];
}

const importInspect: Task = async (input, _outDir, progress) => {
  const i = input as InspectInput;
  progress('read', 0, 0);
  const result = inspectLayer(i.path, { encoding: i.encoding, crs: i.crs, xField: i.x, yField: i.y }, 20, (n) => progress('read', n, 0));
  return { result, transfer: [] };
};

export interface LayerImportOutput {
  report: Record<string, unknown>;
  /** File name inside the job folder. */
  output: string;
  bbox: [number, number, number, number] | null;
  geometry: 'polygon' | 'point' | 'line';
}

/** Converts a picked file to WGS84 GeoJSON for the map (the layer panel's "add a layer"). */
const layerImport: Task = async (input, outDir, progress) => {
  const i = input as InspectInput;
  progress('read', 0, 0);
  const output = 'layer.geojson';
  const report = importToGeoJson(i.path, path.join(outDir, output), { encoding: i.encoding, crs: i.crs, xField: i.x, yField: i.y }, (n) => progress('read', n, 0));
  // The bbox and geometry kind, from the written file (small to medium layers).
  const fc = JSON.parse(readFileSync(path.join(outDir, output), 'utf8')) as { features: { geometry: { type: string; coordinates: unknown } }[] };
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    } else for (const k of c as unknown[]) visit(k);
  };
  for (const f of fc.features) visit(f.geometry.coordinates);
  const t = fc.features[0]?.geometry.type ?? 'Point';
  const geometry = /Polygon/.test(t) ? 'polygon' : /Line/.test(t) ? 'line' : 'point';
  const result: LayerImportOutput = { report: report as unknown as Record<string, unknown>, output, bbox: fc.features.length ? box : null, geometry };
  return { result, transfer: [] };
};

/** For the runner's own tests: sleeps in steps, writing a file per step, so cancel can be seen. */
const testSleep: Task = async (input, outDir, progress) => {
  const { steps, ms } = input as { steps: number; ms: number };
  for (let k = 0; k < steps; k++) {
    writeFileSync(path.join(outDir, `part-${k}.txt`), `step ${k}\n`);
    progress('sleep', k, steps);
    await new Promise((r) => setTimeout(r, ms));
  }
  const buf = new Float64Array(1000).fill(1.5).buffer;
  return { result: { steps, buf }, transfer: [buf] };
};

export const TASKS: Record<JobKind, Task> = {
  'geo.study.run': studyRun,
  'geo.import.inspect': importInspect,
  'map.layer.import': layerImport,
  'test.sleep': testSleep,
};
