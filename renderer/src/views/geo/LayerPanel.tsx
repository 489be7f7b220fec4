// The layer panel, as planners know it from QGIS: toggle, reorder, opacity, a legend per layer.
import { useTranslation } from 'react-i18next';
import { useGeo } from './store.js';
import { Legend } from './Legend.js';

export function LayerPanel({ map }: { map: import("maplibre-gl").Map | null }) {
  void map;
  const { t } = useTranslation();
  const { layers, update, move, remove } = useGeo();
  return (
    <section aria-labelledby="layers-h" className="geo-panel-section">
      <h2 id="layers-h">{t('geo.layers.title')}</h2>
      <ul className="layer-list">
        {layers.map((l, i) => (
          <li key={l.id} className="layer-row" data-layer={l.id}>
            <div className="row">
              <label className="layer-toggle">
                <input type="checkbox" checked={l.visible} onChange={(e) => update(l.id, { visible: e.target.checked })} />
                <span>{l.title}</span>
              </label>
              <span className="layer-tools">
                <button type="button" className="icon" aria-label={t('geo.layers.up', { name: l.title })} disabled={i === 0} onClick={() => move(l.id, -1)}>▲</button>
                <button type="button" className="icon" aria-label={t('geo.layers.down', { name: l.title })} disabled={i === layers.length - 1} onClick={() => move(l.id, 1)}>▼</button>
                {l.kind === 'import' && (
                  <button type="button" className="icon" aria-label={t('geo.layers.remove', { name: l.title })} onClick={() => remove(l.id)}>×</button>
                )}
              </span>
            </div>
            <label className="small opacity">
              {t('geo.layers.opacity')}
              <input type="range" min={0} max={1} step={0.05} value={l.opacity} aria-label={t('geo.layers.opacityOf', { name: l.title })} onChange={(e) => update(l.id, { opacity: Number(e.target.value) })} />
              <span>{Math.round(l.opacity * 100)}%</span>
            </label>
            {l.visible && <Legend layer={l} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
