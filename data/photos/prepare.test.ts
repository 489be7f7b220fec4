import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoRefused, preparePhoto, sniffFormat } from './prepare.js';

const canvas = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#6a8caf' } });

describe('preparePhoto', () => {
  it('downscales a large JPEG to a 2048 px long side, keeps EXIF time and GPS, strips metadata from the stored image', async () => {
    const input = await canvas(4032, 3024)
      .withExif({
        IFD2: { DateTimeOriginal: '2026:11:27 10:15:00', OffsetTimeOriginal: '+09:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 28/1 5244/100', GPSLongitudeRef: 'E', GPSLongitude: '126/1 57/1 1044/100' },
      })
      .jpeg()
      .toBuffer();
    const p = await preparePhoto(input);
    expect(p).toMatchObject({ format: 'jpeg', mime: 'image/jpeg', width: 2048, height: 1536, takenAt: '2026-11-27T10:15:00+09:00' });
    expect(p.lat).toBeCloseTo(37.48123, 4);
    expect(p.lon).toBeCloseTo(126.9529, 4);
    const meta = await sharp(p.full).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([2048, 1536, undefined]);
    const t = await sharp(p.thumb).metadata();
    expect(Math.max(t.width!, t.height!)).toBe(320);
  });

  it('turns a portrait photo upright by its EXIF orientation and never enlarges a small one', async () => {
    const rotated = await canvas(300, 200).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const p = await preparePhoto(rotated);
    expect([p.width, p.height]).toEqual([200, 300]);
    expect(p.takenAt).toBeNull();
  });

  it('takes PNG with transparency and WebP', async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect(await preparePhoto(png)).toMatchObject({ format: 'png', width: 50, height: 40 });
    const webp = await canvas(60, 30).webp().toBuffer();
    expect(await preparePhoto(webp)).toMatchObject({ format: 'webp', width: 60, height: 30 });
  });

  it('refuses other files and unreadable HEIC with a message on how to convert, in Korean and English', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    const err = await preparePhoto(gif).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PhotoRefused);
    expect((err as PhotoRefused).bilingual.ko).toContain('JPEG');
    const fakeHeic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic', 'latin1'), Buffer.alloc(64, 7)]);
    expect(sniffFormat(fakeHeic)).toBe('heic');
    const heicErr = (await preparePhoto(fakeHeic).catch((e: unknown) => e)) as PhotoRefused;
    expect(heicErr).toBeInstanceOf(PhotoRefused);
    expect(heicErr.bilingual.ko).toContain('높은 호환성');
    expect(heicErr.bilingual.en).toContain('Most Compatible');
    const brokenJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await expect(preparePhoto(brokenJpeg)).rejects.toBeInstanceOf(PhotoRefused);
  });
});
