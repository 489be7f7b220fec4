// One answer against one item: is it a valid value, how severe is it, what evidence does it demand.
import { parseAmount, formatAmountBoth } from '../common/money.js';
import { isValidDate } from '../common/seoul-time.js';
import { compare } from './conditions.js';
import {
  isChoice,
  type Answer,
  type AnswerValue,
  type BilingualText,
  type Item,
  type Option,
  type Severity,
} from './schema.js';

export type AnswerCheck =
  | {
      ok: true;
      /** The value to store, normalised (money in integer won, numbers as numbers, trimmed text). */
      value: AnswerValue;
      /** How a typed amount was read, to show back ("1억 5,000만원"); money only. */
      reading?: BilingualText;
      /** True when a money entry could mean something else (a bare `5000`): confirm with the user. */
      ambiguous?: boolean;
    }
  | { ok: false; error: BilingualText };

const YESNO_DEFAULT_LABELS: Record<string, BilingualText> = {
  yes: { ko: '예', en: 'Yes' },
  no: { ko: '아니오', en: 'No' },
  na: { ko: '해당없음', en: 'N/A' },
};

function fail(ko: string, en: string): AnswerCheck {
  return { ok: false, error: { ko, en } };
}

/** The label of a choice option (yes/no items fall back to 예 / 아니오 / 해당없음). */
export function optionLabel(option: Option): BilingualText {
  return option.label ?? YESNO_DEFAULT_LABELS[option.value] ?? { ko: option.value, en: option.value };
}

/**
 * Checks a value typed or picked for an item. Money accepts what people type
 * (`1억 5천`, `15000만`, `150,000,000`) or an integer number of won.
 */
export function validateAnswer(item: Item, value: unknown): AnswerCheck {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return fail('답을 입력하세요.', 'Enter an answer.');
  }
  switch (item.type) {
    case 'yesno':
    case 'single': {
      if (typeof value !== 'string') return fail('보기 중 하나를 고르세요.', 'Pick one of the options.');
      if (!item.options.some((o) => o.value === value)) {
        const allowed = item.options.map((o) => optionLabel(o));
        return fail(
          `「${value}」은(는) 보기에 없습니다. 고를 수 있는 답: ${allowed.map((l) => l.ko).join(', ')}`,
          `"${value}" is not one of the options: ${allowed.map((l) => l.en).join(', ')}`,
        );
      }
      return { ok: true, value };
    }
    case 'multi': {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((v) => typeof v === 'string')) return fail('보기 중에서 고르세요.', 'Pick from the options.');
      const unknown = (list as string[]).filter((v) => !item.options.some((o) => o.value === v));
      if (unknown.length > 0) {
        return fail(`보기에 없는 답: ${unknown.join(', ')}`, `Not among the options: ${unknown.join(', ')}`);
      }
      const picked = new Set(list as string[]);
      const alone = item.options.find((o) => o.exclusive && picked.has(o.value));
      if (alone && picked.size > 1) {
        const l = optionLabel(alone);
        return fail(`「${l.ko}」은(는) 다른 답과 함께 고를 수 없습니다.`, `"${l.en}" cannot be combined with other answers.`);
      }
      // Keep template order and drop repeats, so stored answers compare equal.
      return { ok: true, value: item.options.map((o) => o.value).filter((v) => (list as string[]).includes(v)) };
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/,/g, '').trim()) : NaN;
      if (!Number.isFinite(n)) return fail('숫자를 입력하세요.', 'Enter a number.');
      if (item.integer && !Number.isInteger(n)) return fail('정수를 입력하세요.', 'Enter a whole number.');
      if (item.min !== undefined && n < item.min) {
        return fail(`${item.min}${item.unit.ko} 이상이어야 합니다.`, `Must be at least ${item.min} ${item.unit.en}.`);
      }
      if (item.max !== undefined && n > item.max) {
        return fail(`${item.max}${item.unit.ko} 이하여야 합니다.`, `Must be at most ${item.max} ${item.unit.en}.`);
      }
      return { ok: true, value: n };
    }
    case 'money': {
      if (typeof value === 'number') {
        if (!Number.isInteger(value) || value < 0) return fail('금액은 0 이상의 원 단위 정수여야 합니다.', 'Amounts are whole won, 0 or more.');
        const parsed = parseAmount(String(value), { bareUnit: '원' });
        if (!parsed.ok) return { ok: false, error: parsed.error };
        return { ok: true, value: parsed.value, reading: parsed.reading, ambiguous: false };
      }
      if (typeof value !== 'string') return fail('금액을 입력하세요.', 'Enter an amount.');
      const parsed = parseAmount(value);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      return { ok: true, value: parsed.value, reading: parsed.reading, ambiguous: parsed.ambiguous };
    }
    case 'date': {
      if (typeof value !== 'string' || !isValidDate(value)) {
        return fail('날짜를 YYYY-MM-DD 형식으로 입력하세요 (예: 2026-03-02).', 'Enter a date as YYYY-MM-DD (e.g. 2026-03-02).');
      }
      return { ok: true, value };
    }
    case 'text':
    case 'longtext': {
      if (typeof value !== 'string') return fail('글을 입력하세요.', 'Enter some text.');
      const text = value.trim();
      if (text === '') return fail('답을 입력하세요.', 'Enter an answer.');
      if (item.maxLength !== undefined && text.length > item.maxLength) {
        return fail(`${item.maxLength}자 이내로 입력하세요.`, `Keep it within ${item.maxLength} characters.`);
      }
      return { ok: true, value: text };
    }
    case 'photo': {
      const ids = Array.isArray(value) ? value : [value];
      if (!ids.every((v) => typeof v === 'string' && v !== '')) return fail('사진을 첨부하세요.', 'Attach a photo.');
      const min = item.minPhotos ?? 1;
      if (ids.length < min) return fail(`사진을 ${min}장 이상 첨부하세요.`, `Attach at least ${min} photos.`);
      return { ok: true, value: [...new Set(ids as string[])] };
    }
  }
}

