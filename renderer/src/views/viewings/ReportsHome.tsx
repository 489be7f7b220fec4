// 보고서: per case, the 상담 결과 보고서 and each viewing's 동행 기록지 — open (preview in the
// page), save (download with the tenant's masked name in the file name) and print.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../electron/api/views.js';
import type { ReportFileView, ViewingSummaryView } from '../../../../electron/api/viewing-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ViewingStatusBadge } from './ViewingsHome.js';
import { base64ToBlob, printBlob, saveBlob } from './files.js';
import { useClientLabel } from '../../components/ClientLabel.js';
import { ReportComposePanel, useTenantCompose } from './ReportCompose.js';

type Action = 'open' | 'save' | 'print';

export function ReportsHome({ caseId }: { caseId?: string }) {
  const { t } = useTranslation();
  const label = useClientLabel();
  const tr = useBilingual();
  const { go, notify } = useApp();
  const [cases, setCases] = useState<CaseView[]>([]);
  const [viewings, setViewings] = useState<ViewingSummaryView[]>([]);
  const [locale, setLocale] = useState<'ko' | 'en'>('ko');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const composer = useTenantCompose(caseId, locale);
  useEffect(() => {
    void api('cases.list', {}).then(setCases);
  }, []);
  useEffect(() => {
    setViewings([]);
    if (caseId) void api('viewings.forCase', { caseId }).then(setViewings);
  }, [caseId]);
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview.url); }, [preview]);

  async function run(make: () => Promise<ReportFileView>, action: Action) {
    setBusy(true);
    try {
      const f = await make();
      const blob = base64ToBlob(f.dataBase64, f.mime);
      if (action === 'save') saveBlob(blob, f.fileName);
      else if (action === 'print') printBlob(blob);
      else setPreview({ url: URL.createObjectURL(blob), name: f.fileName });
    } catch (e) {
      notify({ tone: 'error', text: e instanceof ApiCallError ? tr(e.body.message) : String(e) });
    } finally {
      setBusy(false);
    }
  }
  const buttons = (make: () => Promise<ReportFileView>, label: string) => (
    <span className="row">
      <button type="button" disabled={busy} onClick={() => run(make, 'open')} aria-label={`${label} ${t('reports.open')}`}>{t('reports.open')}</button>
      <button type="button" disabled={busy} className="primary" onClick={() => run(make, 'save')} aria-label={`${label} ${t('reports.save')}`}>{t('reports.save')}</button>
      <button type="button" disabled={busy} onClick={() => run(make, 'print')} aria-label={`${label} ${t('reports.print')}`}>{t('reports.print')}</button>
    </span>
  );
  return (
    <section className="page reports-page">
      <header className="page-head">
        <h1>{t('reports.title')}</h1>
        <div className="row">
          <label className="row">{t('reports.pickCase')}
            <select value={caseId ?? ''} aria-label={t('reports.pickCase')} onChange={(e) => go({ name: 'reports', caseId: e.target.value || undefined })}>
              <option value="">{t('reports.chooseCase')}</option>
              {cases.map((c) => <option key={c.id} value={c.id}>{label(c.clientName, c.clientId)} · {t(`enum.caseType.${c.caseType}`)} · {c.openedOn}</option>)}
            </select>
          </label>
          <label className="row">{t('reports.language')}
            <select value={locale} onChange={(e) => setLocale(e.target.value as 'ko' | 'en')}>
              <option value="ko">한국어</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </header>
      <p className="muted small">{t('reports.hint')}</p>
      {caseId && (
        <>
          <div className="card reports-row" data-testid="report-tenant">
            <strong className="grow">{t('reports.tenantReport')}</strong>
            {buttons(() => api('reports.tenant', { caseId, locale, compose: composer.compose() }), t('reports.tenantReport'))}
            <div className="grow-full"><ReportComposePanel state={composer} /></div>
          </div>
          <div className="card">
            <h2>{t('reports.viewingLog')}</h2>
            {viewings.length === 0 ? <p className="muted">{t('reports.noViewings')}</p> : (
              <ul className="viewings-list">
                {viewings.map((v) => (
                  <li key={v.id} className="reports-row" data-testid="report-viewing">
                    <span className="grow">{v.date} {v.startTime} · {t('viewings.stops', { count: v.stopCount })} <ViewingStatusBadge status={v.status} /></span>
                    {buttons(() => api('reports.viewing', { viewingId: v.id, locale }), `${t('reports.viewingLog')} ${v.date}`)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
      {busy && <p className="muted" role="status">{t('reports.making')}</p>}
      {preview && (
        <div className="card reports-preview">
          <header className="page-head">
            <h2>{t('reports.preview')} · {preview.name}</h2>
            <button type="button" onClick={() => setPreview(null)}>{t('common.close')}</button>
          </header>
          <p className="muted small">{t('reports.previewHint')}</p>
          <iframe title={preview.name} src={preview.url} />
        </div>
      )}
    </section>
  );
}
