// Settings → 법령 기준표 (reference pack): which pack is in force and when its content was last
// verified (a warning after 6 months), its tables, the packs loaded before; a coordinator checks
// and loads a newer pack file and may set the center's signing key.
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferencePackView, ReferenceRefusalView } from '../../../../electron/api/reference-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { useApp } from '../../store/app.js';
import { useBilingual } from '../../components/useBilingual.js';
import { saveBlob } from '../viewings/files.js';

export function ReferencePanel() {
  const { t } = useTranslation();
  const tr = useBilingual();
  const { session, notify } = useApp();
  const [pack, setPack] = useState<ReferencePackView | null>(null);
  const [candidate, setCandidate] = useState<{ name: string; json: string; ok: boolean; refusals: ReferenceRefusalView[]; packVersion: string | null; verifiedOn: string | null } | null>(null);
  const [key, setKey] = useState('');
  useEffect(() => void api('reference.show').then(setPack), []);
  const coordinator = session?.manager?.role === 'coordinator';
  if (!pack) return null;

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const json = await file.text();
    const r = await api('reference.validate', { json });
    setCandidate({ name: file.name, json, ...r });
  }
  async function load() {
    if (!candidate) return;
    try {
      setPack(await api('reference.load', { json: candidate.json }));
      notify({ text: t('legal.reference.loaded', { version: candidate.packVersion }) });
      setCandidate(null);
    } catch (err) {
      if (err instanceof ApiCallError) notify({ text: tr(err.body.message), tone: 'error' });
      else throw err;
    }
  }
  async function exportPack() {
    const f = await api('reference.export');
    saveBlob(new Blob([f.json], { type: 'application/json' }), f.fileName);
  }
  async function saveKey(value: string | null) {
    try {
      setPack(await api('reference.setSigningKey', { publicKeyPem: value }));
      setKey('');
      notify({ text: t('legal.reference.keySaved') });
    } catch (err) {
      if (err instanceof ApiCallError) notify({ text: tr(err.body.message), tone: 'error' });
      else throw err;
    }
  }

  return (
    <section className={pack.stale ? 'card warn' : 'card'} aria-labelledby="ref-pack-title" data-testid="reference-pack">
      <h2 id="ref-pack-title">{t('legal.reference.title')}</h2>
      <p>
        <strong>{pack.packVersion}</strong> · {t(`legal.reference.source.${pack.source}`)} · {t('legal.reference.verifiedOn', { date: pack.verifiedOn })}
        {pack.loadedAt && <span className="muted small"> · {t('legal.reference.loadedBy', { who: pack.loadedBy ?? '-', at: pack.loadedAt.slice(0, 10) })}</span>}
      </p>
      {pack.stale && <p role="alert" className="error">{t('legal.reference.stale', { date: pack.verifiedOn })}</p>}
      <details>
        <summary>{t('legal.reference.tables', { count: pack.tables.length })}</summary>
        <ul className="plain small">
          {pack.tables.map((tb) => (
            <li key={tb.name}>
              {tr(tb.title)} — {t('legal.reference.tableLine', { checked: tb.checkedOn, last: tb.lastFrom, rows: tb.rows })}
              {tb.seriesCheckedThrough && <> · {t('legal.reference.seriesThrough', { date: tb.seriesCheckedThrough })}</>}
            </li>
          ))}
        </ul>
      </details>
      <div className="actions">
        <button type="button" onClick={exportPack}>{t('legal.reference.export')}</button>
        {coordinator && (
          <label className="button">
            {t('legal.reference.choose')}
            <input type="file" accept=".json,application/json" onChange={choose} className="visually-hidden" aria-label={t('legal.reference.choose')} />
          </label>
        )}
      </div>
      {!coordinator && <p className="muted small">{t('legal.reference.coordinatorOnly')}</p>}
      {candidate && (
        <div className="card" role="region" aria-label={t('legal.reference.candidate')}>
          <p><strong>{candidate.name}</strong> {candidate.ok ? `· ${candidate.packVersion} · ${t('legal.reference.verifiedOn', { date: candidate.verifiedOn })}` : ''}</p>
          {candidate.ok ? (
            <div className="actions">
              <button type="button" onClick={() => setCandidate(null)}>{t('common.cancel')}</button>
              <button type="button" className="primary" onClick={load}>{t('legal.reference.load')}</button>
            </div>
          ) : (
            <>
              <p role="alert" className="error">{t('legal.reference.refused')}</p>
              <ul className="small">{candidate.refusals.map((r, i) => <li key={i}>{tr(r)}</li>)}</ul>
            </>
          )}
        </div>
      )}
      {pack.history.length > 0 && (
        <details>
          <summary>{t('legal.reference.history')}</summary>
          <ul className="plain small">
            {pack.history.map((h) => (
              <li key={h.id}>{h.packVersion} · {t('legal.reference.verifiedOn', { date: h.verifiedOn })} · {h.loadedAt.slice(0, 10)} {h.loadedBy ?? ''}{h.active ? ` · ${t('legal.reference.inForce')}` : ''}{h.signed ? ` · ${t('legal.reference.signed')}` : ''}</li>
            ))}
          </ul>
        </details>
      )}
      {coordinator && (
        <details>
          <summary>{t('legal.reference.signingKey')} ({pack.signingKeyConfigured ? t('legal.reference.keyOn') : t('legal.reference.keyOff')})</summary>
          <label htmlFor="ref-key" className="small">{t('legal.reference.keyHint')}</label>
          <textarea id="ref-key" rows={4} value={key} onChange={(e) => setKey(e.target.value)} placeholder="-----BEGIN PUBLIC KEY-----" />
          <div className="actions">
            {pack.signingKeyConfigured && <button type="button" onClick={() => saveKey(null)}>{t('legal.reference.keyRemove')}</button>}
            <button type="button" className="primary" disabled={!key.trim()} onClick={() => saveKey(key.trim())}>{t('common.save')}</button>
          </div>
        </details>
      )}
    </section>
  );
}
