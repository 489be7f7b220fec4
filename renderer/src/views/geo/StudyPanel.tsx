// The study editor: layers, hard constraints, weighted criteria (sliders renormalised live,
// each transformation drawn), optional AHP with its consistency ratio, scoring mode and site
// assembly; saved with versions; run as a background job with progress and cancel.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../electron/api/errors.js';
import type { GeoRunView, GeoStudyView } from '../../../../electron/api/geo-methods.js';
import { api } from '../../api/client.js';
import { pickFiles } from '../../api/files.js';
import { Field } from '../../components/Field.js';
import { bannerMessage, fieldErrors, useBilingual } from '../../components/useBilingual.js';
import { ahp } from '../../../../geo/core/ahp.js';
import type { Transform } from '../../../../geo/core/schema.js';
import { TransformCurve } from './TransformCurve.js';
import { AddCriterion } from './AddCriterion.js';
import { JobProgress } from './JobProgress.js';
import { useJob } from './useJob.js';
import { useGeo } from './store.js';
import { showRun } from './runLayers.js';

type Doc = Record<string, unknown> & {
  layers: Record<string, { ref?: string; crs?: string }>;
  constraints: Record<string, unknown>[];
  criteria: { id: string; weight?: number; source: Record<string, unknown>; transform?: Transform }[];
  ahp?: { criteria: string[]; matrix: number[][] };
  scoring?: { method: 'weightedSum' | 'weightedProduct' };
  assembly?: Record<string, unknown>;
};

export const TEMPLATE: Doc = {
  layers: { parcels: {} },
  constraints: [
    { type: 'attribute', code: 'NOT_PUBLIC', field: '소유구분', in: ['2', '4', '5'] },
    { type: 'attribute', code: 'LAND_USE', field: '지목', notIn: ['도', '천', '구', '제'] },
  ],
  criteria: [
    { id: 'area', weight: 40, source: { type: 'siteArea' } },
    { id: 'compact', weight: 20, source: { type: 'compactness' } },
    { id: 'price', weight: 40, source: { type: 'attribute', field: '공시지가' }, transform: { type: 'msSmall', mean: 3000000, sd: 2000000, a: 1, b: 1 } },
  ],
  scoring: { method: 'weightedSum' },
  assembly: { snapTolerance: 0.3, minArea: 3000, targetArea: 100000 },
  sensitivity: { draws: 200 },
};

/** Adds a criterion; under AHP it joins the matrix judged equal (1) to every other. */
function addCriterion(d: Doc, c: Doc['criteria'][number]) {
  d.criteria.push(c);
  if (d.ahp) {
    d.ahp.criteria.push(c.id);
    d.ahp.matrix.forEach((row) => row.push(1));
    d.ahp.matrix.push(d.ahp.criteria.map(() => 1));
  }
}

/** Removes a criterion, and its row and column of the AHP matrix (AHP ends below two criteria). */
function removeCriterion(d: Doc, i: number) {
  const [c] = d.criteria.splice(i, 1);
  if (!d.ahp) return;
  const k = d.ahp.criteria.indexOf(c.id);
  if (k >= 0) {
    d.ahp.criteria.splice(k, 1);
    d.ahp.matrix.splice(k, 1);
    d.ahp.matrix.forEach((row) => row.splice(k, 1));
  }
  if (d.ahp.criteria.length < 2) delete d.ahp;
}

const SAATY = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
const saatyLabel = (v: number) => (v >= 1 ? String(v) : `1/${Math.round(1 / v)}`);

