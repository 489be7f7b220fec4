// The case's lease: its facts (prefilled from the listing and the registry entry), the dated
// timeline with ticks, the handout (PDF, .ics), the listing's dated registry readings and the
// latest re-check. Shown on the case screen.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaseView } from '../../../../electron/api/lease-methods.js';
import type { LeaseFacts, LeaseKind, TimelineEntry } from '../../../../checklists/lease/timeline.js';
import type { ListingView } from '../../../../electron/api/views.js';
import { api } from '../../api/client.js';
import type { ApiInput } from '../../../../electron/api/methods.js';
import { useApp } from '../../store/app.js';
import { Field } from '../../components/Field.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { fieldErrors, useBilingual } from '../../components/useBilingual.js';
import { base64ToBlob, saveBlob } from '../viewings/files.js';
import { SnapshotsPanel, RecheckPanel } from './Snapshots.js';

const KINDS: LeaseKind[] = ['new', 'agreedRenewal', 'renewalDemand'];

export function LeaseCard({ caseId, listings }: { caseId: string; listings: ListingView[] }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { notify } = useApp();
  const [view, setView] = useState<LeaseView | null>(null);
  const [facts, setFacts] = useState<LeaseFacts | null>(null);
  const [listingId, setListingId] = useState<string | null>(null);
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [open, setOpen] = useState(false);

  const load = (v: LeaseView) => {
    setView(v);
    setFacts(v.facts);
    setListingId(v.listingId);
    if (!v.updatedAt) setOpen(true);
  };
  useEffect(() => {
    void api('lease.get', { caseId }).then(load);
  }, [caseId]);
  if (!view || !facts) return <div className="card"><p className="muted">{t('common.loading')}</p></div>;

  const set = (patch: Partial<LeaseFacts>) => setFacts({ ...facts, ...patch });
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const input: ApiInput<'lease.save'> = { caseId, listingId, facts: facts! };
      load(await api('lease.save', input));
      setErrors({});
      setOpen(false);
      notify({ text: t('lease.saved') });
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  }
  async function download(format: 'pdf' | 'ics') {
    const f = await api('lease.handout', { caseId, format });
    saveBlob(base64ToBlob(f.dataBase64, f.mime), f.fileName);
  }
  const date = (key: keyof LeaseFacts, label: string) => (
    <Field label={label} error={errors[`facts.${key}`]}>
      {(id) => <input id={id} type="date" value={(facts[key] as string | null) ?? ''} onChange={(e) => set({ [key]: e.target.value || null } as Partial<LeaseFacts>)} />}
    </Field>
  );
  const pay = (key: 'downPayment' | 'interimPayment' | 'balance', label: string) => (
    <>
      <Field label={`${label} ${t('lease.amount')}`} error={errors[`facts.${key}.amount`]}>
        {(id) => <MoneyInput id={id} value={facts[key]?.amount ?? null} onChange={(s) => set({ [key]: { amount: s.value, date: facts[key]?.date ?? null } } as Partial<LeaseFacts>)} />}
      </Field>
      <Field label={`${label} ${t('lease.date')}`} error={errors[`facts.${key}.date`]}>
        {(id) => <input id={id} type="date" value={facts[key]?.date ?? ''} onChange={(e) => set({ [key]: { amount: facts[key]?.amount ?? null, date: e.target.value || null } } as Partial<LeaseFacts>)} />}
      </Field>
    </>
  );
  const renewal = facts.leaseKind === 'agreedRenewal' || facts.leaseKind === 'renewalDemand';

  return (
    <div className="card lease-card" data-testid="lease-card">
      <header className="page-head">
        <h2>{t('lease.timeline')}</h2>
        <div className="row">
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>{t('lease.factsHeading')}</button>
          <button type="button" onClick={() => void download('pdf')}>{t('lease.handoutPdf')}</button>
          <button type="button" onClick={() => void download('ics')}>{t('lease.handoutIcs')}</button>
        </div>
      </header>
      {open && (
        <form className="form-grid lease-facts" onSubmit={save} aria-label={t('lease.factsHeading')}>
          {!view.updatedAt && <p className="hint wide">{t('lease.suggested')}</p>}
          <Field label={t('lease.listing')} error={errors.listingId}>
            {(id) => (
              <select id={id} value={listingId ?? ''} onChange={(e) => setListingId(e.target.value || null)}>
                <option value="">{t('lease.noListing')}</option>
                {listings.map((l) => <option key={l.id} value={l.id}>{[l.roadAddress || l.jibunAddress, l.ho].filter(Boolean).join(' ')}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('lease.kind')} error={errors['facts.leaseKind']}>
            {(id) => (
              <select id={id} name="leaseKind" value={facts.leaseKind ?? ''} onChange={(e) => set({ leaseKind: (e.target.value || null) as LeaseKind | null })}>
                <option value="">{t('lease.unknown')}</option>
                {KINDS.map((k) => <option key={k} value={k}>{t(`lease.kinds.${k}`)}</option>)}
              </select>
            )}
          </Field>
          {renewal && (
            <Field label={t('lease.sameAmounts')}>
              {(id) => (
                <select id={id} value={facts.sameAmounts == null ? '' : String(facts.sameAmounts)} onChange={(e) => set({ sameAmounts: e.target.value === '' ? null : e.target.value === 'true' })}>
                  <option value="">{t('lease.unknown')}</option>
                  <option value="true">{t('common.yes')}</option>
                  <option value="false">{t('common.no')}</option>
                </select>
              )}
            </Field>
          )}
          {date('contractDate', t('lease.contractDate'))}
          {pay('downPayment', t('lease.downPayment'))}
          {pay('interimPayment', t('lease.interimPayment'))}
          {pay('balance', t('lease.balance'))}
          {renewal ? date('startDate', t('lease.startDate')) : date('moveInDate', t('lease.moveInDate'))}
          {date('endDate', t('lease.endDate'))}
          <Field label={t('lease.deposit')} error={errors['facts.deposit']}>
            {(id) => <MoneyInput id={id} value={facts.deposit} onChange={(s) => set({ deposit: s.value })} />}
          </Field>
          <Field label={t('lease.monthlyRent')} error={errors['facts.monthlyRent']}>
            {(id) => <MoneyInput id={id} value={facts.monthlyRent} onChange={(s) => set({ monthlyRent: s.value })} />}
          </Field>
          <Field label={t('lease.address')} wide error={errors['facts.address']}>
            {(id) => <input id={id} value={facts.address ?? ''} onChange={(e) => set({ address: e.target.value || null })} />}
          </Field>
          <div className="actions wide"><button type="submit" className="primary">{t('lease.save')}</button></div>
        </form>
      )}
      <ol className="lease-steps" aria-label={t('lease.timeline')}>
        {view.steps.map((s) => <StepRow key={s.key} s={s} caseId={caseId} saved={!!view.updatedAt} today={view.today} onChange={load} />)}
      </ol>
      <p className="muted small">{t('lease.disclaimer')}</p>
      {view.recheck && <RecheckPanel recheck={view.recheck} />}
      {view.listingId && <SnapshotsPanel listingId={view.listingId} onChange={() => void api('lease.get', { caseId }).then(load)} />}
      {Object.keys(errors).length > 0 && !open && <p className="error" role="alert">{Object.values(errors).map(tr).join(' ')}</p>}
    </div>
  );
}

function StepRow({ s, caseId, saved, today, onChange }: { s: TimelineEntry; caseId: string; saved: boolean; today: string; onChange(v: LeaseView): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const [doneOn, setDoneOn] = useState(today);
  const when = s.window
    ? `${s.window.from} ~ ${s.window.to}`
    : s.date ? (s.deadline ? t('lease.until', { date: s.date }) : s.date) : t('lease.noDate');
  const cls = `lease-step progress-${s.progress}${s.severity === 'danger' ? ' danger' : ''}`;
  return (
    <li className={cls} data-step={s.key}>
      <div className="lease-step-when">{when}</div>
      <div className="lease-step-body">
        <strong>{tr(s.title)}</strong>
        <span className={`badge lease-progress-${s.progress}`}>{s.progress === 'done' ? `${t('lease.progress.done')} ${s.doneOn}` : t(`lease.progress.${s.progress}`)}</span>
        {s.severity === 'danger' && <span className="badge sev-danger">{t('lease.home.danger')}</span>}
        <div className="small">{tr(s.detail)}</div>
        {s.shiftedFrom && <div className="small muted">{t('lease.shifted', { from: s.shiftedFrom })}</div>}
        {s.missing && s.missing.length > 0 && <div className="small warn-text">{t('lease.missing', { fields: s.missing.map((m) => t(`lease.fields.${m}`, m)).join(', ') })}</div>}
        {s.notes?.map((n, i) => <div key={i} className="small muted">{tr(n)}</div>)}
        {s.basis && <div className="small muted">{t('lease.basis')}: {s.basis}</div>}
      </div>
      {saved && s.progress !== 'inactive' && (
        <div className="lease-step-tick">
          {s.progress === 'done' ? (
            <button type="button" onClick={() => void api('lease.tick', { caseId, stepKey: s.key, doneOn: null }).then(onChange)}>{t('lease.untick')}</button>
          ) : (
            <>
              <label className="small">{t('lease.doneOn')} <input type="date" value={doneOn} max={today} onChange={(e) => setDoneOn(e.target.value)} /></label>
              <button type="button" onClick={() => void api('lease.tick', { caseId, stepKey: s.key, doneOn }).then(onChange)}>{t('lease.tick')}</button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
