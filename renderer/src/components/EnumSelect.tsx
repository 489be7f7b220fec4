import { useTranslation } from 'react-i18next';

/** A <select> over one of the domain's code lists, labelled from the locale's `enum.<kind>`. */
export function EnumSelect<T extends string>(props: { id: string; kind: string; values: readonly T[]; value: T | null | undefined; onChange(v: T | null): void; emptyLabel?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange((e.target.value || null) as T | null)}>
      {(!props.required || !props.value) && <option value="">{props.emptyLabel ?? '—'}</option>}
      {props.values.map((v) => (
        <option key={v} value={v}>{t(`enum.${props.kind}.${v}`)}</option>
      ))}
    </select>
  );
}
