// Loads the session, shows the gate (who is working / unlock) or the desk, and keeps the
// backend's inactivity lock in step with what the user is doing.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onSessionError } from './api/client.js';
import { useApp } from './store/app.js';
import { SessionGate } from './views/SessionGate.js';
import { Shell } from './views/Shell.js';

export function App() {
  const { t } = useTranslation();
  const { session, refreshSession, setSession } = useApp();

  useEffect(() => {
    // A fresh page (reload, new window, another browser with the URL) never inherits an unlocked
    // desk: whoever was working must enter the PIN again.
    (async () => {
      const s = await api('session.status');
      setSession(s.manager && !s.locked ? await api('session.lock') : s);
    })().catch(() => undefined);
    const off = onSessionError(() => void refreshSession());
    // Re-check regularly so an idle lock shows even when nobody clicks.
    const poll = setInterval(() => void refreshSession().catch(() => undefined), 30_000);
    return () => {
      off();
      clearInterval(poll);
    };
  }, [refreshSession, setSession]);

  const active = !!session?.manager && !session.locked;
  // The sign-in gate names itself too (the desk's screens do it in the Shell, from their heading).
  useEffect(() => {
    if (session && !active) document.title = `${t(session.locked && session.manager ? 'session.locked' : 'session.whoIsWorking')} · ${t('a11y.titleSuffix')}`;
  }, [session, active, t]);
  useEffect(() => {
    if (!active) return;
    // User input counts as activity; tell the backend at most every 20 s.
    let last = 0;
    const touch = () => {
      const now = Date.now();
      if (now - last > 20_000) {
        last = now;
        void api('session.touch').catch(() => undefined);
      }
    };
    window.addEventListener('keydown', touch);
    window.addEventListener('pointerdown', touch);
    return () => {
      window.removeEventListener('keydown', touch);
      window.removeEventListener('pointerdown', touch);
    };
  }, [active]);

  if (!session) return <div className="gate"><p className="muted">{t('common.loading')}</p></div>;
  if (!active) return <SessionGate />;
  return <Shell />;
}
