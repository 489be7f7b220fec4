// One viewing: the plan, the on-site record of each stop, closing with the tenant's
// confirmation (typed name, drawn signature, satisfaction, next steps), and afterwards the
// read-only record with its dated corrections.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewingStopView, ViewingView } from '../../../../electron/api/viewing-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { Field } from '../../components/Field.js';
import { fieldErrors, useBilingual } from '../../components/useBilingual.js';
import { ViewingStatusBadge } from './ViewingsHome.js';
import { StopCard } from './StopCard.js';
import { SignaturePad } from './SignaturePad.js';
import { useAutosave } from './useAutosave.js';
import { rovingKeyDown, rovingTabIndex } from '../../a11y/roving.js';
import { base64ToBlob, dateTime, saveBlob } from './files.js';

function SaveStatus({ state }: { state: ReturnType<typeof useAutosave>['state'] }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  if (state.kind === 'idle') return null;
  return (
    <span className={`viewings-save ${state.kind}`} role="status" data-testid="save-status">
      {state.kind === 'saving' ? t('viewings.saving') : state.kind === 'saved' ? t('viewings.saved') : t('viewings.saveFailed', { msg: tr(state.message) })}
    </span>
  );
}

function CloseForm({ v, autosave, onClosed }: { v: ViewingView; autosave: ReturnType<typeof useAutosave>; onClosed(v: ViewingView): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const [summary, setSummary] = useState(v.summary ?? '');
  const [nextSteps, setNextSteps] = useState(v.nextSteps ?? '');
  const [satisfaction, setSatisfaction] = useState<number | null>(v.satisfaction);
  const [tenantName, setTenantName] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  // A tenant who cannot draw confirms by typing their name, the manager witnessing (and ticking).
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const [witnessed, setWitnessed] = useState(false);
  const manager = useApp((s) => s.session?.manager?.name ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [error, setError] = useState<string | null>(null);
  const note = (field: 'summary' | 'nextSteps', value: string) =>
    autosave.save(`close:${field}`, () => api('viewings.updateNotes', { id: v.id, field, value: value || null }));
  async function confirm() {
    setErrors({});
    setError(null);
    try {
      onClosed(await api('viewings.close', method === 'typed'
        ? { id: v.id, summary: summary || null, nextSteps: nextSteps || null, satisfaction, tenantName, method, witnessed }
        : { id: v.id, summary: summary || null, nextSteps: nextSteps || null, satisfaction, tenantName, method, signaturePng: signature ?? '' }));
    } catch (e) {
      setErrors(fieldErrors(e));
      setError(e instanceof ApiCallError ? tr(e.body.message) : String(e));
    }
  }
  return (
    <section className="card viewings-close" aria-label={t('viewings.closeTitle')} data-form="close">
      <h2>{t('viewings.closeTitle')}</h2>
      <div className="form-grid">
        <Field label={t('viewings.summary')} hint={t('viewings.summaryHint')} wide error={errors.summary}>
          {(id) => <textarea id={id} rows={3} value={summary} onChange={(e) => { setSummary(e.target.value); note('summary', e.target.value); }} onBlur={() => autosave.flush('close:summary')} />}
        </Field>
        <Field label={t('viewings.nextSteps')} wide error={errors.nextSteps}>
          {(id) => <textarea id={id} rows={3} value={nextSteps} onChange={(e) => { setNextSteps(e.target.value); note('nextSteps', e.target.value); }} onBlur={() => autosave.flush('close:nextSteps')} />}
        </Field>
        <div className="field wide">
          <span>{t('viewings.satisfaction')}</span>
          <div className="viewings-impression" role="radiogroup" aria-label={t('viewings.satisfaction')} onKeyDown={(e) => rovingKeyDown(e, { selector: '[role="radio"]' })}>
            {[1, 2, 3, 4, 5].map((n, i) => (
              <button key={n} type="button" role="radio" aria-checked={satisfaction === n} tabIndex={rovingTabIndex(i, satisfaction === n, satisfaction !== null)} className={satisfaction === n ? 'active' : ''}
                onClick={() => { setSatisfaction(n); autosave.save('close:satisfaction', () => api('viewings.updateNotes', { id: v.id, field: 'satisfaction', value: n }), 0); }}>
                {n}
              </button>
            ))}
          </div>
        </div>
        <Field label={t('viewings.tenantName')} required wide error={errors.tenantName}>
          {(id) => <input id={id} value={tenantName} autoComplete="off" onChange={(e) => setTenantName(e.target.value)} />}
        </Field>
        <fieldset className="field wide viewings-method">
          <legend>{t('signature.method')}</legend>
          <label className="check"><input type="radio" name="confirm-method" value="drawn" checked={method === 'drawn'} onChange={() => setMethod('drawn')} /> {t('signature.drawn')}</label>
          <label className="check"><input type="radio" name="confirm-method" value="typed" checked={method === 'typed'} onChange={() => setMethod('typed')} /> {t('signature.typed')}</label>
        </fieldset>
        {method === 'drawn' ? (
          <div className={`field wide${errors.signaturePng ? ' invalid' : ''}`}>
            <span id="signature-label">{t('viewings.signature')} <span className="req" aria-hidden="true">*</span></span>
            <SignaturePad label={t('viewings.signature')} onChange={setSignature} />
            <span className="hint">{t('viewings.signatureHint')}</span>
            {errors.signaturePng && <div className="error" role="alert">{tr(errors.signaturePng)}</div>}
          </div>
        ) : (
          <div className={`field wide viewings-typed${errors.witnessed ? ' invalid' : ''}`} data-testid="typed-confirmation">
            <p className="hint" id="typed-hint">{t('signature.typedHint')}</p>
            <p><strong>{t('signature.witness', { name: manager })}</strong></p>
            <label className="check">
              <input type="checkbox" checked={witnessed} onChange={(e) => setWitnessed(e.target.checked)} aria-describedby={errors.witnessed ? 'witness-error typed-hint' : 'typed-hint'} aria-invalid={errors.witnessed ? true : undefined} />
              {t('signature.typedConfirm')}
            </label>
            {errors.witnessed && <div className="error" role="alert" id="witness-error">{tr(errors.witnessed)}</div>}
          </div>
        )}
      </div>
      {error && !Object.keys(errors).length && <div className="error" role="alert">{error}</div>}
      <button type="button" className="primary viewings-big" onClick={confirm}>{t('viewings.confirm')}</button>
    </section>
  );
}

function ClosedRecord({ v, onAmended }: { v: ViewingView; onAmended(v: ViewingView): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const [sig, setSig] = useState<string | null>(null);
  const [field, setField] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  useEffect(() => {
    if (v.hasSignature) void api('viewings.signature', { id: v.id }).then((s) => setSig(`data:${s.mime};base64,${s.dataBase64}`));
  }, [v.id, v.hasSignature]);
  async function amend(e: React.FormEvent) {
    e.preventDefault();
    try {
      onAmended(await api('viewings.amend', { id: v.id, field: field || null, text }));
      setField('');
      setText('');
      setErrors({});
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  }
  return (
    <section className="card viewings-closed" data-testid="viewing-closed">
      <p className="viewings-readonly" role="note">{t('viewings.closed', { at: dateTime(v.confirmedAt) })}</p>
      <dl className="facts">
        <dt>{t('viewings.summary')}</dt><dd className="pre">{v.summary ?? '—'}</dd>
        <dt>{t('viewings.nextSteps')}</dt><dd className="pre">{v.nextSteps ?? '—'}</dd>
        <dt>{t('viewings.satisfaction')}</dt><dd>{v.satisfaction ?? '—'}</dd>
        <dt>{t('viewings.signature')}</dt>
        <dd>
          <div>{t('viewings.confirmedBy', { name: v.tenantName ?? '', at: dateTime(v.confirmedAt) })}</div>
          {v.confirmationMethod === 'typed' ? (
            <div data-testid="typed-record">{t('signature.typedRecorded', { at: dateTime(v.confirmedAt), witness: v.confirmedByName ?? '' })}</div>
          ) : (
            sig && <img className="viewings-signature-img" src={sig} alt={`${t('viewings.signature')} · ${v.tenantName ?? ''}`} />
          )}
        </dd>
      </dl>
      <h2>{t('viewings.amendments')}</h2>
      {v.amendments.length === 0 ? <p className="muted">{t('viewings.noAmendments')}</p> : (
        <ol className="viewings-amendments" data-testid="amendments">
          {v.amendments.map((a) => (
            <li key={a.id}>
              <span className="muted small">{dateTime(a.at)} · {a.by ?? ''}{a.field ? ` · ${a.field}` : ''}</span>
              <div className="pre">{a.text}</div>
            </li>
          ))}
        </ol>
      )}
      <form className="form-grid" onSubmit={amend} aria-label={t('viewings.amendAdd')}>
        <Field label={t('viewings.amendField')} error={errors.field}>
          {(id) => <input id={id} value={field} onChange={(e) => setField(e.target.value)} />}
        </Field>
        <Field label={t('viewings.amendText')} required wide error={errors.text}>
          {(id) => <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <div className="row wide"><button type="submit">{t('viewings.amendAdd')}</button></div>
      </form>
      {errors.id && <div className="error">{tr(errors.id)}</div>}
    </section>
  );
}

export function ViewingScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { go, notify } = useApp();
  const [v, setV] = useState<ViewingView | null>(null);
  const autosave = useAutosave();
  const reload = useCallback(async () => setV(await api('viewings.get', { id })), [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!v) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;

  const setStop = (s: ViewingStopView) => setV((cur) => cur && { ...cur, stops: cur.stops.map((x) => (x.id === s.id ? s : x)) });
  async function download(kind: 'ics' | 'pdf') {
    try {
      if (kind === 'ics') {
        const f = await api('viewings.ics', { id });
        saveBlob(new Blob([f.content], { type: f.mime }), f.fileName);
      } else {
        const f = await api('reports.viewing', { viewingId: id, locale: 'ko' });
        saveBlob(base64ToBlob(f.dataBase64, f.mime), f.fileName);
      }
    } catch (e) {
      notify({ tone: 'error', text: e instanceof ApiCallError ? tr(e.body.message) : String(e) });
    }
  }
  async function status(s: 'planned' | 'cancelled' | 'no-show') {
    setV(await api('viewings.setStatus', { id, status: s }));
  }
  const active = !v.readOnly && v.status === 'planned';
  return (
    <section className="page viewings-screen">
      <header className="page-head">
        <h1>
          {t('viewings.onSite')} · {v.clientLabel} <ViewingStatusBadge status={v.status} />
          {v.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
        </h1>
        <div className="row wrap">
          <SaveStatus state={autosave.state} />
          <button type="button" onClick={() => go({ name: 'viewings' })}>{t('viewings.backToList')}</button>
          <button type="button" onClick={() => go({ name: 'case', id: v.caseId })}>{t('viewings.backToCase')}</button>
          <button type="button" onClick={() => download('ics')}>{t('viewings.ics')}</button>
          <button type="button" onClick={() => download('pdf')}>{t('viewings.logPdf')}</button>
          {!v.readOnly && <button type="button" onClick={() => go({ name: 'viewingPlan', caseId: v.caseId, id })}>{t('viewings.editPlan')}</button>}
        </div>
      </header>
      <div className="card viewings-meta">
        <strong>{v.date} {v.startTime}</strong> · {v.meetingPlace || '—'} · {v.managerNames.join(', ')}
        {!v.readOnly && (
          <span className="row">
            {v.status === 'planned' ? (
              <>
                <button type="button" onClick={() => status('cancelled')}>{t('viewings.cancelViewing')}</button>
                <button type="button" onClick={() => status('no-show')}>{t('viewings.noShow')}</button>
              </>
            ) : <button type="button" onClick={() => status('planned')}>{t('viewings.backToPlanned')}</button>}
          </span>
        )}
        <p className="muted small">{t('viewings.offlineNote')}</p>
      </div>
      {v.readOnly && <ClosedRecord v={v} onAmended={setV} />}
      {v.stops.map((s, i) => (
        <StopCard key={s.id} stop={s} index={i} readOnly={!active} autosave={autosave} onChange={setStop} reload={reload} scheduledDate={v.date} />
      ))}
      {active && <CloseForm v={v} autosave={autosave} onClosed={(n) => { setV(n); window.scrollTo?.(0, 0); }} />}
    </section>
  );
}
