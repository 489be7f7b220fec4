// Plan (or re-plan) a viewing for a case: day, start, meeting place, managers, and the
// listings to visit in order, with the suggested walking order one click away.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, ListingView, ManagerView } from '../../../../electron/api/views.js';
import type { SuggestedOrderView } from '../../../../electron/api/viewing-methods.js';
import { todaySeoul } from '../../../../checklists/common/seoul-time.js';
import { api } from '../../api/client.js';
import { useSaveOnce } from '../../api/useSaveOnce.js';
import { useApp } from '../../store/app.js';
import { Field } from '../../components/Field.js';
import { fieldErrors, useBilingual } from '../../components/useBilingual.js';
import { ListingSummary } from '../Cases.js';
import { useClientLabel } from '../../components/ClientLabel.js';

export function ViewingPlanner({ caseId, id, listingId }: { caseId: string; id?: string; listingId?: string }) {
  const { t } = useTranslation();
  const label = useClientLabel();
  const tr = useBilingual();
  const { go, notify, session } = useApp();
  const [c, setC] = useState<CaseView | null>(null);
  const [listings, setListings] = useState<ListingView[]>([]);
  const [managers, setManagers] = useState<ManagerView[]>([]);
  const [f, setF] = useState({ date: todaySeoul(), startTime: '14:00', meetingPlace: '', managerIds: session?.manager ? [session.manager.id] : [] as string[] });
  const [order, setOrder] = useState<string[]>(listingId ? [listingId] : []);
  const [suggestion, setSuggestion] = useState<SuggestedOrderView | null>(null);
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { saving, run } = useSaveOnce();

  useEffect(() => {
    void api('cases.get', { id: caseId }).then(setC);
    void api('managers.list').then(setManagers);
    void api('listings.list', { caseId }).then((ls) => {
      setListings(ls);
      // A new plan starts with every listing of the case, the chosen one first.
      if (!id) setOrder(listingId ? [listingId, ...ls.map((l) => l.id).filter((x) => x !== listingId)] : ls.map((l) => l.id));
    });
    if (id) {
      void api('viewings.get', { id }).then((v) => {
        setF({ date: v.date, startTime: v.startTime, meetingPlace: v.meetingPlace, managerIds: v.managerIds });
        setOrder(v.stops.map((s) => s.listingId));
      });
    }
  }, [caseId, id, listingId]);

  const byId = new Map(listings.map((l) => [l.id, l]));
  const unpicked = listings.filter((l) => !order.includes(l.id));
  function move(i: number, d: -1 | 1) {
    const next = [...order];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    setOrder(next);
    setSuggestion(null);
  }
  async function suggest() {
    setSuggestion(await api('viewings.suggestOrder', { listingIds: order }));
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      const v = await run((requestId) =>
        id ? api('viewings.update', { id, ...f, listingIds: order }, { requestId }) : api('viewings.plan', { caseId, ...f, listingIds: order }, { requestId }),
      );
      if (!v) return;
      notify({ text: t('common.saved') });
      go({ name: 'viewing', id: v.id });
    } catch (err) {
      setErrors(fieldErrors(err));
      const fe = fieldErrors(err);
      const first = Object.values(fe)[0];
      setFormError(first ? tr(first) : String((err as Error).message));
    }
  }
  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('viewings.planTitle', { client: label(c?.clientName, c?.clientId) })}</h1>
        <button type="button" onClick={() => go(id ? { name: 'viewing', id } : { name: 'case', id: caseId })}>{t('common.back')}</button>
      </header>
      <form className="card form-grid viewings-plan" onSubmit={submit} aria-label={t('viewings.plan')}>
        <Field label={t('viewings.date')} required error={errors.date}>
          {(fid) => <input id={fid} type="date" value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} />}
        </Field>
        <Field label={t('viewings.startTime')} required error={errors.startTime}>
          {(fid) => <input id={fid} type="time" value={f.startTime} onChange={(e) => setF({ ...f, startTime: e.target.value })} />}
        </Field>
        <Field label={t('viewings.meetingPlace')} error={errors.meetingPlace} wide>
          {(fid) => <input id={fid} value={f.meetingPlace} placeholder={t('viewings.meetingPlaceHint')} onChange={(e) => setF({ ...f, meetingPlace: e.target.value })} />}
        </Field>
        <Field label={t('viewings.managers')} error={errors.managerIds} wide>
          {(fid) => (
            <div id={fid} className="row wrap">
              {managers.map((m) => (
                <label key={m.id} className="row small">
                  <input type="checkbox" checked={f.managerIds.includes(m.id)} onChange={(e) => setF({ ...f, managerIds: e.target.checked ? [...f.managerIds, m.id] : f.managerIds.filter((x) => x !== m.id) })} />
                  {m.name}
                </label>
              ))}
            </div>
          )}
        </Field>
        <div className="field wide">
          <div className="row">
            <strong>{t('viewings.listings')}</strong>
            <button type="button" onClick={suggest} disabled={order.length < 2}>{t('viewings.suggest')}</button>
          </div>
          {listings.length === 0 && <p className="muted">{t('viewings.noListings')}</p>}
          <ol className="viewings-order" data-testid="plan-order">
            {order.map((lid, i) => byId.get(lid) && (
              <li key={lid} className="listing-card">
                <span className="viewings-stop-no">{i + 1}</span>
                <div className="grow"><ListingSummary l={byId.get(lid)!} /></div>
                <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('viewings.up')}>↑</button>
                <button type="button" onClick={() => move(i, 1)} disabled={i === order.length - 1} aria-label={t('viewings.down')}>↓</button>
                <label className="row small"><input type="checkbox" checked onChange={() => setOrder(order.filter((x) => x !== lid))} /> {t('viewings.pick')}</label>
              </li>
            ))}
            {unpicked.map((l) => (
              <li key={l.id} className="listing-card viewings-unpicked">
                <span className="viewings-stop-no">–</span>
                <div className="grow"><ListingSummary l={l} /></div>
                <label className="row small"><input type="checkbox" checked={false} onChange={() => setOrder([...order, l.id])} /> {t('viewings.pick')}</label>
              </li>
            ))}
          </ol>
          {suggestion && (
            <div className="viewings-suggestion" role="status">
              <p>{tr(suggestion.note)}</p>
              <p className="muted small">
                {suggestion.listingIds.map((x, i) => `${i + 1}. ${byId.get(x)?.roadAddress ?? byId.get(x)?.jibunAddress ?? ''}`).join('  ')}
                {suggestion.legsM.length > 0 && ` · ${t('viewings.legs', { legs: suggestion.legsM.map((m) => `${m.toLocaleString()}m`).join(', ') })}`}
              </p>
              <button type="button" onClick={() => { setOrder(suggestion.listingIds); setSuggestion(null); }}>{t('viewings.suggestApply')}</button>
            </div>
          )}
          {errors.listingIds && <div className="error" role="alert">{tr(errors.listingIds)}</div>}
        </div>
        {formError && <div className="error wide" role="alert">{formError}</div>}
        <div className="row wide">
          <button type="submit" className="primary" disabled={saving} aria-busy={saving}>{saving ? t('privacy.saving') : t('viewings.savePlan')}</button>
        </div>
      </form>
    </section>
  );
}
