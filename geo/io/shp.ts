// Streaming .shp/.shx reader and writer (ESRI Shapefile technical description, 1998).
// Records are read sequentially in chunks and checked against the .shx index.
import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { fail } from '../core/messages.js';

export type XY = [number, number];

export interface ShpRecord {
  /** 1-based record number in the file. */
  number: number;
  /** Shape type with Z/M folded onto the 2D type: 0 null, 1 point, 3 polyline, 5 polygon, 8 multipoint. */
  type: 0 | 1 | 3 | 5 | 8;
  /** Parts (rings or lines) or, for points/multipoints, one part holding the points. */
  parts: XY[][];
}

export interface ShpHeader {
  shapeType: number;
  fileLength: number; // bytes, per the header
  bbox: [number, number, number, number];
}

const TYPE2D: Record<number, ShpRecord['type']> = { 0: 0, 1: 1, 11: 1, 21: 1, 3: 3, 13: 3, 23: 3, 5: 5, 15: 5, 25: 5, 8: 8, 18: 8, 28: 8 };

export function readShpHeader(path: string): ShpHeader {
  const fd = openSync(path, 'r');
  try {
    const h = Buffer.alloc(100);
    if (readSync(fd, h, 0, 100, 0) < 100 || h.readInt32BE(0) !== 9994) {
      fail('shp-invalid', `${basename(path)}: Shapefile(.shp) 머리글이 올바르지 않습니다`, `${basename(path)}: not a valid .shp header`);
    }
    return { shapeType: h.readInt32LE(32), fileLength: h.readInt32BE(24) * 2, bbox: [h.readDoubleLE(36), h.readDoubleLE(44), h.readDoubleLE(52), h.readDoubleLE(60)] };
  } finally {
    closeSync(fd);
  }
}

/** Reads the .shx offsets (byte positions of each record header in the .shp). */
export function readShx(path: string): Int32Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(size);
    readSync(fd, buf, 0, size, 0);
    if (size < 100 || buf.readInt32BE(0) !== 9994) fail('shx-invalid', `${basename(path)}: .shx 머리글이 올바르지 않습니다`, `${basename(path)}: not a valid .shx header`);
    const n = Math.floor((size - 100) / 8);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = buf.readInt32BE(100 + i * 8) * 2;
    return out;
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams the records of a .shp. Checks the file against its header length and, when given, the
 * .shx offsets; a truncated or mismatched file throws a GeoInputError naming the record.
 */
export function* readShpRecords(path: string, shxPath?: string, range?: { from: number; to: number }): Generator<ShpRecord> {
  const name = basename(path);
  const header = readShpHeader(path);
  const shx = shxPath && existsSync(shxPath) ? readShx(shxPath) : undefined;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < header.fileLength) {
      fail('shp-truncated', `${name}: .shp가 잘렸습니다 (머리글 ${header.fileLength} 바이트, 실제 ${size} 바이트)`,
        `${name}: .shp is truncated (header says ${header.fileLength} bytes, file has ${size})`);
    }
    const end = Math.min(size, header.fileLength);
    let buf = Buffer.alloc(1 << 20);
    let bufStart = 0; // file position of buf[0]
    let bufLen = 0;
    const ensure = (pos: number, len: number): boolean => {
      if (pos >= bufStart && pos + len <= bufStart + bufLen) return true;
      if (len > buf.length) buf = Buffer.alloc(len * 2);
      bufStart = pos;
      bufLen = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      return len <= bufLen;
    };
    if (range && !shx) throw new Error('reading a range of records needs the .shx');
    let pos = range ? shx![range.from] ?? end : 100;
    let number = range ? range.from : 0;
    const last = range ? range.to : Infinity;
    while (pos < end && number < last) {
      number++;
      if (shx && (number > shx.length || shx[number - 1] !== pos)) {
        fail('shx-mismatch', `${name}: .shx 색인이 .shp와 맞지 않습니다 (레코드 ${number})`, `${name}: the .shx index does not match the .shp (record ${number})`, { record: number });
      }
      if (!ensure(pos, 8)) fail('shp-truncated', `${name}: .shp가 레코드 ${number}에서 잘렸습니다`, `${name}: .shp is truncated at record ${number}`, { record: number });
      const contentLength = buf.readInt32BE(pos - bufStart + 4) * 2;
      // Declared lengths are checked against the real file before anything is allocated for them.
      if (contentLength < 4 || pos + 8 + contentLength > end || !ensure(pos, 8 + contentLength)) {
        fail('shp-truncated', `${name}: .shp가 레코드 ${number}에서 잘렸습니다`, `${name}: .shp is truncated at record ${number}`, { record: number });
      }
      const o = pos - bufStart + 8;
      const rawType = buf.readInt32LE(o);
      const type = TYPE2D[rawType];
      if (type === undefined) fail('shp-invalid', `${name}: 레코드 ${number}의 도형 유형 ${rawType}을 읽을 수 없습니다`, `${name}: record ${number} has unsupported shape type ${rawType}`);
      const parts: XY[][] = [];
      const bad = () => fail('shp-invalid', `${name}: 레코드 ${number}의 길이가 올바르지 않습니다`, `${name}: record ${number} has an inconsistent length`, { record: number });
      if (type === 1) {
        if (contentLength < 20) bad();
        parts.push([[buf.readDoubleLE(o + 4), buf.readDoubleLE(o + 12)]]);
      } else if (type === 8) {
        if (contentLength < 40) bad();
        const np = buf.readInt32LE(o + 36);
        if (np < 0 || 40 + np * 16 > contentLength) bad();
        const pts: XY[] = [];
        for (let i = 0; i < np; i++) pts.push([buf.readDoubleLE(o + 40 + i * 16), buf.readDoubleLE(o + 48 + i * 16)]);
        parts.push(pts);
      } else if (type === 3 || type === 5) {
        if (contentLength < 44) bad();
        const nParts = buf.readInt32LE(o + 36);
        const nPoints = buf.readInt32LE(o + 40);
        if (nParts < 0 || nPoints < 0 || 44 + nParts * 4 + nPoints * 16 > contentLength) bad();
        const ptBase = o + 44 + nParts * 4;
        for (let p = 0; p < nParts; p++) {
          const s = buf.readInt32LE(o + 44 + p * 4);
          const e = p + 1 < nParts ? buf.readInt32LE(o + 48 + p * 4) : nPoints;
          // Part starts must rise within the record's points: never read outside it.
          if (s < 0 || e < s || e > nPoints) bad();
          const ring: XY[] = [];
          for (let i = s; i < e; i++) ring.push([buf.readDoubleLE(ptBase + i * 16), buf.readDoubleLE(ptBase + i * 16 + 8)]);
          parts.push(ring);
        }
      }
      yield { number, type, parts };
      pos += 8 + contentLength;
    }
    if (shx && !range && number !== shx.length) {
      fail('shx-mismatch', `${name}: .shx에는 ${shx.length}건, .shp에는 ${number}건이 있습니다`, `${name}: the .shx lists ${shx.length} records but the .shp has ${number}`);
    }
  } finally {
    closeSync(fd);
  }
}

