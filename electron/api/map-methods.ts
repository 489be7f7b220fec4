// API methods of the map: vector tiles of large layers (binary on both transports).
import { z } from 'zod';

const tileLayer = z.string().regex(/^(run|sites|import):[A-Za-z0-9-]{1,64}$/);

export const mapInputs = {
  /** One Mapbox Vector Tile. Over HTTP also as GET /tiles/<layer>/<z>/<x>/<y> (Bearer token). */
  'map.tiles.get': z.object({
    layer: tileLayer,
    z: z.number().int().min(0).max(22),
    x: z.number().int().min(0),
    y: z.number().int().min(0),
  }),
} as const;

export interface MapResults {
  /** MVT bytes (empty when the tile holds nothing); a Uint8Array over IPC. */
  'map.tiles.get': Uint8Array;
}
