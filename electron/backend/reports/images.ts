// Photos go into reports at report resolution: phone photos are 3–12 MB each, a report page
// needs at most ~800 px on the long side. sharp re-encodes (honouring EXIF rotation) before
// pdf-lib ever sees the bytes, which keeps a 6-photo report well under 1 MB.
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

/** Re-encodes one image for the report; resolves to null when the bytes are not a readable image. */
export async function prepareImage(bytes: Uint8Array, options: PrepareOptions = {}): Promise<PreparedImage | null> {
  const maxSide = options.maxSide ?? REPORT_PHOTO_MAX_SIDE;
  const format = options.format ?? 'jpeg';
  try {
    let pipeline = sharp(bytes, { failOn: 'error' })
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
