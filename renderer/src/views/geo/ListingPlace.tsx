// A listing's place and its surroundings (입지 안내) on the case screen: a small offline map where
// the manager clicks to place the listing, types coordinates, or searches an address-points layer
// the center imported; the place is saved encrypted under the client's key (listings.setLocation).
// Below, the nearest stations (straight line and an estimated walk, with the factor stated),
// hospitals, parks and the center's point layers within the radii the manager chooses.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { MapLayerView, MapResults } from '../../../../electron/api/map-methods.js';
import type { ListingView } from '../../../../electron/api/views.js';
import { api } from '../../api/client.js';
import { MapCanvas } from './MapCanvas.js';

type Result = MapResults['map.surroundings'];
type Hit = MapResults['map.layers.search'][number];
const SRC = 'listing-place';
const inSeoul = (lon: number, lat: number) => Number.isFinite(lon) && Number.isFinite(lat) && lon >= 124 && lon <= 132 && lat >= 33 && lat <= 39;

export function ListingPlace({ listing, title, onChange, onClose }: { listing: ListingView; title: string; onChange(l: ListingView): void; onClose(): void }) {
  const { t } = useTranslation();
  const [map, setMap] = useState<MlMap | null>(null);
  const [lon, setLon] = useState(listing.lon?.toFixed(6) ?? '');
  const [lat, setLat] = useState(listing.lat?.toFixed(6) ?? '');
  const [radii, setRadii] = useState({ stations: 1000, hospitals: 2000, parks: 1500 });
  const [layers, setLayers] = useState<MapLayerView[]>([]);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [searchLayer, setSearchLayer] = useState('');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sources, setSources] = useState<string[]>([]);

  useEffect(() => {
    // The attributions of what the map draws: the shipped stations, hospitals and parks.
    void api('map.shipped.list', {}).then((ls) => setSources([...new Set(ls.filter((l) => ['stations', 'hospitals', 'parks'].includes(l.id) && l.available).map((l) => l.attribution))]));
    void api('map.layers.list', {}).then((ls) => {
      const points = ls.filter((l) => l.geometry === 'point');
      setLayers(points);
      if (points[0]) setSearchLayer(points[0].id);
    });
  }, []);

  const save = async (x: number, y: number, source: 'click' | 'typed' | 'address') => {
    setError(null);
    if (!inSeoul(x, y)) return setError(t('listingMap.invalid'));
    setLon(x.toFixed(6));
    setLat(y.toFixed(6));
    onChange(await api('listings.setLocation', { listingId: listing.id, lon: x, lat: y, source }));
  };

  // The surroundings of the saved place, again whenever the radii or layers change.
  useEffect(() => {
    if (listing.lon == null || listing.lat == null) return setResult(null);
    const extra = Object.entries(chosen).map(([id, radius]) => ({ id, radius }));
    void api('map.surroundings', { lon: listing.lon, lat: listing.lat, radii, layers: extra }).then(setResult, () => setError(t('listingMap.invalid')));
  }, [listing.lon, listing.lat, radii, chosen]);

  useEffect(() => {
    if (!map) return;
    const click = (e: MapMouseEvent) => void save(e.lngLat.lng, e.lngLat.lat, 'click');
    map.on('click', click);
    return () => void map.off('click', click);
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const features: GeoJSON.Feature[] = [];
    if (result) {
      features.push(result.circle);
      for (const l of result.layers) for (const p of l.nearest) features.push({ type: 'Feature', properties: { kind: l.id, name: p.name }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
      features.push({ type: 'Feature', properties: { kind: 'listing' }, geometry: { type: 'Point', coordinates: [result.at.lon, result.at.lat] } });
    }
    const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
    const src = map.getSource(SRC) as GeoJSONSource | undefined;
    if (src) src.setData(data);
    else {
      map.addSource(SRC, { type: 'geojson', data });
      map.addLayer({ id: `${SRC}::ring`, type: 'line', source: SRC, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#c2410c', 'line-width': 2, 'line-dasharray': [2, 1] } });
      map.addLayer({
        id: `${SRC}::places`, type: 'circle', source: SRC, filter: ['all', ['==', ['geometry-type'], 'Point'], ['!=', ['get', 'kind'], 'listing']],
        paint: { 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1, 'circle-color': ['match', ['get', 'kind'], 'stations', '#1d4ed8', 'hospitals', '#b91c1c', 'parks', '#15803d', '#6b21a8'] },
      });
      map.addLayer({ id: `${SRC}::names`, type: 'symbol', source: SRC, filter: ['==', ['get', 'kind'], 'stations'], layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-anchor': 'top', 'text-offset': [0, 0.9] }, paint: { 'text-color': '#1e3a8a', 'text-halo-color': '#fff', 'text-halo-width': 1.5 } });
      map.addLayer({ id: `${SRC}::pin`, type: 'circle', source: SRC, filter: ['==', ['get', 'kind'], 'listing'], paint: { 'circle-color': '#ea580c', 'circle-radius': 8, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } });
    }
    if (result) map.fitBounds([[result.bbox[0], result.bbox[1]], [result.bbox[2], result.bbox[3]]], { padding: 16, duration: 0 });
  }, [map, result]);

  const search = async () => {
    if (!searchLayer || !query.trim()) return;
    setHits(await api('map.layers.search', { layerId: searchLayer, query }));
  };
  const name = (id: string) => (id.startsWith('import:') ? layers.find((l) => `import:${l.id}` === id)?.name ?? id : t(`geo.near.${id}`, { defaultValue: id }));

  return (
    <section className="listing-place" aria-labelledby={`place-h-${listing.id}`} data-testid="listing-place">
      <div className="row">
        <h3 id={`place-h-${listing.id}`} className="grow">{t('listingMap.title', { listing: title })}</h3>
        <button type="button" onClick={onClose}>{t('listingMap.close')}</button>
      </div>
      <p className="muted small">{t('listingMap.hint')}</p>
      <div className="listing-place-map">
        <MapCanvas label={t('listingMap.mapLabel')} onReady={setMap} className="map-canvas" />
      </div>
      {result && sources.length > 0 && <p className="muted small" data-testid="place-sources">{sources.join(' · ')}</p>}
      <p className="small" data-testid="place-status">
        {listing.lon != null && listing.lat != null
          ? t('listingMap.placed', { lon: listing.lon.toFixed(6), lat: listing.lat.toFixed(6), source: t(`listingMap.source.${listing.locationSource ?? 'typed'}`) })
          : t('listingMap.notPlaced')}
      </p>
      <form className="row" onSubmit={(e) => { e.preventDefault(); void save(Number(lon), Number(lat), 'typed'); }}>
        <label className="small">{t('listingMap.lon')}<input name="lon" value={lon} inputMode="decimal" onChange={(e) => setLon(e.target.value)} /></label>
        <label className="small">{t('listingMap.lat')}<input name="lat" value={lat} inputMode="decimal" onChange={(e) => setLat(e.target.value)} /></label>
        <button type="submit" className="primary">{t('listingMap.place')}</button>
        {listing.lon != null && <button type="button" onClick={() => void api('listings.clearLocation', { listingId: listing.id }).then(onChange)}>{t('listingMap.clear')}</button>}
      </form>
      <fieldset>
        <legend className="small">{t('listingMap.search')}</legend>
        {layers.length === 0 ? <p className="muted small">{t('listingMap.noAddressLayer')}</p> : (
          <form className="row" onSubmit={(e) => { e.preventDefault(); void search(); }}>
            <label className="small">{t('listingMap.searchLayer')}
              <select value={searchLayer} onChange={(e) => setSearchLayer(e.target.value)}>{layers.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}</select>
            </label>
            <label className="small">{t('listingMap.searchQuery')}<input value={query} onChange={(e) => setQuery(e.target.value)} /></label>
            <button type="submit">{t('listingMap.searchGo')}</button>
          </form>
        )}
        {hits && (hits.length === 0 ? <p className="muted small">{t('listingMap.noHits')}</p> : (
          <ul className="small">
            {hits.map((h, i) => <li key={i}><button type="button" className="link" onClick={() => void save(h.lon, h.lat, 'address')}>{t('listingMap.useHit', { address: h.address })}</button></li>)}
          </ul>
        ))}
      </fieldset>
      <fieldset className="row">
        <legend className="small">{t('geo.near.radii')}</legend>
        {(['stations', 'hospitals', 'parks'] as const).map((k) => (
          <label key={k} className="small">{t('listingMap.radius', { name: t(`geo.near.${k}`) })}
            <input type="number" min={50} max={10000} step={50} value={radii[k]} onChange={(e) => { const v = Number(e.target.value); if (v >= 50 && v <= 10000) setRadii({ ...radii, [k]: v }); }} />
          </label>
        ))}
        {layers.map((l) => (
          <label key={l.id} className="small">
            <input type="checkbox" checked={l.id in chosen} onChange={(e) => { const next = { ...chosen }; if (e.target.checked) next[l.id] = 500; else delete next[l.id]; setChosen(next); }} />
            {t('listingMap.otherLayers')}: {l.name}
          </label>
        ))}
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <div data-testid="place-surroundings">
          {result.layers.map((l) => (
            <div key={l.id}>
              <h4 className="small">{name(l.id)} — {t('geo.near.within', { r: l.radius.toLocaleString(), n: l.count })}</h4>
              <ol className="near-list small" aria-label={name(l.id)}>
                {l.nearest.map((p, i) => (
                  <li key={i}>
                    <strong>{p.name}</strong> {t('geo.near.distance', { d: p.distance.toLocaleString() })} · {t('geo.near.walk', { w: p.walk.toLocaleString(), min: p.walkMinutes })}
                  </li>
                ))}
              </ol>
            </div>
          ))}
          <p className="muted small">{t('geo.near.walkNote', { f: result.walkFactor, v: Math.round(result.walkMetresPerMinute) })}</p>
        </div>
      )}
    </section>
  );
}
