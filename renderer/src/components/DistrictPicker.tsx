import { SEOUL_DISTRICTS } from '../../../electron/api/domain.js';

export function DistrictSelect(props: { id: string; value: string | null | undefined; onChange(v: string | null): void; allLabel?: string }) {
  return (
    <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
      <option value="">{props.allLabel ?? '—'}</option>
      {SEOUL_DISTRICTS.map((d) => (
        <option key={d} value={d}>{d}</option>
      ))}
    </select>
  );
}

export function DistrictChips(props: { id: string; value: string[]; onChange(v: string[]): void }) {
  return (
    <div id={props.id} className="chips">
      {SEOUL_DISTRICTS.map((d) => {
        const on = props.value.includes(d);
        return (
          <label key={d} className={on ? 'chip selected' : 'chip'}>
            <input type="checkbox" checked={on} onChange={(e) => props.onChange(e.target.checked ? [...props.value, d] : props.value.filter((x) => x !== d))} />
            {d}
          </label>
        );
      })}
    </div>
  );
}
