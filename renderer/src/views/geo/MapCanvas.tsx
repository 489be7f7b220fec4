// The MapLibre canvas: offline base style, the ansim:// tile protocol, the attribution control
// (fed by each source's attribution), and an idle marker for tests and screenshots.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttributionControl, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { registerTileProtocol } from '../../api/tiles.js';
import { baseStyle, SEOUL_BOUNDS, type Basemap } from './mapStyle.js';

setWorkerUrl(workerUrl);
registerTileProtocol();

export interface MapCanvasProps {
  label: string;
  basemap?: Basemap | null;
  onReady(map: MlMap): void;
  className?: string;
  bounds?: [[number, number], [number, number]];
  interactive?: boolean;
}

export function MapCanvas({ label, basemap, onReady, className, bounds, interactive = true }: MapCanvasProps) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const [basemapDown, setBasemapDown] = useState(false);
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => {
    const container = el.current!;
    const map = new MlMap({
      container,
      style: baseStyle(basemap),
      bounds: bounds ?? SEOUL_BOUNDS,
      attributionControl: false,
      interactive,
      maxZoom: 19,
      // Labels and basemap tiles appear at once instead of fading in over 300 ms: a planner panning
      // across a large layer sees the settled map sooner (the map is 'idle' only after fades end).
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
    if (interactive) map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    const busy = () => container.setAttribute('data-idle', 'false');
    map.on('movestart', busy);
    map.on('dataloading', busy);
    map.on('idle', () => container.setAttribute('data-idle', 'true'));
    map.on('load', () => ready.current(map));
    // An unreachable basemap server (offline on a site visit) is said once beside the map; the map
    // keeps drawing its own layers. Other errors still reach the console (a listener silences them).
    map.on('error', (e) => {
      if ((e as { sourceId?: string }).sourceId === 'basemap') setBasemapDown(true);
      else console.error(e.error ?? e);
    });
    // Benchmarks (bench/map-pan.ts) and e2e tests drive the map and wait for its events through
    // this handle. Only a browser under automation (navigator.webdriver, set by playwright, never
    // by the desktop app) gets it; the page holds nothing the handle would add to.
    const hook = globalThis as { __ansimMap?: MlMap };
    if (navigator.webdriver) hook.__ansimMap = map;
    return () => {
      if (hook.__ansimMap === map) delete hook.__ansimMap;
      map.remove();
    };
    // The map is created once per mount (its parent waits for the basemap setting before mounting it).
  }, []);
  return (
    <>
      <div ref={el} className={className ?? 'map-canvas'} role="region" aria-label={label} data-idle="false" />
      {basemapDown && <p className="map-notice muted small" role="status">{t('geo.basemap.unreachable')}</p>}
    </>
  );
}
