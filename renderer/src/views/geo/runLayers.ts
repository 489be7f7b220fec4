// Puts a study run on the map: its parcels (vector tiles of the compact per-parcel result,
// coloured by pass / failing constraint / score) and its sites (outlined and numbered).
import type { TFunction } from 'i18next';
import type { GeoRunView } from '../../../../electron/api/geo-methods.js';
import { useGeo } from './store.js';

export function showRun(studyId: string, run: GeoRunView, t: TFunction) {
  const failures = (run.summary.parcels as { failures?: Record<string, number> } | undefined)?.failures ?? {};
  const codes = Object.entries(failures).sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const { upsert } = useGeo.getState();
  upsert({ id: `run-${studyId}`, kind: 'run', source: `run:${studyId}`, title: t('geo.layers.parcels'), geometry: 'polygon', visible: true, opacity: 1, color: '#999', resultCodes: codes });
  upsert({ id: `sites-${studyId}`, kind: 'sites', source: `sites:${studyId}`, title: t('geo.layers.sites'), geometry: 'polygon', visible: true, opacity: 1, color: '#111827' });
}
