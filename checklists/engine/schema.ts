// The checklist template format: a zod 4 schema and the TypeScript types derived from it.
// Templates are data (JSON files), so everything here must survive JSON.stringify/parse:
// conditions are plain objects with an `op` key rather than functions.
// The format is documented for template authors in docs/CHECKLISTS.md.
import { z } from 'zod';
import { ITEM_SEVERITIES, type Bilingual as VocabularyBilingual, type ItemSeverity } from '../common/vocabulary.js';

export const Bilingual = z.strictObject({
  ko: z.string().min(1),
  en: z.string().min(1),
});
export type BilingualText = VocabularyBilingual;

/** 정상 / 주의 / 위험 (the vocabulary's ItemSeverity). */
export const Severity = z.enum(ITEM_SEVERITIES);
export type Severity = ItemSeverity;

/** Stable ids: they key answers across template versions, so keep them boring. */
const Id = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_.-]{0,63}$/, 'expected an id of letters, digits, "_", "-" or "." starting with a lower-case letter');

// ---------------------------------------------------------------- conditions

/**
 * The condition language for `showIf` and `requiredIf`. Conditions look only at answers
 * to items that come earlier in the template (checked by validateTemplateData), so one
 * pass in template order decides every item.
 */
export type Condition =
  | { op: 'equals'; item: string; value: string }
  | { op: 'in'; item: string; values: string[] }
  | { op: 'answered'; item: string }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; item: string; value: number }
  | { op: 'not'; cond: Condition }
  | { op: 'all'; of: Condition[] }
  | { op: 'any'; of: Condition[] };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('equals'), item: Id, value: z.string() }),
    z.strictObject({ op: z.literal('in'), item: Id, values: z.array(z.string()).min(1) }),
    z.strictObject({ op: z.literal('answered'), item: Id }),
    z.strictObject({ op: z.enum(['gt', 'gte', 'lt', 'lte']), item: Id, value: z.number() }),
    z.strictObject({ op: z.literal('not'), cond: Condition }),
    z.strictObject({ op: z.literal('all'), of: z.array(Condition).min(1) }),
    z.strictObject({ op: z.literal('any'), of: z.array(Condition).min(1) }),
  ]),
);

// ---------------------------------------------------------------- items

export const Option = z.strictObject({
  value: z.string().min(1),
  /** Optional only on yes/no items, where 예 / 아니오 / 해당없음 are the defaults. */
  label: Bilingual.optional(),
  severity: Severity,
  /** Multi only: an answer such as 없음 that cannot be picked together with any other. */
  exclusive: z.boolean().optional(),
});
export type Option = z.infer<typeof Option>;

/** A photo and/or a note demanded by an answer (e.g. 결로 있음 → photo). */
export const EvidenceRule = z.strictObject({
  /** Matches when the answer's severity is at least this. */
  severityAtLeast: z.enum(['caution', 'danger']).optional(),
  /** Matches when the answer is (or, for multi, includes) one of these option values. */
  values: z.array(z.string()).min(1).optional(),
  photo: z.boolean().default(false),
  note: z.boolean().default(false),
});
export type EvidenceRule = z.infer<typeof EvidenceRule>;

/** For number items: the worst matching threshold gives the severity (none matching → 정상). */
export const Threshold = z.strictObject({
  op: z.enum(['gt', 'gte', 'lt', 'lte']),
  value: z.number(),
  severity: Severity,
});
export type Threshold = z.infer<typeof Threshold>;

const itemBase = {
  id: Id,
  prompt: Bilingual,
  /** Why it matters: shown beside the prompt. */
  help: Bilingual.optional(),
  /** The law or official checklist behind the item, e.g. "주택임대차보호법 제3조의2". */
  reference: z.string().min(1).optional(),
  /**
   * A dated reference table in data/reference/ the item depends on (e.g. the 관리비
   * itemisation threshold). Templates name the table and never repeat its figure.
   */
  refTable: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a table name like maintenanceFeeItemisation').optional(),
  /** Visible items are required unless `required: false`; `requiredIf` makes an optional item required when it holds. */
  required: z.boolean().default(true),
  requiredIf: Condition.optional(),
  showIf: Condition.optional(),
  evidenceWhen: z.array(EvidenceRule).optional(),
};

const Unit = Bilingual;

export const Item = z.discriminatedUnion('type', [
  z.strictObject({ ...itemBase, type: z.literal('yesno'), options: z.array(Option).min(2).max(3) }),
  z.strictObject({ ...itemBase, type: z.literal('single'), options: z.array(Option).min(2) }),
  z.strictObject({ ...itemBase, type: z.literal('multi'), options: z.array(Option).min(2) }),
  z.strictObject({
    ...itemBase,
    type: z.literal('number'),
    unit: Unit,
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    thresholds: z.array(Threshold).optional(),
  }),
  z.strictObject({ ...itemBase, type: z.literal('money') }),
  z.strictObject({ ...itemBase, type: z.literal('date') }),
  z.strictObject({ ...itemBase, type: z.literal('text'), maxLength: z.number().int().positive().optional() }),
  z.strictObject({ ...itemBase, type: z.literal('longtext'), maxLength: z.number().int().positive().optional() }),
  z.strictObject({ ...itemBase, type: z.literal('photo'), minPhotos: z.number().int().positive().optional() }),
]);
export type Item = z.infer<typeof Item>;
export type ItemType = Item['type'];
export type ChoiceItem = Extract<Item, { type: 'yesno' | 'single' | 'multi' }>;

export const Section = z.strictObject({
  id: Id,
  title: Bilingual,
  description: Bilingual.optional(),
  items: z.array(Item).min(1),
});
export type Section = z.infer<typeof Section>;

export const Template = z.strictObject({
  id: Id,
  /** Integers; a published (id, version) never changes. */
  version: z.number().int().positive(),
  title: Bilingual,
  description: Bilingual.optional(),
  sections: z.array(Section).min(1),
});
export type Template = z.infer<typeof Template>;

// ---------------------------------------------------------------- answers

/**
 * The value of an answer, by item type:
 * yesno 'yes' | 'no' | 'na'; single string; multi string[]; number number;
 * money integer won; date 'YYYY-MM-DD'; text/longtext string; photo photo ids string[].
 */
export type AnswerValue = string | string[] | number;

export interface Answer {
  itemId: string;
  value: AnswerValue;
  note?: string;
  photoIds?: string[];
}

/** Answers keyed by item id (a run holds at most one answer per item). */
export type Answers = Record<string, Answer>;

export const YESNO_VALUES = ['yes', 'no', 'na'] as const;

export function isChoice(item: Item): item is ChoiceItem {
  return item.type === 'yesno' || item.type === 'single' || item.type === 'multi';
}
