// The optional online basemap: off by default; the desk's settings switch it on with a tile URL
// template, its attribution and an optional key. Offline the map never needs it.
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Basemap } from './mapStyle.js';

/**
 * The basemap to draw: null when off, undefined until the setting has been read — the map waits
 * for it, because switching the style afterwards would remount the map under its layers.
 */
export function useBasemap(): Basemap | null | undefined {
  const [b, setB] = useState<Basemap | null | undefined>(undefined);
  useEffect(() => {
    api('map.basemap.get')
      .then((s) => setB(s.enabled && s.url ? { url: s.url.replace('{key}', s.key ?? ''), attribution: s.attribution } : null))
      .catch(() => setB(null));
  }, []);
  return b;
}