const RANK: Record<Severity, number> = { ok: 0, caution: 1, danger: 2 };

export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

export function severityRank(s: Severity): number {
  return RANK[s];
}

/**
 * The severity an answer carries: the option's for choices (the worst selected one for
 * multi), the worst matching threshold for numbers, 정상 for other types.
 * `null` when there is no valid answer.
 */
export function severityOf(item: Item, answer: Answer | AnswerValue | undefined): Severity | null {
  const raw = answer !== null && typeof answer === 'object' && !Array.isArray(answer) ? answer.value : answer;
  const check = validateAnswer(item, raw);
  if (!check.ok) return null;
  const value = check.value;
  if (isChoice(item)) {
    const chosen = Array.isArray(value) ? value : [value];
    return item.options.filter((o) => chosen.includes(o.value)).reduce<Severity>((s, o) => worse(s, o.severity), 'ok');
  }
  if (item.type === 'number' && typeof value === 'number') {
    return (item.thresholds ?? []).filter((t) => compare(t.op, value, t.value)).reduce<Severity>((s, t) => worse(s, t.severity), 'ok');
  }
  return 'ok';
}

export interface EvidenceDemand {
  photo: boolean;
  note: boolean;
}

/** What evidence this answer demands under the item's `evidenceWhen` rules. */
export function evidenceRequired(item: Item, answer: Answer | AnswerValue | undefined): EvidenceDemand {
  const demand: EvidenceDemand = { photo: false, note: false };
  const severity = severityOf(item, answer);
  if (severity === null || !item.evidenceWhen) return demand;
  const raw = answer !== null && typeof answer === 'object' && !Array.isArray(answer) ? answer.value : answer;
  const chosen = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  for (const rule of item.evidenceWhen) {
    const bySeverity = rule.severityAtLeast !== undefined && RANK[severity] >= RANK[rule.severityAtLeast];
    const byValue = rule.values !== undefined && rule.values.some((v) => chosen.includes(v));
    if (bySeverity || byValue) {
      demand.photo ||= rule.photo;
      demand.note ||= rule.note;
    }
  }
  return demand;
}

/** An answer shown back in words: option labels, amounts in both forms, numbers with their unit. */
export function describeAnswer(item: Item, value: AnswerValue): BilingualText {
  if (isChoice(item)) {
    const chosen = Array.isArray(value) ? value : [String(value)];
    const labels = item.options.filter((o) => chosen.includes(o.value)).map(optionLabel);
    return { ko: labels.map((l) => l.ko).join(', '), en: labels.map((l) => l.en).join(', ') };
  }
  switch (item.type) {
    case 'money':
      return typeof value === 'number' ? { ko: formatAmountBoth(value), en: `KRW ${value.toLocaleString('en-US')}` } : { ko: String(value), en: String(value) };
    case 'number':
      return { ko: `${value}${item.unit.ko}`, en: `${value} ${item.unit.en}` };
    case 'photo': {
      const n = Array.isArray(value) ? value.length : 1;
      return { ko: `사진 ${n}장`, en: `${n} photo${n === 1 ? '' : 's'}` };
    }
    default:
      return { ko: String(value), en: String(value) };
  }
}
