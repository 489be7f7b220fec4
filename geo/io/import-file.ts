// `geo import`: any supported file → WGS84 GeoJSON with the import report.
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
