// A lean streaming dBASE III reader and writer. Reads records in chunks from a file descriptor
// (a 1M-row DBF never sits in memory as one string); text decoding per encoding.ts.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { EncodingProbe, type TextEncoding, decodeText, encodeText } from './encoding.js';
import { fail } from '../core/messages.js';

export interface DbfField {
  name: string;
  type: string; // C, N, F, L, D …
  length: number;
  decimals: number;
  offset: number; // within the record, after the deletion flag
}

export interface DbfHeader {
  records: number;
  headerLength: number;
  recordLength: number;
  ldid: number;
  fields: DbfField[];
  /** Raw field-name bytes, decoded later once the encoding is known. */
  rawNames: Uint8Array[];
}

export type DbfValue = string | number | boolean | null;

export function readDbfHeader(path: string): DbfHeader {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(32);
    if (readSync(fd, head, 0, 32, 0) < 32) fail('dbf-truncated', `${basename(path)}: DBF 머리글이 잘렸습니다`, `${basename(path)}: DBF header is truncated`);
    const records = head.readUInt32LE(4);
    const headerLength = head.readUInt16LE(8);
    const recordLength = head.readUInt16LE(10);
    if (headerLength < 33 || recordLength < 1 || headerLength > size) {
      fail('dbf-invalid', `${basename(path)}: DBF 머리글이 올바르지 않습니다`, `${basename(path)}: not a valid DBF header`);
    }
    const desc = Buffer.alloc(headerLength - 32);
    readSync(fd, desc, 0, desc.length, 32);
    const fields: DbfField[] = [];
    const rawNames: Uint8Array[] = [];
    let offset = 1;
    for (let p = 0; p + 32 <= desc.length && desc[p] !== 0x0d; p += 32) {
      let end = p;
      while (end < p + 11 && desc[end] !== 0) end++;
      rawNames.push(desc.subarray(p, end));
      const length = desc[p + 16];
      fields.push({ name: '', type: String.fromCharCode(desc[p + 11]), length, decimals: desc[p + 17], offset });
      offset += length;
    }
    if (offset !== recordLength) {
      fail('dbf-invalid', `${basename(path)}: DBF 필드 길이의 합(${offset})이 레코드 길이(${recordLength})와 다릅니다`,
        `${basename(path)}: DBF field lengths (${offset}) do not add up to the record length (${recordLength})`);
    }
    const need = headerLength + records * recordLength;
    if (size < need) {
      const whole = Math.floor((size - headerLength) / recordLength);
      fail('dbf-truncated', `${basename(path)}: DBF가 잘렸습니다 — 머리글은 ${records}건인데 ${whole}건만 있습니다`,
        `${basename(path)}: DBF is truncated — the header says ${records} records but only ${whole} are present`, { records, present: whole });
    }
    return { records, headerLength, recordLength, ldid: head[29], fields, rawNames };
  } finally {
    closeSync(fd);
  }
}

/** Scans all text bytes (names and records) once to learn which encodings they are valid in. */
export function probeDbf(path: string, h: DbfHeader): EncodingProbe {
  const probe = new EncodingProbe();
  for (const n of h.rawNames) probe.push(n, false);
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(Math.max(h.recordLength, (1 << 22) - ((1 << 22) % h.recordLength)));
    const total = h.records * h.recordLength;
    for (let pos = 0; pos < total; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, total - pos), h.headerLength + pos);
      if (n <= 0) break;
      // Only character fields carry text; probing whole records is equivalent since numbers are ASCII.
      pos += n;
      probe.push(chunk.subarray(0, n), pos >= total);
    }
  } finally {
    closeSync(fd);
  }
  return probe;
}

export function decodeFieldNames(h: DbfHeader, enc: TextEncoding): void {
  h.fields.forEach((f, i) => (f.name = decodeText(h.rawNames[i], enc).trim()));
}

const trimEnd = (b: Buffer, s: number, e: number) => {
  while (e > s && (b[e - 1] === 0x20 || b[e - 1] === 0)) e--;
  return e;
};

