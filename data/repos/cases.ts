// Cases: one consultation of one client, with its type, status, district and manager.
import { randomUUID } from 'node:crypto';
import { SEOUL_DISTRICTS, isCode, type CaseStatus, type CaseType } from '../../checklists/common/vocabulary.js';
import type { Queryable, SqlValue } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { matchesAll, searchWords, type Actor } from './audit.js';
import { anonymousLabel } from './clients.js';
import { insertRecord, metaView, restore, softDelete, updateRecord, type MetaRow } from './records.js';

export interface CaseFields {
  clientId: string;
  caseType: string;
  status: string;
  district?: string | null;
  managerId?: string | null;
  openedOn: string;
  closedOn?: string | null;
  notes?: string | null;
}

export interface CaseFilter {
  query?: string;
  district?: string;
  caseType?: string;
  status?: string;
  managerId?: string;
  month?: string;
  clientId?: string;
}

interface CaseRow extends MetaRow {
  client_id: string;
  case_type: string;
  status: string;
  district: string | null;
  manager_id: string | null;
  manager_name: string | null;
  opened_on: string;
  closed_on: string | null;
  notes_enc: string | null;
  client_name_enc: string | null;
  listing_count: number;
}

function columns(cipher: FieldCipher, f: CaseFields) {
  return {
    client_id: f.clientId,
    case_type: f.caseType,
    status: f.status,
    district: f.district ?? null,
    manager_id: f.managerId ?? null,
    opened_on: f.openedOn,
    // A case that reaches 완료/취소 gets a closing date if none was given.
    closed_on: f.closedOn ?? null,
    notes_enc: cipher.encrypt(f.notes),
  };
}

const SELECT = `SELECT k.*, u.name AS updated_by_name, m.name AS manager_name, c.name_enc AS client_name_enc,
    (SELECT COUNT(*) FROM listings l WHERE l.case_id = k.id AND l.deleted_at IS NULL) AS listing_count
  FROM cases k
  JOIN clients c ON c.id = k.client_id
  LEFT JOIN managers m ON m.id = k.manager_id
  LEFT JOIN managers u ON u.id = k.updated_by`;

export function caseView(cipher: FieldCipher, row: CaseRow) {
  const clientName = cipher.decrypt(row.client_name_enc);
  return {
    ...metaView(row),
    clientId: row.client_id,
    clientLabel: clientName ?? anonymousLabel(row.client_id),
    clientName,
    // Written only through the validated API, so the stored codes are the list's codes.
    caseType: row.case_type as CaseType,
    status: row.status as CaseStatus,
    district: isCode(SEOUL_DISTRICTS, row.district) ? row.district : null,
    managerId: row.manager_id,
    managerName: row.manager_name,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    notes: cipher.decrypt(row.notes_enc),
    listingCount: row.listing_count,
  };
}

export async function createCase(q: Queryable, cipher: FieldCipher, actor: Actor, f: CaseFields, isDemo = false) {
  const id = randomUUID();
  await insertRecord(q, actor, 'cases', id, columns(cipher, f), { isDemo, auditFields: Object.keys(f) });
  return id;
}

export async function updateCase(q: Queryable, cipher: FieldCipher, actor: Actor, id: string, f: CaseFields) {
  const before = await q.get<CaseRow>('SELECT * FROM cases WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!before) return false;
  const cols = columns(cipher, f);
  const changed = Object.keys(cols).filter((k) => {
    const b = (before as unknown as Record<string, unknown>)[k];
    if (k === 'notes_enc') return cipher.decrypt(b as string | null) !== (f.notes || null);
    return (b ?? null) !== ((cols as Record<string, unknown>)[k] ?? null);
  });
  if (changed.length === 0) return true;
  return updateRecord(q, actor, 'cases', id, Object.fromEntries(changed.map((k) => [k, (cols as Record<string, SqlValue>)[k] as string])), changed.map((c) => c.replace(/_enc$/, '')));
}

export function getCase(q: Queryable, id: string) {
  return q.get<CaseRow>(`${SELECT} WHERE k.id = ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL`, [id]);
}

export async function listCases(q: Queryable, cipher: FieldCipher, f: CaseFilter) {
  const where = ['k.deleted_at IS NULL', 'c.deleted_at IS NULL'];
  const params: SqlValue[] = [];
  if (f.district) {
    where.push('k.district = ?');
    params.push(f.district);
  }
  if (f.caseType) {
    where.push('k.case_type = ?');
    params.push(f.caseType);
  }
  if (f.status) {
    where.push('k.status = ?');
    params.push(f.status);
  }
  if (f.managerId) {
    where.push('k.manager_id = ?');
    params.push(f.managerId);
  }
  if (f.clientId) {
    where.push('k.client_id = ?');
    params.push(f.clientId);
  }
  if (f.month) {
    where.push("substr(k.opened_on, 1, 7) = ?");
    params.push(f.month);
  }
  const rows = await q.all<CaseRow>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY k.opened_on DESC, k.updated_at DESC`, params);
  const words = searchWords(f.query);
  if (words.length === 0) return rows;
  // Client names and notes are encrypted: decrypt and filter (partial Korean words match).
  return rows.filter((r) =>
    matchesAll(
      [cipher.tryDecrypt(r.client_name_enc) ?? anonymousLabel(r.client_id), cipher.tryDecrypt(r.notes_enc), r.district, r.manager_name].filter(Boolean).join(' '),
      words,
    ),
  );
}

export const deleteCase = (q: Queryable, actor: Actor, id: string) => softDelete(q, actor, 'cases', id);
export const restoreCase = (q: Queryable, actor: Actor, id: string) => restore(q, actor, 'cases', id);

