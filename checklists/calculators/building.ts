// Building types as managers name them; Korean names are accepted on input.
import { z } from 'zod';

export const BUILDING_TYPES = ['apartment', 'rowhouse', 'multiplex', 'officetel', 'detached', 'multiHousehold', 'other'] as const;
export type BuildingType = (typeof BUILDING_TYPES)[number];

export const BUILDING_LABELS: Record<BuildingType, { ko: string; en: string }> = {
  apartment: { ko: '아파트', en: 'apartment' },
  rowhouse: { ko: '연립', en: 'row house' },
  multiplex: { ko: '다세대', en: 'multiplex (villa)' },
  officetel: { ko: '오피스텔', en: 'officetel' },
  detached: { ko: '단독', en: 'detached house' },
  multiHousehold: { ko: '다가구', en: 'multi-household house' },
  other: { ko: '기타', en: 'other' },
};

const KOREAN: Record<string, BuildingType> = {
  아파트: 'apartment', 연립: 'rowhouse', 연립주택: 'rowhouse', 다세대: 'multiplex', 다세대주택: 'multiplex', 빌라: 'multiplex',
  오피스텔: 'officetel', 단독: 'detached', 단독주택: 'detached', 다가구: 'multiHousehold', 다가구주택: 'multiHousehold', 기타: 'other',
};

export const buildingType = z.preprocess(
  (v) => (typeof v === 'string' && KOREAN[v.replace(/\s+/g, '')]) || v,
  z.enum(BUILDING_TYPES, { error: `must be one of ${BUILDING_TYPES.join(', ')} (or 아파트, 연립, 다세대, 오피스텔, 단독, 다가구)` }),
);
