import { ListingPlace } from './geo/ListingPlace.js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, ClientView, ListingView, ManagerView } from '../../../electron/api/views.js';
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType, type SeoulDistrict } from '../../../electron/api/domain.js';
import type { ApiInput } from '../../../electron/api/methods.js';
import { formatAmountBoth } from '../../../checklists/common/money.js';
import { todaySeoul } from '../../../checklists/common/seoul-time.js';
import { api } from '../api/client.js';
import { useSaveOnce } from '../api/useSaveOnce.js';
import { useApi } from '../api/useLoad.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { useApp } from '../store/app.js';
import { Field } from '../components/Field.js';
import { EnumSelect } from '../components/EnumSelect.js';
import { DistrictSelect } from '../components/DistrictPicker.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { fieldErrors } from '../components/useBilingual.js';
import { useDebounced } from './Clients.js';
import { LeaseCard } from './lease/LeaseCard.js';
import { SavedCalcsCard } from './rights/SavedCalcs.js';
import { overBudget } from '../../../checklists/lease/budget.js';
import { ProgrammeList } from './policy/ProgrammeList.js';
import { CaseStatsCard } from './stats/CaseStatsCard.js';
import { useClientLabel } from '../components/ClientLabel.js';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`enum.caseStatus.${status}`)}</span>;
}

