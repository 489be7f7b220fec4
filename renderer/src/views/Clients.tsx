import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, ClientView } from '../../../electron/api/views.js';
import { AGE_BANDS, CONSENT_ITEMS, GENDERS, RETENTION_CHOICES, type AgeBand, type ConsentItem, type Gender, type SeoulDistrict } from '../../../electron/api/domain.js';
import type { ApiInput } from '../../../electron/api/methods.js';
import { addMonths, todaySeoul } from '../../../checklists/common/seoul-time.js';
import { formatAmountBoth } from '../../../checklists/common/money.js';
import { api } from '../api/client.js';
import { useSaveOnce } from '../api/useSaveOnce.js';
import { useDraft } from '../api/useDraft.js';
import { useApi } from '../api/useLoad.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { useApp } from '../store/app.js';
import { Field } from '../components/Field.js';
import { MoneyInput } from '../components/MoneyInput.js';
import { EnumSelect } from '../components/EnumSelect.js';
import { DistrictChips, DistrictSelect } from '../components/DistrictPicker.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { bannerMessage, fieldErrors, useBilingual } from '../components/useBilingual.js';
import { CaseRow } from './Cases.js';
import { useClientLabel } from '../components/ClientLabel.js';
import { ProgrammeList } from './policy/ProgrammeList.js';

