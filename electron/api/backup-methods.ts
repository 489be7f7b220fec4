// API methods of 백업 / 복원 (issue 11), coordinator only. The archive is made in the running
// backend (a consistent online copy through its own database connection) and delivered as a
// download; inspect/restore take the archive the user picked (a file ref, see backend/files.ts).
import { z } from 'zod';
import { bilingualIssue } from './errors.js';

const passphrase = z
  .string()
  .min(10, bilingualIssue('백업 암호는 10자 이상이어야 합니다.', 'The backup passphrase must have at least 10 characters.'))
  .max(1000);
const file = z.object({ ref: z.string().min(1).max(400) }).strict();

export const backupInputs = {
  'backup.create': z.object({ passphrase }),
  'backup.inspect': z.object({ file, passphrase: z.string().min(1).max(1000) }),
  'backup.restore': z.object({ file, passphrase: z.string().min(1).max(1000) }),
} as const;

export interface BackupContentsView {
  createdAt: string;
  desk: string;
  counts: { clients: number; cases: number; managers: number; clientKeys: number; files: number };
  /** Bytes of data the archive holds (before encryption). */
  bytes: number;
}

export interface BackupResults {
  'backup.create': { fileName: string; mime: 'application/octet-stream'; dataBase64: string; size: number; verified: true; contents: BackupContentsView };
  'backup.inspect': BackupContentsView & { verified: true };
  /** The new folder and how to open it (`--data-dir`). */
  'backup.restore': { dir: string; protector: 'keyfile' | 'safeStorage'; openCommand: string; contents: BackupContentsView };
}
