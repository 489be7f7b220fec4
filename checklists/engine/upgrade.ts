// Moving an unfinished run to a newer version of its template. Answers carry over by item id;
// anything that no longer fits is returned in `unmapped` for the UI to show — never dropped silently.
import { validateAnswer } from './answers.js';
import type { Answer, BilingualText, Item, Template } from './schema.js';
import type { AnswerInput } from './run.js';

export type UnmappedReason = 'item-removed' | 'type-changed' | 'option-removed' | 'invalid-value';

export interface Unmapped {
  itemId: string;
  /** The answer as it was under the old version (note and photos included). */
  previous: Answer;
  reason: UnmappedReason;
  message: BilingualText;
  /** For a multiple choice that lost some options: the values that were dropped (the rest carried over). */
  droppedValues?: string[];
}

export interface UpgradeResult {
  answers: Answer[];
  unmapped: Unmapped[];
}

function findItem(t: Template, id: string): Item | undefined {
  for (const s of t.sections) for (const it of s.items) if (it.id === id) return it;
  return undefined;
}

export function upgradeRun(oldTemplate: Template, newTemplate: Template, answers: AnswerInput): UpgradeResult {
  if (oldTemplate.id !== newTemplate.id) {
    throw new Error(`upgradeRun: template "${oldTemplate.id}" cannot be upgraded to a different template "${newTemplate.id}"`);
  }
  if (newTemplate.version <= oldTemplate.version) {
    throw new Error(`upgradeRun: version ${newTemplate.version} of "${newTemplate.id}" is not newer than ${oldTemplate.version}`);
  }
  const list = Array.isArray(answers) ? (answers as readonly Answer[]) : Object.values(answers as Record<string, Answer>);
  const carried: Answer[] = [];
  const unmapped: Unmapped[] = [];
  for (const previous of list) {
    const before = findItem(oldTemplate, previous.itemId);
    const after = findItem(newTemplate, previous.itemId);
    if (!after) {
      unmapped.push({
        itemId: previous.itemId,
        previous,
        reason: 'item-removed',
        message: { ko: '새 버전에 이 항목이 없습니다.', en: 'This item is not in the new version.' },
      });
      continue;
    }
    // Notes and photos stay with the item even when the value cannot.
    const keep = (value: Answer['value']): Answer => ({ ...previous, value });
    if (before && before.type !== after.type) {
      const check = validateAnswer(after, previous.value);
      if (!check.ok) {
        unmapped.push({
          itemId: previous.itemId,
          previous,
          reason: 'type-changed',
          message: { ko: `항목 형식이 바뀌었습니다 (${before.type} → ${after.type}). 다시 답하세요.`, en: `The item changed type (${before.type} → ${after.type}); answer it again.` },
        });
        continue;
      }
      carried.push(keep(check.value));
      continue;
    }
    if (after.type === 'multi' && Array.isArray(previous.value)) {
      const kept = previous.value.filter((v) => after.options.some((o) => o.value === v));
      const dropped = previous.value.filter((v) => !kept.includes(v));
      if (dropped.length > 0) {
        unmapped.push({
          itemId: previous.itemId,
          previous,
          reason: 'option-removed',
          droppedValues: dropped,
          message: { ko: `새 버전에 없는 보기가 빠졌습니다: ${dropped.join(', ')}`, en: `Options no longer offered were left out: ${dropped.join(', ')}` },
        });
      }
      if (kept.length > 0) carried.push(keep(kept));
      continue;
    }
    const check = validateAnswer(after, previous.value);
    if (check.ok) {
      carried.push(keep(check.value));
      continue;
    }
    const optionGone = (after.type === 'single' || after.type === 'yesno') && typeof previous.value === 'string';
    unmapped.push({
      itemId: previous.itemId,
      previous,
      reason: optionGone ? 'option-removed' : 'invalid-value',
      message: optionGone
        ? { ko: `이전 답 「${previous.value}」은(는) 새 버전의 보기에 없습니다. 다시 고르세요.`, en: `The previous answer "${previous.value}" is not an option in the new version; pick again.` }
        : { ko: `이전 답이 새 버전에 맞지 않습니다: ${check.error.ko}`, en: `The previous answer does not fit the new version: ${check.error.en}` },
    });
  }
  return { answers: carried, unmapped };
}
