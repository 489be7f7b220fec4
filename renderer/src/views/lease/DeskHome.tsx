// The desk's home: what is due for the signed-in manager, each item one click from its case.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskHomeView, HomeItem } from '../../../../electron/api/lease-methods.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';

export function DeskHome() {
  const { t } = useTranslation();
  const [home, setHome] = useState<DeskHomeView | null>(null);
  useEffect(() => {
    void api('desk.home', {}).then(setHome);
  }, []);
  if (!home) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="desk-home" data-testid="desk-home">
      <HomeList id="home-steps" title={t('lease.home.stepsDue')} items={home.stepsDue} render={(s) => (
        <>
          {s.danger && <span className="badge sev-danger">{t('lease.home.danger')}</span>}
          {s.overdue && <span className="badge lease-progress-overdue">{t('lease.home.overdue')}</span>}
          <span className="muted small"> {s.window ? `${s.window.from} ~ ${s.window.to}` : s.date}</span>
        </>
      )} wide />
      <HomeList id="home-today" title={t('lease.home.viewingsToday')} items={home.viewingsToday} render={(v) => <span className="muted small"> {v.startTime}</span>} />
      <HomeList id="home-week" title={t('lease.home.viewingsWeek', { from: home.weekFrom, to: home.weekTo })} items={home.viewingsThisWeek} render={(v) => <span className="muted small"> {v.date} {v.startTime}</span>} />
      <HomeList id="home-retention" title={t('lease.home.retention')} items={home.retentionEnding} render={(r) => <span className="muted small"> {r.date}</span>} />
      <HomeList id="home-runs" title={t('lease.home.openRuns')} items={home.openRuns} render={(r) => <span className="muted small"> {r.templateId} · {r.date}</span>} />
      <HomeList id="home-recent" title={t('lease.home.recent')} items={home.recentClients} render={(r) => <span className="muted small"> {r.date}</span>} />
    </div>
  );
}

function HomeList<T extends HomeItem>({ id, title, items, render, wide }: { id: string; title: string; items: T[]; render(item: T): React.ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { go } = useApp();
  return (
    <section className={`card${wide ? ' wide' : ''}`} aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title} <span className="count">{items.length}</span></h2>
      {items.length === 0 ? <p className="muted">{t('lease.home.none')}</p> : (
        <ul className="plain">
          {items.map((it, i) => (
            <li key={i}>
              {it.caseId ? (
                <button type="button" className="link" onClick={() => go({ name: 'case', id: it.caseId })}>{it.clientLabel} · {tr(it.title)}</button>
              ) : (
                <span>{it.clientLabel} · {tr(it.title)}</span>
              )}
              {render(it)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
