// A listing's checklist runs, and the three (or more) templates to start from.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/useLoad.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ListingSummary } from '../Cases.js';
import { RunRows } from './ChecklistsHome.js';

export function ListingRuns({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { go, notify } = useApp();
  const listing = useApi('listings.get', { id: listingId }).data;
  const templates = useApi('checklists.templates.list', {}).data ?? [];
  const runList = useApi('checklists.runs.list', { listingId });
  const runs = runList.data;
  const [busy, setBusy] = useState(false);

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
      {!runs || runList.error ? <LoadStatus state={runList} /> : runs.length === 0 ? <p className="muted">{t('checklists.noListingRuns')}</p> : <RunRows runs={runs} />}
    </section>
  );
}
