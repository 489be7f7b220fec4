// Issue 10 item 5: every malformed checklist template is a clear, typed error. A seeded fuzz run
// (the shared harness in checklists/common/fuzz.ts) mutates the built-in templates — odd values,
// NaN/Infinity, dropped keys, duplicated entries, showIf nested thousands deep, truncated and
// bit-flipped JSON text — and asserts that nothing but TemplateError escapes.
// FUZZ_CASES=20000 runs a larger count (bench).
import { describe, expect, it } from 'vitest';
import { JSON_MUTATORS, mutateJsonText, runFuzz, type Mutator } from '../common/fuzz.js';
import { BUILT_IN_TEMPLATE_DATA, TEMPLATE_LIMITS, TemplateError, parseTemplateJson, score, validateTemplateData } from './index.js';

const corpus = Object.values(BUILT_IN_TEMPLATE_DATA);

/** Validates (parsed data, or JSON text); an accepted template is also scored with no answers. */
function target(input: unknown) {
  const template =
    typeof input === 'string'
      ? parseTemplateJson(input)
      : (() => {
          const c = validateTemplateData(input);
          if (!c.ok) throw new TemplateError(c.errors);
          return c.template;
        })();
  score(template, []);
}

const asText: Mutator<unknown> = (v, r) => mutateJsonText(JSON.stringify(v), r);

describe('checklist templates: fuzzed input gives only typed errors', () => {
  it(`${process.env.FUZZ_CASES ?? 2000} seeded cases: no untyped exception`, () => {
    const result = runFuzz({
      seed: 20261206,
      cases: Number(process.env.FUZZ_CASES ?? 2000),
      corpus,
      mutators: { ...JSON_MUTATORS, asText },
      target,
      typed: (e) => e instanceof TemplateError,
    });
    expect(result.untyped).toEqual([]);
    expect(result.rejected).toBeGreaterThan(result.cases / 2); // the mutations do bite
  });

  it('a showIf nested 10,000 levels deep is a clear error, not a stack overflow', () => {
    const t = structuredClone(BUILT_IN_TEMPLATE_DATA[Object.keys(BUILT_IN_TEMPLATE_DATA)[0]]) as { sections: { items: { showIf?: unknown }[] }[] };
    let cond: unknown = { op: 'answered', item: 'x' };
    for (let i = 0; i < 10_000; i++) cond = { op: 'not', cond };
    t.sections[0].items[1].showIf = cond;
    const r = validateTemplateData(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(new RegExp(`nested more than ${TEMPLATE_LIMITS.maxDepth} levels deep`));
    // The same as text (JSON.stringify itself cannot write it; JSON.parse can read it).
    let text = '{"op":"answered","item":"x"}';
    for (let i = 0; i < 10_000; i++) text = `{"op":"not","cond":${text}}`;
    const shallow = structuredClone(BUILT_IN_TEMPLATE_DATA[Object.keys(BUILT_IN_TEMPLATE_DATA)[0]]) as { sections: { items: { showIf?: unknown }[] }[] };
    shallow.sections[0].items[1].showIf = '@DEEP@';
    expect(() => parseTemplateJson(JSON.stringify(shallow).replace('"@DEEP@"', text))).toThrow(TemplateError);
  });

  it('conditions deeper than the limit but within the JSON depth name the item and the limit', () => {
    const t = structuredClone(BUILT_IN_TEMPLATE_DATA[Object.keys(BUILT_IN_TEMPLATE_DATA)[0]]) as { sections: { items: { id: string; showIf?: unknown }[] }[] };
    let cond: unknown = { op: 'answered', item: t.sections[0].items[0].id };
    for (let i = 0; i < TEMPLATE_LIMITS.maxConditionDepth + 3; i++) cond = { op: 'not', cond };
    t.sections[0].items[1].showIf = cond;
    const r = validateTemplateData(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(`at most ${TEMPLATE_LIMITS.maxConditionDepth}`);
  });

  it('NaN and Infinity are refused by name', () => {
    const t = structuredClone(BUILT_IN_TEMPLATE_DATA[Object.keys(BUILT_IN_TEMPLATE_DATA)[0]]) as { version: number };
    t.version = Infinity;
    const r = validateTemplateData(t);
    expect(r.ok ? '' : r.errors[0]).toMatch(/^version: expected a finite number/);
  });
});
