// A small seeded fuzzing harness shared by the validators' and importers' fuzz tests (checklist
// templates here; the geo importers beside their readers). Pure: no I/O, no clock; the same seed
// gives the same cases, so a failure is reproduced by its seed and case number.
//
//   const r = runFuzz({ seed: 1, cases: 2000, corpus, mutators: BYTE_MUTATORS, target, typed });
//   expect(r.untyped).toEqual([]);
//
// `target(input)` exercises the code under test; it may return or throw. A throw is fine when
// `typed(error)` says it is one of the code's own typed errors (e.g. GeoInputError,
// TemplateError); anything else (TypeError, RangeError: stack overflow, …) is a finding.

/** mulberry32: a tiny, fast, seedable PRNG (not for cryptography). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

export function rng(seed: number): Rng {
  const next = prng(seed);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

export type Mutator<T> = (input: T, r: Rng) => T;

// ── byte-level mutations (binary formats: .shp, .dbf, …; also text as UTF-8) ─────────────
const GIANT = [0x7fffffff, 0xffffffff, 0x20000000, 0x10000000, 0x80000000];

export const BYTE_MUTATORS: Record<string, Mutator<Uint8Array>> = {
  bitFlip(b, r) {
    if (b.length === 0) return b;
    const out = Uint8Array.from(b);
    for (let n = 1 + r.int(8); n > 0; n--) out[r.int(out.length)] ^= 1 << r.int(8);
    return out;
  },
  truncate(b, r) {
    return b.subarray(0, r.int(b.length + 1));
  },
  /** A 32-bit field overwritten with a giant or negative count/length, either endianness. */
  giantField(b, r) {
    if (b.length < 4) return b;
    const out = Uint8Array.from(b);
    const view = new DataView(out.buffer);
    const at = r.int(Math.min(out.length - 3, 512)) & ~3;
    view.setUint32(at, r.pick([...GIANT, r.int(0xffffffff)]), r.next() < 0.5);
    return out;
  },
  /** A small count made slightly wrong (off by a few). */
  wrongCount(b, r) {
    if (b.length < 4) return b;
    const out = Uint8Array.from(b);
    const view = new DataView(out.buffer);
    const at = r.int(Math.min(out.length - 3, 256));
    const le = r.next() < 0.5;
    view.setInt32(at, view.getInt32(at, le) + r.pick([-2, -1, 1, 2, 1000]), le);
    return out;
  },
  duplicateChunk(b, r) {
    if (b.length === 0) return b;
    const start = r.int(b.length);
    const chunk = b.subarray(start, start + 1 + r.int(64));
    const at = r.int(b.length);
    return Uint8Array.from([...b.subarray(0, at), ...chunk, ...b.subarray(at)]);
  },
  /** Bytes that are not valid UTF-8 / CP949 (lone continuation bytes, overlong forms). */
  badEncoding(b, r) {
    const bad = r.pick([[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe], [0xa1]]);
    const at = r.int(b.length + 1);
    return Uint8Array.from([...b.subarray(0, at), ...bad, ...b.subarray(at)]);
  },
};

// ── structural mutations of parsed JSON (GeoJSON, templates, study documents) ─────────────
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ODD_VALUES: unknown[] = [null, NaN, Infinity, -Infinity, -1, 0, 1e308, '', 'x'.repeat(10_000), [], {}, true, '\u0000', '한글'.repeat(3)];

/** Every container path in a JSON value (iteratively, depth-capped). */
function containers(v: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const stack: unknown[] = [v];
  while (stack.length && out.length < 5000) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      n.forEach((c, i) => {
        out.push({ parent: n, key: i });
        stack.push(c);
      });
    } else if (n && typeof n === 'object') {
      for (const [k, c] of Object.entries(n)) {
        out.push({ parent: n as Record<string, unknown>, key: k });
        stack.push(c);
      }
    }
  }
  return out;
}

