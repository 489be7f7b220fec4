// Handlers of the viewing module's API methods (see electron/api/viewing-methods.ts).
import type { ViewingResults } from '../../api/viewing-methods.js';
import type { HandlerMap } from '../context.js';

export const viewingHandlers: Pick<HandlerMap, keyof ViewingResults> = {};
