// A run of a template: which items show, which are required, the score and verdict,
// and whether the run may be marked complete.
import { describeAnswer, evidenceRequired, severityOf, severityRank, validateAnswer, type EvidenceDemand } from './answers.js';
import { evaluate } from './conditions.js';
import { ITEM_SEVERITY_LABELS, VERDICT_LABELS, type Verdict } from '../common/vocabulary.js';
import type { Answer, AnswerValue, BilingualText, Item, Severity, Template } from './schema.js';

/** Answers as a map by item id, or as a list (e.g. rows read from storage). */
export type AnswerInput = Record<string, Answer> | readonly Answer[];

/** Evidence kept apart from the answer (photos attached after answering), by item id. */
export type EvidenceInput = Record<string, { photoIds?: string[]; note?: string }>;

export interface VisibleItem {
  sectionId: string;
  item: Item;
  required: boolean;
  /** The stored answer, if any (valid or not). */
  answer?: Answer;
  /** The normalised value when the answer is valid. */
  value?: AnswerValue;
}

function toMap(answers: AnswerInput, evidence?: EvidenceInput): Map<string, Answer> {
  const map = new Map<string, Answer>();
  const list = Array.isArray(answers) ? (answers as readonly Answer[]) : Object.values(answers as Record<string, Answer>);
  for (const a of list) map.set(a.itemId, a);
  for (const [itemId, ev] of Object.entries(evidence ?? {})) {
    const a = map.get(itemId);
    if (!a) continue;
    map.set(itemId, {
      ...a,
      photoIds: [...new Set([...(a.photoIds ?? []), ...(ev.photoIds ?? [])])],
      note: [a.note, ev.note].filter((n) => n && n.trim() !== '').join('\n') || undefined,
    });
  }
  return map;
}

/**
 * The items to show, in template order, given the answers so far. Conditions only look at
 * earlier items, and answers to hidden items are ignored (they stay stored, so showing the
 * item again brings them back).
 */
export function visibleItems(template: Template, answers: AnswerInput, evidence?: EvidenceInput): VisibleItem[] {
  const byId = toMap(answers, evidence);
  const values = new Map<string, AnswerValue>();
  const out: VisibleItem[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      if (item.showIf && !evaluate(item.showIf, values)) continue;
      const required = item.required || (item.requiredIf !== undefined && evaluate(item.requiredIf, values));
      const answer = byId.get(item.id);
      const entry: VisibleItem = { sectionId: section.id, item, required, answer };
      if (answer) {
        const check = validateAnswer(item, answer.value);
        if (check.ok) {
          entry.value = check.value;
          values.set(item.id, check.value);
        }
      }
      out.push(entry);
    }
  }
  return out;
}

// ---------------------------------------------------------------- completion

export type MissingKind = 'answer' | 'invalid' | 'photo' | 'note';

export interface Missing {
  sectionId: string;
  itemId: string;
  kind: MissingKind;
  message: BilingualText;
}

function hasPhoto(a: Answer): boolean {
  return (a.photoIds ?? []).some((p) => p !== '');
}
function hasNote(a: Answer): boolean {
  return (a.note ?? '').trim() !== '';
}

function missingFor(v: VisibleItem): Missing[] {
  const { item, sectionId } = v;
  const p = item.prompt;
  const at = (kind: MissingKind, ko: string, en: string): Missing => ({ sectionId, itemId: item.id, kind, message: { ko: `「${p.ko}」: ${ko}`, en: `"${p.en}": ${en}` } });
  if (!v.answer) return v.required ? [at('answer', '답이 필요합니다.', 'an answer is required.')] : [];
  if (v.value === undefined) {
    const check = validateAnswer(item, v.answer.value);
    const why = check.ok ? { ko: '', en: '' } : check.error;
    return [at('invalid', `저장된 답이 맞지 않습니다. ${why.ko}`, `the stored answer is not valid. ${why.en}`)];
  }
  const out: Missing[] = [];
  const demand: EvidenceDemand = evidenceRequired(item, v.value);
  if (demand.photo && !hasPhoto(v.answer)) out.push(at('photo', '이 답에는 사진이 필요합니다.', 'this answer needs a photo.'));
  if (demand.note && !hasNote(v.answer)) out.push(at('note', '이 답에는 메모가 필요합니다.', 'this answer needs a note.'));
  return out;
}

