// Plain data types shared by the engine's core and its readers (no I/O here).
import type { Geometry } from 'geojson';
import type { CrsDecision } from './crs.js';
import type { RepairKind } from './geometry.js';
import type { GeoWarning, Msg } from './messages.js';

export type TextEncoding = 'UTF-8' | 'CP949';

export interface ImportedFeature {
  /** 1-based feature number in the source file. */
  n: number;
  /** Valid geometry in the source CRS. */
  geometry: Geometry;
  /** Attributes with their original names and decoded values. */
  properties: Record<string, unknown>;
}

export interface SkippedFeature {
  feature: number;
  reason: string;
  message: Msg;
}

export interface ImportReport {
  format: 'shapefile' | 'geojson' | 'csv';
  features: number;
  crs: string;
  crsSource: CrsDecision['source'];
  crsReason: Msg;
  encoding: TextEncoding | null;
  fields: string[];
  warnings: GeoWarning[];
  repaired: number;
  repairs: Partial<Record<RepairKind, number>>;
  skipped: SkippedFeature[];
}