export function useDebounced<T>(value: T, ms = 200): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export function ClientsView() {
  const { t } = useTranslation();
  const label = useClientLabel();
  const { go } = useApp();
  const [query, setQuery] = useState('');
  const q = useDebounced(query);
  const list = useApi('clients.list', { query: q });
  const rows = list.data;
  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('client.title')}</h1>
        <button type="button" className="primary" onClick={() => go({ name: 'client' })}>+ {t('client.new')}</button>
      </header>
      <input type="search" className="search" aria-label={t('common.search')} placeholder={t('client.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {!rows || list.error ? (
        <LoadStatus state={list} />
      ) : rows.length === 0 ? (
        <p className="muted">{q ? t('common.noResults') : t('common.empty')}</p>
      ) : (
        <table className="table" data-testid="client-table">
          <thead>
            <tr>
              <th>{t('client.name')}</th>
              <th>{t('client.ageBand')}</th>
              <th>{t('client.desiredDistricts')}</th>
              <th>{t('client.budgetDeposit')}</th>
              <th>{t('case.title')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="clickable" onClick={() => go({ name: 'client', id: c.id })}>
                <td>
                  <button type="button" className="link">{label(c.name, c.id)}</button>
                  {c.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
                  {c.consent.expiringSoon && <span className="badge warn">{t('client.expiringSoon', { date: c.consent.expiresOn })}</span>}
                </td>
                <td>{c.ageBand ? t(`enum.ageBand.${c.ageBand}`) : '—'}</td>
                <td>{c.desiredDistricts.join(', ') || '—'}</td>
                <td className="num">{c.budgetDeposit != null ? formatAmountBoth(c.budgetDeposit) : '—'}</td>
                <td>{t('client.cases', { count: c.caseCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Draft = {
  consent: { given: boolean; date: string; retentionMonths: number; items: ConsentItem[]; purpose: string };
  name: string;
  phone: string;
  notes: string;
  ageBand: AgeBand | null;
  gender: Gender | null;
  currentDistrict: SeoulDistrict | null;
  desiredDistricts: SeoulDistrict[];
  budgetDeposit: number | null;
  budgetMonthlyRent: number | null;
  budgetMaintenance: number | null;
  moveInDate: string;
};

function draftFrom(c: ClientView | null, purpose: string): Draft {
  return {
    consent: {
      // Consent is never assumed: the manager ticks it when the client has agreed.
      given: c ? c.consent.given : false,
      date: c?.consent.date ?? todaySeoul(),
      retentionMonths: c?.consent.retentionMonths ?? 12,
      items: c ? c.consent.items : ['name', 'phone', 'notes'],
      purpose: c?.consent.purpose ?? purpose,
    },
    name: c?.name ?? '',
    phone: c?.phone ?? '',
    notes: c?.notes ?? '',
    ageBand: c?.ageBand ?? null,
    gender: c?.gender ?? null,
    currentDistrict: c?.currentDistrict ?? null,
    desiredDistricts: c?.desiredDistricts ?? [],
    budgetDeposit: c?.budgetDeposit ?? null,
    budgetMonthlyRent: c?.budgetMonthlyRent ?? null,
    budgetMaintenance: c?.budgetMaintenance ?? null,
    moveInDate: c?.moveInDate ?? '',
  };
}

export function ClientEditor({ id }: { id?: string }) {
  const { t } = useTranslation();
  const label = useClientLabel();
  const tr = useBilingual();
  const { go, notify, refreshSession } = useApp();
  const [client, setClient] = useState<ClientView | null>(null);
  const [cases, setCases] = useState<CaseView[]>([]);
  const [d, setD] = useState<Draft>(draftFrom(null, t('consent.defaultPurpose')));
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [general, setGeneral] = useState('');
  const { saving, run } = useSaveOnce();
  // The client whose saved state the form shows: the draft's baseline is taken only then, so the
  // form refilled from the server after a save never counts as an unsaved change.
  const [loadedId, setLoadedId] = useState<string | null>(null);

  useEffect(() => {
    if (!id) return;
    void api('clients.get', { id }).then((c) => {
      setClient(c);
      setD(draftFrom(c, t('consent.defaultPurpose')));
      setLoadedId(c.id);
    });
    void api('cases.list', { clientId: id }).then(setCases);
  }, [id, t]);

  // Unsaved input survives a lock, a reload and Back (kept as a draft for a day).
  const draft = useDraft(id ? `client:${id}` : 'client:new', d, setD, {
    clientId: id ?? null,
    leaveQuestion: t('privacy.draft.leave'),
    ready: !id || loadedId === id,
  });

  const personalAllowed = (item: ConsentItem) => d.consent.given && d.consent.items.includes(item);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral('');
    if (Object.values(pending).some(Boolean)) {
      setGeneral(t('money.needsConfirm'));
      return;
    }
    const body: ApiInput<'clients.create'> = {
      consent: d.consent.given ? d.consent : { given: false, items: [] },
      name: personalAllowed('name') ? d.name || null : null,
      phone: personalAllowed('phone') ? d.phone || null : null,
      notes: personalAllowed('notes') ? d.notes || null : null,
      ageBand: d.ageBand,
      gender: d.gender,
      currentDistrict: d.currentDistrict,
      desiredDistricts: d.desiredDistricts,
      budgetDeposit: d.budgetDeposit,
      budgetMonthlyRent: d.budgetMonthlyRent,
      budgetMaintenance: d.budgetMaintenance,
      moveInDate: d.moveInDate || null,
    };
    try {
      const saved = await run((requestId) =>
        id ? api('clients.update', { id, ...body }, { requestId }) : api('clients.create', body, { requestId }),
      );
      if (!saved) return; // a repeat click while the first save runs
      await draft.clear();
      setErrors({});
      notify({ text: t('common.saved') });
      void refreshSession();
      go({ name: 'client', id: saved.id });
      setClient(saved);
    } catch (err) {
      setErrors(fieldErrors(err));
      setGeneral(tr(bannerMessage(err)));
    }
  }

  async function remove() {
    await api('clients.delete', { id: id! });
    notify({
      text: `${label(client?.name, client?.id)} — ${t('common.deleted')}`,
      undo: async () => {
        await api('clients.restore', { id: id! });
        go({ name: 'client', id: id! });
      },
    });
    go({ name: 'clients' });
  }

  const money = (key: 'budgetDeposit' | 'budgetMonthlyRent' | 'budgetMaintenance') => (fid: string) => (
    <MoneyInput id={fid} name={key} value={d[key]} onChange={(s) => { setD((x) => ({ ...x, [key]: s.value })); setPending((p) => ({ ...p, [key]: s.pending })); }} />
  );

  if (id && !client) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;

  return (
    <section className="page">
      <header className="page-head">
        <h1>
          {id ? label(client?.name, client?.id) : t('client.new')}
          {client?.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
        </h1>
        <div className="row">
          <button type="button" onClick={() => go({ name: 'clients' })}>{t('common.back')}</button>
          {id && <button type="button" onClick={() => go({ name: 'caseNew', clientId: id })}>+ {t('case.new')}</button>}
          {id && <ConfirmButton label={t('common.delete')} question={cases.length > 0 ? t('client.confirmDeleteWithCases', { count: cases.length }) : t('common.confirmDelete')} onConfirm={remove} />}
        </div>
      </header>
      {client?.consent.destroyedAt && <div className="card warn">{t('client.destroyed', { date: client.consent.destroyedAt.slice(0, 10) })}</div>}
      {draft.restoredAt && (
        <div className="card info row" role="status">
          <span className="grow">{t('privacy.draft.restored', { time: new Date(draft.restoredAt).toLocaleString() })}</span>
          <button type="button" onClick={() => void draft.discard().then(() => setD(draftFrom(client, t('consent.defaultPurpose'))))}>{t('privacy.draft.discard')}</button>
        </div>
      )}
      <form onSubmit={submit} aria-label={id ? t('client.edit') : t('client.new')}>
        <fieldset className="card consent">
          <legend>{t('consent.title')}</legend>
          <label className="check">
            <input type="checkbox" name="consentGiven" checked={d.consent.given} onChange={(e) => setD({ ...d, consent: { ...d.consent, given: e.target.checked } })} />
            {t('consent.given')}
          </label>
          {d.consent.given ? (
            <div className="form-grid">
              <Field label={t('consent.what')} error={errors['consent.items']}>
                {(fid) => (
                  <div id={fid} className="chips">
                    {CONSENT_ITEMS.map((item) => (
                      <label key={item} className={d.consent.items.includes(item) ? 'chip selected' : 'chip'}>
                        <input type="checkbox" checked={d.consent.items.includes(item)} onChange={(e) => setD({ ...d, consent: { ...d.consent, items: e.target.checked ? [...d.consent.items, item] : d.consent.items.filter((x) => x !== item) } })} />
                        {t(`consent.item.${item}`)}
                      </label>
                    ))}
                  </div>
                )}
              </Field>
              <Field label={t('consent.why')} required error={errors['consent.purpose']}>
                {(fid) => <input id={fid} value={d.consent.purpose} onChange={(e) => setD({ ...d, consent: { ...d.consent, purpose: e.target.value } })} />}
              </Field>
              <Field label={t('consent.howLong')} required error={errors['consent.retentionMonths']} hint={d.consent.date ? t('consent.expiresOn', { date: addMonths(d.consent.date, d.consent.retentionMonths) }) : undefined}>
                {(fid) => (
                  <select id={fid} value={d.consent.retentionMonths} onChange={(e) => setD({ ...d, consent: { ...d.consent, retentionMonths: Number(e.target.value) } })}>
                    {RETENTION_CHOICES.map((m) => <option key={m} value={m}>{t('consent.months', { count: m })}</option>)}
                  </select>
                )}
              </Field>
              <Field label={t('consent.date')} required error={errors['consent.date']}>
                {(fid) => <input id={fid} type="date" value={d.consent.date} onChange={(e) => setD({ ...d, consent: { ...d.consent, date: e.target.value } })} />}
              </Field>
            </div>
          ) : (
            <p className="muted">{t('consent.notGiven')}</p>
          )}
          {client?.consent.given && id && (
            <ConfirmButton className="link danger-text" label={t('client.withdraw')} question={t('client.withdrawConfirm')} onConfirm={async () => {
              const c = await api('clients.withdrawConsent', { id });
              setClient(c);
              setD(draftFrom(c, t('consent.defaultPurpose')));
            }} />
          )}
        </fieldset>

        <div className="card form-grid">
          <Field label={t('client.name')} error={errors.name} hint={!personalAllowed('name') ? t('client.personalLocked') : undefined}>
            {(fid) => <input id={fid} name="name" value={d.name} disabled={!personalAllowed('name')} onChange={(e) => setD({ ...d, name: e.target.value })} autoFocus={!id} />}
          </Field>
          <Field label={t('client.phone')} error={errors.phone}>
            {(fid) => <input id={fid} name="phone" type="tel" value={d.phone} disabled={!personalAllowed('phone')} placeholder="010-0000-0000" onChange={(e) => setD({ ...d, phone: e.target.value })} />}
          </Field>
          <Field label={t('client.ageBand')} error={errors.ageBand}>
            {(fid) => <EnumSelect id={fid} kind="ageBand" values={AGE_BANDS} value={d.ageBand} onChange={(v) => setD({ ...d, ageBand: v })} />}
          </Field>
          <Field label={t('client.gender')} error={errors.gender}>
            {(fid) => <EnumSelect id={fid} kind="gender" values={GENDERS} value={d.gender} onChange={(v) => setD({ ...d, gender: v })} />}
          </Field>
          <Field label={t('client.currentDistrict')} error={errors.currentDistrict}>
            {(fid) => <DistrictSelect id={fid} value={d.currentDistrict} onChange={(v) => setD({ ...d, currentDistrict: v })} />}
          </Field>
          <Field label={t('client.moveInDate')} error={errors.moveInDate}>
            {(fid) => <input id={fid} type="date" value={d.moveInDate} onChange={(e) => setD({ ...d, moveInDate: e.target.value })} />}
          </Field>
          <Field label={t('client.desiredDistricts')} wide error={errors.desiredDistricts}>
            {(fid) => <DistrictChips id={fid} value={d.desiredDistricts} onChange={(v) => setD({ ...d, desiredDistricts: v })} />}
          </Field>
          <Field label={t('client.budgetDeposit')} error={errors.budgetDeposit}>{money('budgetDeposit')}</Field>
          <Field label={t('client.budgetMonthlyRent')} error={errors.budgetMonthlyRent}>{money('budgetMonthlyRent')}</Field>
          <Field label={t('client.budgetMaintenance')} error={errors.budgetMaintenance}>{money('budgetMaintenance')}</Field>
          <Field label={t('client.notes')} wide error={errors.notes}>
            {(fid) => <textarea id={fid} name="notes" rows={3} value={d.notes} disabled={!personalAllowed('notes')} onChange={(e) => setD({ ...d, notes: e.target.value })} />}
          </Field>
        </div>
        {general && <div className="error" role="alert">{general}</div>}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving} aria-busy={saving}>{saving ? t('privacy.saving') : t('common.save')}</button>
        </div>
        {client && <p className="muted small">{t('common.lastChangedBy')}: {client.updatedBy ?? '—'} · {client.updatedAt.slice(0, 16).replace('T', ' ')}</p>}
      </form>
      {id && (
        <div className="card">
          <h2>{t('case.title')}</h2>
          {cases.length === 0 ? <p className="muted">{t('common.empty')}</p> : <table className="table"><tbody>{cases.map((c) => <CaseRow key={c.id} c={c} />)}</tbody></table>}
        </div>
      )}
      {/* policy (issue 12): the client's programmes */}
      {id && <ProgrammeList clientId={id} caseId={cases[0]?.id} />}
    </section>
  );
}
