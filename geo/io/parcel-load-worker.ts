// Worker thread: reads one range of a Shapefile's parcels (see parcel-load.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { GeoInputError } from '../core/messages.js';
import { type RangeJob, loadParcelRange } from './parcel-load.js';

try {
  const chunk = loadParcelRange(workerData as RangeJob);
  const s = chunk.store;
  const transfer = [s.xy, s.vStart, s.ringOf, s.area, s.perimeter, s.cx, s.cy, s.minX, s.minY, s.maxX, s.maxY, chunk.featureNo].map((a) => a.buffer as ArrayBuffer);
  for (const c of Object.values(chunk.columns)) transfer.push(('num' in c ? c.num : c.codes).buffer as ArrayBuffer);
  parentPort!.postMessage({ ok: true, chunk }, transfer);
} catch (e) {
  const g = e instanceof GeoInputError ? { name: e.name, code: e.code, msg: e.msg, detail: e.detail, message: e.message } : { name: 'Error', message: (e as Error).stack ?? String(e) };
  parentPort!.postMessage({ ok: false, error: g });
}
