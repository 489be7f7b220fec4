// Desk → city statistics files: de-identified case rows for a period, signed with the desk's
// Ed25519 key. The city enrols a desk by its key's fingerprint and refuses a file from a desk it
// has not enrolled, or one whose bytes were altered, saying which.
//
// File: {"format":"ansim-stats-signed/1","payload":"<JSON text>","signature":"<base64>"}; the
// signature covers the payload's exact UTF-8 bytes, so no canonical JSON is needed.
import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { ExportRow } from '../../../data/repos/stats-exchange.js';

export const FILE_FORMAT = 'ansim-stats-signed/1';
export const PAYLOAD_FORMAT = 'ansim-stats/1';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A row is an array in this column order (a year of 25 districts is hundreds of thousands of rows:
 * arrays keep the file small and the check fast). Nothing identifies a person: `key` and `person`
 * are HMACs under the desk's secret, truncated to 128 bits.
 */
export const ROW_COLUMNS = [
  'key', 'person', 'district', 'openedOn', 't_contract', 't_search', 't_viewing', 't_contract_day', 't_policy',
  'ageBand', 'gender', 'residence', 'listingDistrict', 'movingIntoSeoul', 'viewings', 'checklists', 'verdict', 'programmes',
  's_solved', 's_expertise', 's_kindness', 's_convenience', 's_recommend',
] as const;
export type CityRowArray = (string | number | null | string[])[];

const HEX32 = /^[0-9a-f]{32}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PROGRAMME = /^[a-z0-9-]{1,60}$/;
const shortText = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 20);
const flag = (v: unknown) => v === 0 || v === 1;
const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const score = (v: unknown) => v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5);
const CHECKS: ((v: unknown) => boolean)[] = [
  (v) => typeof v === 'string' && HEX32.test(v),
  (v) => typeof v === 'string' && HEX32.test(v),
  (v) => typeof v === 'string' && v.length >= 1 && v.length <= 20,
  (v) => typeof v === 'string' && DAY.test(v),
  flag, flag, flag, flag, flag,
  shortText, shortText, shortText, shortText,
  (v) => v === null || flag(v),
  count, count,
  (v) => v === null || v === 'safe' || v === 'caution' || v === 'danger',
  (v) => Array.isArray(v) && v.length <= 20 && v.every((p) => typeof p === 'string' && PROGRAMME.test(p)),
  score, score, score, score, score,
];

/** The first column of a row that is not what the format allows, or null. Extra columns are refused. */
export function rowProblem(r: unknown): string | null {
  if (!Array.isArray(r) || r.length !== ROW_COLUMNS.length) return 'row';
  for (let i = 0; i < CHECKS.length; i++) if (!CHECKS[i](r[i])) return ROW_COLUMNS[i];
  return null;
}

export const payloadSchema = z
  .object({
    format: z.literal(PAYLOAD_FORMAT),
    desk: z.object({ fingerprint: z.string(), publicKey: z.string(), label: z.string().max(100), district: z.string().max(20).nullable() }).strict(),
    period: z.object({ from: day, to: day }).strict(),
    createdAt: z.string(),
    columns: z.array(z.string()).refine((c) => c.join() === ROW_COLUMNS.join(), 'columns'),
    rows: z.array(z.unknown()),
  })
  .strict();
export type CityPayload = z.infer<typeof payloadSchema>;

export interface DeskKeys {
  /** PKCS#8 DER, base64. */
  privateKey: string;
  /** SPKI DER, base64. */
  publicKey: string;
  /** Secret for the row and person HMACs (base64, 32 bytes). */
  hmacSecret: string;
}

export function newDeskKeys(): DeskKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    hmacSecret: createHash('sha256').update(privateKey.export({ format: 'der', type: 'pkcs8' })).update('ansim/stats-hmac/v1').digest('base64'),
  };
}

/** SHA-256 of the SPKI public key, as 16 groups of 4 hex digits (read aloud or compared on paper). */
export function fingerprint(publicKeyB64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** Normalises a typed fingerprint (spaces, colons, case) for comparison. */
export function normaliseFingerprint(s: string): string {
  const hex = s.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.match(/.{1,4}/g)?.join(' ') ?? '';
}

export function hmacKey(keys: DeskKeys, kind: 'case' | 'person', id: string): string {
  return createHmac('sha256', Buffer.from(keys.hmacSecret, 'base64')).update(`${kind}:${id}`).digest('hex').slice(0, 32);
}

/** A desk's export row (data/repos/stats-exchange.ts) in the file's column order. */
export function toRowArray(r: ExportRow): CityRowArray {
  return [
    r.key, r.person, r.district, r.openedOn, r.types.contract, r.types.search, r.types.viewing, r.types.contract_day, r.types.policy,
    r.ageBand, r.gender, r.residence, r.listingDistrict, r.movingIntoSeoul, r.viewings, r.checklists, r.verdict, r.programmes,
    r.survey.solved, r.survey.expertise, r.survey.kindness, r.survey.convenience, r.survey.recommend,
  ];
}

export function signFile(keys: DeskKeys, payload: { desk: { label: string; district: string | null }; period: { from: string; to: string }; createdAt: string; rows: ExportRow[] }): string {
  const body: CityPayload = {
    format: PAYLOAD_FORMAT,
    desk: { fingerprint: fingerprint(keys.publicKey), publicKey: keys.publicKey, label: payload.desk.label, district: payload.desk.district },
    period: payload.period,
    createdAt: payload.createdAt,
    columns: [...ROW_COLUMNS],
    rows: payload.rows.map(toRowArray),
  };
  const text = JSON.stringify(body);
  const key = createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const signature = sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
  return JSON.stringify({ format: FILE_FORMAT, payload: text, signature });
}

export type RefusalReason = 'malformed' | 'not-enrolled' | 'revoked' | 'altered';

export class CityFileRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail: { ko: string; en: string },
  ) {
    super(detail.en);
  }
}

