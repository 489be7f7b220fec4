import { useTranslation } from 'react-i18next';
import { useApi } from '../api/useLoad.js';
import { useApp } from '../store/app.js';
import { CaseRow } from './Cases.js';
import { useClientLabel } from '../components/ClientLabel.js';
import { DeskHome } from './lease/DeskHome.js';

export function Dashboard() {
  const { t } = useTranslation();
  const label = useClientLabel();
  const { session, go } = useApp();
  const caseList = useApi('cases.list', {});
  const clientList = useApi('clients.list', {});
  const cases = caseList.data?.filter((c) => c.status === 'received' || c.status === 'in_progress') ?? null;
  const clients = clientList.data?.slice(0, 6) ?? null;
  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <div className="row">
          <button type="button" className="primary" onClick={() => go({ name: 'client' })}>+ {t('dashboard.newClient')}</button>
          <button type="button" onClick={() => go({ name: 'caseNew' })}>+ {t('dashboard.newCase')}</button>
        </div>
      </header>
      {/* lease module: what is due today and this week */}
      <DeskHome />
      {session && session.retentionWarnings.length > 0 && (
        <div className="card warn">
          <h2>{t('dashboard.retention')}</h2>
          <ul>
            {session.retentionWarnings.map((w) => (
              <li key={w.clientId}>
                <button type="button" className="link" onClick={() => go({ name: 'client', id: w.clientId })}>{label(w.name, w.clientId)}</button> — {t('dashboard.retentionHint', { date: w.expiresOn })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="two-col">
        <div className="card">
          <h2>{t('dashboard.openCases')} {cases && <span className="count">{cases.length}</span>}</h2>
          {!cases ? <p className="muted">{t('common.loading')}</p> : cases.length === 0 ? <p className="muted">{t('common.empty')}</p> : (
            <table className="table"><tbody>{cases.map((c) => <CaseRow key={c.id} c={c} />)}</tbody></table>
          )}
        </div>
        <div className="card">
          <h2>{t('dashboard.recentClients')}</h2>
          {!clients ? <p className="muted">{t('common.loading')}</p> : clients.length === 0 ? <p className="muted">{t('common.empty')}</p> : (
            <ul className="plain">
              {clients.map((c) => (
                <li key={c.id}>
                  <button type="button" className="link" onClick={() => go({ name: 'client', id: c.id })}>{label(c.name, c.id)}</button>
                  {c.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
                  <span className="muted small"> {[c.ageBand ? t(`enum.ageBand.${c.ageBand}`) : '', c.desiredDistricts.join(', ')].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
