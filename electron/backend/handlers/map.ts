// The map's backend side: vector tiles cut on demand from the tile service (map/tiles.ts).
import { ApiError } from '../../api/errors.js';
import type { BasemapView, MapResults } from '../../api/map-methods.js';
import { getSetting, setSetting } from '../../../data/repos/settings.js';
import type { HandlerContext, HandlerMap } from '../context.js';
import { SHIPPED, shippedFile, shippedGeoJson } from '../map/shipped.js';

const OFF: BasemapView = { enabled: false, url: '', attribution: '' };

export async function readBasemap(db: HandlerContext['db']): Promise<BasemapView> {
  const raw = await getSetting(db, 'map.basemap');
  return raw ? { ...OFF, ...(JSON.parse(raw) as BasemapView) } : OFF;
}

export const mapHandlers: Pick<HandlerMap, keyof MapResults> = {
  'map.basemap.get': async (_i, ctx) => readBasemap(ctx.db),
  'map.basemap.set': async (input, ctx) => {
    await ctx.db.tx((q) => setSetting(q, 'map.basemap', JSON.stringify(input)));
    return readBasemap(ctx.db);
  },
  'map.shipped.list': async () => SHIPPED.map(({ file: _f, ...l }) => ({ ...l, available: shippedFile({ file: _f, ...l }) !== null })),
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
