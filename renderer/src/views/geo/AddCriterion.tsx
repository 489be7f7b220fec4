// Adds a weighted criterion to the study: an id, what it measures (site area, compactness, a
// parcel attribute scaled between two values, or the distance to a layer's nearest feature), and
// the scaling; each mistake is named beside its field before anything reaches the study.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../electron/api/errors.js';
import type { Transform } from '../../../../geo/core/schema.js';
import { Field } from '../../components/Field.js';

export interface NewCriterion {
  id: string;
  weight: number;
  source: Record<string, unknown>;
  transform?: Transform;
}

type Kind = 'siteArea' | 'compactness' | 'attribute' | 'distance';

export function AddCriterion({ taken, layers, onAdd }: { taken: string[]; layers: string[]; onAdd(c: NewCriterion): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [kind, setKind] = useState<Kind>('attribute');
  const [field, setField] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [invert, setInvert] = useState(false);
  const [layer, setLayer] = useState('');
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const bi = (key: string, o?: Record<string, unknown>): Bilingual => ({ ko: t(key, { ...o, lng: 'ko' }), en: t(key, { ...o, lng: 'en' }) });
  const others = layers.filter((l) => l !== 'parcels');

  if (!open) return <button type="button" onClick={() => setOpen(true)}>{t('geo.study.addCriterion')}</button>;

  const add = () => {
    const e: Record<string, Bilingual> = {};
    const cid = id.trim();
    if (!cid) e.id = bi('geo.study.critErr.idRequired');
    else if (!/^[A-Za-z가-힣][\w가-힣-]{0,30}$/.test(cid)) e.id = bi('geo.study.critErr.idPattern');
    else if (taken.includes(cid)) e.id = bi('geo.study.critErr.idTaken', { id: cid });
    if (kind === 'attribute') {
      if (!field.trim()) e.field = bi('geo.study.critErr.fieldRequired');
      if (min.trim() === '' || !Number.isFinite(Number(min))) e.min = bi('geo.study.critErr.number');
      if (max.trim() === '' || !Number.isFinite(Number(max))) e.max = bi('geo.study.critErr.number');
      else if (!e.min && Number(max) <= Number(min)) e.max = bi('geo.study.critErr.maxAboveMin');
    }
    if (kind === 'distance') {
      if (!layer) e.layer = bi('geo.study.critErr.layerRequired');
      if (max.trim() === '' || !(Number(max) > 0)) e.max = bi('geo.study.critErr.positive');
    }
    setErrors(e);
    if (Object.keys(e).length) return;
    const c: NewCriterion =
      kind === 'attribute' ? { id: cid, weight: 20, source: { type: 'attribute', field: field.trim() }, transform: { type: 'linear', min: Number(min), max: Number(max), invert } }
      : kind === 'distance' ? { id: cid, weight: 20, source: { type: 'distance', layer, from: 'parcel' }, transform: { type: 'linear', min: 0, max: Number(max), invert: true } }
      : { id: cid, weight: 20, source: { type: kind } };
    onAdd(c);
    setOpen(false);
    setId(''); setField(''); setMin(''); setMax(''); setInvert(false); setLayer('');
  };

  return (
    <div className="add-criterion" role="group" aria-label={t('geo.study.addCriterion')}>
      <Field label={t('geo.study.critId')} error={errors.id} required>
        {(fid) => <input id={fid} value={id} onChange={(e) => setId(e.target.value)} />}
      </Field>
      <Field label={t('geo.study.critSource')}>
        {(fid) => (
          <select id={fid} value={kind} onChange={(e) => { setKind(e.target.value as Kind); setErrors({}); }}>
            {(['attribute', 'distance', 'siteArea', 'compactness'] as Kind[]).map((k) => <option key={k} value={k}>{t(`geo.source.${k}`)}</option>)}
          </select>
        )}
      </Field>
      {kind === 'attribute' && (
        <>
          <Field label={t('geo.study.field')} error={errors.field} required>
            {(fid) => <input id={fid} value={field} onChange={(e) => setField(e.target.value)} />}
          </Field>
          <Field label={t('geo.study.critMin')} error={errors.min} required>
            {(fid) => <input id={fid} type="number" value={min} onChange={(e) => setMin(e.target.value)} />}
          </Field>
          <Field label={t('geo.study.critMax')} error={errors.max} required>
            {(fid) => <input id={fid} type="number" value={max} onChange={(e) => setMax(e.target.value)} />}
          </Field>
          <label className="small"><input type="checkbox" checked={invert} onChange={(e) => setInvert(e.target.checked)} /> {t('geo.study.critInvert')}</label>
        </>
      )}
      {kind === 'distance' && (
        <>
          <Field label={t('geo.study.critLayer')} error={errors.layer} required hint={others.length ? undefined : t('geo.study.critNoLayer')}>
            {(fid) => (
              <select id={fid} value={layer} onChange={(e) => setLayer(e.target.value)}>
                <option value="">{t('geo.study.choose')}</option>
                {others.map((l) => <option key={l} value={l}>{l}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('geo.study.critMaxDistance')} error={errors.max} required>
            {(fid) => <input id={fid} type="number" value={max} onChange={(e) => setMax(e.target.value)} />}
          </Field>
        </>
      )}
      <div className="row">
        <button type="button" onClick={add}>{t('geo.study.critAdd')}</button>
        <button type="button" className="link" onClick={() => { setOpen(false); setErrors({}); }}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}
