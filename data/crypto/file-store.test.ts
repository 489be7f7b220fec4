import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher.js';
import { FileStore } from './file-store.js';

describe('FileStore', () => {
  it('stores files encrypted, reads them back, and refuses tampered bytes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ansim-files-'));
    const cipher = new FieldCipher(randomBytes(32));
    const store = new FileStore(dir, cipher);
    const plain = Buffer.from('결로 사진 — 안방 창틀 '.repeat(50));
    const name = cipher.contentId(plain);
    await store.put('photos', name, plain);
    const onDisk = await readFile(path.join(dir, 'photos', name));
    expect(onDisk.includes(plain.subarray(0, 30))).toBe(false);
    expect(await readdir(path.join(dir, 'photos'))).toEqual([name]); // no temporary file left
    expect((await store.get('photos', name))?.equals(plain)).toBe(true);
    expect(await store.get('photos', 'missing')).toBeNull();
    // Another key cannot read it; a flipped byte is detected.
    await expect(new FileStore(dir, new FieldCipher(randomBytes(32))).get('photos', name)).rejects.toThrow();
    onDisk[onDisk.length - 1] ^= 1;
    await writeFile(path.join(dir, 'photos', name), onDisk);
    await expect(store.get('photos', name)).rejects.toThrow();
    await expect(store.put('../x', 'y', plain)).rejects.toThrow(/bad file name/);
  });
});
