import { createContext, useContext, useId, useLayoutEffect, useEffect, type ReactNode } from 'react';
import type { Bilingual } from '../../../electron/api/errors.js';
import { useBilingual } from './useBilingual.js';

/** What a control inside a Field needs to describe itself (MoneyInput merges its own ids in). */
export interface FieldA11y { id: string; describedBy: string | undefined; invalid: boolean; required: boolean }
export const FieldContext = createContext<FieldA11y | null>(null);
export const useFieldA11y = () => useContext(FieldContext);

/**
 * A labelled form row with its inline error. The child gets the id for its <label>; the Field
 * also ties the control to its hint and error (`aria-describedby`), marks it `aria-invalid` and
 * `aria-required` (the visible * is hidden from screen readers, which say "required" instead),
 * and when a submit brings errors, focus goes to the first invalid field of the form.
 */
export function Field(props: { label: string; error?: Bilingual; hint?: ReactNode; required?: boolean; children: (id: string) => ReactNode; wide?: boolean }) {
  const id = useId();
  const tr = useBilingual();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const invalid = !!props.error;
  const required = !!props.required;

  // The children render their own control; these attributes are set on it after each render so
  // every existing form gets them without changing its markup. A control that manages them
  // itself (MoneyInput, through FieldContext) is left alone.
  useLayoutEffect(() => {
    const el = document.getElementById(id);
    if (!el || el.dataset.fieldA11y === 'self') return;
    const set = (name: string, value: string | undefined) => (value === undefined ? el.removeAttribute(name) : el.setAttribute(name, value));
    set('aria-describedby', describedBy);
    set('aria-invalid', invalid ? 'true' : undefined);
    if (el.matches('input, select, textarea')) set('aria-required', required ? 'true' : undefined);
  });

  // Errors arrived (a submit): the first invalid field of the form takes focus, unless the user
  // is already in an invalid field.
  useEffect(() => {
    if (!props.error) return;
    const el = document.getElementById(id);
    const form = el?.closest('form, [data-form]');
    if (!el || !form) return;
    const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && active.tagName !== 'BUTTON') return;
    if (first === el) el.focus();
  }, [props.error, id]);

  return (
    <div className={`field${props.wide ? ' wide' : ''}${props.error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required && <span className="req" aria-hidden="true"> *</span>}
      </label>
      <FieldContext.Provider value={{ id, describedBy, invalid, required }}>{props.children(id)}</FieldContext.Provider>
      {props.hint && <div className="hint" id={hintId}>{props.hint}</div>}
      {props.error && (
        <div className="error" id={errorId}>
          {tr(props.error)}
        </div>
      )}
    </div>
  );
}
