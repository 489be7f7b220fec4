// Settings → the optional online basemap for the planners' map: off by default (the map needs
// nothing from the network); switched on with a tile URL template, its attribution and an
// optional key. Only then does the page's CSP name that host.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../electron/api/errors.js';
import { basemapOrigin, type BasemapView } from '../../../../electron/api/map-methods.js';
import { api } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { fieldErrors } from '../../components/useBilingual.js';

/** The tile host the page's CSP allows for this setting. */
const cspHost = (b: BasemapView) => (b.enabled && b.url ? basemapOrigin(b.url) : null);
let loadedWith: string | null | undefined; // set by the first read in this page load

export function BasemapSettings() {
  const { t } = useTranslation();
  const [b, setB] = useState<BasemapView>({ enabled: false, url: '', attribution: '' });
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [saved, setSaved] = useState<false | 'saved' | 'reload'>(false);
  // Until the stored choice has arrived the fields stay read-only: typing earlier would be overwritten.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void api('map.basemap.get').then((got) => {
      if (loadedWith === undefined) loadedWith = cspHost(got);
      setB(got);
      setLoaded(true);
    });
  }, []);
  const save = async () => {
    setErrors({});
    setSaved(false);
    try {
      const stored = await api('map.basemap.set', { ...b, key: b.key || undefined });
      setB(stored);
      // The page's CSP is fixed when it loads: a new (or removed) tile host needs a reload.
      setSaved(cspHost(stored) === loadedWith ? 'saved' : 'reload');
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="basemap-h">
      <h2 id="basemap-h">{t('geo.basemap.title')}</h2>
      <p className="muted small wide">{t('geo.basemap.note')}</p>
      <label className="wide check"><input type="checkbox" disabled={!loaded} checked={b.enabled} onChange={(e) => setB({ ...b, enabled: e.target.checked })} /> {t('geo.basemap.enable')}</label>
      <Field label={t('geo.basemap.url')} error={errors.url} wide>{(id) => <input id={id} readOnly={!loaded} value={b.url} placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png" onChange={(e) => setB({ ...b, url: e.target.value })} />}</Field>
      <Field label={t('geo.basemap.attribution')} error={errors.attribution} wide>{(id) => <input id={id} readOnly={!loaded} value={b.attribution} placeholder="© OpenStreetMap contributors" onChange={(e) => setB({ ...b, attribution: e.target.value })} />}</Field>
      <Field label={t('geo.basemap.key')} error={errors.key}>{(id) => <input id={id} readOnly={!loaded} value={b.key ?? ''} onChange={(e) => setB({ ...b, key: e.target.value })} />}</Field>
      <div className="wide row"><button type="submit" disabled={!loaded}>{t('geo.basemap.save')}</button><span role="status" className="muted small">{saved === 'saved' ? t('geo.basemap.saved') : saved === 'reload' ? t('geo.basemap.reloadNeeded') : ''}</span>
        {saved === 'reload' && <button type="button" onClick={() => window.location.reload()}>{t('geo.basemap.reload')}</button>}</div>
    </form>
  );
}
