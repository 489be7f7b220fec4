// A study run's per-parcel result in one compact binary file (`parcels.bin` in the run's folder),
// so the map shows pass / failing constraint / score after a restart without a rerun, and the
// worker can hand it to the backend as one transferable buffer.
//
// Layout (little-endian): "ANSP" · u32 version · u32 header bytes · header JSON (UTF-8), padded
// to 8 · then, each padded to 8: xy f64[2·verts] (EPSG:5186) · vStart u32[rings+1] ·
// ringOf u32[count+1] · pass u8[count] · reasons u32[count] (bit i = header.codes[i]) ·
// score f32[count] (NaN when screened out) · site i32[count] (-1 when in no site).
// About 13 bytes per parcel plus its vertices — 1M parcels ≈ 100 MB instead of a 374 MB GeoJSON.
import type { PolygonStore } from '../../../geo/core/store.js';

export interface ParcelResultHeader {
  count: number;
  rings: number;
  verts: number;
  /** Reason codes; bit i of a parcel's mask means codes[i]. */
  codes: string[];
  idField: string;
  ids: string[];
  crs: 'EPSG:5186';
}

export interface ParcelResults {
  header: ParcelResultHeader;
  xy: Float64Array;
  vStart: Uint32Array;
  ringOf: Uint32Array;
  pass: Uint8Array;
  reasons: Uint32Array;
  score: Float32Array;
  site: Int32Array;
}

const MAGIC = 0x50534e41; // "ANSP"
const VERSION = 1;
const pad8 = (n: number) => (n + 7) & ~7;

export interface RunLike {
  parcels: { store: PolygonStore; ids: string[] };
  screen: { pass: Uint8Array; reasons: (string[] | undefined)[]; failures: Record<string, number> };
  parcelScore: Float64Array;
  siteOf: Int32Array;
  study: { idField: string };
}

/** Packs a run's parcels and results; the returned buffer can be transferred to another thread. */
export function encodeParcelResults(run: RunLike): ArrayBuffer {
  const s = run.parcels.store;
  const n = s.count;
  const rings = s.ringOf[n];
  const verts = s.vStart[rings];
  const codes = [...new Set([...Object.keys(run.screen.failures), ...run.screen.reasons.flatMap((r) => r ?? [])])].slice(0, 32);
  const bit = new Map(codes.map((c, i) => [c, i]));
  const header: ParcelResultHeader = { count: n, rings, verts, codes, idField: run.study.idField, ids: run.parcels.ids, crs: 'EPSG:5186' };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const sizes = [verts * 16, (rings + 1) * 4, (n + 1) * 4, n, n * 4, n * 4, n * 4];
  const start = pad8(12 + head.length);
  const total = sizes.reduce((a, b) => a + pad8(b), start);
  const buf = new ArrayBuffer(total);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setUint32(8, head.length, true);
  new Uint8Array(buf, 12, head.length).set(head);
  let o = start;
  const take = <T extends { set(a: ArrayLike<number>): void }>(make: (b: ArrayBuffer, off: number, len: number) => T, len: number, size: number): T => {
    const a = make(buf, o, len);
    o += pad8(size);
    return a;
  };
  take((b, off, l) => new Float64Array(b, off, l), verts * 2, sizes[0]).set(s.xy.subarray(0, verts * 2));
  take((b, off, l) => new Uint32Array(b, off, l), rings + 1, sizes[1]).set(s.vStart.subarray(0, rings + 1));
  take((b, off, l) => new Uint32Array(b, off, l), n + 1, sizes[2]).set(s.ringOf.subarray(0, n + 1));
  take((b, off, l) => new Uint8Array(b, off, l), n, sizes[3]).set(run.screen.pass.subarray(0, n));
  const reasons = take((b, off, l) => new Uint32Array(b, off, l), n, sizes[4]);
  for (let p = 0; p < n; p++) {
    let m = 0;
    for (const c of run.screen.reasons[p] ?? []) {
      const i = bit.get(c);
      if (i !== undefined) m |= 1 << i;
    }
    reasons[p] = m >>> 0;
  }
  take((b, off, l) => new Float32Array(b, off, l), n, sizes[5]).set(run.parcelScore.subarray(0, n));
  take((b, off, l) => new Int32Array(b, off, l), n, sizes[6]).set(run.siteOf.subarray(0, n));
  return buf;
}

/** Reads the views back out of a buffer made by encodeParcelResults (no copying). */
export function decodeParcelResults(input: ArrayBuffer | Uint8Array): ParcelResults {
  const u8 = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Typed views need 8-byte alignment: copy once if a Node Buffer sits at an odd offset.
  const aligned = u8.byteOffset % 8 === 0 ? u8 : u8.slice();
  const buf = aligned.buffer as ArrayBuffer;
  const base = aligned.byteOffset;
  const dv = new DataView(buf, base, aligned.byteLength);
  if (dv.getUint32(0, true) !== MAGIC || dv.getUint32(4, true) !== VERSION) throw new Error('not a parcel result file (ANSP v1)');
  const hl = dv.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(aligned.subarray(12, 12 + hl))) as ParcelResultHeader;
  const { count: n, rings, verts } = header;
  let o = base + pad8(12 + hl);
  const next = <T>(make: (off: number) => T, size: number): T => {
    const a = make(o);
    o += pad8(size);
    return a;
  };
  return {
    header,
    xy: next((off) => new Float64Array(buf, off, verts * 2), verts * 16),
    vStart: next((off) => new Uint32Array(buf, off, rings + 1), (rings + 1) * 4),
    ringOf: next((off) => new Uint32Array(buf, off, n + 1), (n + 1) * 4),
    pass: next((off) => new Uint8Array(buf, off, n), n),
    reasons: next((off) => new Uint32Array(buf, off, n), n * 4),
    score: next((off) => new Float32Array(buf, off, n), n * 4),
    site: next((off) => new Int32Array(buf, off, n), n * 4),
  };
}

/** The reason codes of one parcel. */
export function reasonsOf(r: ParcelResults, p: number): string[] {
  const m = r.reasons[p];
  return r.header.codes.filter((_, i) => m & (1 << i));
}
