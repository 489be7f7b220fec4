// Managers (주거안심매니저) and their PINs. A PIN unlocks a shared laptop; it is stored
// as a salted scrypt hash.
import { randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Queryable } from '../db/sqlite.js';
import type { Actor } from './audit.js';
import { insertRecord, type MetaRow } from './records.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number) => Promise<Buffer>;

export interface ManagerRow extends MetaRow {
  name: string;
  center: string;
  broker_reg_no: string;
  districts: string;
  pin_salt: string;
  pin_hash: string;
}

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
    districts: JSON.parse(row.districts) as string[],
    isDemo: row.is_demo === 1,
  };
}

async function hashPin(pin: string, salt: Buffer): Promise<Buffer> {
  return scrypt(pin, salt, 32);
}

export async function createManager(q: Queryable, actor: Actor, f: ManagerFields, isDemo = false): Promise<string> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const hash = await hashPin(f.pin, salt);
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
    },
    { isDemo, auditFields: ['name', 'center', 'brokerRegNo', 'districts', 'pin'] },
  );
  return id;
}

export async function verifyPin(row: ManagerRow, pin: string): Promise<boolean> {
  const expected = Buffer.from(row.pin_hash, 'base64');
  const actual = await hashPin(pin, Buffer.from(row.pin_salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function listManagers(q: Queryable) {
  return q.all<ManagerRow>('SELECT * FROM managers WHERE deleted_at IS NULL ORDER BY is_demo, name');
}

export function getManager(q: Queryable, id: string) {
  return q.get<ManagerRow>('SELECT * FROM managers WHERE id = ? AND deleted_at IS NULL', [id]);
}