/**
 * Decodes character cells. Repeated cells (용도지역, 지목…) are looked up by a hash of their raw
 * bytes, so they are neither decoded nor allocated again (this also interns them); a field whose
 * cells are mostly unique (PNU) stops caching after a sample.
 */
class CellDecoder {
  private cache = new Map<number, { bytes: Buffer; value: string }>();
  private lookups = 0;
  private hits = 0;
  private caching = true;
  constructor(private enc: TextEncoding) {}
  decode(buf: Buffer, s: number, e: number): string {
    if (this.caching) {
      let h = 0x811c9dc5;
      for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
      h = (h ^ (e - s)) >>> 0;
      const c = this.cache.get(h);
      this.lookups++;
      if (c && sameBytes(c.bytes, buf, s, e)) {
        this.hits++;
        return c.value;
      }
      const value = this.raw(buf, s, e);
      if (!c && this.cache.size < 20_000) this.cache.set(h, { bytes: Buffer.from(buf.subarray(s, e)), value });
      if (this.lookups === 20_000 && this.hits < 10_000) this.caching = false;
      return value;
    }
    return this.raw(buf, s, e);
  }
  private raw(buf: Buffer, s: number, e: number): string {
    for (let i = s; i < e; i++) if (buf[i] >= 0x80) return decodeText(buf.subarray(s, e), this.enc);
    return buf.toString('latin1', s, e);
  }
}

function sameBytes(a: Uint8Array, buf: Uint8Array, s: number, e: number): boolean {
  if (a.length !== e - s) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[s + i]) return false;
  return true;
}

/** Parses a DBF numeric cell ([-]digits[.digits]) without making a string; odd forms fall back to Number. */
function parseNumber(buf: Buffer, s: number, e: number): number {
  let neg = false;
  let i = s;
  if (buf[i] === 0x2d) {
    neg = true;
    i++;
  }
  let int = 0;
  let frac = 0;
  let scale = 1;
  let dot = false;
  let digits = 0;
  for (; i < e; i++) {
    const c = buf[i];
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      if (dot) {
        frac = frac * 10 + (c - 0x30);
        scale *= 10;
      } else int = int * 10 + (c - 0x30);
    } else if (c === 0x2e && !dot) dot = true;
    else return Number(buf.toString('latin1', s, e));
  }
  if (!digits || digits > 15) return Number(buf.toString('latin1', s, e));
  const v = int + frac / scale;
  return neg ? -v : v;
}

function parseValue(buf: Buffer, f: DbfField, start: number, dec: CellDecoder): DbfValue {
  let s = start + f.offset;
  const e = trimEnd(buf, s, s + f.length);
  switch (f.type) {
    case 'N':
    case 'F': {
      while (s < e && buf[s] === 0x20) s++;
      if (s === e) return null;
      const v = parseNumber(buf, s, e);
      return Number.isFinite(v) ? v : null;
    }
    case 'L': {
      const c = String.fromCharCode(buf[s]).toUpperCase();
      return 'YT'.includes(c) ? true : 'NF'.includes(c) ? false : null;
    }
    case 'D':
      return s === e ? null : buf.toString('latin1', s, e);
    default:
      return s === e ? '' : dec.decode(buf, s, e);
  }
}

/**
 * Streams records as objects keyed by the original field names (deleted records are yielded as
 * null). `only` limits decoding to the named fields (the study needs a few of many).
 */
export function* readDbfRecords(path: string, h: DbfHeader, enc: TextEncoding, only?: string[], from = 0): Generator<Record<string, DbfValue> | null> {
  // One reader: the record objects are built from readDbfRows' reused row.
  const names = (only ? h.fields.filter((f) => only.includes(f.name)) : h.fields).map((f) => f.name);
  for (const row of readDbfRows(path, h, enc, names, from)) {
    if (!row) {
      yield null;
      continue;
    }
    const rec: Record<string, DbfValue> = {};
    for (let k = 0; k < names.length; k++) rec[names[k]] = row[k];
    yield rec;
  }
}

/**
 * Streams the named fields of each record as one reused array (in `fields` order; null for a
 * deleted record): no object per record, for the million-parcel study path.
 */
