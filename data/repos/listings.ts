// Listings (매물) under a case. The landlord's name, free-text notes, the addresses, 동·호 and the
// broker are encrypted under the client's own key (migration 0106): the address says where the
// tenant is going to live. Searching decrypts and filters, as client names do.
import { randomUUID } from 'node:crypto';
import type { Queryable, SqlValue } from '../db/sqlite.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { matchesAll, searchWords, type Actor } from './audit.js';
import { insertRecord, metaView, restore, softDelete, updateRecord, type MetaRow } from './records.js';

export interface ListingFields {
  caseId: string;
  roadAddress?: string | null;
  jibunAddress?: string | null;
  dong?: string | null;
  ho?: string | null;
  buildingType: string;
  leaseType: string;
  deposit: number;
  monthlyRent: number;
  maintenanceFee?: number | null;
  exclusiveAreaM2?: number | null;
  floor?: number | null;
  floorKind?: string | null;
  approvalYear?: number | null;
  marketValue?: number | null;
  marketValueSource?: string | null;
  officialPrice?: number | null;
  lat?: number | null;
  lon?: number | null;
  landlordName?: string | null;
  brokerName?: string | null;
  brokerOffice?: string | null;
  brokerRegNo?: string | null;
  notes?: string | null;
}

const PLAIN: [keyof ListingFields, string][] = [
  ['caseId', 'case_id'],
  ['buildingType', 'building_type'],
  ['leaseType', 'lease_type'],
  ['deposit', 'deposit'],
  ['monthlyRent', 'monthly_rent'],
  ['maintenanceFee', 'maintenance_fee'],
  ['exclusiveAreaM2', 'exclusive_area_m2'],
  ['floor', 'floor'],
  ['floorKind', 'floor_kind'],
  ['approvalYear', 'approval_year'],
  ['marketValue', 'market_value'],
  ['marketValueSource', 'market_value_source'],
  ['officialPrice', 'official_price'],
];
const SECRET: [keyof ListingFields, string][] = [
  ['roadAddress', 'road_address_enc'],
  ['jibunAddress', 'jibun_address_enc'],
  ['dong', 'dong_enc'],
  ['ho', 'ho_enc'],
  ['brokerName', 'broker_name_enc'],
  ['brokerOffice', 'broker_office_enc'],
  ['brokerRegNo', 'broker_reg_no_enc'],
  ['landlordName', 'landlord_name_enc'],
  ['notes', 'notes_enc'],
];

export type LocationSource = 'click' | 'typed' | 'address';
export interface ListingLocation { lon: number; lat: number; source: LocationSource | 'legacy' }

/** The listing's place: the encrypted one (0114), else a legacy plaintext one; null when unplaced or destroyed. */
export function listingLocation(cipher: FieldCipher, row: Record<string, unknown>): ListingLocation | null {
  const plain = cipher.decrypt((row.location_enc as string | null) ?? null);
  if (plain) {
    const v = JSON.parse(plain) as ListingLocation;
    if (Number.isFinite(v.lon) && Number.isFinite(v.lat)) return v;
  }
  if (typeof row.lat === 'number' && typeof row.lon === 'number') return { lon: row.lon, lat: row.lat, source: 'legacy' };
  return null;
}

const sealLocation = (cipher: FieldCipher, loc: { lon: number; lat: number; source: string } | null) =>
  loc ? cipher.encrypt(JSON.stringify({ lon: loc.lon, lat: loc.lat, source: loc.source })) : null;

