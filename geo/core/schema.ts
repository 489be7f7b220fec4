// The study document (saved by the API as JSON; documented in docs/SITE-STUDY.md).
import { z } from 'zod';

const msg = z.object({ ko: z.string(), en: z.string() });

export const layerSchema = z.object({
  /** A file path (command line; relative to the study file's folder). */
  path: z.string().min(1).optional(),
  /** A file reference the user picked in the app (API; resolved by the backend, never a raw path). */
  ref: z.string().min(1).max(400).optional(),
  encoding: z.enum(['CP949', 'UTF-8']).optional(),
  crs: z.string().optional(), // "EPSG:5174" … overrides .prj / detection
  x: z.string().optional(),
  y: z.string().optional(),
  /** Only features matching this attribute filter are used (e.g. open hospitals). */
  where: z.lazy(() => attrTest).optional(),
}).refine((l) => (l.path === undefined) !== (l.ref === undefined), { message: 'give the layer a path (command line) or a ref (a file picked in the app), not both' });

const attrTest = z.object({
  field: z.string(),
  in: z.array(z.union([z.string(), z.number()])).optional(),
  notIn: z.array(z.union([z.string(), z.number()])).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type AttrTest = z.infer<typeof attrTest>;

const constraintSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('attribute'), code: z.string(), label: msg.optional(), ...attrTest.shape }),
  z.object({
    type: z.literal('overlap'), code: z.string(), label: msg.optional(),
    layer: z.string(), where: attrTest.optional(),
    /** Fails when more than this share of the parcel lies in the layer's polygons (0 = any overlap). */
    maxShare: z.number().min(0).max(1).default(0),
    /** 'layer': the shares of all the layer's polygons are summed; 'feature': any single polygon's share counts. */
    per: z.enum(['layer', 'feature']).default('layer'),
  }),
  z.object({
    type: z.literal('distance'), code: z.string(), label: msg.optional(),
    layer: z.string(), min: z.number().optional(), max: z.number().optional(),
  }),
]);
export type Constraint = z.infer<typeof constraintSchema>;

export const transformSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear'), min: z.number(), max: z.number(), invert: z.boolean().default(false) }),
  z.object({ type: z.literal('piecewise'), points: z.array(z.tuple([z.number(), z.number()])).min(2) }),
  z.object({ type: z.literal('msLarge'), mean: z.number(), sd: z.number().positive(), a: z.number().default(1), b: z.number().default(1) }),
  z.object({ type: z.literal('msSmall'), mean: z.number(), sd: z.number().positive(), a: z.number().default(1), b: z.number().default(1) }),
  z.object({ type: z.literal('gaussian'), mid: z.number(), spread: z.number().positive() }),
  z.object({ type: z.literal('near'), mid: z.number(), spread: z.number().positive() }),
  z.object({ type: z.literal('categorical'), table: z.record(z.string(), z.number().min(0).max(1)), default: z.number().min(0).max(1).default(0) }),
]);
export type Transform = z.infer<typeof transformSchema>;

const sourceSchema = z.discriminatedUnion('type', [
  /**
   * Distance (m) to the nearest feature of a point layer: from each parcel's centroid, area-weighted
   * over the site ('parcel', the default), or from the merged site outline ('site': 0 inside or on it).
   */
  z.object({ type: z.literal('distance'), layer: z.string(), from: z.enum(['parcel', 'site']).default('parcel') }),
  /** Number of a point layer's features within `radius` m of the parcel's centroid ('parcel') or of the site's outline ('site'). */
  z.object({ type: z.literal('countWithin'), layer: z.string(), radius: z.number().positive(), from: z.enum(['parcel', 'site']).default('parcel') }),
  /** A parcel attribute (numeric, or categorical with a categorical transform). */
  z.object({ type: z.literal('attribute'), field: z.string() }),
  /** An attribute of the district polygon containing the parcel's centroid. */
  z.object({ type: z.literal('district'), layer: z.string(), field: z.string() }),
  /** Site level: the merged site's area (m²). */
  z.object({ type: z.literal('siteArea') }),
  /** Site level: Polsby–Popper compactness 4πA/P² of the merged outline. */
  z.object({ type: z.literal('compactness') }),
]);
export type Source = z.infer<typeof sourceSchema>;

const criterionSchema = z.object({
  id: z.string().min(1),
  label: msg.optional(),
  weight: z.number().min(0).default(1),
  source: sourceSchema,
  transform: transformSchema.optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const studySchema = z.object({
  name: z.string().default('study'),
  layers: z.record(z.string(), layerSchema).refine((l) => 'parcels' in l, { message: 'layers.parcels is required' }),
  constraints: z.array(constraintSchema).default([]),
  criteria: z.array(criterionSchema).min(1),
  ahp: z.object({ criteria: z.array(z.string()).min(2), matrix: z.array(z.array(z.number().positive())) }).optional(),
  scoring: z.object({ method: z.enum(['weightedSum', 'weightedProduct']).default('weightedSum') }).default({ method: 'weightedSum' }),
  assembly: z
    .object({
      snapTolerance: z.number().min(0).max(5).default(0.3),
      crossRoadsNarrowerThan: z.number().positive().nullable().default(null),
      roadField: z.string().default('지목'),
      roadValues: z.array(z.string()).default(['도']),
      minArea: z.number().min(0).default(30000),
      targetArea: z.number().positive().default(100000),
      areaSource: z.enum(['ledger', 'planar']).default('ledger'),
      ledgerField: z.string().default('토지면적'),
    })
    .default({ snapTolerance: 0.3, crossRoadsNarrowerThan: null, roadField: '지목', roadValues: ['도'], minArea: 30000, targetArea: 100000, areaSource: 'ledger', ledgerField: '토지면적' }),
  sensitivity: z
    .object({ draws: z.number().int().min(0).max(100000).default(1000), perturbation: z.number().min(0).max(1).default(0.2), top: z.number().int().positive().default(5), seed: z.number().int().default(1) })
    .default({ draws: 1000, perturbation: 0.2, top: 5, seed: 1 }),
  /** Parcel attribute shown as the parcel id (PNU). */
  idField: z.string().default('PNU'),
});
export type Study = z.infer<typeof studySchema>;
export type StudyInput = z.input<typeof studySchema>;
