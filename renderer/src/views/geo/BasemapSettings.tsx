// Settings → the optional online basemap for the planners' map: off by default (the map needs
// nothing from the network); switched on with a tile URL template, its attribution and an
// optional key. Only then does the page's CSP name that host.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../electron/api/errors.js';
import type { BasemapView } from '../../../../electron/api/map-methods.js';
import { api } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { fieldErrors } from '../../components/useBilingual.js';

export function BasemapSettings() {
  const { t } = useTranslation();
  const [b, setB] = useState<BasemapView>({ enabled: false, url: '', attribution: '' });
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api('map.basemap.get').then(setB);
  }, []);
  const save = async () => {
    setErrors({});
    setSaved(false);
    try {
      setB(await api('map.basemap.set', { ...b, key: b.key || undefined }));
      setSaved(true);
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="basemap-h">
      <h2 id="basemap-h">{t('geo.basemap.title')}</h2>
      <p className="muted small wide">{t('geo.basemap.note')}</p>
      <label className="wide"><input type="checkbox" checked={b.enabled} onChange={(e) => setB({ ...b, enabled: e.target.checked })} /> {t('geo.basemap.enable')}</label>
      <Field label={t('geo.basemap.url')} error={errors.url} wide>{(id) => <input id={id} value={b.url} placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png" onChange={(e) => setB({ ...b, url: e.target.value })} />}</Field>
      <Field label={t('geo.basemap.attribution')} error={errors.attribution} wide>{(id) => <input id={id} value={b.attribution} placeholder="© OpenStreetMap contributors" onChange={(e) => setB({ ...b, attribution: e.target.value })} />}</Field>
      <Field label={t('geo.basemap.key')} error={errors.key}>{(id) => <input id={id} value={b.key ?? ''} onChange={(e) => setB({ ...b, key: e.target.value })} />}</Field>
      <div className="wide row"><button type="submit">{t('geo.basemap.save')}</button>{saved && <span className="muted small" role="status">{t('geo.basemap.saved')}</span>}</div>
    </form>
  );
}