/** Places (or, with null, unplaces) a listing: encrypted under the client's key, plaintext columns cleared. */
export async function setListingLocation(q: Queryable, cipher: FieldCipher, actor: Actor, id: string, loc: { lon: number; lat: number; source: LocationSource } | null) {
  const before = await q.get<{ id: string }>('SELECT id FROM listings WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!before) return false;
  return updateRecord(q, actor, 'listings', id, { location_enc: sealLocation(cipher, loc), lat: null, lon: null }, ['location']);
}

type ListingRow = MetaRow & Record<string, string | number | null>;

const SELECT = `SELECT l.*, u.name AS updated_by_name FROM listings l
  JOIN cases k ON k.id = l.case_id
  JOIN clients c ON c.id = k.client_id
  LEFT JOIN managers u ON u.id = l.updated_by`;
const LIVE = 'l.deleted_at IS NULL AND k.deleted_at IS NULL AND c.deleted_at IS NULL';

export function listingView(cipher: FieldCipher, row: ListingRow) {
  const view: Record<string, unknown> = { ...metaView(row) };
  for (const [field, col] of PLAIN) view[field] = row[col] ?? null;
  for (const [field, col] of SECRET) view[field] = cipher.decrypt(row[col] as string | null);
  const loc = listingLocation(cipher, row);
  view.lat = loc?.lat ?? null;
  view.lon = loc?.lon ?? null;
  view.locationSource = loc?.source ?? null;
  return view as ReturnType<typeof metaView> & Required<{ [K in keyof ListingFields]: ListingFields[K] | null }> & { locationSource: ListingLocation['source'] | null };
}

export async function createListing(q: Queryable, cipher: FieldCipher, actor: Actor, f: ListingFields, isDemo = false) {
  const id = randomUUID();
  const cols: Record<string, SqlValue> = {};
  for (const [field, col] of PLAIN) cols[col] = (f[field] as SqlValue) ?? null;
  for (const [field, col] of SECRET) cols[col] = cipher.encrypt(f[field] as string | null);
  cols.location_enc = f.lat != null && f.lon != null ? sealLocation(cipher, { lon: f.lon, lat: f.lat, source: 'typed' }) : null;
  await insertRecord(q, actor, 'listings', id, cols as Record<string, string | number | null>, {
    isDemo,
    auditFields: Object.keys(f).filter((k) => f[k as keyof ListingFields] != null),
  });
  return id;
}

export async function updateListing(q: Queryable, cipher: FieldCipher, actor: Actor, id: string, f: ListingFields) {
  const before = await q.get<ListingRow>('SELECT * FROM listings WHERE id = ? AND deleted_at IS NULL', [id]);
  if (!before) return false;
  const updates: Record<string, string | number | null> = {};
  const changed: string[] = [];
  for (const [field, col] of PLAIN) {
    const v = (f[field] as string | number | null | undefined) ?? null;
    if ((before[col] ?? null) !== v) {
      updates[col] = v;
      changed.push(field);
    }
  }
  for (const [field, col] of SECRET) {
    const v = (f[field] as string | null | undefined) || null;
    if (cipher.decrypt(before[col] as string | null) !== v) {
      updates[col] = cipher.encrypt(v);
      changed.push(field);
    }
  }
  // The place is set by listings.setLocation; an update changes it only when it names coordinates.
  if (f.lat !== undefined && f.lon !== undefined) {
    const old = listingLocation(cipher, before);
    const same = (old == null && f.lat == null) || (old != null && old.lat === f.lat && old.lon === f.lon);
    if (!same) {
      updates.location_enc = f.lat != null && f.lon != null ? sealLocation(cipher, { lon: f.lon, lat: f.lat, source: 'typed' }) : null;
      updates.lat = null;
      updates.lon = null;
      changed.push('location');
    }
  }
  if (changed.length === 0) return true;
  return updateRecord(q, actor, 'listings', id, updates, changed);
}

export function getListing(q: Queryable, id: string) {
  return q.get<ListingRow>(`${SELECT} WHERE l.id = ? AND ${LIVE}`, [id]);
}

/** What reads a listing's address: any cipher (`ctx.cipher`) decrypts every client's tokens. */
export interface AddressReader {
  decrypt(token: string | null | undefined): string | null;
  tryDecrypt(token: string | null | undefined): string | null;
}

/** The encrypted address columns of a listing row (joined under the alias `a`). */
export const addressColumns = (a: string) => `${a}.road_address_enc, ${a}.jibun_address_enc, ${a}.dong_enc, ${a}.ho_enc`;

export interface EncryptedAddress {
  road_address_enc: string | null;
  jibun_address_enc: string | null;
  dong_enc: string | null;
  ho_enc: string | null;
}
export interface ListingAddress {
  road_address: string | null;
  jibun_address: string | null;
  dong: string | null;
  ho: string | null;
}

/** The address of a listing row; all null once its client's key was destroyed. */
export function openAddress(cipher: AddressReader, row: EncryptedAddress | Record<string, unknown>): ListingAddress {
  const r = row as Record<string, string | null | undefined>;
  return {
    road_address: cipher.decrypt(r.road_address_enc),
    jibun_address: cipher.decrypt(r.jibun_address_enc),
    dong: cipher.decrypt(r.dong_enc),
    ho: cipher.decrypt(r.ho_enc),
  };
}

/**
 * Korean partial words match the addresses, 동·호 and the broker's office (「관악」 → 「관악구 …」).
 * The columns are encrypted: rows are decrypted and filtered here (a damaged token matches nothing).
 */
export async function listListings(q: Queryable, f: { caseId?: string; query?: string }, cipher: AddressReader) {
  const where = [LIVE];
  const params: SqlValue[] = [];
  if (f.caseId) {
    where.push('l.case_id = ?');
    params.push(f.caseId);
  }
  const rows = await q.all<ListingRow>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY l.created_at`, params);
  const words = searchWords(f.query);
  if (words.length === 0) return rows;
  // Every word must match one of the searchable fields.
  return rows.filter((r) => {
    const d = (col: string) => cipher.tryDecrypt(r[col] as string | null) ?? '';
    const fields = [d('road_address_enc'), d('jibun_address_enc'), d('broker_office_enc'), `${d('dong_enc')} ${d('ho_enc')}`];
    return words.every((w) => fields.some((t) => matchesAll(t, [w])));
  });
}

export const deleteListing = (q: Queryable, actor: Actor, id: string) => softDelete(q, actor, 'listings', id);
export const restoreListing = (q: Queryable, actor: Actor, id: string) => restore(q, actor, 'listings', id);
