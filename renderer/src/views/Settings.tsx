import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerView } from '../../../electron/api/views.js';
import { api } from '../api/client.js';
import { useApp } from '../store/app.js';
import { setLanguage } from '../i18n/index.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ManagerForm } from './SessionGate.js';

export function SettingsView() {
  const { t, i18n } = useTranslation();
  const { session, setSession, notify, refreshSession } = useApp();
  const [managers, setManagers] = useState<ManagerView[]>([]);
  const [adding, setAdding] = useState(false);
  useEffect(() => void api('managers.list').then(setManagers), []);
  return (
    <section className="page">
      <header className="page-head"><h1>{t('settings.title')}</h1></header>
      <div className="card form-grid">
        <div className="field">
          <label htmlFor="lang">{t('settings.language')}</label>
          <select id="lang" value={i18n.language} onChange={(e) => setLanguage(e.target.value as 'ko' | 'en')}>
            <option value="ko">한국어</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="lock">{t('settings.lockAfter')}</label>
          <select id="lock" value={session?.lockAfterMinutes ?? 10} onChange={async (e) => setSession(await api('session.setLockAfter', { minutes: Number(e.target.value) }))}>
            {[1, 5, 10, 15, 30, 60].map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </div>
      </div>
      <div className="card">
        <h2>{t('settings.managers')}</h2>
        <ul className="plain">
          {managers.map((m) => (
            <li key={m.id}><strong>{m.name}</strong> {m.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>} <span className="muted small">{m.center} · {m.brokerRegNo} · {m.districts.join(', ')}</span></li>
          ))}
        </ul>
        {adding ? <ManagerForm onCancel={() => setAdding(false)} onDone={async () => { setAdding(false); setManagers(await api('managers.list')); }} /> : <button type="button" onClick={() => setAdding(true)}>+ {t('session.newManager')}</button>}
      </div>
      <div className="card">
        <h2>{t('settings.demo')}</h2>
        {session?.demo.present ? (
          <ConfirmButton label={t('settings.removeDemo')} question={t('settings.removeDemoConfirm')} onConfirm={async () => {
            const r = await api('demo.remove');
            notify({ text: t('settings.demoRemoved', { count: r.removed }) });
            setManagers(await api('managers.list'));
            await refreshSession();
          }} />
        ) : <p className="muted">{t('settings.noDemo')}</p>}
      </div>
      <p className="muted small">{t('settings.device')}: {session?.deviceId}</p>
    </section>
  );
}
