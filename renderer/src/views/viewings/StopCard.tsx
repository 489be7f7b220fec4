// One stop of a viewing on site: big 도착/출발 buttons with their times and the minutes spent,
// the inspection run, observations, photos, the tenant's impression and follow-ups. Every
// field saves on its own; a confirmed log shows the same card read-only.
import { arrivalEarly } from '../../../../checklists/common/consistency.js';
import { todaySeoul } from '../../../../checklists/common/seoul-time.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewingStopView } from '../../../../electron/api/viewing-methods.js';
import { STOP_IMPRESSIONS } from '../../../../checklists/common/vocabulary.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { ApiCallError } from '../../api/client.js';
import { hhmm } from './files.js';
import { rovingKeyDown, rovingTabIndex } from '../../a11y/roving.js';
import type { useAutosave } from './useAutosave.js';

type Autosave = ReturnType<typeof useAutosave>;

function Thumb({ id, onRemove, label }: { id: string; onRemove?: () => void; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    void api('viewings.photo', { photoId: id, size: 'thumb' }).then((p) => setSrc(`data:${p.mime};base64,${p.dataBase64}`));
  }, [id]);
  return (
    <figure className="viewings-thumb">
      {src ? <img src={src} alt="" /> : <div className="viewings-thumb-empty" />}
      {onRemove && <button type="button" className="x" aria-label={label} onClick={onRemove}>×</button>}
    </figure>
  );
}

