import { SEOUL_DISTRICTS, type SeoulDistrict } from '../../../electron/api/domain.js';

export function DistrictSelect(props: { id: string; value: SeoulDistrict | null | undefined; onChange(v: SeoulDistrict | null): void; allLabel?: string }) {
  return (
    <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange((e.target.value || null) as SeoulDistrict | null)}>
      <option value="">{props.allLabel ?? '—'}</option>
      {SEOUL_DISTRICTS.map((d) => (
        <option key={d} value={d}>{d}</option>
      ))}
    </select>
  );
}

export function DistrictChips(props: { id: string; value: readonly SeoulDistrict[]; onChange(v: SeoulDistrict[]): void }) {
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
