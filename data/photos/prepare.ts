// Photo evidence on import: recognise the format by its bytes (JPEG, PNG, WebP, iPhone HEIC),
// decode HEIC with heic-decode (sharp's bundled libvips cannot read HEVC), turn it upright,
// downscale so the long side is at most 2048 px (JPEG q85 keeps text on a meter or a 고지서
// readable), make a thumbnail, and read the time and GPS position from EXIF. The stored images
// carry no metadata: the position is kept in the (local) database only.
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import exifr from 'exifr';
import type { Bilingual } from '../../electron/api/errors.js';

export const FULL_LONG_SIDE = 2048;
export const THUMB_LONG_SIDE = 320;
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'heic';

/** The format of an image by its first bytes, or null. */
export function sniffFormat(b: Buffer): PhotoFormat | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') {
    const brand = b.toString('latin1', 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  return null;
}

/** A photo the app cannot take, with the reason in both languages. */
export class PhotoRefused extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(bilingual.en);
  }
}

const HOW_TO_CONVERT: Bilingual = {
  ko: 'JPEG로 바꿔 다시 올려 주세요: 아이폰은 설정 › 카메라 › 포맷에서 「높은 호환성」을 고르거나, 사진을 메일·메신저로 보내거나 「파일」 앱에 JPEG로 저장하면 됩니다. PC에서는 사진 앱에서 「다른 이름으로 저장 › JPEG」를 쓰세요.',
  en: 'Convert it to JPEG and attach it again: on an iPhone choose Settings › Camera › Formats › "Most Compatible", or share the photo by mail or messenger, or save it as JPEG in Files; on a PC use the Photos app, "Save as › JPEG".',
};

export interface PreparedPhoto {
  format: PhotoFormat;
  mime: 'image/jpeg';
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  /** Camera local time from EXIF, `YYYY-MM-DDTHH:mm:ss` with its offset when the camera gave one. */
  takenAt: string | null;
  lat: number | null;
  lon: number | null;
}

interface ExifFields {
  DateTimeOriginal?: unknown;
  CreateDate?: unknown;
  OffsetTimeOriginal?: unknown;
  latitude?: unknown;
  longitude?: unknown;
}

async function readExif(bytes: Buffer): Promise<Pick<PreparedPhoto, 'takenAt' | 'lat' | 'lon'>> {
  let tags: ExifFields | undefined;
  try {
    // reviveValues: false keeps the camera's own clock text instead of a Date in this machine's zone.
    tags = (await exifr.parse(bytes, { tiff: true, exif: true, gps: true, reviveValues: false })) as ExifFields | undefined;
  } catch {
    tags = undefined; // No or broken EXIF is normal (screenshots, edited images).
  }
  const raw = typeof tags?.DateTimeOriginal === 'string' ? tags.DateTimeOriginal : typeof tags?.CreateDate === 'string' ? tags.CreateDate : null;
  const m = raw ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(raw) : null;
  const offset = typeof tags?.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal) ? tags.OffsetTimeOriginal : '';
  const takenAt = m && m[1] !== '0000' ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}` : null;
  const lat = typeof tags?.latitude === 'number' && Number.isFinite(tags.latitude) ? tags.latitude : null;
  const lon = typeof tags?.longitude === 'number' && Number.isFinite(tags.longitude) ? tags.longitude : null;
  return { takenAt, lat, lon };
}

async function decodeToSharp(bytes: Buffer, format: PhotoFormat): Promise<Sharp> {
  if (format !== 'heic') return sharp(bytes, { failOn: 'error' }).rotate();
  let img;
  try {
    // Loaded on first use: the HEIF decoder is a large WebAssembly module.
    const { default: decodeHeic } = await import('heic-decode');
    img = await decodeHeic({ buffer: bytes });
  } catch {
    throw new PhotoRefused({ ko: `HEIC 사진을 읽을 수 없습니다. ${HOW_TO_CONVERT.ko}`, en: `This HEIC photo cannot be read. ${HOW_TO_CONVERT.en}` });
  }
  // HEIC stores the image upright already (rotation is applied by the decoder).
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } });
}

/** Decodes, downscales and describes one photo; throws PhotoRefused for what it cannot take. */
export async function preparePhoto(bytes: Buffer): Promise<PreparedPhoto> {
  if (bytes.length === 0) throw new PhotoRefused({ ko: '빈 파일입니다.', en: 'The file is empty.' });
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new PhotoRefused({ ko: '사진이 너무 큽니다 (40MB 이하).', en: 'The photo is too large (40 MB at most).' });
  }
  const format = sniffFormat(bytes);
  if (!format) {
    throw new PhotoRefused({
      ko: `사진 형식을 알 수 없습니다. JPEG, PNG, WebP, HEIC만 받습니다. ${HOW_TO_CONVERT.ko}`,
      en: `Unknown image format. JPEG, PNG, WebP and HEIC are accepted. ${HOW_TO_CONVERT.en}`,
    });
  }
  const exif = await readExif(bytes);
  let full: { data: Buffer; info: OutputInfo };
  try {
    const base = await decodeToSharp(bytes, format);
    full = await base
      .resize({ width: FULL_LONG_SIDE, height: FULL_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  } catch (e) {
    if (e instanceof PhotoRefused) throw e;
    throw new PhotoRefused({ ko: `사진 파일이 손상되었거나 읽을 수 없습니다. ${HOW_TO_CONVERT.ko}`, en: `The photo is damaged or cannot be read. ${HOW_TO_CONVERT.en}` });
  }
  const thumb = await sharp(full.data)
    .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
  return { format, mime: 'image/jpeg', full: full.data, thumb, width: full.info.width, height: full.info.height, ...exif };
}
