// The map's backend side: vector tiles cut on demand from the tile service (map/tiles.ts).
import { ApiError } from '../../api/errors.js';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import type { FeatureCollection } from 'geojson';
import { surroundings, type SurroundingsLayer } from '../map/surroundings.js';
import { searchAddressPoints } from '../map/address-search.js';
import path from 'node:path';
import type { AttributeStyle, BasemapView, MapLayerView, MapResults } from '../../api/map-methods.js';
import { insertMapLayer, listMapLayers, removeMapLayer, setMapLayerStyle, studyVersions, type MapLayerRow } from '../../../data/repos/map-layers.js';
import type { InspectInput, LayerImportOutput } from '../jobs/tasks.js';
import { getSetting, setSetting } from '../../../data/repos/settings.js';
import { cspWithBasemap } from '../../host/csp.js';
import type { HandlerContext, HandlerMap } from '../context.js';
import type { Queryable } from '../../../data/db/sqlite.js';
import { SEOUL_LAYERS, shippedAvailable, shippedGeoJson, type ShippedId } from '../map/shipped.js';
import { attributeRows, featurePage, fieldSummaries, type AttributeRows } from '../map/attributes.js';

const OFF: BasemapView = { enabled: false, url: '', attribution: '' };

export async function readBasemap(db: HandlerContext['db']): Promise<BasemapView> {
  const raw = await getSetting(db, 'map.basemap');
  return raw ? { ...OFF, ...(JSON.parse(raw) as BasemapView) } : OFF;
}

/** The page's CSP for both hosts (app:// in the desktop app, the loopback host): the basemap's host joins it only while switched on. */
export async function pageCsp(db: HandlerContext['db']): Promise<string> {
  const b = await readBasemap(db);
  return cspWithBasemap(b.enabled ? b.url : null);
}

function layerView(r: MapLayerRow): MapLayerView {
  const meta = JSON.parse(r.report_json) as { report: Record<string, unknown>; bbox: MapLayerView['bbox']; geometry: MapLayerView['geometry'] };
  return { id: r.id, name: r.name, report: meta.report, bbox: meta.bbox, geometry: meta.geometry, createdAt: r.created_at, ...(r.style_json ? { style: JSON.parse(r.style_json) as AttributeStyle } : {}) };
}

// The shipped layers' saved styles by attribute (by layer name), one setting.
const SHIPPED_STYLES = 'map.shippedStyles';
async function shippedStyles(db: Queryable): Promise<Partial<Record<ShippedId, AttributeStyle>>> {
  const raw = await getSetting(db, SHIPPED_STYLES);
  return raw ? (JSON.parse(raw) as Partial<Record<ShippedId, AttributeStyle>>) : {};
}
const isShipped = (id: string): id is ShippedId => SEOUL_LAYERS.some((l) => l.id === id);
const shippedRows = new Map<ShippedId, AttributeRows>();

const importsDir = (ctx: HandlerContext) => path.join(path.dirname(ctx.filesDir), 'geo', 'imports');

// The attribute rows of the last few imported layers asked about (the table pages through them).
const attrCache = new Map<string, AttributeRows>();

async function layerAttributes(ctx: HandlerContext, id: string): Promise<AttributeRows> {
  if (isShipped(id)) {
    let rows = shippedRows.get(id);
    const fc = rows ? null : shippedGeoJson(id);
    if (!rows && !fc) throw new ApiError('NOT_FOUND', { ko: '이 설치본에는 해당 기본 레이어가 없습니다.', en: 'This installation lacks that shipped layer.' });
    if (!rows) shippedRows.set(id, (rows = attributeRows(fc!)));
    return rows;
  }
  const row = (await listMapLayers(ctx.db)).find((r) => r.id === id);
  if (!row) throw new ApiError('NOT_FOUND', { ko: '레이어를 찾을 수 없습니다.', en: 'Layer not found.' }, [{ path: 'id', message: { ko: '없는 레이어입니다.', en: 'No such layer.' } }]);
  const key = `${importsDir(ctx)}/${row.file}`;
  let t = attrCache.get(key);
  if (!t) {
    t = attributeRows(JSON.parse(await readFile(path.join(importsDir(ctx), row.file), 'utf8')) as FeatureCollection);
    attrCache.set(key, t);
    while (attrCache.size > 3) attrCache.delete(attrCache.keys().next().value!);
  } else {
    attrCache.delete(key);
    attrCache.set(key, t);
  }
  return t;
}