export const JSON_MUTATORS: Record<string, Mutator<unknown>> = {
  oddValue(v, r) {
    const c = structuredClone(v);
    const slots = containers(c);
    if (slots.length === 0) return r.pick(ODD_VALUES);
    const s = r.pick(slots);
    (s.parent as Record<string | number, unknown>)[s.key] = r.pick(ODD_VALUES);
    return c;
  },
  dropKey(v, r) {
    const c = structuredClone(v);
    const slots = containers(c).filter((s) => !Array.isArray(s.parent));
    if (slots.length === 0) return c;
    const s = r.pick(slots);
    delete (s.parent as Record<string, unknown>)[s.key as string];
    return c;
  },
  /** A value wrapped in itself many levels deep (stack-overflow hunters). */
  deepNest(v, r) {
    const c = structuredClone(v);
    const slots = containers(c);
    const depth = r.pick([20, 50, 500, 5_000]);
    let deep: unknown = r.pick([{ op: 'answered', item: 'x' }, 1, 'x']);
    const wrap = r.pick([(x: unknown) => ({ op: 'not', cond: x }), (x: unknown) => ({ op: 'all', of: [x] }), (x: unknown) => [x], (x: unknown) => ({ a: x })]);
    for (let i = 0; i < depth; i++) deep = wrap(deep);
    if (slots.length === 0) return deep;
    const s = r.pick(slots);
    (s.parent as Record<string | number, unknown>)[s.key] = deep;
    return c;
  },
  duplicateArrayEntry(v, r) {
    const c = structuredClone(v);
    const arrays = containers(c).map((s) => (s.parent as Record<string | number, unknown>)[s.key]).filter(Array.isArray) as unknown[][];
    if (arrays.length === 0) return c;
    const a = r.pick(arrays);
    if (a.length) a.push(structuredClone(a[r.int(a.length)]));
    return c;
  },
};

/** JSON text, mutated as text (truncation, bit flips, bad bytes) — for parsers of JSON files. */
export function mutateJsonText(text: string, r: Rng): string {
  const bytes = new TextEncoder().encode(text);
  const m = r.pick([BYTE_MUTATORS.truncate, BYTE_MUTATORS.bitFlip, BYTE_MUTATORS.badEncoding, BYTE_MUTATORS.duplicateChunk]);
  return new TextDecoder().decode(m(bytes, r));
}

export interface FuzzOptions<T> {
  seed: number;
  cases: number;
  corpus: readonly T[];
  mutators: Record<string, Mutator<T>>;
  /** Up to this many mutations stacked per case (default 3). */
  maxStack?: number;
  target(input: T): unknown;
  /** True for the code's own typed errors. */
  typed(error: unknown): boolean;
}

export interface FuzzFinding {
  seed: number;
  caseNo: number;
  mutators: string[];
  error: string;
}

export interface FuzzResult {
  cases: number;
  accepted: number;
  rejected: number;
  untyped: FuzzFinding[];
}

/** Runs `cases` mutated inputs through `target`; reports every untyped exception. */
export function runFuzz<T>(o: FuzzOptions<T>): FuzzResult {
  const r = rng(o.seed);
  const names = Object.keys(o.mutators);
  const result: FuzzResult = { cases: 0, accepted: 0, rejected: 0, untyped: [] };
  for (let caseNo = 0; caseNo < o.cases; caseNo++) {
    let input = o.corpus[r.int(o.corpus.length)];
    const used: string[] = [];
    try {
      for (let n = 1 + r.int(o.maxStack ?? 3); n > 0; n--) {
        const name = r.pick(names);
        used.push(name);
        input = o.mutators[name](input, r);
      }
    } catch {
      continue; // a mutation that cannot apply (e.g. cloning something too deep): not a case
    }
    result.cases++;
    try {
      o.target(input);
      result.accepted++;
    } catch (e) {
      if (o.typed(e)) result.rejected++;
      else result.untyped.push({ seed: o.seed, caseNo, mutators: used, error: e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e) });
    }
  }
  return result;
}

export type { Json };
