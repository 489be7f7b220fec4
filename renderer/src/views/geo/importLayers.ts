// Imported layers on the map: vector tiles of the file converted in the data folder.
import type { MapLayerView } from '../../../../electron/api/map-methods.js';
import { PALETTE } from './layers.js';
import type { GeoState } from './store.js';

export function importLayer(v: MapLayerView, upsert: GeoState['upsert']) {
  const fields = (v.report.fields as string[] | undefined) ?? [];
  upsert({
    id: `import-${v.id}`,
    kind: 'import',
    source: `import:${v.id}`,
    title: v.name,
    geometry: v.geometry,
    visible: true,
    opacity: 1,
    color: PALETTE[parseInt(v.id.slice(0, 2), 16) % PALETTE.length],
    labelField: fields.find((f) => /명$|name/i.test(f)),
    attributeFields: fields,
    style: v.style,
  });
}
