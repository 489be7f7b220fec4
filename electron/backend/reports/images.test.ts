import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage } from './images.js';
import { makeDemoPhoto, makeDemoSignature } from './sample.js';

describe('prepareImage', () => {
  it('shrinks a phone-size photo to 800 px on the long side as a smaller JPEG', async () => {
    const photo = await makeDemoPhoto('window', 3);
    const out = await prepareImage(photo);
    expect(out).not.toBeNull();
    expect(out!.kind).toBe('jpeg');
    expect([out!.width, out!.height]).toEqual([800, 600]);
    expect(out!.bytes.length).toBeLessThan(photo.length / 4);
    const meta = await sharp(out!.bytes).metadata();
    expect(meta.format).toBe('jpeg');
  });

  it('applies the EXIF orientation so portrait photos stand upright', async () => {
    const landscapePixels = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await prepareImage(landscapePixels);
    expect([out!.width, out!.height]).toEqual([600, 800]);
  });

  it('keeps line art as PNG on white and never enlarges small images', async () => {
    const sig = await makeDemoSignature();
    const out = await prepareImage(sig, { format: 'png', maxSide: 800 });
    expect(out!.kind).toBe('png');
    expect([out!.width, out!.height]).toEqual([600, 220]);
    const meta = await sharp(out!.bytes).metadata();
    expect(meta.hasAlpha).toBe(false);
  });

  it('returns null for bytes that are not an image', async () => {
    expect(await prepareImage(new TextEncoder().encode('not a photo'))).toBeNull();
  });
});

describe('prepareImage cache', () => {
  it('prepares the same photo once across renders, and again after the cache is cleared', async () => {
    const { clearPreparedImageCache } = await import('./images.js');
    const photo = await makeDemoPhoto('meter', 9);
    const first = await prepareImage(photo);
    const again = await prepareImage(new Uint8Array(photo)); // same content, another array
    expect(again).toBe(first);
    const thumbnail = await prepareImage(photo, { maxSide: 400 });
    expect(thumbnail!.width).toBe(400);
    clearPreparedImageCache();
    const fresh = await prepareImage(photo);
    expect(fresh).not.toBe(first);
    expect(fresh!.bytes).toEqual(first!.bytes);
  });
});