// ---- writer (polygons and points, 2D) -----------------------------------------------------------

/** Writes .shp and .shx together, one record at a time; headers are patched on close. */
export class ShpWriter {
  private shp: number;
  private shx: number;
  private pos = 100;
  private n = 0;
  private bbox = [Infinity, Infinity, -Infinity, -Infinity];
  private chunks: Buffer[] = [];
  private idx: Buffer[] = [];
  private pending = 0;

  constructor(base: string, private shapeType: 1 | 5) {
    this.shp = openSync(`${base}.shp`, 'w');
    this.shx = openSync(`${base}.shx`, 'w');
    writeSync(this.shp, Buffer.alloc(100));
    writeSync(this.shx, Buffer.alloc(100));
  }

  /** Polygon rings in shapefile order (outer clockwise, holes counter-clockwise), or one point. */
  write(parts: XY[][]): void {
    let content: Buffer;
    if (this.shapeType === 1) {
      const [x, y] = parts[0][0];
      content = Buffer.alloc(20);
      content.writeInt32LE(1, 0);
      content.writeDoubleLE(x, 4);
      content.writeDoubleLE(y, 12);
      this.grow(x, y, x, y);
    } else {
      const nPoints = parts.reduce((s, r) => s + r.length, 0);
      content = Buffer.alloc(44 + parts.length * 4 + nPoints * 16);
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      content.writeInt32LE(5, 0);
      content.writeInt32LE(parts.length, 36);
      content.writeInt32LE(nPoints, 40);
      let k = 0;
      let p = 44 + parts.length * 4;
      parts.forEach((ring, i) => {
        content.writeInt32LE(k, 44 + i * 4);
        for (const [x, y] of ring) {
          content.writeDoubleLE(x, p);
          content.writeDoubleLE(y, p + 8);
          p += 16;
          if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
        }
        k += ring.length;
      });
      content.writeDoubleLE(x0, 4); content.writeDoubleLE(y0, 12); content.writeDoubleLE(x1, 20); content.writeDoubleLE(y1, 28);
      this.grow(x0, y0, x1, y1);
    }
    const rh = Buffer.alloc(8);
    rh.writeInt32BE(++this.n, 0);
    rh.writeInt32BE(content.length / 2, 4);
    const ix = Buffer.alloc(8);
    ix.writeInt32BE(this.pos / 2, 0);
    ix.writeInt32BE(content.length / 2, 4);
    this.chunks.push(rh, content);
    this.idx.push(ix);
    this.pos += 8 + content.length;
    this.pending += 8 + content.length;
    if (this.pending > 1 << 20) this.flush();
  }

  private grow(x0: number, y0: number, x1: number, y1: number) {
    const b = this.bbox;
    if (x0 < b[0]) b[0] = x0; if (y0 < b[1]) b[1] = y0; if (x1 > b[2]) b[2] = x1; if (y1 > b[3]) b[3] = y1;
  }

  private flush() {
    writeSync(this.shp, Buffer.concat(this.chunks));
    writeSync(this.shx, Buffer.concat(this.idx));
    this.chunks = [];
    this.idx = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    const header = (len: number) => {
      const h = Buffer.alloc(100);
      h.writeInt32BE(9994, 0);
      h.writeInt32BE(len / 2, 24);
      h.writeInt32LE(1000, 28);
      h.writeInt32LE(this.shapeType, 32);
      const b = this.n ? this.bbox : [0, 0, 0, 0];
      b.forEach((v, i) => h.writeDoubleLE(v, 36 + i * 8));
      return h;
    };
    writeSync(this.shp, header(this.pos), 0, 100, 0);
    writeSync(this.shx, header(100 + this.n * 8), 0, 100, 0);
    closeSync(this.shp);
    closeSync(this.shx);
  }
}
