// 안심동행 home: the signed-in manager's viewings for a day or a Monday–Sunday week.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewingSummaryView } from '../../../../electron/api/viewing-methods.js';
import { addDays, todaySeoul } from '../../../../checklists/common/seoul-time.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/app.js';

export function ViewingStatusBadge({ status }: { status: ViewingSummaryView['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge viewings-status-${status}`}>{t(`viewings.status.${status}`)}</span>;
}

export function ViewingCard({ v }: { v: ViewingSummaryView }) {
  const { t } = useTranslation();
  const { go } = useApp();
  return (
    <li className="viewings-card" data-testid="viewing-card">
      <div className="viewings-when">
        <strong>{v.startTime}</strong>
        <span className="muted small">{v.date}</span>
      </div>
      <div className="grow">
        <div>
          <strong>{v.clientLabel}</strong> <ViewingStatusBadge status={v.status} />
          {v.isDemo && <span className="badge demo">{t('app.demoBadge')}</span>}
        </div>
        <div className="muted small">
          {v.meetingPlace && `${v.meetingPlace} · `}{t('viewings.stops', { count: v.stopCount })}{v.firstAddress && ` · ${v.firstAddress}`} · {v.managerNames.join(', ')}
        </div>
      </div>
      <button type="button" className="primary" onClick={() => go({ name: 'viewing', id: v.id })}>{t('viewings.open')}</button>
    </li>
  );
}

/** Monday of the week holding `date`. */
function monday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((d + 6) % 7));
}

export function ViewingsHome() {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(todaySeoul());
  const [span, setSpan] = useState<'day' | 'week'>('week');
  const [everyone, setEveryone] = useState(false);
  const [rows, setRows] = useState<ViewingSummaryView[] | null>(null);
  useEffect(() => {
    setRows(null);
    void api('viewings.list', { date, span, everyone }).then(setRows);
  }, [date, span, everyone]);
  const step = span === 'day' ? 1 : 7;
  const days = span === 'day' ? [date] : Array.from({ length: 7 }, (_, i) => addDays(monday(date), i));
  const weekday = (d: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ko-KR', { weekday: 'short', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('viewings.title')}</h1>
        <div className="row">
          <div className="viewings-toggle" role="group" aria-label={t('viewings.week')}>
            <button type="button" aria-pressed={span === 'day'} className={span === 'day' ? 'active' : ''} onClick={() => setSpan('day')}>{t('viewings.day')}</button>
            <button type="button" aria-pressed={span === 'week'} className={span === 'week' ? 'active' : ''} onClick={() => setSpan('week')}>{t('viewings.week')}</button>
          </div>
          <button type="button" onClick={() => setDate(addDays(date, -step))} aria-label={t('viewings.prev')}>‹</button>
          <input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} aria-label={t('viewings.date')} />
          <button type="button" onClick={() => setDate(addDays(date, step))} aria-label={t('viewings.next')}>›</button>
          <button type="button" onClick={() => setDate(todaySeoul())}>{t('viewings.today')}</button>
          <label className="row small"><input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> {t('viewings.everyone')}</label>
        </div>
      </header>
      {!rows ? <p className="muted">{t('common.loading')}</p> : rows.length === 0 ? <p className="muted card">{t('viewings.none')}</p> : (
        <div className="viewings-days">
          {days.map((d) => {
            const list = rows.filter((r) => r.date === d);
            if (span === 'week' && list.length === 0) return null;
            return (
              <div key={d} className="card">
                <h2 className={d === todaySeoul() ? 'viewings-today' : ''}>{weekday(d)}</h2>
                <ul className="viewings-list">{list.map((v) => <ViewingCard key={v.id} v={v} />)}</ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
