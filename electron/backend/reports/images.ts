// Photos go into reports at report resolution: phone photos are 3–12 MB each, a report page
// needs at most ~800 px on the long side. sharp re-encodes (honouring EXIF rotation) before
// pdf-lib ever sees the bytes, which keeps a 6-photo report well under 1 MB.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface PreparedImage {
  kind: 'jpeg' | 'png';
  bytes: Uint8Array;
  width: number;
  height: number;
}

export interface PrepareOptions {
  /** Longest side in pixels (never enlarged). */
  maxSide?: number;
  /** JPEG quality 1–100. */
  quality?: number;
  /**
   * 'jpeg' for photos; 'png' for line art such as signatures, where JPEG smears the strokes.
   * Transparency is flattened onto white either way (the page is white).
   */
  format?: 'jpeg' | 'png';
}

export const REPORT_PHOTO_MAX_SIDE = 800;
export const REPORT_PHOTO_QUALITY = 70;

// Recently prepared images, by content hash and options. A report is typically rendered several
// times in a row (preview, save as, print) and the viewing log shares photos with the checklists;
// decoding a phone photo is most of a report's cost, so it is done once. Bounded by total bytes.
const CACHE_LIMIT_BYTES = 32 * 1024 * 1024;
const cache = new Map<string, Promise<PreparedImage | null>>();
const cachedBytes = new Map<string, number>();
let cacheTotal = 0;

function remember(key: string, value: Promise<PreparedImage | null>): void {
  cache.set(key, value);
  void value.then((v) => {
    if (!cache.has(key)) return;
    const size = v?.bytes.length ?? 0;
    cachedBytes.set(key, size);
    cacheTotal += size;
    // Evict the oldest entries (Map keeps insertion order; hits are re-inserted).
    for (const oldest of cache.keys()) {
      if (cacheTotal <= CACHE_LIMIT_BYTES) break;
      cacheTotal -= cachedBytes.get(oldest) ?? 0;
      cachedBytes.delete(oldest);
      cache.delete(oldest);
    }
  });
}

/** Forgets all prepared images (for benchmarks that measure a cold render). */
export function clearPreparedImageCache(): void {
  cache.clear();
  cachedBytes.clear();
  cacheTotal = 0;
}

/**
 * Re-encodes one image for the report; resolves to null when the bytes are not a readable
 * image. Results are cached by content, so the same photo in a later render costs a hash.
 */
export function prepareImage(bytes: Uint8Array, options: PrepareOptions = {}): Promise<PreparedImage | null> {
  const key = `${createHash('sha256').update(bytes).digest('base64')}|${options.maxSide ?? ''}|${options.quality ?? ''}|${options.format ?? ''}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = encode(bytes, options);
  remember(key, value);
  return value;
}

async function encode(bytes: Uint8Array, options: PrepareOptions): Promise<PreparedImage | null> {
  const maxSide = options.maxSide ?? REPORT_PHOTO_MAX_SIDE;
  const format = options.format ?? 'jpeg';
  try {
    let pipeline = sharp(bytes, { failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' });
    pipeline =
      format === 'jpeg'
        ? pipeline.jpeg({ quality: options.quality ?? REPORT_PHOTO_QUALITY })
        : pipeline.png({ compressionLevel: 9, palette: true });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { kind: format, bytes: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    // A corrupt or unsupported file must not stop the whole report: the layout draws a placeholder.
    return null;
  }
}
