// "Add a layer from a file", as in QGIS: pick the file(s) (upload progress), inspect them in a
// background job (progress), show the encoding and CRS found with a few decoded rows and the
// first features on the map, let the planner change them (and answer the 5174/5181 question),
// then import the layer for good (another job) and put it on the map.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { GeoInspectView } from '../../../../electron/api/geo-methods.js';
import type { MapLayerView } from '../../../../electron/api/map-methods.js';
import { api, ApiCallError } from '../../api/client.js';
import { pickFiles, type FileRef } from '../../api/files.js';
import { useBilingual } from '../../components/useBilingual.js';
import { JobProgress } from './JobProgress.js';
import { useJob } from './useJob.js';
import { importLayer } from './importLayers.js';
import { useGeo } from './store.js';

type Crs = 'EPSG:4326' | 'EPSG:5174' | 'EPSG:5179' | 'EPSG:5181' | 'EPSG:5186';
type Enc = 'CP949' | 'UTF-8';

const ACCEPT = ['shp', 'shx', 'dbf', 'prj', 'cpg', 'csv', 'geojson', 'json'];
const PREVIEW = 'import-preview';

/** The file to read among the picked ones: the .shp of a set, else the first table or GeoJSON. */
function mainRef(refs: FileRef[]): FileRef | undefined {
  return refs.find((r) => /\.shp$/i.test(r.ref)) ?? refs.find((r) => /\.(csv|geojson|json)$/i.test(r.ref)) ?? refs[0];
}