/**
 * What stands between the run and "complete": required items with no answer, stored answers
 * that are not valid (e.g. after a template upgrade), and photos or notes that answers demand.
 */
export function canComplete(template: Template, answers: AnswerInput, evidence?: EvidenceInput): { ok: boolean; missing: Missing[] } {
  const missing = visibleItems(template, answers, evidence).flatMap(missingFor);
  return { ok: missing.length === 0, missing };
}

// ---------------------------------------------------------------- scoring

export { VERDICT_LABELS, ITEM_SEVERITY_LABELS as SEVERITY_LABELS, type Verdict };

export interface Tally {
  /** Items shown under the current answers. */
  visible: number;
  /** Visible items with a valid answer (해당없음 counts as answered). */
  answered: number;
  /** answered / visible, 0–1 (1 when nothing is visible). */
  answeredShare: number;
  caution: number;
  danger: number;
  /** 위험 if any answer is 위험, else 주의 if any is 주의, else 안전 — the verdict so far. */
  verdict: Verdict;
  /** Every required item and required evidence is there. */
  complete: boolean;
  /** The verdict in words, with 미완료 beside it while incomplete: "주의 · 미완료". */
  label: BilingualText;
}

export interface SectionScore extends Tally {
  sectionId: string;
  title: BilingualText;
}

/** An answer that drove the verdict. */
export interface Driver {
  sectionId: string;
  itemId: string;
  severity: Exclude<Severity, 'ok'>;
  prompt: BilingualText;
  answer: BilingualText;
  reference?: string;
}

export interface RunScore {
  overall: Tally;
  sections: SectionScore[];
  /** 위험 answers first, then 주의, each in template order. */
  drivers: Driver[];
  missing: Missing[];
}

function tally(entries: VisibleItem[], missing: Missing[]): Tally {
  let answered = 0;
  let caution = 0;
  let danger = 0;
  for (const v of entries) {
    if (v.value === undefined) continue;
    answered++;
    const s = severityOf(v.item, v.value);
    if (s === 'caution') caution++;
    if (s === 'danger') danger++;
  }
  const verdict: Verdict = danger > 0 ? 'danger' : caution > 0 ? 'caution' : 'safe';
  const complete = missing.length === 0;
  const base = VERDICT_LABELS[verdict];
  return {
    visible: entries.length,
    answered,
    answeredShare: entries.length === 0 ? 1 : answered / entries.length,
    caution,
    danger,
    verdict,
    complete,
    label: complete ? base : { ko: `${base.ko} · 미완료`, en: `${base.en} · incomplete` },
  };
}

export function score(template: Template, answers: AnswerInput, evidence?: EvidenceInput): RunScore {
  const visible = visibleItems(template, answers, evidence);
  const missing = visible.flatMap(missingFor);
  const sections = template.sections.map<SectionScore>((s) => ({
    sectionId: s.id,
    title: s.title,
    ...tally(
      visible.filter((v) => v.sectionId === s.id),
      missing.filter((m) => m.sectionId === s.id),
    ),
  }));
  const drivers: Driver[] = [];
  for (const v of visible) {
    if (v.value === undefined) continue;
    const severity = severityOf(v.item, v.value);
    if (severity !== 'caution' && severity !== 'danger') continue;
    drivers.push({
      sectionId: v.sectionId,
      itemId: v.item.id,
      severity,
      prompt: v.item.prompt,
      answer: describeAnswer(v.item, v.value),
      ...(v.item.reference ? { reference: v.item.reference } : {}),
    });
  }
  // A stable sort keeps template order within each severity.
  drivers.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  return { overall: tally(visible, missing), sections, drivers, missing };
}