export function CaseRow({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const label = useClientLabel();
  const { go } = useApp();
  return (
    <tr className="clickable" onClick={() => go({ name: 'case', id: c.id })}>
      <td>{c.openedOn}</td>
      <td>
        <button type="button" className="link">{label(c.clientName, c.clientId)}</button>
        {c.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
      </td>
      <td>{t(`enum.caseType.${c.caseType}`)}</td>
      <td><StatusBadge status={c.status} /></td>
      <td>{c.district ?? '—'}</td>
      <td>{c.managerName ?? '—'}</td>
      <td>{t('case.listingCount', { count: c.listingCount })}</td>
    </tr>
  );
}

export function CasesView({ clientId }: { clientId?: string }) {
  const { t } = useTranslation();
  const { go } = useApp();
  const [filter, setFilter] = useState<{ query: string; district?: SeoulDistrict; caseType?: CaseType; status?: CaseStatus; managerId?: string; month?: string }>({ query: '' });
  const q = useDebounced(filter);
  const managers = useApi('managers.list', {}).data ?? [];
  const { query, ...rest } = q;
  const list = useApi('cases.list', { ...rest, query: query || undefined, clientId });
  const rows = list.data;
  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('case.title')}</h1>
        <button type="button" className="primary" onClick={() => go({ name: 'caseNew', clientId })}>+ {t('case.new')}</button>
      </header>
      <div className="filters" role="search">
        <input type="search" className="search" aria-label={t('common.search')} placeholder={t('case.searchPlaceholder')} value={filter.query} onChange={(e) => setFilter({ ...filter, query: e.target.value })} />
        <label>{t('case.district')} <DistrictSelect id="f-district" value={filter.district} allLabel={t('common.all')} onChange={(v) => setFilter({ ...filter, district: v ?? undefined })} /></label>
        <label>{t('case.type')} <EnumSelect id="f-type" kind="caseType" values={CASE_TYPES} value={filter.caseType} emptyLabel={t('common.all')} onChange={(v) => setFilter({ ...filter, caseType: v ?? undefined })} /></label>
        <label>{t('case.status')} <EnumSelect id="f-status" kind="caseStatus" values={CASE_STATUSES} value={filter.status} emptyLabel={t('common.all')} onChange={(v) => setFilter({ ...filter, status: v ?? undefined })} /></label>
        <label>{t('case.manager')}
          <select value={filter.managerId ?? ''} onChange={(e) => setFilter({ ...filter, managerId: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {managers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </label>
        <label>{t('case.month')} <input type="month" value={filter.month ?? ''} onChange={(e) => setFilter({ ...filter, month: e.target.value || undefined })} /></label>
      </div>
      {!rows || list.error ? <LoadStatus state={list} /> : rows.length === 0 ? <p className="muted">{t('common.noResults')}</p> : (
        <table className="table" data-testid="case-table">
          <thead>
            <tr><th>{t('case.openedOn')}</th><th>{t('case.client')}</th><th>{t('case.type')}</th><th>{t('case.status')}</th><th>{t('case.district')}</th><th>{t('case.manager')}</th><th>{t('case.listings')}</th></tr>
          </thead>
          <tbody>{rows.map((c) => <CaseRow key={c.id} c={c} />)}</tbody>
        </table>
      )}
    </section>
  );
}

export function ListingSummary({ l, budget }: { l: ListingView; budget?: Parameters<typeof overBudget>[1] | null }) {
  const { t } = useTranslation();
  // lease module: a listing over the client's stated budget says so.
  const over = budget ? overBudget(l, budget) : [];
  const rent = l.leaseType === 'jeonse' ? formatAmountBoth(l.deposit) : `${formatAmountBoth(l.deposit)} / ${t('listing.monthlyRent')} ${formatAmountBoth(l.monthlyRent)}`;
  return (
    <>
      <div><strong>{l.roadAddress ?? l.jibunAddress}</strong> {[l.dong, l.ho].filter(Boolean).join(' ')}
        {l.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
        {over.length > 0 && (
          <span className="badge sev-caution" data-testid="over-budget" title={over.map((o) => t('lease.budget.detail', { field: t(`lease.budget.${o.field}`), amount: formatAmountBoth(o.amount), budget: formatAmountBoth(o.budget) })).join(' · ')}>
            {t('lease.budget.over')}: {over.map((o) => `${t(`lease.budget.${o.field}`)} +${formatAmountBoth(o.over)}`).join(', ')}
          </span>
        )}
      </div>
      <div className="muted small">
        {t(`enum.buildingType.${l.buildingType}`)} · {t(`enum.leaseType.${l.leaseType}`)} · {rent}
        {l.exclusiveAreaM2 != null && ` · ${l.exclusiveAreaM2}㎡`}
        {l.floor != null && ` · ${l.floorKind ? `${t(`enum.floorKind.${l.floorKind}`)} ` : ''}${t('listing.floorValue', { floor: l.floor < 0 ? `B${-l.floor}` : l.floor })}`}
      </div>
    </>
  );
}

export function CaseDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useClientLabel();
  const { go, notify } = useApp();
  const [c, setC] = useState<CaseView | null>(null);
  const [listings, setListings] = useState<ListingView[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [budget, setBudget] = useState<ClientView | null>(null);
  const [placing, setPlacing] = useState<string | null>(null);
  useEffect(() => {
    void api('cases.get', { id }).then((k) => {
      setC(k);
      void api('clients.get', { id: k.clientId }).then(setBudget).catch(() => setBudget(null));
    });
    void api('listings.list', { caseId: id }).then(setListings);
  }, [id]);
  if (!c) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;
  if (editing) return <CaseEditor existing={c} onDone={(n) => { setC(n); setEditing(false); }} />;

  async function removeListing(l: ListingView) {
    await api('listings.delete', { id: l.id });
    setListings((xs) => xs!.filter((x) => x.id !== l.id));
    notify({
      text: `${l.roadAddress ?? l.jibunAddress} — ${t('common.deleted')}`,
      undo: async () => {
        await api('listings.restore', { id: l.id });
        setListings(await api('listings.list', { caseId: id }));
      },
    });
  }

  return (
    <section className="page">
      <header className="page-head">
        <h1>
          {label(c.clientName, c.clientId)} · {t(`enum.caseType.${c.caseType}`)} <StatusBadge status={c.status} />
          {c.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
        </h1>
        <div className="row">
          <button type="button" onClick={() => go({ name: 'cases' })}>{t('common.back')}</button>
          <button type="button" onClick={() => setEditing(true)}>{t('common.edit')}</button>
          <ConfirmButton label={t('common.delete')} question={t('common.confirmDelete')} onConfirm={async () => {
            await api('cases.delete', { id });
            notify({ text: `${label(c.clientName, c.clientId)} · ${t(`enum.caseType.${c.caseType}`)} — ${t('common.deleted')}`, undo: async () => { await api('cases.restore', { id }); go({ name: 'case', id }); } });
            go({ name: 'cases' });
          }} />
        </div>
      </header>
      <dl className="card facts">
        <dt>{t('case.client')}</dt><dd><button type="button" className="link" onClick={() => go({ name: 'client', id: c.clientId })}>{label(c.clientName, c.clientId)}</button></dd>
        <dt>{t('case.district')}</dt><dd>{c.district ?? '—'}</dd>
        <dt>{t('case.manager')}</dt><dd>{c.managerName ?? '—'}</dd>
        <dt>{t('case.openedOn')}</dt><dd>{c.openedOn}</dd>
        <dt>{t('case.closedOn')}</dt><dd>{c.closedOn ?? '—'}</dd>
        <dt>{t('case.notes')}</dt><dd className="pre">{c.notes ?? '—'}</dd>
      </dl>
      <div className="card">
        <header className="page-head">
          <h2>{t('case.listings')}</h2>
          <button type="button" className="primary" onClick={() => go({ name: 'listing', caseId: id })}>+ {t('listing.new')}</button>
        </header>
        {!listings ? <p className="muted">{t('common.loading')}</p> : listings.length === 0 ? <p className="muted">{t('case.noListings')}</p> : (
          <ul className="listing-cards" data-testid="case-listings">
            {listings.map((l) => (
              <li key={l.id} className="listing-card">
                <div className="grow"><ListingSummary l={l} budget={budget} /></div>
                <button type="button" onClick={() => go({ name: 'listing', caseId: id, id: l.id })}>{t('common.edit')}</button>
                <button type="button" onClick={() => go({ name: 'checklistListing', listingId: l.id })}>{t('checklists.open')}</button>
                <button type="button" onClick={() => go({ name: 'rights', listingId: l.id, caseId: id })}>{t('rights.open')}</button>
                <button type="button" onClick={() => go({ name: 'viewingPlan', caseId: id, listingId: l.id })}>{t('viewings.plan')}</button>
                {/* listing map: the listing's place and surroundings */}
                <button type="button" aria-expanded={placing === l.id} onClick={() => setPlacing(placing === l.id ? null : l.id)}>{t('listingMap.open')}</button>
                <ConfirmButton label={t('common.delete')} question={t('common.confirmDelete')} onConfirm={() => removeListing(l)} />
              </li>
            ))}
          </ul>
        )}
        {/* listing map: the chosen listing's place and surroundings (입지 안내) */}
        {listings?.filter((l) => l.id === placing).map((l) => (
          <ListingPlace key={l.id} listing={l} title={l.roadAddress ?? l.jibunAddress ?? ''} onClose={() => setPlacing(null)}
            onChange={(n) => setListings((xs) => xs!.map((x) => (x.id === n.id ? n : x)))} />
        ))}
      </div>
      {/* lease module: the case's lease timeline, registry readings and re-check */}
      {listings && <LeaseCard caseId={id} listings={listings} />}
      <SavedCalcsCard caseId={id} />
      {/* policy + statistics (issue 12) */}
      <ProgrammeList clientId={c.clientId} caseId={id} />
      <CaseStatsCard caseId={id} closedOn={c.closedOn} />
    </section>
  );
}

export function CaseEditor({ existing, clientId, onDone }: { existing?: CaseView; clientId?: string; onDone?(c: CaseView): void }) {
  const { t } = useTranslation();
  const label = useClientLabel();
  const { go, notify, session } = useApp();
  const [clients, setClients] = useState<ClientView[]>([]);
  const [managers, setManagers] = useState<ManagerView[]>([]);
  // The draft is the method's own input type: a field the API does not take cannot creep in.
  const [f, setF] = useState<Required<ApiInput<'cases.create'>>>({
    clientId: existing?.clientId ?? clientId ?? '',
    caseType: existing?.caseType ?? 'contract_consult',
    status: existing?.status ?? 'received',
    district: existing?.district ?? null,
    managerId: existing?.managerId ?? session?.manager?.id ?? null,
    openedOn: existing?.openedOn ?? todaySeoul(),
    closedOn: existing?.closedOn ?? null,
    notes: existing?.notes ?? '',
  });
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const { saving, run } = useSaveOnce();
  useEffect(() => {
    void api('clients.list', {}).then(setClients);
    void api('managers.list').then(setManagers);
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: ApiInput<'cases.create'> = { ...f, notes: f.notes || null };
    try {
      const saved = await run((requestId) =>
        existing ? api('cases.update', { id: existing.id, ...body }, { requestId }) : api('cases.create', body, { requestId }),
      );
      if (!saved) return;
      notify({ text: t('common.saved') });
      if (onDone) onDone(saved);
      else go({ name: 'case', id: saved.id });
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  }
  return (
    <section className="page">
      <header className="page-head"><h1>{existing ? t('case.edit') : t('case.new')}</h1></header>
      <form className="card form-grid" onSubmit={submit} aria-label={existing ? t('case.edit') : t('case.new')}>
        <Field label={t('case.client')} required error={errors.clientId}>
          {(id) => (
            <select id={id} name="clientId" value={f.clientId} onChange={(e) => {
              const c = clients.find((x) => x.id === e.target.value);
              setF({ ...f, clientId: e.target.value, district: f.district ?? c?.desiredDistricts[0] ?? null });
            }}>
              <option value="">{t('case.chooseClient')}</option>
              {clients.map((c) => <option key={c.id} value={c.id}>{label(c.name, c.id)}{c.isDemo ? ` (${t('app.demoBadge')})` : ''}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('case.type')} required error={errors.caseType}>
          {(id) => <EnumSelect id={id} kind="caseType" values={CASE_TYPES} value={f.caseType} required onChange={(v) => setF({ ...f, caseType: v ?? 'contract_consult' })} />}
        </Field>
        <Field label={t('case.status')} required error={errors.status}>
          {(id) => <EnumSelect id={id} kind="caseStatus" values={CASE_STATUSES} value={f.status} required onChange={(v) => setF({ ...f, status: v ?? 'received' })} />}
        </Field>
        <Field label={t('case.district')} error={errors.district}>
          {(id) => <DistrictSelect id={id} value={f.district} onChange={(v) => setF({ ...f, district: v })} />}
        </Field>
        <Field label={t('case.manager')} error={errors.managerId}>
          {(id) => (
            <select id={id} value={f.managerId ?? ''} onChange={(e) => setF({ ...f, managerId: e.target.value || null })}>
              <option value="">—</option>
              {managers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('case.openedOn')} required error={errors.openedOn}>
          {(id) => <input id={id} type="date" value={f.openedOn} onChange={(e) => setF({ ...f, openedOn: e.target.value })} />}
        </Field>
        <Field label={t('case.closedOn')} error={errors.closedOn}>
          {(id) => <input id={id} type="date" value={f.closedOn ?? ''} onChange={(e) => setF({ ...f, closedOn: e.target.value || null })} />}
        </Field>
        <Field label={t('case.notes')} wide error={errors.notes}>
          {(id) => <textarea id={id} name="notes" rows={4} value={f.notes ?? ''} onChange={(e) => setF({ ...f, notes: e.target.value })} />}
        </Field>
        <div className="actions wide">
          <button type="button" onClick={() => (onDone && existing ? onDone(existing) : go({ name: 'cases' }))}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={saving} aria-busy={saving}>{saving ? t('privacy.saving') : t('common.save')}</button>
        </div>
      </form>
    </section>
  );
}
