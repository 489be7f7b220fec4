// Validating template data (a built-in file or a district's own upload): the schema first,
// then the rules a schema cannot say (unique ids, conditions on earlier items only, ...).
// Every problem becomes one human line that names its path, so a coordinator can fix the file.
import type { z } from 'zod';
import { leaves } from './conditions.js';
import { Template, YESNO_VALUES, isChoice, type Condition, type Item } from './schema.js';

export type TemplateCheck = { ok: true; template: Template } | { ok: false; errors: string[] };

type Path = readonly PropertyKey[];

/** ['sections', 2, 'items', 4, 'id'] → "sections[2].items[4].id" */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(template)' : out;
}

/** The id of the item a path points into, when the raw data has one: helps find the line. */
function itemHint(data: unknown, path: Path): string {
  let node: unknown = data;
  let hint = '';
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[path[i] as never];
    if (path[i - 1] === 'items' && node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') {
      hint = ` (item "${(node as { id: string }).id}")`;
    }
  }
  return hint;
}

const ITEM_TYPES = 'yesno, single, multi, number, money, date, text, longtext, photo';
const CONDITION_OPS = 'equals, in, answered, gt, gte, lt, lte, not, all, any';

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function valueAt(data: unknown, path: Path): unknown {
  let node: unknown = data;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[k as never];
  }
  return node;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = valueAt(data, issue.path);
      const expected = issue.expected === 'int' ? 'an integer' : issue.expected;
      return got === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${typeName(got)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `expected at most ${String(issue.maximum)} entries` : `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    case 'invalid_union': {
      // A discriminated union whose discriminator (an item's `type`, a condition's `op`) is
      // missing or unknown: zod points the path at the discriminator itself.
      const key = issue.path[issue.path.length - 1];
      const got = valueAt(data, issue.path);
      const shown = got === undefined ? 'missing' : `unknown ${key === 'op' ? 'condition op' : 'item type'} ${JSON.stringify(got)}`;
      if (key === 'type') return `${shown} (expected one of ${ITEM_TYPES})`;
      if (key === 'op') return `${shown} (expected one of ${CONDITION_OPS})`;
      return `expected an object, got ${typeName(got)}`;
    }
    default:
      return issue.message;
  }
}

/**
 * Limits checked before anything recursive looks at the data (the schema, the conditions): a
 * `showIf` nested ten thousand levels deep must be a clear error, not a stack overflow.
 */
export const TEMPLATE_LIMITS = {
  /** Nesting of the JSON as a whole (a real template is about 10 deep). */
  maxDepth: 48,
  /** Nesting of one condition: not/all/any inside each other. */
  maxConditionDepth: 12,
  /** Values in the whole document (objects, arrays, strings, numbers…). */
  maxNodes: 200_000,
  /** Characters of the template's JSON text. */
  maxJsonChars: 2_000_000,
} as const;

/** A template that cannot be accepted, with one line per problem (paths named). */
export class TemplateError extends Error {
  readonly code = 'TEMPLATE_INVALID';
  constructor(readonly errors: string[]) {
    super(errors.join(' / '));
    this.name = 'TemplateError';
  }
}

/** Depth and size of a JSON value, measured without recursion. */
function shapeErrors(data: unknown): string[] {
  const stack: { v: unknown; depth: number; path: Path }[] = [{ v: data, depth: 1, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (++nodes > TEMPLATE_LIMITS.maxNodes) return [`(template): more than ${TEMPLATE_LIMITS.maxNodes} values; a checklist template is far smaller`];
    if (depth > TEMPLATE_LIMITS.maxDepth) return [`${formatPath(path)}: nested more than ${TEMPLATE_LIMITS.maxDepth} levels deep`];
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, depth: depth + 1, path: [...path, i] }));
      else for (const [k, c] of Object.entries(v)) stack.push({ v: c, depth: depth + 1, path: [...path, k] });
    } else if (typeof v === 'number' && !Number.isFinite(v)) {
      return [`${formatPath(path)}: expected a finite number`];
    }
  }
  return [];
}

function conditionDepth(c: Condition): number {
  if (c.op === 'not') return 1 + conditionDepth(c.cond);
  if (c.op === 'all' || c.op === 'any') return 1 + Math.max(0, ...c.of.map(conditionDepth));
  return 1;
}

/** Parses and checks a template's JSON text; throws TemplateError (never anything else). */
export function parseTemplateJson(text: string): Template {
  if (text.length > TEMPLATE_LIMITS.maxJsonChars) throw new TemplateError([`(template): larger than ${TEMPLATE_LIMITS.maxJsonChars} characters`]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new TemplateError([`(template): not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : 'syntax error'})`]);
  }
  const check = validateTemplateData(data);
  if (!check.ok) throw new TemplateError(check.errors);
  return check.template;
}

/** Checks template data (parsed JSON). On success the template has its defaults filled in. */
export function validateTemplateData(data: unknown): TemplateCheck {
  const shape = shapeErrors(data);
  if (shape.length > 0) return { ok: false, errors: shape };
  const parsed = Template.safeParse(data);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => `${formatPath(issue.path)}${itemHint(data, issue.path)}: ${describeIssue(issue, data)}`);
    return { ok: false, errors: [...new Set(errors)] };
  }
  const errors = semanticErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, template: parsed.data };
}

function semanticErrors(t: Template): string[] {
  const errors: string[] = [];
  const sectionIds = new Set<string>();
  /** Items seen so far (conditions may only look back), by id. */
  const earlier = new Map<string, Item>();
  const all = new Map<string, string>();
  t.sections.forEach((s, si) => s.items.forEach((it, ii) => all.has(it.id) || all.set(it.id, `sections[${si}].items[${ii}]`)));

  t.sections.forEach((section, si) => {
    const sp = `sections[${si}]`;
    if (sectionIds.has(section.id)) errors.push(`${sp}.id: duplicate section id "${section.id}"`);
    sectionIds.add(section.id);
    section.items.forEach((item, ii) => {
      const ip = `${sp}.items[${ii}]`;
      const at = (rest: string, msg: string) => errors.push(`${ip}${rest} (item "${item.id}"): ${msg}`);
      if (earlier.has(item.id)) at('.id', `duplicate item id "${item.id}" (first at ${all.get(item.id)})`);

      if (isChoice(item)) {
        const seen = new Set<string>();
        item.options.forEach((o, oi) => {
          if (seen.has(o.value)) at(`.options[${oi}].value`, `duplicate option value "${o.value}"`);
          seen.add(o.value);
          if (item.type === 'yesno' && !(YESNO_VALUES as readonly string[]).includes(o.value)) {
            at(`.options[${oi}].value`, `expected one of yes, no, na on a yesno item, got "${o.value}"`);
          }
          if (item.type !== 'yesno' && !o.label) at(`.options[${oi}].label`, 'missing (choice options need a {ko, en} label)');
          if (o.exclusive && item.type !== 'multi') at(`.options[${oi}].exclusive`, 'only options of a multi item can be exclusive');
        });
        if (item.type === 'yesno' && !(seen.has('yes') && seen.has('no'))) at('.options', 'a yesno item needs both "yes" and "no" options');
      }
      if (item.type === 'number' && item.min !== undefined && item.max !== undefined && item.min > item.max) {
        at('.min', `min ${item.min} is greater than max ${item.max}`);
      }

      (item.evidenceWhen ?? []).forEach((rule, ri) => {
        const rp = `.evidenceWhen[${ri}]`;
        if (!rule.photo && !rule.note) at(rp, 'demands nothing: set "photo" and/or "note" to true');
        if (rule.severityAtLeast === undefined && rule.values === undefined) at(rp, 'needs "severityAtLeast" or "values" to say which answers demand evidence');
        if (rule.values) {
          if (!isChoice(item)) at(`${rp}.values`, `only choice items can name answer values (this item is ${item.type})`);
          else rule.values.forEach((v, vi) => item.options.some((o) => o.value === v) || at(`${rp}.values[${vi}]`, `"${v}" is not an option of this item`));
        }
      });

      for (const key of ['showIf', 'requiredIf'] as const) {
        const cond = item[key];
        if (!cond) continue;
        const depth = conditionDepth(cond);
        if (depth > TEMPLATE_LIMITS.maxConditionDepth) {
          at(`.${key}`, `conditions nest ${depth} levels deep; at most ${TEMPLATE_LIMITS.maxConditionDepth}`);
          continue;
        }
        checkCondition(cond, `.${key}`, item.id, earlier, all, at);
      }
      earlier.set(item.id, item);
    });
  });
  return errors;
}

function checkCondition(
  cond: Condition,
  base: string,
  selfId: string,
  earlier: Map<string, Item>,
  all: Map<string, string>,
  at: (rest: string, msg: string) => void,
): void {
  for (const { cond: leaf, path } of leaves(cond)) {
    const lp = `${base}${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}.item`;
    const target = earlier.get(leaf.item);
    if (!target) {
      if (leaf.item === selfId) at(lp, `refers to the item itself ("${leaf.item}"); conditions may only look at earlier items`);
      else if (all.has(leaf.item)) at(lp, `refers to "${leaf.item}" at ${all.get(leaf.item)}, which comes later; conditions may only look at earlier items`);
      else at(lp, `refers to unknown item "${leaf.item}"`);
      continue;
    }
    if (leaf.op === 'equals' || leaf.op === 'in') {
      if (!isChoice(target)) {
        at(lp, `"${leaf.op}" needs a choice item, but "${leaf.item}" is ${target.type}${target.type === 'number' || target.type === 'money' ? ' (use gt, gte, lt or lte)' : ' (use answered)'}`);
        continue;
      }
      const values = leaf.op === 'equals' ? [leaf.value] : leaf.values;
      for (const v of values) {
        if (!target.options.some((o) => o.value === v)) at(lp.replace(/\.item$/, leaf.op === 'equals' ? '.value' : '.values'), `"${v}" is not an option of "${leaf.item}"`);
      }
    }
    if ((leaf.op === 'gt' || leaf.op === 'gte' || leaf.op === 'lt' || leaf.op === 'lte') && target.type !== 'number' && target.type !== 'money') {
      at(lp, `"${leaf.op}" needs a number or money item, but "${leaf.item}" is ${target.type}`);
    }
  }
}
