// What a job worker can run. Each task takes plain data, writes only into `outDir`, reports
// progress, and returns a plain result plus the buffers to transfer (moved, not copied).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { runStudy, writeStudyOutputs } from '../../../geo/io/run.js';
import { transformer } from '../../../geo/core/crs.js';
import { GeoJsonWriter } from '../../../geo/io/geojson-out.js';
import { mapCoords } from '../../../geo/core/geometry.js';
import { epsgOf, openLayer, type ImportOptions } from '../../../geo/io/import.js';
import { encodeParcelResults } from '../map/parcel-results.js';
import type { JobKind } from './protocol.js';

export type Progress = (phase: string, done: number, total: number) => void;
export type Task = (input: unknown, outDir: string, progress: Progress) => Promise<{ result: unknown; transfer: ArrayBuffer[] }>;

export interface StudyRunInput {
  study: Record<string, unknown>;
  baseDir: string;
}

export interface StudyRunOutput {
  summary: Record<string, unknown>;
  sites: Record<string, unknown>[];
  /** File names inside the job folder. */
  outputs: { parcels: string; sites: string; ranking: string; results: string };
  /** The compact per-parcel result (parcel-results.ts), transferred. */
  results: ArrayBuffer;
}

export interface InspectInput {
  path: string;
  encoding?: 'CP949' | 'UTF-8';
  crs?: 4326 | 5174 | 5179 | 5181 | 5186;
  x?: string;
  y?: string;
  previewFeatures?: number;
}

export interface InspectOutput {
  report: Record<string, unknown>;
  /** File name inside the job folder. */
  output: string;
  /** The first decoded rows (attributes only) and features (WGS84) for the preview. */
  rows: Record<string, unknown>[];
  preview: Feature[];
  bbox: [number, number, number, number] | null;
}

const SITE_LIMIT = 50;

const studyRun: Task = async (input, outDir, progress) => {
  const { study, baseDir } = input as StudyRunInput;
  const run = await runStudy(study, { baseDir, onProgress: (p) => progress(p.phase, Math.round(p.fraction * 1000), 1000) });
  progress('write', 0, 1000);
  const files = writeStudyOutputs(run, outDir, (f) => progress('write', Math.round(f * 1000), 1000));
  const results = encodeParcelResults(run);
  writeFileSync(path.join(outDir, 'parcels.bin'), new Uint8Array(results));
  const toWgs = transformer(5186, 4326);
  const sites = run.sites.slice(0, SITE_LIMIT).map((s) => ({
    id: s.id,
    rank: s.rank,
    score: s.score,
    area: s.area,
    areaSource: s.areaSource,
    compactness: s.compactness,
    parcelCount: s.parcels.length,
    parcelIds: s.parcelIds.slice(0, 200),
    eligible: s.eligible,
    reachesTarget: s.reachesTarget,
    criteria: s.criteria,
    stability: s.stability,
    bbox: bboxOf(s.outline.flat(2).map(([x, y]) => toWgs(x, y))),
  }));
  const out: StudyRunOutput = {
    summary: run.summary as unknown as Record<string, unknown>,
    sites,
    outputs: { parcels: path.basename(files.parcels), sites: path.basename(files.sites), ranking: path.basename(files.ranking), results: 'parcels.bin' },
    results,
  };
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

const importInspect: Task = async (input, outDir, progress) => {
  const i = input as InspectInput;
  const opts: ImportOptions = { encoding: i.encoding, crs: i.crs, xField: i.x, yField: i.y };
  const layer = openLayer(i.path, opts);
  const total = layer.plan?.count ?? 0;
  const t = transformer(epsgOf(layer.report), 4326);
  const output = 'layer.geojson';
  const out = new GeoJsonWriter(path.join(outDir, output), 9);
  const rows: Record<string, unknown>[] = [];
  const preview: Feature[] = [];
  const limit = i.previewFeatures ?? 500;
  let bbox: [number, number, number, number] | null = null;
  progress('read', 0, total);
  try {
    for (const f of layer.features()) {
      const g = mapCoords(f.geometry, t) as Geometry;
      out.write(g, f.properties);
      if (rows.length < 5) rows.push(f.properties);
      if (preview.length < limit) preview.push({ type: 'Feature', geometry: g, properties: f.properties });
      bbox = growBbox(bbox, g);
      if (out.count % 2000 === 0) progress('read', out.count, Math.max(total, out.count));
    }
  } finally {
    out.close();
  }
  progress('read', out.count, Math.max(total, out.count));
  const result: InspectOutput = { report: layer.report as unknown as Record<string, unknown>, output, rows, preview, bbox };
  return { result, transfer: [] };
};

function growBbox(b: [number, number, number, number] | null, g: Geometry): [number, number, number, number] {
  const r = b ?? [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < r[0]) r[0] = x;
      if (y < r[1]) r[1] = y;
      if (x > r[2]) r[2] = x;
      if (y > r[3]) r[3] = y;
    } else for (const k of c as unknown[]) visit(k);
  };
  if ('coordinates' in g) visit(g.coordinates);
  return r;
}

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
  'test.sleep': testSleep,
};
