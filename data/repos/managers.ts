// Managers (주거안심매니저) and their PINs. A PIN unlocks a shared laptop; it is stored
// as a salted scrypt hash.
import { SEOUL_DISTRICTS, isCode } from '../../checklists/common/vocabulary.js';
import { randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Queryable } from '../db/sqlite.js';
import type { Actor } from './audit.js';
import { writeAudit } from './audit.js';
import { insertRecord, updateRecord, type MetaRow } from './records.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

export interface ManagerRow extends MetaRow {
  name: string;
  center: string;
  broker_reg_no: string;
  districts: string;
  pin_salt: string;
  pin_hash: string;
  role: ManagerRole;
  deactivated_at: string | null;
}

export type ManagerRole = 'manager' | 'coordinator';

export interface ManagerFields {
  name: string;
  center: string;
  brokerRegNo: string;
  districts: string[];
  pin: string;
}

export function managerView(row: ManagerRow) {
  return {
    id: row.id,
    name: row.name,
    center: row.center,
    brokerRegNo: row.broker_reg_no,
    districts: (JSON.parse(row.districts) as string[]).filter((d) => isCode(SEOUL_DISTRICTS, d)),
    isDemo: row.is_demo === 1,
    role: row.role,
    active: row.deactivated_at === null,
  };
}

async function hashPin(pin: string, salt: Buffer): Promise<Buffer> {
  return scrypt(pin, salt, 32);
}

export async function createManager(q: Queryable, actor: Actor, f: ManagerFields, isDemo = false): Promise<string> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const hash = await hashPin(f.pin, salt);
  // The desk's first manager is its coordinator (demo and real profiles counted apart, so the
  // first real manager of a demo desk still becomes one, and removing the demo leaves them).
  const coordinator = await q.get(
    `SELECT 1 AS x FROM managers WHERE role = 'coordinator' AND deleted_at IS NULL AND deactivated_at IS NULL AND is_demo = ?`,
    [isDemo ? 1 : 0],
  );
  await insertRecord(
    q,
    { ...actor, managerId: actor.managerId ?? id },
    'managers',
    id,
    {
      name: f.name,
      center: f.center,
      broker_reg_no: f.brokerRegNo,
      districts: JSON.stringify(f.districts),
      pin_salt: salt.toString('base64'),
      pin_hash: hash.toString('base64'),
      role: coordinator ? 'manager' : 'coordinator',
    },
    { isDemo, auditFields: ['name', 'center', 'brokerRegNo', 'districts', 'pin', ...(coordinator ? [] : ['role'])] },
  );
  return id;
}

export async function verifyPin(row: ManagerRow, pin: string): Promise<boolean> {
  const expected = Buffer.from(row.pin_hash, 'base64');
  const actual = await hashPin(pin, Buffer.from(row.pin_salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Live managers; deactivated ones only when asked (Settings lists them, sign-in does not). */
export function listManagers(q: Queryable, opts: { includeInactive?: boolean } = {}) {
  return q.all<ManagerRow>(
    `SELECT * FROM managers WHERE deleted_at IS NULL ${opts.includeInactive ? '' : 'AND deactivated_at IS NULL'} ORDER BY is_demo, deactivated_at IS NOT NULL, name`,
  );
}

export type ManagerProfile = Omit<ManagerFields, 'pin'>;

/** Changes a manager's profile fields (not the PIN, role or activity, which have their own steps). */
export async function updateManager(q: Queryable, actor: Actor, row: ManagerRow, f: Partial<ManagerProfile>): Promise<void> {
  const next: [field: string, column: string, before: string, after: string | undefined][] = [
    ['name', 'name', row.name, f.name],
    ['center', 'center', row.center, f.center],
    ['brokerRegNo', 'broker_reg_no', row.broker_reg_no, f.brokerRegNo],
    ['districts', 'districts', row.districts, f.districts && JSON.stringify(f.districts)],
  ];
  const changed = next.filter(([, , before, after]) => after !== undefined && after !== before);
  const values = Object.fromEntries(changed.map(([, column, , after]) => [column, after!]));
  const fields = changed.map(([field]) => field);
  if (fields.length > 0) await updateRecord(q, actor, 'managers', row.id, values, fields);
}

/** Sets a new PIN (the caller has checked the old one). The audit says the PIN changed, never what to. */
export async function setPin(q: Queryable, actor: Actor, id: string, pin: string): Promise<void> {
  const salt = randomBytes(16);
  const hash = await hashPin(pin, salt);
  await q.run('UPDATE managers SET pin_salt = ?, pin_hash = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?', [
    salt.toString('base64'), hash.toString('base64'), actor.now, actor.managerId, actor.deviceId, id,
  ]);
  await writeAudit(q, actor, 'managers', id, 'change_pin', ['pin']);
}

export async function setRole(q: Queryable, actor: Actor, id: string, role: ManagerRole): Promise<void> {
  await q.run('UPDATE managers SET role = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?', [role, actor.now, actor.managerId, actor.deviceId, id]);
  await writeAudit(q, actor, 'managers', id, role === 'coordinator' ? 'grant_coordinator' : 'revoke_coordinator', ['role']);
}

/** Deactivates (the manager can no longer sign in; their records stay) or reactivates. */
export async function setActive(q: Queryable, actor: Actor, id: string, active: boolean): Promise<void> {
  await q.run('UPDATE managers SET deactivated_at = ?, updated_at = ?, updated_by = ?, device_id = ? WHERE id = ?', [
    active ? null : actor.now, actor.now, actor.managerId, actor.deviceId, id,
  ]);
  await writeAudit(q, actor, 'managers', id, active ? 'reactivate' : 'deactivate', ['active']);
}

/** Active coordinators of the same kind (demo or real) as the given manager. */
export async function activeCoordinators(q: Queryable, isDemo: number): Promise<number> {
  return (
    (await q.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM managers WHERE role = 'coordinator' AND deleted_at IS NULL AND deactivated_at IS NULL AND is_demo = ?`,
      [isDemo],
    ))?.n ?? 0
  );
}

export function getManager(q: Queryable, id: string) {
  return q.get<ManagerRow>('SELECT * FROM managers WHERE id = ? AND deleted_at IS NULL', [id]);
}
