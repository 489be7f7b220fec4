// 부지 분석: the planners' map. Left, the panels (layers; the study editor and its run;
// results); right, the map — offline by default, shipped Seoul layers under the user's own.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { api } from '../../api/client.js';
import { currentLang } from '../../i18n/index.js';
import { MapCanvas } from './MapCanvas.js';
import { LayerPanel } from './LayerPanel.js';
import { StudyPanel } from './StudyPanel.js';
import { ResultsPanel } from './ResultsPanel.js';
import { FeatureInfo, type InfoFeature } from './FeatureInfo.js';
import { SurroundingsPanel } from './Surroundings.js';
import { shippedLayer, syncLayers } from './layers.js';
import { useGeo } from './store.js';
import { useBasemap } from './basemap.js';
import { importLayer } from './importLayers.js';

type Tab = 'layers' | 'study' | 'results' | 'near';

export function SiteStudy() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('layers');
  const [map, setMap] = useState<MlMap | null>(null);
  const [info, setInfo] = useState<InfoFeature[] | null>(null);
  const { layers, shippedData, setLayers, setShipped, run } = useGeo();
  const basemap = useBasemap();
  const loaded = useRef(false);
  const tabRef = useRef(tab);
  tabRef.current = tab;

  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    void (async () => {
      const shipped = (await api('map.shipped.list')).filter((l) => l.available);
      const lang = currentLang();
      // Points and lines above the boundaries.
      const order = ['stations', 'hospitals', 'parks', 'subwayLines', 'dong', 'gu'];
      shipped.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      const existing = useGeo.getState().layers.filter((l) => l.kind !== 'shipped');
      setLayers([...existing, ...shipped.map((v) => shippedLayer(v, lang))]);
      for (const v of await api('map.layers.list')) importLayer(v, useGeo.getState().upsert);
      for (const v of shipped) setShipped(v.id, await api('map.shipped.get', { id: v.id }));
    })();
  }, [setLayers, setShipped]);

  useEffect(() => {
    if (map) syncLayers(map, layers, shippedData);
  }, [map, layers, shippedData]);

  useEffect(() => {
    if (run) setTab('results');
  }, [run]);

  // The selected feature of an imported layer (attribute table ↔ map) carries feature-state `selected`.
  const selectedFeature = useGeo((s) => s.selectedFeature);
  useEffect(() => {
    if (!map || !selectedFeature || !map.getSource(selectedFeature.layer)) return;
    const target = { source: selectedFeature.layer, sourceLayer: 'features', id: selectedFeature.index };
    map.setFeatureState(target, { selected: true });
    return () => {
      if (map.getSource(target.source)) map.setFeatureState(target, { selected: false });
    };
  }, [map, selectedFeature, layers]);

  useEffect(() => {
    if (!map) return;
    const click = (e: MapMouseEvent) => {
      if (tabRef.current === 'near') return;
      const ids = map.getStyle().layers.filter((l) => l.id.includes('::') && !l.id.endsWith('::label') && !l.id.endsWith('::hl')).map((l) => l.id);
      const hits = map.queryRenderedFeatures(e.point, { layers: ids }).slice(0, 5);
      const imported = hits.find((f) => f.layer.id.startsWith('import-') && typeof f.id === 'number');
      useGeo.getState().selectFeature(imported ? { layer: imported.layer.id.split('::')[0], index: imported.id as number } : null);
      void Promise.all(
        hits.map(async (f): Promise<InfoFeature> => {
          const layer = f.layer.id.split('::')[0];
          const m = /^run-(.+)$/.exec(layer);
          if (m && typeof f.id === 'number') {
            // Parcel tiles carry only the result; the PNU and every reason come from the backend.
            const p = await api('map.parcels.get', { studyId: m[1], index: f.id });
            return { layer, properties: { pnu: p.pnu, pass: p.pass, reason: p.reasons.join(', '), score: p.score ?? -1, site: p.site ?? '' } };
          }
          return { layer, properties: f.properties ?? {} };
        }),
      ).then((list) => setInfo(list.length ? list : null));
    };
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map]);

  return (
    <section className="page geo-page" aria-labelledby="geo-title">
      <h1 id="geo-title">{t('nav.siteStudy')}</h1>
      <div className="geo-layout">
        <div className="geo-panel">
          <div role="tablist" aria-label={t('geo.panels')} className="tabs">
            {(['layers', 'study', 'results', 'near'] as Tab[]).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} onClick={() => setTab(k)}>
                {t(`geo.tab.${k}`)}
              </button>
            ))}
          </div>
          {tab === 'layers' && <LayerPanel map={map} />}
          {tab === 'study' && <StudyPanel />}
          {tab === 'results' && <ResultsPanel map={map} />}
          {tab === 'near' && <SurroundingsPanel map={map} />}
        </div>
        <div className="geo-map">
          {basemap !== undefined && <MapCanvas label={t('geo.mapLabel')} basemap={basemap} onReady={setMap} />}
          {info && <FeatureInfo features={info} onClose={() => setInfo(null)} />}
        </div>
      </div>
    </section>
  );
}
