// Amounts typed the Korean way (1억 5천, 15000만, 150,000,000), read back in words as you type.
// A bare number like 5000 could be 5,000원 or 5,000만원: the user must pick before saving.
import { useEffect, useId, useState } from 'react';
import { useFieldA11y } from './Field.js';
import { useTranslation } from 'react-i18next';
import { formatKoreanAmount, formatWon, parseAmount } from '../../../checklists/common/money.js';

export interface MoneyState {
  value: number | null;
  /** True while an ambiguous entry waits for the user's choice (saving is blocked). */
  pending: boolean;
}

export function MoneyInput(props: {
  id: string;
  value: number | null;
  onChange(state: MoneyState): void;
  optional?: boolean;
  name?: string;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState(props.value != null ? formatWon(props.value).replace(/원$/, '') : '');
  const [choice, setChoice] = useState<number | null>(null);
  useEffect(() => {
    // A value set from outside (e.g. the 1000/50 shortcut) replaces the text.
    if (props.value != null && parseAmount(text).ok === false) setText(formatWon(props.value).replace(/원$/, ''));
    // Only an outside change of the value should rewrite the text, not every keystroke.
  }, [props.value]);
  const parsed = text.trim() ? parseAmount(text) : null;
  // The read-back and any parse error describe the input, with the Field's hint and error.
  const field = useFieldA11y();
  const own = useId();
  const readingId = `${own}-reading`;
  const errorId = `${own}-error`;
  const ambiguousId = `${own}-ambiguous`;
  const parseError = !!parsed && !parsed.ok;
  const describedBy = [
    parsed?.ok && !parsed.ambiguous ? readingId : null,
    parseError ? errorId : null,
    parsed?.ok && parsed.ambiguous ? ambiguousId : null,
    field?.id === props.id ? field.describedBy : null,
  ].filter(Boolean).join(' ') || undefined;
  const invalid = parseError || (field?.id === props.id && field.invalid);

  function update(next: string) {
    setText(next);
    setChoice(null);
    const p = next.trim() ? parseAmount(next) : null;
    if (!p) props.onChange({ value: null, pending: false });
    else if (!p.ok) props.onChange({ value: null, pending: true });
    else props.onChange({ value: p.value, pending: p.ambiguous });
  }
  function pick(v: number) {
    setChoice(v);
    props.onChange({ value: v, pending: false });
  }

  return (
    <div className="money">
      <input
        id={props.id}
        name={props.name}
        inputMode="text"
        autoComplete="off"
        value={text}
        placeholder={t('money.placeholder')}
        onChange={(e) => update(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-required={field?.id === props.id && field.required ? true : undefined}
        data-field-a11y="self"
      />
      {parsed && parsed.ok && !parsed.ambiguous && (
        <div className="money-reading" id={readingId} data-testid="money-reading">
          {formatWon(parsed.value)} · {formatKoreanAmount(parsed.value)}
        </div>
      )}
      {parsed && !parsed.ok && <div className="error" id={errorId}>{i18n.language === 'en' ? parsed.error.en : parsed.error.ko}</div>}
      {parsed && parsed.ok && parsed.ambiguous && (
        <div className="money-ambiguous" role="group" aria-label={t('money.ambiguous', { input: text })}>
          <span id={ambiguousId}>{t('money.ambiguous', { input: text })}</span>
          {[parsed.value, ...parsed.alternatives].map((v) => (
            <button type="button" key={v} aria-pressed={choice === v} className={choice === v ? 'chip selected' : 'chip'} onClick={() => pick(v)}>
              {formatKoreanAmount(v)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
