// Personal fields (names, phones, free-text notes) are stored as AES-256-GCM tokens:
// "v1:" + base64(iv 12 bytes | tag 16 bytes | ciphertext). A separate keyed hash of the
// normalised phone number allows exact lookup without storing the number.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('data key must be 32 bytes');
    // Separate keys for encryption and for the lookup hash, derived from one master key.
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'ansim/fields/v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'ansim/index/v1', 32));
  }

  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined || plain === '') return null;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
  }

  decrypt(token: string | null | undefined): string | null {
    if (!token) return null;
    if (!token.startsWith('v1:')) throw new Error('unknown field token version');
    const buf = Buffer.from(token.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, buf.subarray(0, 12));
    decipher.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Bytes (photos, signatures) under the same field key: iv 12 | tag 16 | ciphertext. */
  encryptBytes(plain: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]);
  }

  /** The inverse of encryptBytes; throws if the bytes were altered. */
  decryptBytes(sealed: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  }

  /** Keyed hash of a phone number's digits (010-1234-5678 and 01012345678 match). */
  phoneHash(phone: string | null | undefined): string | null {
    const digits = normalisePhone(phone);
    if (!digits) return null;
    return createHmac('sha256', this.indexKey).update(digits).digest('base64url');
  }

  /** Keyed hash for content-addressed encrypted files (photos), so names leak nothing. */
  contentId(bytes: Buffer): string {
    return createHmac('sha256', this.indexKey).update(bytes).digest('hex');
  }
}

export function normalisePhone(phone: string | null | undefined): string {
  let d = String(phone ?? '').replace(/\D/g, '');
  if (d.startsWith('82')) d = `0${d.slice(2)}`; // +82 10-… → 010-…
  return d;
}
