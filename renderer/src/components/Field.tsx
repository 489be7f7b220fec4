import { useId, type ReactNode } from 'react';
import type { Bilingual } from '../../../electron/api/errors.js';
import { useBilingual } from './useBilingual.js';

/** A labelled form row with its inline error. The child gets the id for its <label>. */
export function Field(props: { label: string; error?: Bilingual; hint?: ReactNode; required?: boolean; children: (id: string) => ReactNode; wide?: boolean }) {
  const id = useId();
  const tr = useBilingual();
  return (
    <div className={`field${props.wide ? ' wide' : ''}${props.error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required && <span className="req" aria-hidden="true"> *</span>}
      </label>
      {props.children(id)}
      {props.hint && <div className="hint">{props.hint}</div>}
      {props.error && (
        <div className="error" role="alert">
          {tr(props.error)}
        </div>
      )}
    </div>
  );
}
