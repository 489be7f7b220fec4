// issue 11: a completed run's amendments (정정) — dated, with the reason; the original answers stay —
// and the form that adds one. The summary's verdict is the one of the effective answers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../checklists/engine/schema.js';
import type { ChecklistRunDetail } from '../../../../electron/api/checklist-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';

function items(d: ChecklistRunDetail): Item[] {
  return d.template.sections.flatMap((s) => s.items).filter((i) => i.type !== 'photo');
}

export function RunAmendments({ d, onAmended }: { d: ChecklistRunDetail; onAmended(r: ChecklistRunDetail): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const all = items(d);
  const [itemId, setItemId] = useState(all[0]?.id ?? '');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const item = all.find((i) => i.id === itemId);
  const prompt = (id: string) => tr(all.find((i) => i.id === id)?.prompt) || id;
  const optionLabel = (it: Item | undefined, v: string) => {
    const o = it && 'options' in it ? it.options.find((x) => x.value === v) : undefined;
    return o?.label ? tr(o.label) : v;
  };
  const show = (id: string, v: unknown) => (v === null ? t('checklists.amend.withdrawn') : Array.isArray(v) ? v.map((x) => optionLabel(all.find((i) => i.id === id), String(x))).join(', ') : optionLabel(all.find((i) => i.id === id), String(v)));
  const original = d.answers.find((a) => a.itemId === itemId);

  async function submit() {
    if (!item) return;
    setBusy(true);
    try {
      const v = item.type === 'number' || item.type === 'money' ? (value.trim() === '' ? null : (Number.isFinite(Number(value)) ? Number(value) : value)) : item.type === 'multi' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value || null;
      const r = await api('checklists.runs.amend', { runId: d.run.id, itemId, value: v, note: note || null, reason });
      onAmended(r);
      setValue('');
      setNote('');
      setReason('');
      notify({ text: t('checklists.amend.saved') });
    } catch (e) {
      notify({ text: e instanceof ApiCallError ? tr(e.body.message) : String(e), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="amendments">
      <h2>{t('checklists.amend.title')}</h2>
      {d.originalScore && <p className="muted small" data-testid="amend-original-verdict">{t('checklists.amend.originalVerdict', { verdict: tr(d.originalScore.overall.label) })}</p>}
      {d.amendments.length === 0 ? <p className="muted">{t('checklists.amend.none')}</p> : (
        <ul className="cl-amendments">
          {d.amendments.map((a) => (
            <li key={a.id} data-testid="amendment">
              <span className="badge">{t('checklists.amend.badge')}</span>{' '}
              <strong>{prompt(a.itemId)}</strong>: {show(a.itemId, a.value)}
              {a.note && <> — {a.note}</>}
              <div className="muted small">{t('checklists.amend.meta', { at: a.at.slice(0, 16).replace('T', ' '), who: a.by ?? '—', reason: a.reason ?? '—' })}</div>
            </li>
          ))}
        </ul>
      )}
      <form className="cl-amend-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>{t('checklists.amend.item')}
          <select value={itemId} onChange={(e) => { setItemId(e.target.value); setValue(''); }} data-testid="amend-item">
            {all.map((i) => <option key={i.id} value={i.id}>{tr(i.prompt)}</option>)}
          </select>
        </label>
        {original && <p className="muted small">{t('checklists.amend.originalAnswer', { value: show(itemId, original.value) })}</p>}
        <label>{t('checklists.amend.value')}
          {item && 'options' in item && item.type !== 'multi' ? (
            <select value={value} onChange={(e) => setValue(e.target.value)} data-testid="amend-value">
              <option value="">{t('checklists.amend.withdrawn')}</option>
              {item.options.map((o) => <option key={o.value} value={o.value}>{optionLabel(item, o.value)}</option>)}
            </select>
          ) : (
            <input value={value} onChange={(e) => setValue(e.target.value)} data-testid="amend-value" />
          )}
        </label>
        <label>{t('checklists.amend.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
        </label>
        <label>{t('checklists.amend.reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} data-testid="amend-reason" />
        </label>
        <button type="submit" className="primary" disabled={busy || !reason.trim()} data-testid="amend-submit">{t('checklists.amend.submit')}</button>
      </form>
    </div>
  );
}