export function StudyPanel() {
  const { t } = useTranslation();
  const tr = useBilingual();
  const [studies, setStudies] = useState<GeoStudyView[]>([]);
  const [id, setId] = useState<string | null>(useGeo.getState().studyId);
  const [name, setName] = useState('');
  const [doc, setDoc] = useState<Doc | null>(null);
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [banner, setBanner] = useState<Bilingual | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState<number | null>(null);
  const openStudy = useGeo((s) => s.openStudy);
  const runJob = useJob((j) => {
    if (j.state === 'done' && id) {
      const run = j.result as GeoRunView;
      openStudy(id, run);
      showRun(id, run, t);
    }
  });

  const load = async () => setStudies(await api('geo.studies.list'));
  useEffect(() => {
    void load();
  }, []);
  useEffect(() => {
    const s = studies.find((x) => x.id === id);
    if (s) {
      setName(s.name);
      setDoc(structuredClone(s.study) as Doc);
    }
  }, [id, studies]);

  const weights = useMemo(() => {
    if (!doc) return [];
    if (doc.ahp) {
      try {
        const r = ahp(doc.ahp.matrix);
        return doc.criteria.map((c) => r.weights[doc.ahp!.criteria.indexOf(c.id)] ?? 0);
      } catch {
        return doc.criteria.map(() => 0);
      }
    }
    const sum = doc.criteria.reduce((s, c) => s + (c.weight ?? 1), 0);
    return doc.criteria.map((c) => (sum > 0 ? (c.weight ?? 1) / sum : 0));
  }, [doc]);
  const consistency = useMemo(() => {
    if (!doc?.ahp) return null;
    try {
      return ahp(doc.ahp.matrix);
    } catch {
      return null;
    }
  }, [doc]);

  const edit = (f: (d: Doc) => void) => {
    setDoc((d) => {
      if (!d) return d;
      const n = structuredClone(d);
      f(n);
      return n;
    });
    setSaved(false);
  };

  const save = async (): Promise<string | null> => {
    if (!doc) return null;
    setErrors({});
    setBanner(null);
    try {
      const s = await api('geo.studies.save', { ...(id ? { id } : {}), name, study: doc });
      setId(s.id);
      setSaved(true);
      setVersion((await api('map.studyVersions.list', { studyId: s.id }))[0]?.version ?? null);
      await load();
      return s.id;
    } catch (e) {
      setErrors(fieldErrors(e));
      setBanner(bannerMessage(e));
      return null;
    }
  };

  const run = async () => {
    const sid = await save();
    if (!sid) return;
    runJob.reset();
    const { jobId } = await api('geo.studies.run', { id: sid });
    runJob.follow(jobId);
  };

  const err = (p: string) => errors[`study.${p}`] ?? errors[p];

  return (
    <section className="geo-panel-section" aria-labelledby="study-h">
      <h2 id="study-h">{t('geo.study.title')}</h2>
      <div className="row">
        <label className="small">
          {t('geo.study.open')}
          <select value={id ?? ''} onChange={(e) => setId(e.target.value || null)}>
            <option value="">{t('geo.study.choose')}</option>
            {studies.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => { setId(null); setName(t('geo.study.newName')); setDoc(structuredClone(TEMPLATE)); setErrors({}); }}>
          {t('geo.study.new')}
        </button>
      </div>
      {doc && (
        <form className="study-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {banner && <div className="banner error" role="alert">{tr(banner)}</div>}
          <Field label={t('geo.study.name')} error={errors.name} required>
            {(fid) => <input id={fid} value={name} onChange={(e) => { setName(e.target.value); setSaved(false); }} />}
          </Field>

          <fieldset>
            <legend>{t('geo.study.layers')}</legend>
            {Object.entries(doc.layers).map(([key, l]) => (
              <div key={key} className={`field${err(`layers.${key}`) ? ' invalid' : ''}`}>
                <span className="label">{key === 'parcels' ? t('geo.study.parcelsLayer') : key}</span>
                <div className="row">
                  <span className="small file-name">{l.ref ? decodeURIComponent(l.ref.split('/').pop() ?? l.ref).replace(/^grant:.*/, t('geo.study.pickedFile')) : t('geo.study.noFile')}</span>
                  <button type="button" onClick={async () => {
                    const refs = await pickFiles({ accept: ['shp', 'shx', 'dbf', 'prj', 'cpg', 'csv', 'geojson', 'json'], multiple: true });
                    const main = refs.find((r) => /\.shp$/i.test(r.ref)) ?? refs.find((r) => /\.(csv|geojson|json)$/i.test(r.ref)) ?? refs[0];
                    if (main) edit((d) => { d.layers[key] = { ...d.layers[key], ref: main.ref }; });
                  }}>{t('geo.study.pickFile', { name: key })}</button>
                </div>
                {err(`layers.${key}`) && <div className="error" role="alert">{tr(err(`layers.${key}`))}</div>}
              </div>
            ))}
            <button type="button" className="link" onClick={() => {
              const name = window.prompt(t('geo.study.layerNamePrompt'))?.trim();
              if (name && /^[A-Za-z][\w-]{0,30}$/.test(name)) edit((d) => { d.layers[name] = {}; });
            }}>{t('geo.study.addLayer')}</button>
            {err('layers') && <div className="error" role="alert">{tr(err('layers'))}</div>}
          </fieldset>

          <fieldset>
            <legend>{t('geo.study.constraints')}</legend>
            {doc.constraints.map((c, i) => (
              <div key={i} className="constraint-row">
                <strong>{String(c.code)}</strong> <span className="muted small">{t(`geo.constraintType.${String(c.type)}`)}</span>
                {c.type === 'attribute' && (
                  <>
                    <Field label={t('geo.study.field')} error={err(`constraints.${i}.field`)}>
                      {(fid) => <input id={fid} value={String(c.field ?? '')} onChange={(e) => edit((d) => { d.constraints[i].field = e.target.value; })} />}
                    </Field>
                    <Field label={c.in ? t('geo.study.inValues') : t('geo.study.notInValues')} error={err(`constraints.${i}.in`) ?? err(`constraints.${i}.notIn`)}>
                      {(fid) => (
                        <input id={fid} value={((c.in ?? c.notIn) as string[] | undefined)?.join(', ') ?? ''}
                          onChange={(e) => edit((d) => { d.constraints[i][c.in ? 'in' : 'notIn'] = e.target.value.split(',').map((v) => v.trim()).filter(Boolean); })} />
                      )}
                    </Field>
                  </>
                )}
                {c.type === 'distance' && (
                  <Field label={t('geo.study.maxDistance')} error={err(`constraints.${i}.max`)}>
                    {(fid) => <input id={fid} type="number" value={Number(c.max ?? 0)} onChange={(e) => edit((d) => { d.constraints[i].max = Number(e.target.value); })} />}
                  </Field>
                )}
                {c.type === 'overlap' && (
                  <Field label={t('geo.study.maxShare')} error={err(`constraints.${i}.maxShare`)}>
                    {(fid) => <input id={fid} type="number" step={0.01} value={Number(c.maxShare ?? 0)} onChange={(e) => edit((d) => { d.constraints[i].maxShare = Number(e.target.value); })} />}
                  </Field>
                )}
                <button type="button" className="link" onClick={() => edit((d) => { d.constraints.splice(i, 1); })}>{t('geo.study.remove')}</button>
              </div>
            ))}
            <button type="button" onClick={() => edit((d) => { d.constraints.push({ type: 'attribute', code: `C${d.constraints.length + 1}`, field: '', notIn: [] }); })}>{t('geo.study.addConstraint')}</button>
          </fieldset>

          <fieldset>
            <legend>{t('geo.study.criteria')}</legend>
            <label className="small">
              <input type="checkbox" checked={!!doc.ahp} onChange={(e) => edit((d) => {
                if (e.target.checked) d.ahp = { criteria: d.criteria.map((c) => c.id), matrix: d.criteria.map((_, i) => d.criteria.map((__, j) => (i === j ? 1 : 1))) };
                else delete d.ahp;
              })} />
              {t('geo.study.useAhp')}
            </label>
            {doc.criteria.map((c, i) => (
              <div key={c.id} className="criterion-row">
                <div className="row">
                  <strong>{c.id}</strong>
                  <span className="muted small">{t(`geo.source.${String(c.source.type)}`)}{c.source.field ? ` · ${String(c.source.field)}` : ''}{c.source.layer ? ` · ${String(c.source.layer)}` : ''}</span>
                  <button type="button" className="link" aria-label={t('geo.study.removeCriterion', { id: c.id })} disabled={doc.criteria.length <= 1}
                    onClick={() => edit((d) => { removeCriterion(d, i); })}>{t('geo.study.remove')}</button>
                </div>
                <label className="weight">
                  <span className="sr-only">{t('geo.study.weightOf', { id: c.id })}</span>
                  <input type="range" min={0} max={100} step={1} disabled={!!doc.ahp} value={c.weight ?? 1}
                    aria-label={t('geo.study.weightOf', { id: c.id })}
                    onChange={(e) => edit((d) => { d.criteria[i].weight = Number(e.target.value); })} />
                  <output className="weight-share" data-criterion={c.id}>{(weights[i] * 100).toFixed(1)}%</output>
                </label>
                {Object.keys(errors).filter((k) => k.replace(/^study\./, '').startsWith(`criteria.${i}.`)).map((k) => <div key={k} className="error" role="alert">{tr(errors[k])}</div>)}
                {c.transform && <TransformCurve transform={c.transform} label={t('geo.study.curveOf', { id: c.id, type: c.transform.type })} />}
                {!c.transform && <div className="muted small">{t(c.source.type === 'siteArea' ? 'geo.study.defaultAreaCurve' : 'geo.study.noTransform')}</div>}
              </div>
            ))}
            {err('criteria') && <div className="error" role="alert">{tr(err('criteria'))}</div>}
            <AddCriterion taken={doc.criteria.map((c) => c.id)} layers={Object.keys(doc.layers)} onAdd={(c) => edit((d) => { addCriterion(d, c); })} />
            {doc.ahp && (
              <div className="ahp">
                <table className="ahp-matrix small">
                  <caption>{t('geo.study.ahpMatrix')}</caption>
                  <thead>
                    <tr><th />{doc.ahp.criteria.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
                  </thead>
                  <tbody>
                    {doc.ahp.criteria.map((ri, i) => (
                      <tr key={ri}>
                        <th scope="row">{ri}</th>
                        {doc.ahp!.criteria.map((cj, j) => (
                          <td key={cj}>
                            {j > i ? (
                              <select aria-label={t('geo.study.ahpCell', { a: ri, b: cj })} value={String(doc.ahp!.matrix[i][j])}
                                onChange={(e) => edit((d) => { const v = Number(e.target.value); d.ahp!.matrix[i][j] = v; d.ahp!.matrix[j][i] = 1 / v; })}>
                                {SAATY.map((v) => <option key={v} value={String(v)}>{saatyLabel(v)}</option>)}
                              </select>
                            ) : (
                              <span className="muted">{saatyLabel(doc.ahp!.matrix[i][j])}</span>
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                {consistency && (
                  <p className={consistency.consistent ? 'small' : 'small error'} role="status">
                    {t('geo.study.cr', { cr: consistency.cr.toFixed(3) })} {consistency.consistent ? t('geo.study.crOk') : t('geo.study.crBad')}
                  </p>
                )}
              </div>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('geo.study.scoringAssembly')}</legend>
            <Field label={t('geo.study.scoring')} error={err('scoring.method')}>
              {(fid) => (
                <select id={fid} value={doc.scoring?.method ?? 'weightedSum'} onChange={(e) => edit((d) => { d.scoring = { method: e.target.value as 'weightedSum' }; })}>
                  <option value="weightedSum">{t('geo.study.weightedSum')}</option>
                  <option value="weightedProduct">{t('geo.study.weightedProduct')}</option>
                </select>
              )}
            </Field>
            {(['snapTolerance', 'minArea', 'targetArea'] as const).map((k) => (
              <Field key={k} label={t(`geo.study.${k}`)} error={err(`assembly.${k}`)}>
                {(fid) => <input id={fid} type="number" value={Number(doc.assembly?.[k] ?? '')} onChange={(e) => edit((d) => { d.assembly = { ...(d.assembly ?? {}), [k]: e.target.value === '' ? undefined : Number(e.target.value) }; })} />}
              </Field>
            ))}
          </fieldset>

          <div className="row actions">
            <button type="submit">{t('geo.study.save')}</button>
            <button type="button" className="primary" onClick={() => void run()} disabled={runJob.job?.state === 'running'}>{t('geo.run.start')}</button>
            {saved && <span className="muted small" role="status">{t('geo.study.saved', { version: version ?? 1 })}</span>}
          </div>
          {runJob.job && <JobProgress job={runJob.job} label={t('geo.run.label')} onCancel={() => void runJob.cancel()} />}
        </form>
      )}
    </section>
  );
}