export function StopCard({ stop, index, readOnly, autosave, onChange, reload, scheduledDate }: {
  stop: ViewingStopView;
  /** The viewing's day: an arrival on an earlier day gets a warning beside it. */
  scheduledDate?: string;
  index: number;
  readOnly: boolean;
  autosave: Autosave;
  onChange(s: ViewingStopView): void;
  /** Reads the whole viewing again (after photos were added). */
  reload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { go, notify } = useApp();
  const [obs, setObs] = useState(stop.observations ?? '');
  const [note, setNote] = useState(stop.impressionNote ?? '');
  const [followUps, setFollowUps] = useState(stop.followUps);
  const [newFollowUp, setNewFollowUp] = useState('');
  const key = (f: string) => `${stop.id}:${f}`;
  const fail = (e: unknown) => notify({ tone: 'error', text: e instanceof ApiCallError ? tr(e.body.message) : String(e) });

  async function tap(method: 'viewings.arrive' | 'viewings.depart') {
    try {
      onChange(await api(method, { stopId: stop.id }));
    } catch (e) {
      fail(e);
    }
  }
  function saveText(field: 'observations' | 'impressionNote', value: string) {
    autosave.save(key(field), async () => onChange(await api('viewings.updateStop', { stopId: stop.id, field, value: value || null })));
  }
  function saveFollowUps(list: ViewingStopView['followUps']) {
    setFollowUps(list);
    autosave.save(key('followUps'), async () => onChange(await api('viewings.updateStop', { stopId: stop.id, field: 'followUps', value: list })), 0);
  }
  async function inspection() {
    try {
      const r = await api('viewings.startInspection', { stopId: stop.id });
      go({ name: 'checklistRun', id: r.runId });
    } catch (e) {
      fail(e);
    }
  }
  async function addPhotos(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const buf = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
      try {
        await api('viewings.addPhoto', { stopId: stop.id, name: file.name, dataBase64: btoa(bin) });
      } catch (e) {
        fail(e);
      }
    }
    await reload();
  }

  return (
    <article className="card viewings-stop" data-testid="viewing-stop">
      <header className="viewings-stop-head">
        <span className="viewings-stop-no">{index + 1}</span>
        <h2 className="grow">{stop.address}</h2>
      </header>
      <div className="viewings-times">
        <button type="button" className="viewings-big" disabled={readOnly || !!stop.arrivedAt} onClick={() => tap('viewings.arrive')}>
          {stop.arrivedAt ? t('viewings.arrivedAt', { time: hhmm(stop.arrivedAt) }) : t('viewings.arrive')}
        </button>
        <button type="button" className="viewings-big" disabled={readOnly || !stop.arrivedAt || !!stop.departedAt} onClick={() => tap('viewings.depart')}>
          {stop.departedAt ? t('viewings.departedAt', { time: hhmm(stop.departedAt) }) : t('viewings.depart')}
        </button>
        {stop.durationMinutes !== null && <span className="viewings-duration">{t('viewings.duration', { min: stop.durationMinutes })}</span>}
        {(() => {
          const w = scheduledDate && stop.arrivedAt ? arrivalEarly(scheduledDate, todaySeoul(new Date(stop.arrivedAt))) : null;
          return w ? <p className="field-warning" role="note">{t(`privacy.check.${w.key}`, w.values)}</p> : null;
        })()}
        {/* After closing, an existing inspection run stays one click away; none can be started. */}
        {(!readOnly || stop.inspectionRunId) && (
          <button type="button" className="viewings-big secondary" onClick={() => (stop.inspectionRunId && readOnly ? go({ name: 'checklistRun', id: stop.inspectionRunId }) : inspection())}>
            {stop.inspectionRunId ? t(readOnly ? 'viewings.inspection' : 'viewings.inspectionContinue') : t('viewings.inspectionStart')}
          </button>
        )}
      </div>
      <label className="field wide">
        <span>{t('viewings.observations')}</span>
        <textarea rows={3} value={obs} readOnly={readOnly} aria-label={`${t('viewings.observations')} ${index + 1}`}
          onChange={(e) => { setObs(e.target.value); saveText('observations', e.target.value); }}
          onBlur={() => autosave.flush(key('observations'))} />
        <span className="hint">{t('viewings.observationsHint')}</span>
      </label>
      <div className="field wide">
        <span>{t('viewings.impression')}</span>
        <div className="viewings-impression" role="radiogroup" aria-label={`${t('viewings.impression')} ${index + 1}`} onKeyDown={(e) => rovingKeyDown(e, { selector: '[role="radio"]' })}>
          {STOP_IMPRESSIONS.map((v, i) => (
            <button key={v} type="button" role="radio" aria-checked={stop.impression === v} tabIndex={rovingTabIndex(i, stop.impression === v, !!stop.impression)} className={stop.impression === v ? 'active' : ''} disabled={readOnly}
              onClick={() => autosave.save(key('impression'), async () => onChange(await api('viewings.updateStop', { stopId: stop.id, field: 'impression', value: stop.impression === v ? null : v })), 0)}>
              {t(`viewings.impressionValue.${v}`)}
            </button>
          ))}
        </div>
        <input value={note} readOnly={readOnly} placeholder={t('viewings.impressionNote')} aria-label={`${t('viewings.impressionNote')} ${index + 1}`}
          onChange={(e) => { setNote(e.target.value); saveText('impressionNote', e.target.value); }}
          onBlur={() => autosave.flush(key('impressionNote'))} />
      </div>
      {(!readOnly || stop.photos.length > 0) && <div className="field wide">
        <span>{t('viewings.photos')}</span>
        <div className="viewings-thumbs">
          {stop.photos.map((p) => (
            <Thumb key={p.id} id={p.id} label={t('viewings.removePhoto')} onRemove={readOnly ? undefined : async () => {
              await api('viewings.removePhoto', { photoId: p.id });
              onChange({ ...stop, photos: stop.photos.filter((x) => x.id !== p.id) });
            }} />
          ))}
          {!readOnly && (
            <label className="viewings-add-photo">
              + {t('viewings.addPhoto')}
              <input type="file" accept="image/*" capture="environment" multiple hidden onChange={(e) => void addPhotos(e.target.files)} />
            </label>
          )}
        </div>
      </div>}
      <div className="field wide">
        <span>{t('viewings.followUps')}</span>
        <ul className="viewings-followups">
          {followUps.map((f, i) => (
            <li key={i}>
              <label className="row">
                <input type="checkbox" checked={f.done} disabled={readOnly} onChange={(e) => saveFollowUps(followUps.map((x, j) => (j === i ? { ...x, done: e.target.checked } : x)))} />
                <span className={f.done ? 'viewings-done' : ''}>{f.text}</span>
              </label>
              {!readOnly && <button type="button" className="x" aria-label={t('common.delete')} onClick={() => saveFollowUps(followUps.filter((_, j) => j !== i))}>×</button>}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <form className="row" onSubmit={(e) => { e.preventDefault(); if (newFollowUp.trim()) { saveFollowUps([...followUps, { text: newFollowUp.trim(), done: false }]); setNewFollowUp(''); } }}>
            <input className="grow" value={newFollowUp} placeholder={t('viewings.followUpPlaceholder')} aria-label={`${t('viewings.followUps')} ${index + 1}`} onChange={(e) => setNewFollowUp(e.target.value)} />
            <button type="submit">{t('viewings.addFollowUp')}</button>
          </form>
        )}
      </div>
    </article>
  );
}
