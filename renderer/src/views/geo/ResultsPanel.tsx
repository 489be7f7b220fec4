// Results of a study run: the ranked sites (area, score, rank stability, per-criterion
// contribution bars); a site's detail (fly to it, its parcels by PNU, raw values, constraints);
// two or three sites side by side.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MlMap } from 'maplibre-gl';
import type { GeoRunSite, GeoRunView, GeoStudyView } from '../../../../electron/api/geo-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { base64ToBlob, saveBlob } from '../viewings/files.js';
import { currentLang } from '../../i18n/index.js';
import { useGeo } from './store.js';
import { showRun } from './runLayers.js';
import { PALETTE } from './layers.js';

const area = (m2: number) => `${Math.round(m2).toLocaleString()} m²`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Contribution { raw: number | null; score: number; weight: number; contribution: number }

export function ResultsPanel({ map }: { map: MlMap | null }) {
  const { t } = useTranslation();
  const { run, studyId, selectedSite, compare, selectSite, toggleCompare, openStudy } = useGeo();
  const [withRuns, setWithRuns] = useState<GeoStudyView[]>([]);

  useEffect(() => {
    if (!run) void api('geo.studies.list').then((l) => setWithRuns(l.filter((s) => s.lastRun)));
  }, [run]);

  useEffect(() => {
    if (!map || !studyId) return;
    const hl = `run-${studyId}::hl`;
    if (map.getLayer(hl)) map.setFilter(hl, ['==', ['get', 'site'], selectedSite ?? -999]);
  }, [map, studyId, selectedSite]);

  if (!run || !studyId) {
    return (
      <section className="geo-panel-section" aria-labelledby="results-h">
        <h2 id="results-h">{t('geo.results.title')}</h2>
        <p className="muted">{t('geo.results.none')}</p>
        {withRuns.map((s) => (
          <button key={s.id} type="button" className="link block" onClick={() => { openStudy(s.id, s.lastRun as GeoRunView); showRun(s.id, s.lastRun as GeoRunView, t); }}>
            {t('geo.results.openLast', { name: s.name, at: s.lastRunAt?.slice(0, 16).replace('T', ' ') ?? '' })}
          </button>
        ))}
      </section>
    );
  }

  const ranked = run.sites.filter((s) => s.rank !== null);
  const criteriaIds = Object.keys(run.summary.weights as Record<string, number>);
  const color = (id: string) => PALETTE[criteriaIds.indexOf(id) % PALETTE.length];
  const site = run.sites.find((s) => s.id === selectedSite) ?? null;
  const fly = (s: GeoRunSite) => {
    selectSite(s.id);
    map?.fitBounds([[s.bbox[0], s.bbox[1]], [s.bbox[2], s.bbox[3]]], { padding: 80, maxZoom: 17, duration: 600 });
  };
  const parcels = run.summary.parcels as { total: number; passed: number; failures: Record<string, number> };

  return (
    <section className="geo-panel-section" aria-labelledby="results-h">
      <h2 id="results-h">{t('geo.results.title')}</h2>
      <Exports studyId={studyId} />
      <p className="small">{t('geo.results.summary', { total: parcels.total.toLocaleString(), passed: parcels.passed.toLocaleString(), sites: ranked.length })}</p>
      <ul className="legend inline small" aria-label={t('geo.results.criteriaLegend')}>
        {criteriaIds.map((id) => <li key={id}><span className="swatch" style={{ background: color(id) }} aria-hidden="true" />{id}</li>)}
      </ul>
      <ol className="site-list" aria-label={t('geo.results.ranked')}>
        {ranked.map((s) => (
          <li key={s.id} className={s.id === selectedSite ? 'site-row selected' : 'site-row'}>
            <div className="row">
              <button type="button" className="link" onClick={() => fly(s)} aria-label={t('geo.results.openSite', { rank: s.rank })}>
                <strong>{t('geo.results.siteN', { rank: s.rank })}</strong>
              </button>
              <span className="small">{t('geo.results.score')} {s.score.toFixed(3)}</span>
              <span className="small">{area(s.area)}</span>
              <label className="small">
                <input type="checkbox" checked={compare.includes(s.id)} onChange={() => toggleCompare(s.id)} />
                {t('geo.results.compare')}
              </label>
            </div>
            <ContributionBar site={s} color={color} />
            {s.stability && (
              <div className="muted small">
                {t('geo.results.stability', { share: pct(s.stability.topShare), min: s.stability.minRank, max: s.stability.maxRank })}
              </div>
            )}
          </li>
        ))}
      </ol>
      {site && <SiteDetail site={site} criteriaIds={criteriaIds} run={run} onClose={() => selectSite(null)} />}
      {compare.length >= 2 && <Compare sites={compare.map((id) => run.sites.find((s) => s.id === id)!).filter(Boolean)} criteriaIds={criteriaIds} />}
    </section>
  );
}

function ContributionBar({ site, color }: { site: GeoRunSite; color(id: string): string }) {
  const { t } = useTranslation();
  const entries = Object.entries(site.criteria as Record<string, Contribution>);
  const total = entries.reduce((s, [, c]) => s + Math.max(0, c.contribution), 0) || 1;
  return (
    <div className="contrib" role="img" aria-label={t('geo.results.contribOf', { parts: entries.map(([id, c]) => `${id} ${c.contribution.toFixed(3)}`).join(', ') })}>
      {entries.map(([id, c]) => (
        <span key={id} style={{ width: `${(100 * Math.max(0, c.contribution)) / total}%`, background: color(id) }} title={`${id}: ${c.contribution.toFixed(3)}`} />
      ))}
    </div>
  );
}