export interface EnrolledDesk {
  fingerprint: string;
  label: string;
  revokedAt: string | null;
}

/**
 * Checks a file: well-formed, from an enrolled desk (by the fingerprint of the key in the file),
 * signed by that key over these exact bytes, and PII-free by schema. Throws CityFileRefused.
 */
export function verifyFile(text: string, enrolled: (fp: string) => EnrolledDesk | undefined): { payload: CityPayload; payloadText: string; sha256: string } {
  const sha256 = createHash('sha256').update(text).digest('hex');
  let outer: { format?: unknown; payload?: unknown; signature?: unknown };
  try {
    outer = JSON.parse(text);
  } catch {
    throw new CityFileRefused('malformed', { ko: '통계 파일 형식이 아닙니다 (JSON 아님).', en: 'Not a statistics file (not JSON).' });
  }
  if (outer?.format !== FILE_FORMAT || typeof outer.payload !== 'string' || typeof outer.signature !== 'string') {
    throw new CityFileRefused('malformed', { ko: `통계 파일 형식이 아닙니다 (${FILE_FORMAT} 필요).`, en: `Not a statistics file (expected ${FILE_FORMAT}).` });
  }
  let inner: { desk?: { publicKey?: unknown } };
  try {
    inner = JSON.parse(outer.payload);
  } catch {
    throw new CityFileRefused('altered', { ko: '파일 내용이 변경되어 서명이 맞지 않습니다.', en: 'The file was altered: its signature does not match.' });
  }
  const pub = inner?.desk?.publicKey;
  if (typeof pub !== 'string') throw new CityFileRefused('malformed', { ko: '파일에 센터 공개키가 없습니다.', en: 'The file names no desk key.' });
  const fp = fingerprint(pub);
  const desk = enrolled(fp);
  if (!desk) throw new CityFileRefused('not-enrolled', { ko: `등록되지 않은 센터의 파일입니다 (키 지문 ${fp}). 코디네이터가 먼저 이 센터를 등록해야 합니다.`, en: `File from a desk that is not enrolled (key fingerprint ${fp}). A coordinator must enrol the desk first.` });
  if (desk.revokedAt) throw new CityFileRefused('revoked', { ko: `등록이 해제된 센터의 파일입니다 (${desk.label}, ${desk.revokedAt.slice(0, 10)} 해제).`, en: `File from a desk whose enrolment was revoked (${desk.label}, ${desk.revokedAt.slice(0, 10)}).` });
  let ok = false;
  try {
    const key = createPublicKey({ key: Buffer.from(pub, 'base64'), format: 'der', type: 'spki' });
    ok = verify(null, Buffer.from(outer.payload, 'utf8'), key, Buffer.from(outer.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new CityFileRefused('altered', { ko: `파일 내용이 변경되어 서명이 맞지 않습니다 (${desk.label}).`, en: `The file was altered: its signature does not match (${desk.label}).` });
  const parsed = payloadSchema.safeParse(inner);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new CityFileRefused('malformed', { ko: `통계 파일의 항목이 올바르지 않습니다: ${i.path.join('.')}`, en: `A field of the statistics file is not valid: ${i.path.join('.')}` });
  }
  if (parsed.data.desk.fingerprint !== fp) throw new CityFileRefused('altered', { ko: '파일의 키 지문이 공개키와 맞지 않습니다.', en: "The file's fingerprint does not match its key." });
  for (let i = 0; i < parsed.data.rows.length; i++) {
    const bad = rowProblem(parsed.data.rows[i]);
    if (bad) throw new CityFileRefused('malformed', { ko: `통계 파일 ${i + 1}번째 행의 ${bad} 항목이 올바르지 않습니다.`, en: `Row ${i + 1} of the statistics file: ${bad} is not valid.` });
  }
  return { payload: parsed.data, payloadText: outer.payload, sha256 };
}
