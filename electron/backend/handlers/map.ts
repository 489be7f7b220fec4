// The map's backend side: vector tiles cut on demand from the tile service (map/tiles.ts).
import { ApiError } from '../../api/errors.js';
import type { MapResults } from '../../api/map-methods.js';
import type { HandlerMap } from '../context.js';

export const mapHandlers: Pick<HandlerMap, keyof MapResults> = {
  'map.tiles.get': async ({ layer, z, x, y }, ctx) => {
    if (x >= 2 ** z || y >= 2 ** z) throw new ApiError('VALIDATION', { ko: '타일 좌표가 범위를 벗어났습니다.', en: 'Tile coordinates out of range.' }, [{ path: 'x', message: { ko: '범위를 벗어났습니다.', en: 'Out of range.' } }]);
    const bytes = ctx.tiles.tile(layer, z, x, y);
    if (!bytes) throw new ApiError('NOT_FOUND', { ko: '지도 레이어를 찾을 수 없습니다.', en: 'Map layer not found.' });
    return bytes;
  },
};
