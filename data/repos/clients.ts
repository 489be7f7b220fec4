// Clients (tenants). Name, phone and notes are encrypted; the phone also gets a keyed hash
// for exact lookup. When consent ends (retention over, or withdrawn) the personal fields are
// destroyed and only non-identifying facts remain for statistics.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/sqlite.js';
import type { CipherSource, FieldCipher } from '../crypto/field-cipher.js';
import { addDays, addMonths } from '../../checklists/common/seoul-time.js';
import { AGE_BANDS, GENDERS, SEOUL_DISTRICTS, isCode } from '../../checklists/common/vocabulary.js';
import { matchesAll, searchWords, writeAudit, type Actor } from './audit.js';
import { insertRecord, metaView, restore, softDelete, updateRecord, type MetaRow } from './records.js';

export interface ClientFields {
  consent: {
    given: boolean;
    date?: string | null;
    retentionMonths?: number | null;
    items: string[];
    purpose?: string | null;
  };
  name?: string | null;
  phone?: string | null;
  notes?: string | null;
  ageBand?: string | null;
  gender?: string | null;
  currentDistrict?: string | null;
  desiredDistricts: string[];
  budgetDeposit?: number | null;
  budgetMonthlyRent?: number | null;
  budgetMaintenance?: number | null;
  moveInDate?: string | null;
}

export interface ClientRow extends MetaRow {
  consent_given: number;
  consent_date: string | null;
  consent_items: string;
  consent_purpose: string | null;
  retention_months: number | null;
  consent_expires_on: string | null;
  consent_withdrawn_at: string | null;
  personal_destroyed_at: string | null;
  name_enc: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  notes_enc: string | null;
  age_band: string | null;
  gender: string | null;
  current_district: string | null;
  desired_districts: string;
  budget_deposit: number | null;
  budget_monthly_rent: number | null;
  budget_maintenance: number | null;
  move_in_date: string | null;
  case_count?: number;
}

function columns(cipher: FieldCipher, f: ClientFields): Record<string, string | number | null> {
  const c = f.consent;
  const expires = c.given && c.date && c.retentionMonths ? addMonths(c.date, c.retentionMonths) : null;
  const allowed = (item: string) => c.given && c.items.includes(item);
  return {
    consent_given: c.given ? 1 : 0,
    consent_date: c.given ? (c.date ?? null) : null,
    consent_items: JSON.stringify(c.given ? c.items : []),
    consent_purpose: c.given ? (c.purpose ?? null) : null,
    retention_months: c.given ? (c.retentionMonths ?? null) : null,
    consent_expires_on: expires,
    name_enc: allowed('name') ? cipher.encrypt(f.name) : null,
    phone_enc: allowed('phone') ? cipher.encrypt(f.phone) : null,
    phone_hash: allowed('phone') ? cipher.phoneHash(f.phone) : null,
    notes_enc: allowed('notes') ? cipher.encrypt(f.notes) : null,
    age_band: f.ageBand ?? null,
    gender: f.gender ?? null,
    current_district: f.currentDistrict ?? null,
    desired_districts: JSON.stringify(f.desiredDistricts ?? []),
    budget_deposit: f.budgetDeposit ?? null,
    budget_monthly_rent: f.budgetMonthlyRent ?? null,
    budget_maintenance: f.budgetMaintenance ?? null,
    move_in_date: f.moveInDate ?? null,
  };
}

/** Non-identifying label for a client without a (remaining) name. */
export function anonymousLabel(id: string): string {
  return `익명 #${id.slice(0, 4)}`;
}

