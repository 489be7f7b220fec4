// issue 11: a calculator result saved to a case — "상담에 저장" with a case picker under a result,
// and the case page's list of saved results (inputs, result, the reference pack / table date used).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../electron/api/views.js';
import type { SavedCalcView } from '../../../../electron/api/rights-methods.js';
import type { CalculatorName } from '../../../../checklists/calculators/index.js';
import { formatAmountBoth } from '../../../../checklists/common/money.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';

/** Under a calculator's result: pick a case and save (the backend recomputes from the inputs). */
export function SaveToCase({ name, input }: { name: CalculatorName; input: Record<string, unknown> }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [caseId, setCaseId] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void api('cases.list', {}).then((c) => { if (live) { setCases(c); setCaseId((x) => x || c[0]?.id || ''); } }).catch(() => setCases([]));
    return () => { live = false; };
  }, []);
  async function save() {
    setBusy(true);
    try {
      await api('calc.save', { caseId, name, input }, { requestId: crypto.randomUUID() });
      notify({ text: t('rights.saved.done') });
    } catch (e) {
      notify({ text: e instanceof ApiCallError ? tr(e.body.message) : String(e), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }
  if (!cases || cases.length === 0) return cases ? <p className="muted small">{t('rights.saved.noCases')}</p> : null;
  return (
    <div className="actions" data-testid="calc-save">
      <label>{t('rights.saved.case')}{' '}
        <select value={caseId} onChange={(e) => setCaseId(e.target.value)} data-testid="calc-save-case">
          {cases.map((c) => <option key={c.id} value={c.id}>{`${c.clientName ?? c.clientLabel} · ${c.openedOn}`}</option>)}
        </select>
      </label>
      <button type="button" disabled={busy || !caseId} onClick={() => void save()} data-testid="calc-save-button">{t('rights.saved.save')}</button>
    </div>
  );
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 10_000 ? formatAmountBoth(v) : String(v);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** The case page's saved calculator results. */
export function SavedCalcsCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const [rows, setRows] = useState<SavedCalcView[] | null>(null);
  useEffect(() => {
    let live = true;
    void api('calc.listForCase', { caseId }).then((r) => { if (live) setRows(r); }).catch(() => setRows([]));
    return () => { live = false; };
  }, [caseId]);
  async function remove(id: string) {
    try {
      await api('calc.deleteSaved', { id });
      setRows((r) => (r ?? []).filter((x) => x.id !== id));
    } catch (e) {
      notify({ text: e instanceof ApiCallError ? tr(e.body.message) : String(e), tone: 'error' });
    }
  }
  if (!rows) return null;
  return (
    <section className="card" data-testid="saved-calcs">
      <h2>{t('rights.saved.title')}</h2>
      {rows.length === 0 ? <p className="muted">{t('rights.saved.none')}</p> : (
        <ul className="plain">
          {rows.map((r) => (
            <li key={r.id} data-testid="saved-calc">
              <strong>{t(`rights.calc.names.${r.name}`)}</strong>{' '}
              <span className="muted small">{t('rights.saved.meta', { at: r.savedAt.slice(0, 10), who: r.savedBy ?? '—', version: r.pack.packVersion, date: r.pack.verifiedOn })}</span>
              {r.input && <div className="small">{t('rights.saved.inputs')}: {Object.entries(r.input).map(([k, v]) => `${t(`rights.calc.fields.${k}`, { defaultValue: k })} ${show(v)}`).join(' · ')}</div>}
              {r.result && <div className="small">{t('rights.saved.result')}: {Object.entries(r.result as unknown as Record<string, unknown>).filter(([, v]) => typeof v !== 'object' || v === null).slice(0, 6).map(([k, v]) => `${t(`rights.calc.out.${k}`, { defaultValue: k })} ${show(v)}`).join(' · ')}</div>}
              <ConfirmButton label={t('rights.saved.delete')} question={t('rights.saved.deleteQuestion')} onConfirm={() => remove(r.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
