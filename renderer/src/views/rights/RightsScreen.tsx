// 권리분석 for one listing: the registry form on one side, the live analysis on the other. Every
// change is saved shortly after it is made and the analysis re-computed from what was saved.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../electron/api/errors.js';
import type { RightsAnalysisView } from '../../../../electron/api/rights-methods.js';
import type { ListingView } from '../../../../electron/api/views.js';
import { formatKoreanAmount } from '../../../../checklists/common/money.js';
import { api, ApiCallError } from '../../api/client.js';
import { fieldErrors, useBilingual } from '../../components/useBilingual.js';
import { useApp } from '../../store/app.js';
import { AnalysisPanel } from './AnalysisPanel.js';
import { fromEdit, RegistryEditor, toEdit, type EditDoc } from './RegistryEditor.js';

const SAVE_DELAY_MS = 350;
type Status = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed';

export function RightsScreen({ listingId, caseId }: { listingId: string; caseId?: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { go } = useApp();
  const [listing, setListing] = useState<ListingView | null>(null);
  const [doc, setDoc] = useState<EditDoc | null>(null);
  const [analysis, setAnalysis] = useState<RightsAnalysisView | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [loadError, setLoadError] = useState<Bilingual | null>(null);
  const docRef = useRef<EditDoc | null>(null);
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);
  // Saves run one at a time, so an older document can never land after a newer one.
  const inflight = useRef(false);
  const again = useRef(false);

  useEffect(() => {
    let live = true;
    Promise.all([api('listings.get', { id: listingId }), api('registry.get', { listingId }), api('rights.analyze', { listingId })])
      .then(([l, r, a]) => {
        if (!live) return;
        setListing(l);
        docRef.current = toEdit(r.registry);
        setDoc(docRef.current);
        setAnalysis(a);
        setSavedAt(r.updatedAt);
      })
      .catch((e) => live && setLoadError(e instanceof ApiCallError ? e.body.message : { ko: String(e), en: String(e) }));
    return () => {
      live = false;
      // Leaving the screen with a change still waiting: save it now rather than lose it.
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        timer.current = undefined;
        void save();
      }
    };
    // `save` reads everything through refs, so it needs no re-subscription.
  }, [listingId]);

  async function save() {
    timer.current = undefined;
    if (!docRef.current || pending.current.size > 0) return;
    if (inflight.current) {
      again.current = true;
      return;
    }
    inflight.current = true;
    const mine = ++seq.current;
    setStatus('saving');
    try {
      const saved = await api('registry.save', { listingId, registry: fromEdit(docRef.current) });
      const a = await api('rights.analyze', { listingId });
      if (mine !== seq.current) return; // a newer change is on its way
      setErrors({});
      setAnalysis(a);
      setSavedAt(saved.updatedAt);
      setStatus('saved');
    } catch (e) {
      if (mine !== seq.current) return;
      const fe = fieldErrors(e);
      setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k.replace(/^registry\./, ''), v])));
      setStatus(e instanceof ApiCallError && e.body.code === 'VALIDATION' ? 'invalid' : 'failed');
    } finally {
      inflight.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }

  function change(fn: (d: EditDoc) => void) {
    if (!docRef.current) return;
    const next = structuredClone(docRef.current);
    fn(next);
    docRef.current = next;
    setDoc(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }

  function onPending(field: string, isPending: boolean) {
    if (isPending) pending.current.add(field);
    else pending.current.delete(field);
  }

  if (loadError) return <section className="page"><p className="error">{tr(loadError)}</p></section>;
  if (!listing || !doc || !analysis) return <section className="page"><p className="muted">{t('common.loading')}</p></section>;

  const time = savedAt ? new Date(savedAt).toLocaleTimeString('ko-KR', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Seoul' }) : '';
  const statusText =
    status === 'saving' ? t('rights.save.saving') : status === 'invalid' ? t('rights.save.invalid') : status === 'failed' ? t('rights.save.failed') : savedAt ? t('rights.save.saved', { time }) : '';
  const address = [listing.roadAddress ?? listing.jibunAddress, listing.dong, listing.ho].filter(Boolean).join(' ');
  return (
    <section className="page rights-page">
      <header className="page-head">
        <h1>{t('rights.title')} <span className="muted small">{address}</span></h1>
        <div className="row">
          <span className={`rights-save ${status}`} role="status" data-testid="rights-save-status">{statusText}</span>
          <button type="button" onClick={() => go(caseId ? { name: 'case', id: caseId } : { name: 'case', id: listing.caseId })}>{t('rights.backToCase')}</button>
        </div>
      </header>
      <p className="muted small">
        {t('rights.editor.fromListing', {
          address,
          deposit: formatKoreanAmount(listing.deposit),
          market: listing.marketValue != null ? formatKoreanAmount(listing.marketValue) : t('rights.editor.notEntered'),
          landlord: listing.landlordName || t('rights.editor.notEntered'),
        })}
        {analysis.checklist && ` ${t('rights.editor.checklistUsed', { count: analysis.checklist.answered })}`}
      </p>
      <div className="rights-layout">
        <div>
          <h2>{t('rights.editor.heading')}</h2>
          <RegistryEditor doc={doc} errors={errors} onChange={change} onPending={onPending} deposit={listing.deposit} />
        </div>
        <div>
          <h2>{t('rights.analysis.heading')}</h2>
          <AnalysisPanel a={analysis} />
        </div>
      </div>
    </section>
  );
}
