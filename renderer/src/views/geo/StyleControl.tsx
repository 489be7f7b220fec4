// Style by attribute, for imported and shipped layers alike: pick a field and categories or
// graduated colours (quantile / equal interval, 5 classes). Field values come from the backend
// (map.layers.fields), so a big layer is never loaded into the page; the chosen style is saved
// with the layer (map.layers.setStyle) and comes back in the next session.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSummary } from '../../../../electron/api/map-methods.js';
import { api } from '../../api/client.js';
import { currentLang } from '../../i18n/index.js';
import { buildStyle, CATEGORY_COLORS, type StyleChoice } from './attributeStyle.js';
import { fieldLabel, type MapLayer } from './layers.js';
import { useGeo } from './store.js';

type Mode = 'single' | 'categories' | 'quantile' | 'equal';

export function StyleControl({ layer }: { layer: MapLayer }) {
  const { t } = useTranslation();
  const update = useGeo((s) => s.update);
  const id = useId();
  const [fields, setFields] = useState<FieldSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const st = layer.style;
  const [field, setField] = useState(st?.field ?? '');
  const [mode, setMode] = useState<Mode>(st?.mode === 'graduated' ? st.method ?? 'quantile' : st?.mode ?? 'single');

  const apiId = styleId(layer);
  useEffect(() => {
    let live = true;
    api('map.layers.fields', { id: apiId, maxValues: CATEGORY_COLORS.length })
      // A shipped layer offers the fields it documents (with their Korean names), not its internal ones.
      .then((f) => live && setFields(layer.fields ? f.filter((x) => layer.fields![x.name]) : f))
      .catch(() => live && setError(t('geo.style.loadFailed')));
    return () => {
      live = false;
    };
  }, [apiId, layer.fields, t]);

  const summary = fields?.find((f) => f.name === field);
  const numeric = summary?.type === 'number';

  const apply = (m: Mode, f: string) => {
    setMode(m);
    setField(f);
    const s = fields?.find((x) => x.name === f);
    const choice: StyleChoice = m === 'single' || !f ? { mode: 'single' } : m === 'categories' ? { mode: 'categories', field: f } : { mode: 'graduated', field: f, method: m };
    const style = buildStyle(choice, s);
    update(layer.id, { style });
    setSaveError(null);
    api('map.layers.setStyle', { id: apiId, style: style.mode === 'single' ? null : style }).catch(() => setSaveError(t('geo.style.saveFailed')));
  };
  const lang = currentLang();

  if (error) return <p className="error small">{error}</p>;
  if (!fields) return <p className="muted small">{t('geo.style.loading')}</p>;
  return (
    <fieldset className="style-control small" data-style-for={layer.id}>
      <legend>{t('geo.style.title')}</legend>
      <label htmlFor={`${id}-f`}>{t('geo.style.field')}</label>
      <select id={`${id}-f`} value={field} onChange={(e) => {
        const f = e.target.value;
        const s = fields.find((x) => x.name === f);
        apply(!f ? 'single' : mode === 'single' || ((mode === 'quantile' || mode === 'equal') && s?.type !== 'number') ? (s?.type === 'number' ? 'quantile' : 'categories') : mode, f);
      }}>
        <option value="">{t('geo.style.none')}</option>
        {fields.map((f) => <option key={f.name} value={f.name}>{fieldLabel(layer, f.name, lang)}</option>)}
      </select>
      <label htmlFor={`${id}-m`}>{t('geo.style.mode')}</label>
      <select id={`${id}-m`} value={mode} disabled={!field} onChange={(e) => apply(e.target.value as Mode, field)}>
        <option value="single">{t('geo.style.single')}</option>
        <option value="categories">{t('geo.style.categories')}</option>
        <option value="quantile" disabled={!numeric}>{t('geo.style.graduated')} · {t('geo.style.quantile')}</option>
        <option value="equal" disabled={!numeric}>{t('geo.style.graduated')} · {t('geo.style.equal')}</option>
      </select>
      {field && !numeric && <p className="muted small">{t(summary?.list ? 'geo.style.listField' : 'geo.style.textField')}</p>}
      {saveError && <p className="error small" role="alert">{saveError}</p>}
    </fieldset>
  );
}

/** The layer's id in map.layers.fields / map.layers.setStyle: an import's id, a shipped layer's name. */
export function styleId(layer: MapLayer): string {
  return layer.kind === 'import' ? layer.source.slice('import:'.length) : layer.source;
}
