import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE_DATA, acceptTemplate, validateTemplateData } from './index.js';

// Start from a real built-in and break it the ways a hand-edited district file breaks.
function inspection(): any {
  return structuredClone(BUILT_IN_TEMPLATE_DATA['inspection.v1.json']);
}
function errorsOf(data: unknown): string[] {
  const r = validateTemplateData(data);
  if (r.ok) throw new Error('expected the template to be invalid');
  return r.errors;
}

describe('validateTemplateData: schema errors name their path', () => {
  it('names the path of a bad severity as sections[i].items[j].options[k].severity', () => {
    const t = inspection();
    t.sections[2].items[4].options[1].severity = 'bad';
    expect(errorsOf(t)).toEqual([
      `sections[2].items[4].options[1].severity (item "${t.sections[2].items[4].id}"): expected one of ok, caution, danger`,
    ]);
  });

  it('gives one line per problem, for every problem in the file', () => {
    const t = inspection();
    t.version = 1.5;
    delete t.title;
    t.sections[0].items[1].type = 'choice';
    t.sections[0].items[2].prompt = { ko: '' };
    t.sections[1].items[0].colour = 'red';
    t.sections[1].items[1].showIf = { op: 'eq', item: 'kind', value: 'x' };
    const errors = errorsOf(t);
    expect(errors).toEqual([
      'version: expected an integer, got number',
      'title: missing (expected object)',
      'sections[0].items[1].type (item "buildingType"): unknown item type "choice" (expected one of yesno, single, multi, number, money, date, text, longtext, photo)',
      'sections[0].items[2].prompt.ko (item "unitMatchesRegistry"): must not be empty',
      'sections[0].items[2].prompt.en (item "unitMatchesRegistry"): missing (expected string)',
      'sections[1].items[0] (item "waterPressure"): unknown field "colour"',
      'sections[1].items[1].showIf.op (item "drainage"): unknown condition op "eq" (expected one of equals, in, answered, gt, gte, lt, lte, not, all, any)',
    ]);
    expect(errors.every((e) => !e.includes('\n'))).toBe(true);
  });

  it('rejects data that is not a template object at all', () => {
    expect(errorsOf([])).toEqual(['(template): expected object, got array']);
    expect(errorsOf({})).toEqual([
      'id: missing (expected string)',
      'version: missing (expected number)',
      'title: missing (expected object)',
      'sections: missing (expected array)',
    ]);
  });
});

describe('validateTemplateData: rules beyond the schema', () => {
  it('rejects duplicate item ids, pointing at the first use', () => {
    const t = inspection();
    t.sections[3].items[0].id = 'viewedOn';
    expect(errorsOf(t)).toEqual([`sections[3].items[0].id (item "viewedOn"): duplicate item id "viewedOn" (first at sections[0].items[0])`]);
  });

  it('rejects conditions on later, unknown or self items, and values that are not options', () => {
    const t = inspection();
    t.sections[0].items[3].showIf = { op: 'equals', item: 'floorLevel', value: 'basement' };
    t.sections[0].items[4].showIf = { op: 'not', cond: { op: 'answered', item: 'nope' } };
    t.sections[1].items[0].showIf = { op: 'all', of: [{ op: 'equals', item: 'buildingType', value: 'castle' }] };
    t.sections[1].items[2].requiredIf = { op: 'answered', item: 'drainSmell' };
    t.sections[1].items[3].showIf = { op: 'gt', item: 'buildingType', value: 3 };
    expect(errorsOf(t)).toEqual([
      'sections[0].items[3].showIf.item (item "roomSplitSigns"): refers to "floorLevel" at sections[0].items[6], which comes later; conditions may only look at earlier items',
      'sections[0].items[4].showIf.cond.item (item "illegalExtensionSigns"): refers to unknown item "nope"',
      'sections[1].items[0].showIf.of[0].value (item "waterPressure"): "castle" is not an option of "buildingType"',
      'sections[1].items[2].requiredIf.item (item "drainSmell"): refers to the item itself ("drainSmell"); conditions may only look at earlier items',
      'sections[1].items[3].showIf.item (item "hotWaterSeconds"): "gt" needs a number or money item, but "buildingType" is single',
    ]);
  });

  it('rejects choice items without usable options', () => {
    const t = inspection();
    delete t.sections[1].items[0].options;
    t.sections[1].items[1].options.push({ value: 'odd', severity: 'ok' });
    t.sections[1].items[2].options = [{ value: 'yes', severity: 'ok' }, { value: 'maybe', severity: 'ok' }];
    expect(errorsOf(t)).toEqual([
      'sections[1].items[0].options (item "waterPressure"): missing (expected array)',
    ]);
    t.sections[1].items[0].options = structuredClone(inspection().sections[1].items[0].options);
    expect(errorsOf(t)).toEqual([
      'sections[1].items[1].options[3].label (item "drainage"): missing (choice options need a {ko, en} label)',
      'sections[1].items[2].options[1].value (item "drainSmell"): expected one of yes, no, na on a yesno item, got "maybe"',
      'sections[1].items[2].options (item "drainSmell"): a yesno item needs both "yes" and "no" options',
    ]);
  });

  it('rejects evidence rules that demand nothing or name answers the item does not offer', () => {
    const t = inspection();
    t.sections[2].items[0].evidenceWhen = [{ severityAtLeast: 'caution' }, { values: ['leaky'], photo: true }];
    expect(errorsOf(t)).toEqual([
      'sections[2].items[0].evidenceWhen[0] (item "ceilingLeak"): demands nothing: set "photo" and/or "note" to true',
      'sections[2].items[0].evidenceWhen[1].values[0] (item "ceilingLeak"): "leaky" is not an option of this item',
    ]);
  });
});

describe('acceptTemplate: published versions are immutable', () => {
  it('refuses to overwrite a published (id, version), built-in or stored', () => {
    const r = acceptTemplate([], inspection());
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('inspection v1 is already published')] });
    const district = { ...inspection(), id: 'gwanak-inspection' };
    expect(acceptTemplate([{ id: 'gwanak-inspection', version: 1 }], district).ok).toBe(false);
  });

  it('refuses a version that is not above the latest, and accepts a new version or a new id', () => {
    // Built-in inspection v2 is published (issue 13), so the next free version is 3.
    const v3 = { ...inspection(), version: 3 };
    expect(acceptTemplate([], { ...inspection(), version: 2 }).ok).toBe(false);
    expect(acceptTemplate([], v3)).toMatchObject({ ok: true, template: { id: 'inspection', version: 3 } });
    const r = acceptTemplate([{ id: 'inspection', version: 4 }], v3);
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('not above the latest published version 4')] });
    expect(acceptTemplate([], { ...inspection(), id: 'gwanak-inspection' }).ok).toBe(true);
  });

  it('validates the candidate first', () => {
    const t = inspection();
    t.version = 0;
    expect(acceptTemplate([], t)).toEqual({ ok: false, errors: ['version: must be greater than 0'] });
  });
});