export function clientView(cipher: FieldCipher, row: ClientRow, today: string, warningDays: number) {
  const name = cipher.decrypt(row.name_enc);
  const expiresOn = row.consent_expires_on;
  return {
    ...metaView(row),
    label: name ?? anonymousLabel(row.id),
    name,
    phone: cipher.decrypt(row.phone_enc),
    notes: cipher.decrypt(row.notes_enc),
    consent: {
      given: row.consent_given === 1,
      date: row.consent_date,
      items: JSON.parse(row.consent_items) as ('name' | 'phone' | 'notes')[],
      purpose: row.consent_purpose,
      retentionMonths: row.retention_months,
      expiresOn,
      withdrawnAt: row.consent_withdrawn_at,
      destroyedAt: row.personal_destroyed_at,
      expiringSoon:
        !!expiresOn && !row.personal_destroyed_at && expiresOn > today && expiresOn <= addDays(today, warningDays),
    },
    // Optional facts: a value outside today's code list reads as "not given" rather than a wrong code.
    ageBand: isCode(AGE_BANDS, row.age_band) ? row.age_band : null,
    gender: isCode(GENDERS, row.gender) ? row.gender : null,
    currentDistrict: isCode(SEOUL_DISTRICTS, row.current_district) ? row.current_district : null,
    desiredDistricts: (JSON.parse(row.desired_districts) as string[]).filter((d) => isCode(SEOUL_DISTRICTS, d)),
    budgetDeposit: row.budget_deposit,
    budgetMonthlyRent: row.budget_monthly_rent,
    budgetMaintenance: row.budget_maintenance,
    moveInDate: row.move_in_date,
    caseCount: row.case_count ?? 0,
  };
}

const SELECT = `SELECT c.*, m.name AS updated_by_name,
  (SELECT COUNT(*) FROM cases k WHERE k.client_id = c.id AND k.deleted_at IS NULL) AS case_count
  FROM clients c LEFT JOIN managers m ON m.id = c.updated_by`;

/** Creates a client; their personal fields are written under their own key. */
export async function createClient(q: Queryable, keys: CipherSource, actor: Actor, f: ClientFields, isDemo = false) {
  const id = randomUUID();
  const hasPersonal = f.consent.given && (f.name || f.phone || f.notes);
  const cipher = hasPersonal ? keys.cipherFor(id) : keys.folderCipher;
  await insertRecord(q, actor, 'clients', id, columns(cipher, f), { isDemo, auditFields: auditNames(f) });
  return id;
}

export async function updateClient(q: Queryable, keys: CipherSource, actor: Actor, id: string, f: ClientFields) {
  const cipher = keys.cipherFor(id);
  const before = await q.get<ClientRow>('SELECT * FROM clients WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!before) return false;
  if (before.personal_destroyed_at && (f.name || f.phone || f.notes)) {
    // Once destroyed, personal data comes back only with a fresh consent.
    if (!f.consent.given || (f.consent.date ?? '') <= (before.personal_destroyed_at.slice(0, 10) ?? '')) {
      return 'destroyed' as const;
    }
  }
  const cols = columns(cipher, f);
  if (before.personal_destroyed_at && f.consent.given) cols.personal_destroyed_at = null;
  const changed = Object.keys(cols).filter((k) => {
    const b = (before as unknown as Record<string, unknown>)[k];
    if (k.endsWith('_enc')) {
      return cipher.decrypt(b as string | null) !== cipher.decrypt(cols[k] as string | null);
    }
    if (k === 'phone_hash') return false;
    return (b ?? null) !== (cols[k] ?? null);
  });
  if (changed.length === 0) return true;
  const updates = Object.fromEntries(changed.map((k) => [k, cols[k]]));
  if ('phone_enc' in updates) updates.phone_hash = cols.phone_hash;
  return updateRecord(q, actor, 'clients', id, updates, changed.map(friendlyColumn));
}

function friendlyColumn(col: string): string {
  return col.replace(/_enc$/, '');
}

function auditNames(f: ClientFields): string[] {
  return Object.entries(f)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);
}

export async function getClient(q: Queryable, id: string, includeDeleted = false) {
  return q.get<ClientRow>(`${SELECT} WHERE c.id = ?${includeDeleted ? '' : ' AND c.deleted_at IS NULL'}`, [id]);
}

