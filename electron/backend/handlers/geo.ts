// Handlers of the geo module's API methods (see electron/api/geo-methods.ts).
import type { GeoResults } from '../../api/geo-methods.js';
import type { HandlerMap } from '../context.js';

export const geoHandlers: Pick<HandlerMap, keyof GeoResults> = {};