function SiteDetail({ site, criteriaIds, run, onClose }: { site: GeoRunSite; criteriaIds: string[]; run: GeoRunView; onClose(): void }) {
  const { t } = useTranslation();
  const crit = site.criteria as Record<string, Contribution>;
  const constraints = Object.keys((run.summary.parcels as { failures: Record<string, number> }).failures);
  return (
    <article className="site-detail" aria-labelledby="site-detail-h">
      <div className="row">
        <h3 id="site-detail-h">{t('geo.results.siteN', { rank: site.rank ?? '—' })}</h3>
        <button type="button" className="x" aria-label={t('common.close')} onClick={onClose}>×</button>
      </div>
      <p className="small">{t('geo.results.detailLine', { area: area(site.area), source: site.areaSource, parcels: site.parcelCount, compact: site.compactness.toFixed(3) })}</p>
      <table className="kv small">
        <caption>{t('geo.results.rawValues')}</caption>
        <thead><tr><th scope="col">{t('geo.results.criterion')}</th><th scope="col">{t('geo.results.raw')}</th><th scope="col">{t('geo.results.score')}</th><th scope="col">{t('geo.results.weight')}</th><th scope="col">{t('geo.results.contribution')}</th></tr></thead>
        <tbody>
          {criteriaIds.map((id) => (
            <tr key={id}><th scope="row">{id}</th><td>{crit[id]?.raw === null || crit[id]?.raw === undefined ? '—' : Number(crit[id].raw).toLocaleString(undefined, { maximumFractionDigits: 2 })}</td><td>{crit[id]?.score.toFixed(3)}</td><td>{pct(crit[id]?.weight ?? 0)}</td><td>{crit[id]?.contribution.toFixed(3)}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="small">{t('geo.results.constraintsPassed', { list: constraints.join(', ') || '—' })}</p>
      <details>
        <summary>{t('geo.results.parcelList', { n: site.parcelCount })}</summary>
        <ul className="pnu-list small">{site.parcelIds.map((p) => <li key={p}>{p}</li>)}</ul>
      </details>
    </article>
  );
}

function Compare({ sites, criteriaIds }: { sites: GeoRunSite[]; criteriaIds: string[] }) {
  const { t } = useTranslation();
  return (
    <table className="compare small" aria-label={t('geo.results.compareTitle')}>
      <caption>{t('geo.results.compareTitle')}</caption>
      <thead>
        <tr><th scope="col" />{sites.map((s) => <th key={s.id} scope="col">{t('geo.results.siteN', { rank: s.rank })}</th>)}</tr>
      </thead>
      <tbody>
        <tr><th scope="row">{t('geo.results.score')}</th>{sites.map((s) => <td key={s.id}>{s.score.toFixed(3)}</td>)}</tr>
        <tr><th scope="row">{t('geo.results.area')}</th>{sites.map((s) => <td key={s.id}>{area(s.area)}</td>)}</tr>
        <tr><th scope="row">{t('geo.results.parcels')}</th>{sites.map((s) => <td key={s.id}>{s.parcelCount}</td>)}</tr>
        <tr><th scope="row">{t('geo.results.topShare')}</th>{sites.map((s) => <td key={s.id}>{s.stability ? pct(s.stability.topShare) : '—'}</td>)}</tr>
        {criteriaIds.map((id) => (
          <tr key={id}><th scope="row">{id}</th>{sites.map((s) => { const c = (s.criteria as Record<string, Contribution>)[id]; return <td key={s.id}>{c ? `${c.raw === null ? '—' : Number(c.raw).toLocaleString(undefined, { maximumFractionDigits: 1 })} → ${c.contribution.toFixed(3)}` : '—'}</td>; })}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** Export buttons: the geo module's exports (files as base64), saved through the browser/Electron download. */
function Exports({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (key: string, call: () => Promise<{ fileName: string; mime: string; dataBase64: string }>) => {
    setBusy(key);
    setError(null);
    try {
      const f = await call();
      saveBlob(base64ToBlob(f.dataBase64, f.mime), f.fileName);
    } catch (e) {
      setError(e instanceof ApiCallError ? (currentLang() === 'en' ? e.body.message.en : e.body.message.ko) : String(e));
    } finally {
      setBusy(null);
    }
  };
  const items: [string, () => Promise<{ fileName: string; mime: string; dataBase64: string }>][] = [
    ['geojson', () => api('geo.export.sites', { id: studyId, format: 'geojson' })],
    ['shapefile', () => api('geo.export.sites', { id: studyId, format: 'shapefile', encoding: 'CP949' })],
    ['xlsx', () => api('geo.export.ranking', { id: studyId, format: 'xlsx' })],
    ['csv', () => api('geo.export.ranking', { id: studyId, format: 'csv' })],
    ['pdf', () => api('geo.export.report', { id: studyId, top: 5, locale: currentLang() })],
  ];
  return (
    <div className="exports" role="group" aria-label={t('geo.export.title')}>
      {items.map(([k, call]) => (
        <button key={k} type="button" disabled={busy !== null} onClick={() => void run(k, call)}>{busy === k ? t('geo.export.busy') : t(`geo.export.${k}`)}</button>
      ))}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
