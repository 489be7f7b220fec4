// A listing's checklist runs, and the three (or more) templates to start from.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingView } from '../../../../electron/api/views.js';
import type { ChecklistRunView, ChecklistTemplateView } from '../../../../electron/api/checklist-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ListingSummary } from '../Cases.js';
import { RunRows } from './ChecklistsHome.js';

export function ListingRuns({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { go, notify } = useApp();
  const [listing, setListing] = useState<ListingView | null>(null);
  const [templates, setTemplates] = useState<ChecklistTemplateView[]>([]);
  const [runs, setRuns] = useState<ChecklistRunView[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void Promise.all([api('listings.get', { id: listingId }), api('checklists.templates.list', {}), api('checklists.runs.list', { listingId })]).then(([l, ts, rs]) => {
      if (!live) return;
      setListing(l);
      setTemplates(ts);
      setRuns(rs);
    });
    return () => {
      live = false;
    };
  }, [listingId]);

  async function start(templateId: string) {
    setBusy(true);
    try {
      const d = await api('checklists.runs.start', { listingId, templateId });
      go({ name: 'checklistRun', id: d.run.id });
    } catch (e) {
      notify({ text: e instanceof ApiCallError ? tr(e.body.message) : String(e), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page">
      {listing && <button type="button" className="link" onClick={() => go({ name: 'case', id: listing.caseId })}>{t('checklists.backToCase')}</button>}
      <header className="page-head"><h1>{t('checklists.listingRuns')}</h1></header>
      {listing && <div className="card"><ListingSummary l={listing} /></div>}
      <div className="cl-start" data-testid="checklist-templates">
        {templates.map((tp) => (
          <button key={tp.id} type="button" className="cl-start-card" disabled={busy} onClick={() => void start(tp.id)}>
            <strong>{tr(tp.title)}</strong>
            <span className="muted small">{t('checklists.items', { n: tp.items })} · {t('checklists.version', { v: tp.version })}</span>
            <span className="cl-start-action">{t('checklists.start')} →</span>
          </button>
        ))}
      </div>
      <p className="muted small">{t('checklists.startHint')}</p>
      {!runs ? <p className="muted">{t('common.loading')}</p> : runs.length === 0 ? <p className="muted">{t('checklists.noListingRuns')}</p> : <RunRows runs={runs} />}
    </section>
  );
}
