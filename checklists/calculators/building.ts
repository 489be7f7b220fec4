// Building types as input to the calculators and the registry analysis: the service's one code
// list (checklists/common/vocabulary.ts); the Korean words users write are accepted too.
import { z } from 'zod';
import { BUILDING_TYPES, BUILDING_TYPE_LABELS, BUILDING_TYPE_WORDS_HINT, parseBuildingType, type BuildingType } from '../common/vocabulary.js';

export { BUILDING_TYPES, BUILDING_TYPE_LABELS as BUILDING_LABELS, type BuildingType };

export const buildingType = z.preprocess(
  (v) => (typeof v === 'string' && parseBuildingType(v)) || v,
  z.enum(BUILDING_TYPES, { error: `must be one of ${BUILDING_TYPES.join(', ')} (or ${BUILDING_TYPE_WORDS_HINT})` }),
);
