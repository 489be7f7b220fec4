import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useApp } from '../store/app.js';
import { setLanguage } from '../i18n/index.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ManagersPanel } from './legal/ManagersPanel.js';
import { ReferencePanel } from './legal/ReferencePanel.js';
import { BasemapSettings } from './geo/BasemapSettings.js';

export function SettingsView() {
  const { t, i18n } = useTranslation();
  const { session, setSession, notify, refreshSession } = useApp();
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
      <ManagersPanel />
      <ReferencePanel />
      {/* geo (issue 9): the optional online basemap of the planners' map */}
      <BasemapSettings />
      <div className="card">
        <h2>{t('settings.demo')}</h2>
        {session?.demo.present ? (
          <ConfirmButton label={t('settings.removeDemo')} question={t('settings.removeDemoConfirm')} onConfirm={async () => {
            const r = await api('demo.remove');
            notify({ text: t('settings.demoRemoved', { count: r.removed }) });
            await refreshSession();
          }} />
        ) : <p className="muted">{t('settings.noDemo')}</p>}
      </div>
      <p className="muted small">{t('settings.device')}: {session?.deviceId}</p>
    </section>
  );
}
