// The layer panel, as planners know it from QGIS: toggle, reorder, opacity, a legend per layer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ImportLayer } from './ImportLayer.js';
import { useGeo } from './store.js';
import { Legend } from './Legend.js';
import { StyleControl } from './StyleControl.js';
import { AttributeTable } from './AttributeTable.js';

export function LayerPanel({ map }: { map: import('maplibre-gl').Map | null }) {
  const { t } = useTranslation();
  const { layers, update, move, remove } = useGeo();
  const [adding, setAdding] = useState(false);
  const [styling, setStyling] = useState<string | null>(null);
  const [table, setTable] = useState<string | null>(null);
  const tableLayer = layers.find((l) => l.id === table && l.kind === 'import');
  return (
    <section aria-labelledby="layers-h" className="geo-panel-section">
      <div className="row">
        <h2 id="layers-h">{t('geo.layers.title')}</h2>
        {!adding && <button type="button" onClick={() => setAdding(true)}>{t('geo.import.open')}</button>}
      </div>
      {adding && <ImportLayer map={map} onClose={() => setAdding(false)} />}
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
                  <button type="button" className="icon" aria-label={t('geo.layers.remove', { name: l.title })} onClick={async () => { await api('map.layers.remove', { id: l.id.slice('import-'.length) }); remove(l.id); }}>×</button>
                )}
              </span>
            </div>
            {l.scope && <div className="muted small">{l.scope}</div>}
            <label className="small opacity">
              {t('geo.layers.opacity')}
              <input type="range" min={0} max={1} step={0.05} value={l.opacity} aria-label={t('geo.layers.opacityOf', { name: l.title })} onChange={(e) => update(l.id, { opacity: Number(e.target.value) })} />
              <span>{Math.round(l.opacity * 100)}%</span>
            </label>
            {(l.kind === 'import' || l.kind === 'shipped') && (
              <div className="row small">
                <button type="button" aria-expanded={styling === l.id} onClick={() => setStyling(styling === l.id ? null : l.id)}>{t('geo.style.open')}</button>
                {l.kind === 'import' && <button type="button" aria-pressed={table === l.id} onClick={() => setTable(table === l.id ? null : l.id)}>{t('geo.table.open')}</button>}
              </div>
            )}
            {styling === l.id && <StyleControl layer={l} />}
            {l.visible && <Legend layer={l} />}
          </li>
        ))}
      </ul>
      {tableLayer && <AttributeTable key={tableLayer.id} layer={tableLayer} map={map} onClose={() => setTable(null)} />}
    </section>
  );
}
