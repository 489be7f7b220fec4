// Personal fields (names, phones, free-text notes) are stored as AES-256-GCM tokens. Two kinds:
//   "v1:" + base64(iv 12 | tag 16 | ciphertext)               — under the data folder's key
//   "k1:" + clientId + ":" + base64(iv 12 | tag 16 | ciphertext) — under that client's own key
// A client's own key (data/crypto/client-keys.ts) is destroyed when consent is withdrawn or
// retention ends (crypto-shredding): every k1 token of that client, wherever a copy of it lives
// (backups, immutable snapshots, confirmed read-only records), then decrypts to nothing.
// A separate keyed hash of the normalised phone number allows exact lookup without storing it.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Finds a client's key for decryption: the 32-byte key, or null when it was destroyed. */
export interface ClientKeyLookup {
  keyFor(clientId: string): Buffer | null;
}

/** Where a module gets the cipher to write a client's data with (the client key vault). */
export interface CipherSource {
  /** Reads every token; writes under the folder key (for data that belongs to no client). */
  readonly folderCipher: FieldCipher;
  /** Writes under the client's own key, creating it when needed. */
  cipherFor(clientId: string): FieldCipher;
}

/** Sealed bytes under a client key start with this header, then the client id (36 bytes). */
const SEALED_MAGIC = Buffer.from('ANSIMK1\0', 'latin1');
const CLIENT_ID = /^[0-9a-zA-Z_-]{1,64}$/;

interface DerivedKeys {
  enc: Buffer;
  index: Buffer;
}

function derive(master: Buffer): DerivedKeys {
  if (master.length !== 32) throw new Error('data key must be 32 bytes');
  // Separate keys for encryption and for the lookup hash, derived from one master key.
  return {
    enc: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'ansim/fields/v1', 32)),
    index: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'ansim/index/v1', 32)),
  };
}

function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

function open(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/**
 * Encrypts under the folder key, or — for a cipher made by `forClient` — under one client's key.
 * Every cipher decrypts every token kind (given the client key lookup), so reading code never
 * needs to know which key a value was written under.
 */
export class FieldCipher {
  private readonly folder: DerivedKeys;
  private readonly own: DerivedKeys;
  private readonly clientDerived = new Map<string, { master: Buffer; keys: DerivedKeys }>();

  /**
   * @param masterKey the folder's data key
   * @param clientKeys resolves client keys for k1 tokens (without it, k1 tokens read as null)
   * @param client when set, this cipher writes under that client's key
   */
  constructor(
    masterKey: Buffer,
    private readonly clientKeys?: ClientKeyLookup,
    private readonly client?: { id: string; key: Buffer },
  ) {
    this.folder = derive(masterKey);
    this.own = client ? derive(client.key) : this.folder;
    if (client && !CLIENT_ID.test(client.id)) throw new Error('bad client id');
    this.masterKey = masterKey;
  }

  private readonly masterKey: Buffer;

  /** A cipher that writes under `clientId`'s own key (and still reads everything). */
  forClient(clientId: string, clientKey: Buffer): FieldCipher {
    return new FieldCipher(this.masterKey, this.clientKeys, { id: clientId, key: clientKey });
  }

  /** The client whose key this cipher writes under, or null for the folder key. */
  get clientId(): string | null {
    return this.client?.id ?? null;
  }

  private keysOf(clientId: string): DerivedKeys | null {
    if (this.client && this.client.id === clientId) return this.own;
    const master = this.clientKeys?.keyFor(clientId) ?? null;
    if (!master) return null;
    const cached = this.clientDerived.get(clientId);
    if (cached && cached.master.equals(master)) return cached.keys;
    const keys = derive(master);
    this.clientDerived.set(clientId, { master, keys });
    return keys;
  }

  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined || plain === '') return null;
    const sealed = seal(this.own.enc, Buffer.from(plain, 'utf8')).toString('base64');
    return this.client ? `k1:${this.client.id}:${sealed}` : `v1:${sealed}`;
  }

  /**
   * The plain text of a token; null for no value and for a value whose client key was
   * destroyed (crypto-shredded). Throws when the token is damaged.
   */
  decrypt(token: string | null | undefined): string | null {
    if (!token) return null;
    if (token.startsWith('v1:')) return open(this.folder.enc, Buffer.from(token.slice(3), 'base64')).toString('utf8');
    if (token.startsWith('k1:')) {
      const colon = token.indexOf(':', 3);
      if (colon < 0) throw new Error('damaged field token');
      const keys = this.keysOf(token.slice(3, colon));
      if (!keys) return null;
      return open(keys.enc, Buffer.from(token.slice(colon + 1), 'base64')).toString('utf8');
    }
    throw new Error('unknown field token version');
  }

  /** Like decrypt, but a damaged token reads as null (for searching; views still report it). */
  tryDecrypt(token: string | null | undefined): string | null {
    try {
      return this.decrypt(token);
    } catch {
      return null;
    }
  }

  /** Bytes (photos, signatures): iv 12 | tag 16 | ciphertext, with a header naming the client key. */
  encryptBytes(plain: Buffer): Buffer {
    const sealed = seal(this.own.enc, plain);
    if (!this.client) return sealed;
    const id = Buffer.from(this.client.id.padEnd(64, ' '), 'latin1');
    return Buffer.concat([SEALED_MAGIC, id, sealed]);
  }

  /** The inverse of encryptBytes; null when the client key was destroyed; throws if altered. */
  decryptBytes(sealed: Buffer): Buffer | null {
    if (sealed.length > SEALED_MAGIC.length + 64 && sealed.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC)) {
      const id = sealed.subarray(SEALED_MAGIC.length, SEALED_MAGIC.length + 64).toString('latin1').trimEnd();
      const keys = this.keysOf(id);
      if (!keys) return null;
      return open(keys.enc, sealed.subarray(SEALED_MAGIC.length + 64));
    }
    return open(this.folder.enc, sealed);
  }

  /** Keyed hash of a phone number's digits (010-1234-5678 and 01012345678 match). Folder-wide. */
  phoneHash(phone: string | null | undefined): string | null {
    const digits = normalisePhone(phone);
    if (!digits) return null;
    return createHmac('sha256', this.folder.index).update(digits).digest('base64url');
  }

  /**
   * Keyed hash for content-addressed encrypted files (photos), so names leak nothing. Under a
   * client's cipher it is that client's own hash, so two clients never share one sealed file.
   */
  contentId(bytes: Buffer): string {
    return createHmac('sha256', this.own.index).update(bytes).digest('hex');
  }
}

export function normalisePhone(phone: string | null | undefined): string {
  let d = String(phone ?? '').replace(/\D/g, '');
  if (d.startsWith('82')) d = `0${d.slice(2)}`; // +82 10-… → 010-…
  return d;
}
