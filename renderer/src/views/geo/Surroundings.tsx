// 입지 안내: place a listing on the map (click, or type its coordinates) and see the nearest
// subway stations (straight line and an estimated walk, with the factor stated), hospitals and
// parks within radii the manager chooses. Nothing is stored: the place is the tenant's.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { MapResults } from '../../../../electron/api/map-methods.js';
import { api } from '../../api/client.js';

type Result = MapResults['map.surroundings'];
const SRC = 'surroundings';

export function SurroundingsPanel({ map }: { map: MlMap | null }) {
  const { t } = useTranslation();
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const [radii, setRadii] = useState({ stations: 1000, hospitals: 2000, parks: 1500 });
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  const look = async (x: number, y: number) => {
    setError(null);
    try {
      setResult(await api('map.surroundings', { lon: x, lat: y, radii }));
    } catch {
      setError(t('geo.near.outside'));
    }
  };

  useEffect(() => {
    if (!map) return;
    const click = (e: MapMouseEvent) => {
      setLon(e.lngLat.lng.toFixed(6));
      setLat(e.lngLat.lat.toFixed(6));
      void look(e.lngLat.lng, e.lngLat.lat);
    };
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map, radii]);

  useEffect(() => {
    if (!map || !result) return;
    const data = {
      type: 'FeatureCollection' as const,
      features: [result.circle, { type: 'Feature' as const, properties: { kind: 'listing' }, geometry: { type: 'Point' as const, coordinates: [result.at.lon, result.at.lat] } }],
    };
    const src = map.getSource(SRC) as GeoJSONSource | undefined;
    if (src) src.setData(data);
    else {
      map.addSource(SRC, { type: 'geojson', data });
      map.addLayer({ id: `${SRC}::ring`, type: 'line', source: SRC, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#7c3aed', 'line-width': 2, 'line-dasharray': [2, 1] } });
      map.addLayer({ id: `${SRC}::pin`, type: 'circle', source: SRC, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#7c3aed', 'circle-radius': 8, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
    }
    map.fitBounds([[result.bbox[0], result.bbox[1]], [result.bbox[2], result.bbox[3]]], { padding: 20, duration: 0 });
  }, [map, result]);
  useEffect(() => () => {
    if (!map || !map.getStyle()) return;
    for (const id of [`${SRC}::ring`, `${SRC}::pin`]) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SRC)) map.removeSource(SRC);
  }, [map]);

  return (
    <section className="geo-panel-section" aria-labelledby="near-h">
      <h2 id="near-h">{t('geo.near.title')}</h2>
      <p className="muted small">{t('geo.near.hint')}</p>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void look(Number(lon), Number(lat)); }}>
        <label className="small">{t('geo.near.lon')}<input value={lon} inputMode="decimal" onChange={(e) => setLon(e.target.value)} /></label>
        <label className="small">{t('geo.near.lat')}<input value={lat} inputMode="decimal" onChange={(e) => setLat(e.target.value)} /></label>
        <button type="submit">{t('geo.near.show')}</button>
      </form>
      <fieldset className="row">
        <legend className="small">{t('geo.near.radii')}</legend>
        {(['stations', 'hospitals', 'parks'] as const).map((k) => (
          <label key={k} className="small">
            {t(`geo.near.${k}`)} (m)
            <input type="number" min={50} max={10000} step={50} value={radii[k]} onChange={(e) => setRadii({ ...radii, [k]: Number(e.target.value) })} />
          </label>
        ))}
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <>
          {result.layers.map((l) => (
            <div key={l.id}>
              <h3 className="small">{t(`geo.near.${l.id}`, { defaultValue: l.id })} — {t('geo.near.within', { r: l.radius.toLocaleString(), n: l.count })}</h3>
              <ol className="near-list small" aria-label={t(`geo.near.${l.id}`, { defaultValue: l.id })}>
                {l.nearest.map((p, i) => (
                  <li key={i}>
                    <strong>{p.name}</strong> {t('geo.near.distance', { d: p.distance.toLocaleString() })}
                    {l.id === 'stations' && <> · {t('geo.near.walk', { w: p.walk.toLocaleString(), min: p.walkMinutes })}</>}
                  </li>
                ))}
              </ol>
            </div>
          ))}
          <p className="muted small">{t('geo.near.walkNote', { f: result.walkFactor, v: Math.round(result.walkMetresPerMinute) })}</p>
        </>
      )}
    </section>
  );
}
