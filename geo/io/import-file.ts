// `geo import`: any supported file → WGS84 GeoJSON with the import report.
import type { Feature, FeatureCollection } from 'geojson';
import { transformer } from '../core/crs.js';
import { GeoJsonWriter } from './geojson-out.js';
import { mapCoords } from '../core/geometry.js';
import { type ImportOptions, type ImportReport, epsgOf, openLayer } from './import.js';

export type ImportFileResult = ImportReport;

/** Imports `input` and writes WGS84 GeoJSON to `output`; returns the report. */
export function importToGeoJson(input: string, output: string, opts: ImportOptions = {}, onProgress?: (done: number) => void): ImportFileResult {
  const layer = openLayer(input, opts);
  const t = transformer(epsgOf(layer.report), 4326);
  const out = new GeoJsonWriter(output, 9);
  try {
    for (const f of layer.features()) {
      out.write(mapCoords(f.geometry, t), f.properties);
      if (onProgress && out.count % 10000 === 0) onProgress(out.count);
    }
  } finally {
    out.close();
  }
  return layer.report;
}

export interface Inspection {
  report: ImportReport;
  /** The first features, decoded and in WGS84, for a preview table and map. */
  preview: FeatureCollection;
}

/**
 * Reads the whole file (so the report counts every feature, repair and skip) but keeps only the
 * first `previewCount` features: nothing is written to disk.
 */
export function inspectLayer(input: string, opts: ImportOptions = {}, previewCount = 20, onProgress?: (done: number) => void): Inspection {
  const layer = openLayer(input, opts);
  const t = transformer(epsgOf(layer.report), 4326);
  const features: Feature[] = [];
  let n = 0;
  for (const f of layer.features()) {
    if (features.length < previewCount) features.push({ type: 'Feature', properties: f.properties, geometry: mapCoords(f.geometry, t) });
    if (onProgress && ++n % 10000 === 0) onProgress(n);
  }
  return { report: layer.report, preview: { type: 'FeatureCollection', features } };
}
