// Handlers of the rights module's API methods (see electron/api/rights-methods.ts).
import type { RightsResults } from '../../api/rights-methods.js';
import type { HandlerMap } from '../context.js';

export const rightsHandlers: Pick<HandlerMap, keyof RightsResults> = {};
