// The optional online basemap: off by default; the desk's settings switch it on with a tile URL
// template, its attribution and an optional key. Offline the map never needs it.
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Basemap } from './mapStyle.js';

export function useBasemap(): Basemap | null {
  const [b, setB] = useState<Basemap | null>(null);
  useEffect(() => {
    api('map.basemap.get')
      .then((s) => setB(s.enabled && s.url ? { url: s.url.replace('{key}', s.key ?? ''), attribution: s.attribution } : null))
      .catch(() => setB(null));
  }, []);
  return b;
}
