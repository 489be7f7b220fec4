import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../electron/api/views.js';
import { BUILDING_TYPES, FLOOR_KINDS, LEASE_TYPES, type BuildingType, type FloorKind, type LeaseType } from '../../../electron/api/domain.js';
import { parseLeaseShorthand } from '../../../checklists/common/money.js';
import type { ApiInput } from '../../../electron/api/methods.js';
import { api } from '../api/client.js';
import { useSaveOnce } from '../api/useSaveOnce.js';
import { useApi } from '../api/useLoad.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { useApp } from '../store/app.js';
import { Field } from '../components/Field.js';
import { EnumSelect } from '../components/EnumSelect.js';
import { MoneyInput } from '../components/MoneyInput.js';
import { bannerMessage, CHECK_MARKED_FIELDS, fieldErrors, useBilingual } from '../components/useBilingual.js';
import { useDebounced } from './Clients.js';
import { ListingSummary } from './Cases.js';
import { useClientLabel } from '../components/ClientLabel.js';

export function ListingsView() {
  const { t } = useTranslation();
  const { go } = useApp();
  const [query, setQuery] = useState('');
  const q = useDebounced(query);
  const list = useApi('listings.list', { query: q });
  const rows = list.data;
  return (
    <section className="page">
      <header className="page-head"><h1>{t('listing.title')}</h1></header>
      <input type="search" className="search" aria-label={t('common.search')} placeholder={t('listing.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {!rows || list.error ? <LoadStatus state={list} /> : rows.length === 0 ? <p className="muted">{q ? t('common.noResults') : t('common.empty')}</p> : (
        <ul className="listing-cards" data-testid="listing-results">
          {rows.map((l) => (
            <li key={l.id} className="listing-card clickable" onClick={() => go({ name: 'case', id: l.caseId })}>
              <div className="grow"><ListingSummary l={l} /></div>
              <button type="button" onClick={(e) => { e.stopPropagation(); go({ name: 'listing', caseId: l.caseId, id: l.id }); }}>{t('common.edit')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Money = 'deposit' | 'monthlyRent' | 'maintenanceFee' | 'marketValue' | 'officialPrice';

export function ListingEditor({ caseId, id }: { caseId: string; id?: string }) {
  const { t } = useTranslation();
  const label = useClientLabel();
  const tr = useBilingual();
  const { go, notify } = useApp();
  const [c, setC] = useState<CaseView | null>(null);
  const [loaded, setLoaded] = useState(!id);
  const [f, setF] = useState({
    roadAddress: '', jibunAddress: '', dong: '', ho: '',
    buildingType: 'multi_household' as BuildingType, leaseType: 'semi_monthly' as LeaseType,
    deposit: null as number | null, monthlyRent: null as number | null, maintenanceFee: null as number | null,
    exclusiveAreaM2: '', floor: '', floorKind: 'above' as FloorKind | null, approvalYear: '',
    marketValue: null as number | null, marketValueSource: '', officialPrice: null as number | null, lat: '', lon: '',
    landlordName: '', brokerName: '', brokerOffice: '', brokerRegNo: '', notes: '',
  });
  const [moneyKey, setMoneyKey] = useState(0); // remounts money inputs after the shortcut fills them
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [shorthand, setShorthand] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({});
  const [general, setGeneral] = useState('');
  const { saving, run } = useSaveOnce();

  useEffect(() => {
    void api('cases.get', { id: caseId }).then(setC);
    if (!id) return;
    void api('listings.get', { id }).then((l) => {
      const s = (v: number | string | null) => (v == null ? '' : String(v));
      setF({
        roadAddress: s(l.roadAddress), jibunAddress: s(l.jibunAddress), dong: s(l.dong), ho: s(l.ho),
        buildingType: l.buildingType, leaseType: l.leaseType, deposit: l.deposit, monthlyRent: l.monthlyRent, maintenanceFee: l.maintenanceFee,
        exclusiveAreaM2: s(l.exclusiveAreaM2), floor: s(l.floor), floorKind: l.floorKind, approvalYear: s(l.approvalYear),
        marketValue: l.marketValue, marketValueSource: l.marketValueSource ?? '', officialPrice: l.officialPrice, lat: s(l.lat), lon: s(l.lon),
        landlordName: s(l.landlordName), brokerName: s(l.brokerName), brokerOffice: s(l.brokerOffice), brokerRegNo: s(l.brokerRegNo), notes: s(l.notes),
      });
      setLoaded(true);
    });
  }, [caseId, id]);

  const shorthandParse = shorthand.trim() ? parseLeaseShorthand(shorthand) : null;
  function applyShorthand() {
    if (!shorthandParse?.ok) return;
    setF((x) => ({ ...x, deposit: shorthandParse.deposit, monthlyRent: shorthandParse.monthlyRent, leaseType: shorthandParse.monthlyRent > 0 ? 'semi_monthly' : 'jeonse' }));
    setPending((p) => ({ ...p, deposit: false, monthlyRent: false }));
    setMoneyKey((k) => k + 1);
  }

  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral('');
    if (Object.values(pending).some(Boolean)) return setGeneral(t('money.needsConfirm'));
    if (f.deposit === null) {
      setErrors({ deposit: { ko: '보증금을 입력하세요 (전세·월세 모두 필요합니다).', en: 'Enter the deposit (needed for every lease type).' } });
      return setGeneral(tr(CHECK_MARKED_FIELDS));
    }
    const body: ApiInput<'listings.create'> = {
      caseId,
      roadAddress: f.roadAddress || null, jibunAddress: f.jibunAddress || null, dong: f.dong || null, ho: f.ho || null,
      buildingType: f.buildingType, leaseType: f.leaseType,
      deposit: f.deposit, monthlyRent: f.leaseType === 'jeonse' ? 0 : (f.monthlyRent ?? 0), maintenanceFee: f.maintenanceFee,
      exclusiveAreaM2: num(f.exclusiveAreaM2), floor: num(f.floor), floorKind: f.floorKind, approvalYear: num(f.approvalYear),
      marketValue: f.marketValue, marketValueSource: (f.marketValueSource || null) as 'kb' | 'reb' | 'asking' | null, officialPrice: f.officialPrice, lat: num(f.lat), lon: num(f.lon),
      landlordName: f.landlordName || null, brokerName: f.brokerName || null, brokerOffice: f.brokerOffice || null, brokerRegNo: f.brokerRegNo || null,
      notes: f.notes || null,
    };
    try {
      const saved = await run((requestId) =>
        id ? api('listings.update', { id, ...body }, { requestId }) : api('listings.create', body, { requestId }),
      );
      if (!saved) return;
      notify({ text: t('common.saved') });
      go({ name: 'case', id: caseId });
    } catch (err) {
      setErrors(fieldErrors(err));
      setGeneral(tr(bannerMessage(err)));
    }
  }

  const money = (key: Money) => (fid: string) => (
    <MoneyInput key={`${key}-${moneyKey}-${loaded}`} id={fid} name={key} value={f[key]} onChange={(s) => { setF((x) => ({ ...x, [key]: s.value })); setPending((p) => ({ ...p, [key]: s.pending })); }} />
  );
  const text = (key: keyof typeof f, type = 'text') => (fid: string) => (
    <input id={fid} name={key} type={type} value={f[key] as string} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
  );
  const area = Number(f.exclusiveAreaM2);

  if (!loaded) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;
  return (
    <section className="page">
      <header className="page-head">
        <h1>{id ? t('listing.edit') : t('listing.new')}</h1>
        <span className="muted">{t('listing.caseLabel')}: {label(c?.clientName, c?.clientId)} · {c && t(`enum.caseType.${c.caseType}`)}</span>
      </header>
      <form onSubmit={submit} aria-label={id ? t('listing.edit') : t('listing.new')}>
        <div className="card form-grid">
          <Field label={t('listing.roadAddress')} wide error={errors.roadAddress}>{text('roadAddress')}</Field>
          <Field label={t('listing.jibunAddress')} wide error={errors.jibunAddress}>{text('jibunAddress')}</Field>
          <Field label={t('listing.dong')} error={errors.dong}>{text('dong')}</Field>
          <Field label={t('listing.ho')} error={errors.ho}>{text('ho')}</Field>
          <Field label={t('listing.buildingType')} required error={errors.buildingType}>
            {(fid) => <EnumSelect id={fid} kind="buildingType" values={BUILDING_TYPES} value={f.buildingType} required onChange={(v) => setF({ ...f, buildingType: v ?? 'other' })} />}
          </Field>
          <Field label={t('listing.leaseType')} required error={errors.leaseType}>
            {(fid) => <EnumSelect id={fid} kind="leaseType" values={LEASE_TYPES} value={f.leaseType} required onChange={(v) => setF({ ...f, leaseType: v ?? 'jeonse' })} />}
          </Field>
        </div>
        <div className="card form-grid">
          <Field label={t('listing.leaseShorthand')} wide hint={shorthandParse ? (shorthandParse.ok ? tr(shorthandParse.reading) : tr(shorthandParse.error)) : undefined}>
            {(fid) => (
              <div className="row">
                <input id={fid} name="leaseShorthand" value={shorthand} placeholder="1000/50" onChange={(e) => setShorthand(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); applyShorthand(); } }} />
                <button type="button" onClick={applyShorthand} disabled={!shorthandParse?.ok}>{t('common.add')}</button>
              </div>
            )}
          </Field>
          <Field label={t('listing.deposit')} required error={errors.deposit}>{money('deposit')}</Field>
          {f.leaseType !== 'jeonse' && <Field label={t('listing.monthlyRent')} required error={errors.monthlyRent}>{money('monthlyRent')}</Field>}
          <Field label={t('listing.maintenanceFee')} error={errors.maintenanceFee}>{money('maintenanceFee')}</Field>
          <Field label={t('listing.marketValue')} error={errors.marketValue}>{money('marketValue')}</Field>
          <Field label={t('legal.marketValueSource.label')} error={errors.marketValueSource} hint={t('legal.marketValueSource.hint')}>
            {(id) => (
              <select id={id} value={f.marketValueSource} onChange={(e) => setF({ ...f, marketValueSource: e.target.value })}>
                {['', 'kb', 'reb', 'asking'].map((v) => <option key={v} value={v}>{t(`legal.marketValueSource.${v || 'unset'}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('listing.officialPrice')} error={errors.officialPrice}>{money('officialPrice')}</Field>
        </div>
        <div className="card form-grid">
          <Field label={t('listing.exclusiveArea')} error={errors.exclusiveAreaM2} hint={area > 0 ? t('listing.pyeong', { value: (area / 3.3058).toFixed(1) }) : undefined}>{text('exclusiveAreaM2', 'number')}</Field>
          <Field label={t('listing.floorKind')} error={errors.floorKind}>
            {(fid) => <EnumSelect id={fid} kind="floorKind" values={FLOOR_KINDS} value={f.floorKind} onChange={(v) => setF({ ...f, floorKind: v })} />}
          </Field>
          <Field label={t('listing.floor')} error={errors.floor}>{text('floor', 'number')}</Field>
          <Field label={t('listing.approvalYear')} error={errors.approvalYear}>{text('approvalYear', 'number')}</Field>
          <Field label={t('listing.lat')} error={errors.lat}>{text('lat', 'number')}</Field>
          <Field label={t('listing.lon')} error={errors.lon}>{text('lon', 'number')}</Field>
        </div>
        <div className="card form-grid">
          <Field label={t('listing.landlordName')} error={errors.landlordName}>{text('landlordName')}</Field>
          <Field label={t('listing.brokerName')} error={errors.brokerName}>{text('brokerName')}</Field>
          <Field label={t('listing.brokerOffice')} error={errors.brokerOffice}>{text('brokerOffice')}</Field>
          <Field label={t('listing.brokerRegNo')} error={errors.brokerRegNo}>{text('brokerRegNo')}</Field>
          <Field label={t('listing.notes')} wide error={errors.notes}>
            {(fid) => <textarea id={fid} name="notes" rows={3} value={f.notes} onChange={(e) => setF({ ...f, notes: e.target.value })} />}
          </Field>
        </div>
        {general && <div className="error" role="alert">{general}</div>}
        <div className="actions">
          <button type="button" onClick={() => go({ name: 'case', id: caseId })}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={saving} aria-busy={saving}>{saving ? t('privacy.saving') : t('common.save')}</button>
        </div>
      </form>
    </section>
  );
}