export const mapHandlers: Pick<HandlerMap, keyof MapResults> = {
  'map.surroundings': async ({ lon, lat, radii, layers }, ctx) => {
    const list: SurroundingsLayer[] = [];
    for (const id of ['stations', 'hospitals', 'parks'] as const) {
      const fc = shippedGeoJson(id);
      if (fc) list.push({ id, features: fc.features, radius: radii[id], limit: id === 'stations' ? 5 : 10 });
    }
    const rows = await listMapLayers(ctx.db);
    for (const l of layers) {
      const row = rows.find((r) => r.id === l.id);
      if (!row) throw new ApiError('NOT_FOUND', { ko: '레이어를 찾을 수 없습니다.', en: 'Layer not found.' }, [{ path: 'layers', message: { ko: '없는 레이어입니다.', en: 'No such layer.' } }]);
      const fc = JSON.parse(await readFile(path.join(importsDir(ctx), row.file), 'utf8')) as FeatureCollection;
      list.push({ id: `import:${row.id}`, features: fc.features, radius: l.radius, limit: 10 });
    }
    return surroundings(lon, lat, list);
  },
  'map.layers.add': async ({ file, name, encoding, crs, x, y }, ctx) => {
    const input: InspectInput = { path: ctx.files.resolve(file.ref), encoding, crs: crs ? (Number(crs.slice(5)) as InspectInput['crs']) : undefined, x, y };
    const jobId = ctx.jobs.start('map.layer.import', input, {
      finalize: async (raw, workDir) => {
        const out = raw as LayerImportOutput;
        const id = randomUUID();
        await mkdir(importsDir(ctx), { recursive: true });
        await rename(path.join(workDir, out.output), path.join(importsDir(ctx), `${id}.geojson`));
        await ctx.db.tx((q) => insertMapLayer(q, ctx.actor(), { id, name, file: `${id}.geojson`, report: { report: out.report, bbox: out.bbox, geometry: out.geometry } }));
        const row = (await listMapLayers(ctx.db)).find((r) => r.id === id)!;
        return layerView(row);
      },
    });
    return { jobId };
  },
  'map.layers.list': async (_i, ctx) => (await listMapLayers(ctx.db)).map(layerView),
  'map.layers.fields': async ({ id, maxValues }, ctx) => fieldSummaries(await layerAttributes(ctx, id), maxValues),
  'map.layers.setStyle': async ({ id, style }, ctx) => {
    const keep = style && style.mode !== 'single' ? style : null;
    if (isShipped(id)) {
      await ctx.db.tx(async (q) => {
        const all = await shippedStyles(q);
        if (keep) all[id] = keep;
        else delete all[id];
        await setSetting(q, SHIPPED_STYLES, JSON.stringify(all));
      });
    } else if (!(await ctx.db.tx((q) => setMapLayerStyle(q, ctx.actor(), id, keep)))) {
      throw new ApiError('NOT_FOUND', { ko: '레이어를 찾을 수 없습니다.', en: 'Layer not found.' }, [{ path: 'id', message: { ko: '없는 레이어입니다.', en: 'No such layer.' } }]);
    }
    return { id, style: keep };
  },
  'map.layers.features': async ({ id, ...q }, ctx) => featurePage(await layerAttributes(ctx, id), q),
  'map.layers.remove': async ({ id }, ctx) => {
    const row = await ctx.db.tx((q) => removeMapLayer(q, ctx.actor(), id));
    if (!row) throw new ApiError('NOT_FOUND', { ko: '레이어를 찾을 수 없습니다.', en: 'Layer not found.' });
    attrCache.delete(`${importsDir(ctx)}/${row.file}`);
    await rm(path.join(importsDir(ctx), row.file), { force: true });
    return { id };
  },
  'map.layers.search': async ({ layerId, query }, ctx) => {
    const row = (await listMapLayers(ctx.db)).find((r) => r.id === layerId);
    if (!row) throw new ApiError('NOT_FOUND', { ko: '레이어를 찾을 수 없습니다.', en: 'Layer not found.' });
    const fc = JSON.parse(await readFile(path.join(importsDir(ctx), row.file), 'utf8')) as FeatureCollection;
    return searchAddressPoints(fc.features, query, 20);
  },
  'map.studyVersions.list': async ({ studyId }, ctx) => studyVersions(ctx.db, studyId),
  'map.basemap.get': async (_i, ctx) => readBasemap(ctx.db),
  'map.basemap.set': async (input, ctx) => {
    await ctx.db.tx((q) => setSetting(q, 'map.basemap', JSON.stringify(input)));
    return readBasemap(ctx.db);
  },
  'map.shipped.list': async (_i, ctx) => {
    const styles = await shippedStyles(ctx.db);
    return SEOUL_LAYERS.map(({ file: _f, ...l }) => ({ ...l, available: shippedAvailable(l.id), ...(styles[l.id] ? { style: styles[l.id] } : {}) }));
  },
  'map.shipped.get': async ({ id }) => {
    const fc = shippedGeoJson(id);
    if (!fc) throw new ApiError('NOT_FOUND', { ko: '이 설치본에는 해당 기본 레이어가 없습니다.', en: 'This installation lacks that shipped layer.' });
    return fc;
  },
  'map.parcels.get': async ({ studyId, index }, ctx) => {
    const p = ctx.tiles.parcel(studyId, index);
    if (!p) throw new ApiError('NOT_FOUND', { ko: '필지를 찾을 수 없습니다. 분석을 다시 실행하세요.', en: 'Parcel not found. Run the study again.' });
    return p;
  },
  'map.tiles.get': async ({ layer, z, x, y }, ctx) => {
    if (x >= 2 ** z || y >= 2 ** z) throw new ApiError('VALIDATION', { ko: '타일 좌표가 범위를 벗어났습니다.', en: 'Tile coordinates out of range.' }, [{ path: 'x', message: { ko: '범위를 벗어났습니다.', en: 'Out of range.' } }]);
    const bytes = ctx.tiles.tile(layer, z, x, y);
    if (!bytes) throw new ApiError('NOT_FOUND', { ko: '지도 레이어를 찾을 수 없습니다.', en: 'Map layer not found.' });
    return bytes;
  },
};
