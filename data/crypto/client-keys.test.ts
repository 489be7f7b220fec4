import { copyFile, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClientKeyVault } from './client-keys.js';
import { FileStore } from './file-store.js';

const temp = () => mkdtemp(path.join(os.tmpdir(), 'ansim-keys-'));

describe('per-client keys (crypto-shredding)', () => {
  it('writes a client’s values under their own key; destroying it makes every copy unreadable, other clients untouched', async () => {
    const dir = await temp();
    const folderKey = randomBytes(32);
    const vault = new ClientKeyVault(dir, folderKey);
    const a = vault.cipherFor('client-a');
    const b = vault.cipherFor('client-b');
    const tokenA = a.encrypt('김민지 010-1234-5678')!;
    const tokenB = b.encrypt('박준호')!;
    expect(tokenA.startsWith('k1:client-a:')).toBe(true);
    // Any cipher reads any token (readers need not know the key).
    expect(vault.folderCipher.decrypt(tokenA)).toBe('김민지 010-1234-5678');
    expect(b.decrypt(tokenA)).toBe('김민지 010-1234-5678');
    // A "backup" copy of a sealed file, taken before destruction.
    const store = new FileStore(path.join(dir, 'files'), a);
    await store.put('photos', 'p1', Buffer.from('PHOTO BYTES 김민지'));
    await copyFile(path.join(dir, 'files', 'photos', 'p1'), path.join(dir, 'backup-p1'));

    expect(vault.destroy('client-a')).toBe(true);
    const reopened = new ClientKeyVault(dir, folderKey); // a later start, same folder key
    expect(reopened.folderCipher.decrypt(tokenA)).toBeNull();
    expect(vault.folderCipher.decrypt(tokenA)).toBeNull();
    expect(reopened.folderCipher.decrypt(tokenB)).toBe('박준호');
    expect(reopened.folderCipher.decryptBytes(await readFile(path.join(dir, 'backup-p1')))).toBeNull();
    expect(await new FileStore(path.join(dir, 'files'), reopened.folderCipher).get('photos', 'p1')).toBeNull();
    // The key file is gone, and the destroyed key is not recreated by reading.
    expect((await readdir(vault.dir)).sort()).toEqual(['client-b.key']);
  });

  it('creates a key once even when asked twice, keeps it 0600 in a 0700 folder, and a swapped key file fails', async () => {
    const dir = await temp();
    const key = randomBytes(32);
    const v1 = new ClientKeyVault(dir, key);
    const v2 = new ClientKeyVault(dir, key); // a second writer racing the first
    const k1 = v1.ensure('c');
    expect(v2.ensure('c').equals(k1)).toBe(true);
    expect((await stat(path.join(v1.dir, 'c.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(v1.dir)).mode & 0o777).toBe(0o700);
    await copyFile(path.join(v1.dir, 'c.key'), path.join(v1.dir, 'd.key'));
    expect(() => new ClientKeyVault(dir, key).keyFor('d')).toThrow();
  });

  it('the file name of a photo differs per client, so two clients never share a sealed file', () => {
    const vault = new ClientKeyVault(path.join(os.tmpdir(), `ansim-keys-${randomBytes(4).toString('hex')}`), randomBytes(32));
    const bytes = Buffer.from('same photo');
    expect(vault.cipherFor('a').contentId(bytes)).not.toBe(vault.cipherFor('b').contentId(bytes));
  });
});
