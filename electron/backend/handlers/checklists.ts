// Handlers of the checklist module's API methods (see electron/api/checklist-methods.ts).
import type { ChecklistResults } from '../../api/checklist-methods.js';
import type { HandlerMap } from '../context.js';

export const checklistHandlers: Pick<HandlerMap, keyof ChecklistResults> = {};