export function* readDbfRows(path: string, h: DbfHeader, enc: TextEncoding, fields: string[], from = 0): Generator<DbfValue[] | null> {
  const fd = openSync(path, 'r');
  try {
    const per = Math.max(1, Math.floor((1 << 20) / h.recordLength));
    const chunk = Buffer.alloc(per * h.recordLength);
    const fs = fields.map((n) => h.fields.find((f) => f.name === n));
    const decoders = fs.map(() => new CellDecoder(enc));
    const row: DbfValue[] = new Array(fs.length).fill(null);
    for (let r = from; r < h.records; r += per) {
      const count = Math.min(per, h.records - r);
      readSync(fd, chunk, 0, count * h.recordLength, h.headerLength + r * h.recordLength);
      for (let i = 0; i < count; i++) {
        const base = i * h.recordLength;
        if (chunk[base] === 0x2a) {
          yield null;
          continue;
        }
        for (let k = 0; k < fs.length; k++) row[k] = fs[k] ? parseValue(chunk, fs[k]!, base, decoders[k]) : null;
        yield row;
      }
    }
  } finally {
    closeSync(fd);
  }
}

// ---- writer -----------------------------------------------------------------------------------

export interface DbfFieldSpec {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

/** Writes a DBF incrementally; `ldid` 0x4E marks CP949 as Korean tools expect. */
export class DbfWriter {
  private fd: number;
  private count = 0;
  private recordLength: number;
  private headerLength: number;
  private buf: Buffer;
  private used = 0;
  private perChunk: number;

  constructor(path: string, private fields: DbfFieldSpec[], private enc: TextEncoding, date = new Date()) {
    this.fd = openSync(path, 'w');
    this.recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
    this.headerLength = 32 + 32 * fields.length + 1;
    const head = Buffer.alloc(this.headerLength);
    head[0] = 0x03;
    const d = date;
    head[1] = d.getUTCFullYear() - 1900;
    head[2] = d.getUTCMonth() + 1;
    head[3] = d.getUTCDate();
    head.writeUInt16LE(this.headerLength, 8);
    head.writeUInt16LE(this.recordLength, 10);
    head[29] = enc === 'CP949' ? 0x4e : 0;
    fields.forEach((f, i) => {
      const name = encodeText(f.name, enc);
      if (name.length > 10) throw new Error(`DBF field name too long: ${f.name}`);
      name.copy(head, 32 + i * 32);
      head[32 + i * 32 + 11] = f.type.charCodeAt(0);
      head[32 + i * 32 + 16] = f.length;
      head[32 + i * 32 + 17] = f.decimals ?? 0;
    });
    head[this.headerLength - 1] = 0x0d;
    writeSync(this.fd, head);
    this.perChunk = Math.max(1, Math.floor((1 << 20) / this.recordLength));
    this.buf = Buffer.alloc(this.perChunk * this.recordLength, 0x20);
  }

  write(values: (string | number | null)[]): void {
    let p = this.used * this.recordLength;
    this.buf[p++] = 0x20;
    this.fields.forEach((f, i) => {
      const v = values[i];
      let bytes: Buffer;
      if (v === null || v === undefined) bytes = Buffer.alloc(0);
      else if (f.type === 'N') {
        const t = typeof v === 'number' ? v.toFixed(f.decimals ?? 0) : String(v);
        bytes = Buffer.from(t.padStart(f.length, ' ').slice(-f.length), 'latin1');
      } else bytes = encodeText(String(v), this.enc).subarray(0, f.length);
      this.buf.fill(0x20, p, p + f.length);
      bytes.copy(this.buf, p);
      p += f.length;
    });
    this.count++;
    if (++this.used === this.perChunk) this.flush();
  }

  private flush(): void {
    if (this.used) writeSync(this.fd, this.buf, 0, this.used * this.recordLength);
    this.used = 0;
    this.buf.fill(0x20);
  }

  close(): void {
    this.flush();
    writeSync(this.fd, Buffer.from([0x1a]));
    const n = Buffer.alloc(4);
    n.writeUInt32LE(this.count);
    writeSync(this.fd, n, 0, 4, 4);
    closeSync(this.fd);
  }
}
