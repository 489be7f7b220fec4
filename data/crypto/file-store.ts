// Encrypted files outside the database (photos, signatures): content-addressed by the keyed
// hash `cipher.contentId` so a file name says nothing about its content, sealed with
// AES-256-GCM under the data key (FieldCipher.encryptBytes). Writes go to a temporary file
// first and are renamed into place, so a crash never leaves half a file under a real name.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FieldCipher } from './field-cipher.js';

const NAME = /^[a-zA-Z0-9_.-]{1,200}$/;

export class FileStore {
  constructor(
    private readonly dir: string,
    private readonly cipher: FieldCipher,
  ) {}

  private file(kind: string, name: string): string {
    if (!NAME.test(kind) || !NAME.test(name) || name.startsWith('.') || kind.startsWith('.')) throw new Error(`bad file name ${kind}/${name}`);
    return path.join(this.dir, kind, name);
  }

  /** Seals and stores `bytes` as `kind/name` (replacing any earlier file of that name). */
  async put(kind: string, name: string, bytes: Buffer): Promise<void> {
    const target = this.file(kind, name);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, this.cipher.encryptBytes(bytes), { mode: 0o600 });
    await rename(tmp, target);
  }

  /** The plain bytes of `kind/name`, or null when there is no such file. */
  async get(kind: string, name: string): Promise<Buffer | null> {
    try {
      return this.cipher.decryptBytes(await readFile(this.file(kind, name)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async remove(kind: string, name: string): Promise<void> {
    await rm(this.file(kind, name), { force: true });
  }
}
