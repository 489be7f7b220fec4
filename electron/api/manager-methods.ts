// API methods for managing managers (issue 11: edit, deactivate, change PIN; issue 13: the
// coordinator role). Merged into the one allow-listed map in methods.ts.
import { z } from 'zod';
import { bilingualIssue } from './errors.js';
import { id, managerUpdate, pin } from './schemas.js';
import type { ManagerView } from './views.js';

export const managerInputs = {
  /** Own profile, or anyone's for a coordinator. */
  'managers.update': managerUpdate,
  /** Coordinator only; nobody deactivates themselves or the last active coordinator. */
  'managers.setActive': z.object({ id, active: z.boolean() }),
  /** Coordinator only (audited); the last active coordinator keeps the role. */
  'managers.setRole': z.object({ id, role: z.enum(['manager', 'coordinator'], bilingualIssue('역할을 고르세요.', 'Choose a role.')) }),
  /** The signed-in manager's own PIN; the old PIN is required (and counts toward the attempt limit). */
  'managers.changePin': z
    .object({ oldPin: pin, newPin: pin })
    .refine((v) => v.oldPin !== v.newPin, { ...bilingualIssue('새 PIN이 이전 PIN과 같습니다.', 'The new PIN is the same as the old one.'), path: ['newPin'] }),
} as const;

export interface ManagerResults {
  'managers.update': ManagerView;
  'managers.setActive': ManagerView;
  'managers.setRole': ManagerView;
  'managers.changePin': { ok: true };
}