/**
 * Lists live clients. Korean partial words match (「관악」 finds 「관악구」): districts are
 * plain columns; names and notes are encrypted, so they are decrypted and filtered here,
 * which is fine at a center's scale (thousands of clients).
 */
export async function listClients(q: Queryable, cipher: FieldCipher, query?: string) {
  const rows = await q.all<ClientRow>(`${SELECT} WHERE c.deleted_at IS NULL ORDER BY c.updated_at DESC`);
  const words = searchWords(query);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const name = cipher.tryDecrypt(r.name_enc);
    const phoneDigits = (cipher.tryDecrypt(r.phone_enc) ?? '').replace(/\D/g, '');
    const text = [name ?? anonymousLabel(r.id), cipher.tryDecrypt(r.notes_enc), r.current_district, ...(JSON.parse(r.desired_districts) as string[])]
      .filter(Boolean)
      .join(' ');
    // A word of 4+ digits may also be part of the phone number.
    return words.every((w) => matchesAll(text, [w]) || (/^\d{4,}$/.test(w.replace(/-/g, '')) && phoneDigits.includes(w.replace(/-/g, ''))));
  });
}

export async function findClientsByPhone(q: Queryable, cipher: FieldCipher, phone: string) {
  const hash = cipher.phoneHash(phone);
  if (!hash) return [];
  return q.all<ClientRow>(`${SELECT} WHERE c.phone_hash = ? AND c.deleted_at IS NULL`, [hash]);
}

export const deleteClient = (q: Queryable, actor: Actor, id: string) => softDelete(q, actor, 'clients', id);
export const restoreClient = (q: Queryable, actor: Actor, id: string) => restore(q, actor, 'clients', id);

/** Destroys a client's personal fields (the row and its non-identifying facts remain). */
export async function destroyPersonal(
  q: Queryable,
  actor: Actor,
  id: string,
  reason: 'withdraw_consent' | 'destroy_personal',
): Promise<boolean> {
  const r = await q.run(
    `UPDATE clients SET name_enc = NULL, phone_enc = NULL, phone_hash = NULL, notes_enc = NULL,
        consent_withdrawn_at = CASE WHEN ? THEN ? ELSE consent_withdrawn_at END,
        consent_given = CASE WHEN ? THEN 0 ELSE consent_given END,
        consent_items = '[]',
        personal_destroyed_at = ?, updated_at = ?, updated_by = ?, device_id = ?
      WHERE id = ?`,
    [
      reason === 'withdraw_consent' ? 1 : 0,
      actor.now,
      reason === 'withdraw_consent' ? 1 : 0,
      actor.now,
      actor.now,
      actor.managerId,
      actor.deviceId,
      id,
    ],
  );
  // Notes on the client's cases and listings can hold personal details too.
  await q.run(`UPDATE cases SET notes_enc = NULL WHERE client_id = ?`, [id]);
  // policy (issue 12): the facts kept for programme matching go with the rest.
  await q.run(`DELETE FROM client_policy_facts WHERE client_id = ?`, [id]);
  if (r.changes > 0) await writeAudit(q, actor, 'clients', id, reason, ['name', 'phone', 'notes']);
  return r.changes > 0;
}

/** Clients whose consented retention has ended on or before `today` and still hold personal data. */
export function expiredClients(q: Queryable, today: string) {
  return q.all<{ id: string }>(
    `SELECT id FROM clients WHERE personal_destroyed_at IS NULL AND consent_expires_on IS NOT NULL AND consent_expires_on <= ?`,
    [today],
  );
}

export function expiringClients(q: Queryable, today: string, until: string) {
  return q.all<ClientRow>(
    `${SELECT} WHERE c.deleted_at IS NULL AND c.personal_destroyed_at IS NULL AND c.consent_expires_on > ? AND c.consent_expires_on <= ? ORDER BY c.consent_expires_on`,
    [today, until],
  );
}
