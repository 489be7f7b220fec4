// An imported layer's attribute table, paged from the backend (map.layers.features): sort by a
// column, filter by text, and select ↔ highlight: a row selects its feature on the map (a
// feature-state) and flies to it; a feature clicked on the map opens its row's page.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MlMap } from 'maplibre-gl';
import type { FeaturePage } from '../../../../electron/api/map-methods.js';
import { api } from '../../api/client.js';
import type { MapLayer } from './layers.js';
import { useGeo } from './store.js';

const LIMIT = 50;

export function AttributeTable({ layer, map, onClose }: { layer: MapLayer; map: MlMap | null; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  // The selection object itself (not only its index): a map click on the already selected
  // feature still brings its row's page back.
  const selection = useGeo((s) => (s.selectedFeature?.layer === layer.id ? s.selectedFeature : null));
  const selected = selection?.index ?? null;
  const selectFeature = useGeo((s) => s.selectFeature);
  const [page, setPage] = useState<FeaturePage | null>(null);
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<{ field: string; desc: boolean } | null>(null);
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Set when the selection came from the map: ask for the page that holds it.
  const [focus, setFocus] = useState<number | null>(null);

  useEffect(() => {
    const h = setTimeout(() => { setQuery(filter); setOffset(0); }, 250);
    return () => clearTimeout(h);
  }, [filter]);

  useEffect(() => {
    if (selection && !page?.rows.some((r) => r.index === selection.index)) setFocus(selection.index);
    // Only a new selection moves the page.
  }, [selection]);

  useEffect(() => {
    let live = true;
    api('map.layers.features', { id: layer.source.slice('import:'.length), offset, limit: LIMIT, sort: sort ?? undefined, filter: query || undefined, focus: focus ?? undefined })
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
        if (focus !== null) { setOffset(p.offset); setFocus(null); }
      })
      .catch(() => live && setError(t('geo.table.loadFailed')));
    return () => {
      live = false;
    };
  }, [layer.source, offset, sort, query, focus, t]);

  // The selected row in view inside the table's scroll box.
  useEffect(() => {
    if (selected === null) return;
    document.querySelector(`section[data-table-for="${layer.id}"] tr[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [page, selected, layer.id]);

  const pick = (index: number, bbox: [number, number, number, number] | null) => {
    selectFeature({ layer: layer.id, index });
    if (map && bbox) map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { maxZoom: 17, padding: 80, duration: 600 });
  };

  const sortBy = (field: string) => {
    setSort((s) => (s?.field === field ? { field, desc: !s.desc } : { field, desc: false }));
    setOffset(0);
  };

  return (
    <section className="attribute-table" aria-labelledby={`${id}-h`} data-table-for={layer.id}>
      <div className="row">
        <h3 id={`${id}-h`}>{t('geo.table.title', { name: layer.title })}</h3>
        <button type="button" className="x" aria-label={t('common.close')} onClick={onClose}>×</button>
      </div>
      <label className="small" htmlFor={`${id}-q`}>{t('geo.table.filter')}</label>
      <input id={`${id}-q`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {error && <p className="error small" role="alert">{error}</p>}
      {page && (
        <>
          <p className="muted small" aria-live="polite">
            {t('geo.table.count', { from: page.matched ? page.offset + 1 : 0, to: page.offset + page.rows.length, matched: page.matched, total: page.total })}
          </p>
          <div className="table-scroll">
            <table className="small">
              <thead>
                <tr>
                  {page.fields.map((f) => (
                    <th key={f} scope="col" aria-sort={sort?.field === f ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                      <button type="button" className="link" onClick={() => sortBy(f)}>
                        {f}{sort?.field === f ? (sort.desc ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.index} data-index={r.index} aria-selected={selected === r.index} className={selected === r.index ? 'selected' : undefined}
                    tabIndex={0} onClick={() => pick(r.index, r.bbox)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(r.index, r.bbox); } }}>
                    {page.fields.map((f) => <td key={f}>{String(r.properties[f] ?? '')}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <button type="button" disabled={page.offset === 0} onClick={() => setOffset(Math.max(0, page.offset - LIMIT))}>{t('geo.table.prev')}</button>
            <button type="button" disabled={page.offset + LIMIT >= page.matched} onClick={() => setOffset(page.offset + LIMIT)}>{t('geo.table.next')}</button>
          </div>
        </>
      )}
    </section>
  );
}
