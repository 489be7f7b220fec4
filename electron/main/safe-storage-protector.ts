// The desktop app's data-key protector: the 32-byte key is encrypted with Electron's
// safeStorage (macOS Keychain, Windows DPAPI, libsecret/kwallet on Linux) and kept in
// <userData>/keys/data.key.safe. Only main uses it; the utility process receives the raw key.
// safeStorage is injected so this is testable without Electron.
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataDirError, createFileExclusive, type KeyProtector } from '../../data/crypto/data-dir.js';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const SAFE_KEY_FILE = path.join('keys', 'data.key.safe');

function requireAvailable(safe: SafeStorageLike) {
  if (!safe.isEncryptionAvailable()) {
    throw new DataDirError(
      '운영체제의 암호 저장소(키체인)를 사용할 수 없어 개인정보 암호화 키를 보호할 수 없습니다. 키체인(예: GNOME 키링, KWallet)을 사용할 수 있게 한 뒤 다시 시작하세요.',
      "The operating system's secret store (keychain) is unavailable, so the personal-data key cannot be protected. Make a keychain available (e.g. GNOME Keyring, KWallet) and restart.",
    );
  }
}

export function safeStorageProtector(safe: SafeStorageLike): KeyProtector {
  return {
    kind: 'safeStorage',
    async load(dir) {
      let sealed: Buffer;
      try {
        sealed = await readFile(path.join(dir, SAFE_KEY_FILE));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      requireAvailable(safe);
      let key: Buffer;
      try {
        key = Buffer.from(safe.decryptString(sealed), 'base64');
      } catch {
        throw new DataDirError(
          '데이터 키를 운영체제 키체인으로 풀 수 없습니다. 다른 사용자 계정이나 다른 컴퓨터에서 복사한 데이터 폴더일 수 있습니다.',
          'The data key cannot be unlocked with the OS keychain. The data folder may have been copied from another user account or computer.',
        );
      }
      if (key.length !== 32) throw new DataDirError('데이터 키 파일이 손상되었습니다.', 'The data key file is damaged.');
      return key;
    },
    async store(dir, key) {
      requireAvailable(safe);
      const keys = path.join(dir, 'keys');
      await mkdir(keys, { recursive: true, mode: 0o700 });
      await chmod(keys, 0o700);
      return createFileExclusive(path.join(dir, SAFE_KEY_FILE), safe.encryptString(key.toString('base64')), 0o600);
    },
  };
}