export function ImportLayer({ map, onClose }: { map: MlMap | null; onClose(): void }) {
  const { t } = useTranslation();
  const tr = useBilingual();
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [file, setFile] = useState<FileRef | null>(null);
  const [name, setName] = useState('');
  const [crs, setCrs] = useState<Crs | undefined>();
  const [encoding, setEncoding] = useState<Enc | undefined>();
  const [inspection, setInspection] = useState<GeoInspectView | null>(null);
  const [crsQuestion, setCrsQuestion] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upsert = useGeo((s) => s.upsert);

  const inspectJob = useJob((j) => {
    if (j.state === 'done') {
      setInspection(j.result as GeoInspectView);
      setCrsQuestion(null);
    } else if (j.state === 'failed' && j.error) {
      setInspection(null);
      if (j.error.fields?.some((f) => f.path === 'crs')) setCrsQuestion(tr(j.error.message));
      else setError(tr(j.error.message));
    }
  });
  const addJob = useJob((j) => {
    if (j.state === 'done') {
      const v = j.result as MapLayerView;
      importLayer(v, upsert);
      if (v.bbox && map) map.fitBounds([[v.bbox[0], v.bbox[1]], [v.bbox[2], v.bbox[3]]], { padding: 40, maxZoom: 16, duration: 0 });
      onClose();
    } else if (j.state === 'failed' && j.error) setError(tr(j.error.message));
  });

  const inspect = async (f: FileRef, c?: Crs, e?: Enc) => {
    setError(null);
    try {
      const { jobId } = await api('geo.import.inspect', { file: f, ...(c ? { crs: c } : {}), ...(e ? { encoding: e } : {}) });
      inspectJob.follow(jobId);
    } catch (err) {
      setError(err instanceof ApiCallError ? tr(err.body.message) : String(err));
    }
  };

  const pick = async () => {
    setError(null);
    try {
      const refs = await pickFiles({ accept: ACCEPT, multiple: true, onProgress: (sent, total) => setUpload({ sent, total }) });
      const f = mainRef(refs);
      if (!f) return;
      setFile(f);
      setName(decodeURIComponent(f.ref.split('/').pop() ?? '').replace(/\.[^.]+$/, '') || t('geo.import.defaultName'));
      await inspect(f);
    } catch (err) {
      setError(err instanceof ApiCallError ? tr(err.body.message) : String(err));
    }
  };

  // The first features on the map, to see whether the CRS puts them in the right place.
  useEffect(() => {
    if (!map) return;
    const data = inspection?.preview ?? { type: 'FeatureCollection' as const, features: [] };
    const src = map.getSource(PREVIEW) as GeoJSONSource | undefined;
    if (src) src.setData(data);
    else {
      map.addSource(PREVIEW, { type: 'geojson', data });
      map.addLayer({ id: `${PREVIEW}::fill`, type: 'fill', source: PREVIEW, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#f59e0b', 'fill-opacity': 0.35 } });
      map.addLayer({ id: `${PREVIEW}::line`, type: 'line', source: PREVIEW, paint: { 'line-color': '#b45309', 'line-width': 2 } });
      map.addLayer({ id: `${PREVIEW}::circle`, type: 'circle', source: PREVIEW, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#f59e0b', 'circle-radius': 6, 'circle-stroke-color': '#78350f', 'circle-stroke-width': 1.5 } });
    }
    const fs = data.features;
    if (fs.length) {
      const b = [Infinity, Infinity, -Infinity, -Infinity];
      const visit = (c: unknown): void => {
        if (typeof (c as number[])[0] === 'number') {
          const [x, y] = c as number[];
          b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
        } else for (const k of c as unknown[]) visit(k);
      };
      for (const f of fs) if ('coordinates' in f.geometry) visit(f.geometry.coordinates);
      map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 60, maxZoom: 15, duration: 0 });
    }
  }, [map, inspection]);
  useEffect(() => () => {
    if (!map || !map.getStyle()) return;
    for (const id of [`${PREVIEW}::fill`, `${PREVIEW}::line`, `${PREVIEW}::circle`]) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(PREVIEW)) map.removeSource(PREVIEW);
  }, [map]);

  const report = inspection?.report as (Record<string, unknown> & { crsReason?: { ko: string; en: string } }) | undefined;
  const rows = inspection?.preview.features.slice(0, 5).map((f) => f.properties ?? {}) ?? [];
  // Names and addresses first: they show at a glance whether the text was decoded right.
  const allCols = (report?.fields as string[] | undefined) ?? Object.keys(rows[0] ?? {});
  const telling = (c: string) => /명$|이름|주소|name|addr/i.test(c);
  const cols = [...allCols.filter(telling), ...allCols.filter((c) => !telling(c))].slice(0, 6);

  return (
    <div className="import-layer" role="dialog" aria-labelledby="import-h">
      <h3 id="import-h">{t('geo.import.title')}</h3>
      {!file && <button type="button" className="primary" onClick={() => void pick()}>{t('geo.import.pick')}</button>}
      {upload && upload.total > 0 && (
        <label className="small block">
          {t('geo.import.upload')}
          <progress max={upload.total} value={upload.sent} />
        </label>
      )}
      {inspectJob.job && inspectJob.job.state === 'running' && <JobProgress job={inspectJob.job} label={t('geo.import.inspecting')} onCancel={() => void inspectJob.cancel()} />}
      {crsQuestion && file && (
        <fieldset className="crs-question">
          <legend>{t('geo.import.crsQuestion')}</legend>
          <p className="small">{crsQuestion}</p>
          {(['EPSG:5174', 'EPSG:5181'] as Crs[]).map((c) => (
            <label key={c} className="block">
              <input type="radio" name="crs" value={c} checked={crs === c} onChange={() => { setCrs(c); void inspect(file, c, encoding); }} />
              {t(`geo.import.crs.${c.slice(5)}`)}
            </label>
          ))}
        </fieldset>
      )}
      {report && file && (
        <div className="inspection">
          <dl className="kv small">
            <dt>{t('geo.import.format')}</dt><dd>{String(report.format)} · {t('geo.import.features', { n: Number(report.features).toLocaleString() })}</dd>
            <dt>{t('geo.import.crsFound')}</dt><dd>{String(report.crs)} ({String(report.crsSource)}) — {report.crsReason ? tr(report.crsReason) : ''}</dd>
            <dt>{t('geo.import.encodingFound')}</dt><dd>{String(report.encoding ?? '—')}</dd>
          </dl>
          <div className="row">
            <label className="small">
              {t('geo.import.changeCrs')}
              <select value={crs ?? ''} onChange={(e) => { const c = (e.target.value || undefined) as Crs | undefined; setCrs(c); void inspect(file, c, encoding); }}>
                <option value="">{t('geo.import.auto')}</option>
                {(['EPSG:4326', 'EPSG:5174', 'EPSG:5179', 'EPSG:5181', 'EPSG:5186'] as Crs[]).map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
            {report.encoding !== null && (
              <label className="small">
                {t('geo.import.changeEncoding')}
                <select value={encoding ?? ''} onChange={(e) => { const v = (e.target.value || undefined) as Enc | undefined; setEncoding(v); void inspect(file, crs, v); }}>
                  <option value="">{t('geo.import.auto')}</option>
                  <option value="CP949">CP949 (EUC-KR)</option>
                  <option value="UTF-8">UTF-8</option>
                </select>
              </label>
            )}
          </div>
          <table className="preview small">
            <caption>{t('geo.import.previewRows')}</caption>
            <thead><tr>{cols.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
            <tbody>{rows.map((r, i) => <tr key={i}>{cols.map((c) => <td key={c}>{String(r[c] ?? '')}</td>)}</tr>)}</tbody>
          </table>
          <label className="small block">
            {t('geo.import.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <div className="row">
            <button type="button" className="primary" disabled={!name.trim() || addJob.job?.state === 'running'} onClick={async () => {
              const { jobId } = await api('map.layers.add', { file, name: name.trim(), ...(crs ? { crs } : {}), ...(encoding ? { encoding } : {}) });
              addJob.follow(jobId);
            }}>{t('geo.import.accept')}</button>
            <button type="button" onClick={onClose}>{t('geo.import.cancel')}</button>
          </div>
          {addJob.job && <JobProgress job={addJob.job} label={t('geo.import.adding')} onCancel={() => void addJob.cancel()} />}
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {!report && <button type="button" className="link" onClick={onClose}>{t('geo.import.cancel')}</button>}
    </div>
  );
}
