// runStudy: parse the study, load its layers from files (geo/io/layers.ts), then evaluate it with
// the pure core (geo/core/evaluate.ts). writeStudyOutputs is in outputs.ts.
import type { StudyInput } from '../core/schema.js';
import { type LoadedLayers, type StudyProgress, type StudyRun, evaluateStudy, parseStudy, phaseReporter, studyNeeds, studyWeights } from '../core/evaluate.js';
import type { LayerSpec, PointLayer, PolygonLayer } from '../core/layers.js';
import { GeoInputError } from '../core/messages.js';
import { loadParcels, loadPoints, loadPolygons } from './layers.js';

export { parseStudy, evaluateStudy };
export type { EvaluateOptions, LoadedLayers, RankedSite, StudyPhase, StudyProgress, StudyRun, StudySummary } from '../core/evaluate.js';
export { writeStudyOutputs } from './outputs.js';

export interface RunOptions {
  /** Directory that relative layer paths are resolved against (the study file's folder). */
  baseDir?: string;
  /** Turns a layer's file reference (`ref`, picked by the user in the app) into a path. Without it, refs are refused. */
  resolveRef?: (ref: string, layer: string) => string;
  onProgress?: (p: StudyProgress) => void;
}

/** Reads a study's layers as the study asks. */
export async function loadStudyLayers(study: ReturnType<typeof parseStudy>, opts: RunOptions = {}): Promise<LoadedLayers> {
  const base = opts.baseDir ?? process.cwd();
  const report = phaseReporter(opts.onProgress);
  const needs = studyNeeds(study);
  const layerSpec = (name: string): LayerSpec => {
    const spec = study.layers[name];
    if (!spec) throw new GeoInputError('layer-missing', { ko: `레이어 '${name}'가 정의되지 않았습니다`, en: `layer '${name}' is not defined in layers` }, { layer: name });
    if (spec.ref !== undefined) {
      if (!opts.resolveRef) throw new GeoInputError('layer-ref', { ko: `레이어 '${name}': 파일 참조(ref)는 앱에서만 쓸 수 있습니다. path를 지정하세요`, en: `layer '${name}': file refs are for the app; give a path` }, { layer: name });
      return { ...spec, path: opts.resolveRef(spec.ref, name) };
    }
    return { ...spec, path: spec.path! };
  };
  // The ledger area is used when the file has the field; otherwise sites report planar areas.
  const parcels = await loadParcels(layerSpec('parcels'), base, needs.fields, study.idField, (n) => report('load', Math.min(0.95, n / 1_000_000), `${n} parcels`), needs.optionalFields);
  const points: Record<string, PointLayer> = {};
  const polygons: Record<string, PolygonLayer> = {};
  for (const n of needs.points) points[n] = loadPoints(layerSpec(n), base);
  for (const n of needs.polygons) polygons[n] = loadPolygons(layerSpec(n), base);
  report('load', 1);
  return { parcels, points, polygons };
}

export async function runStudy(input: StudyInput | Record<string, unknown>, opts: RunOptions = {}): Promise<StudyRun> {
  const study = parseStudy(input);
  studyWeights(study); // a weight error before minutes of loading
  const t0 = performance.now();
  const layers = await loadStudyLayers(study, opts);
  const loadMs = performance.now() - t0;
  await new Promise<void>((r) => setImmediate(r));
  return evaluateStudy(study, layers, { onProgress: opts.onProgress, loadMs });
}
