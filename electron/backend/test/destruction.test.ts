// Issue 10 item 1–2: withdrawal and retention expiry destroy a client's personal data
// everywhere it lives. One client is seeded through every module; after destruction every API
// method that can reach them is read, and every file of the data folder is scanned for the
// seeded strings in UTF-8, UTF-16 (LE and BE) and CP949: zero hits.
import { copyFile, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { openWithPoppler } from '../reports/poppler.js';
import { consented, signedIn } from './harness.js';

let h: Awaited<ReturnType<typeof signedIn>> | undefined;
afterEach(async () => h?.backend.close());

const SEEDED = {
  name: '탁윤서',
  phone: '010-9876-5432',
  clientNotes: '고객메모수달',
  caseNotes: '상담메모너구리',
  road: '서울특별시 관악구 비밀길 77',
  ho: '909호',
  landlord: '방영칠',
  listingNotes: '집주인연락처고라니',
  broker: '권중개해오라기',
  holder: '하정국',
  answerNote: '침수메모두루미',
  textAnswer: '가스계량기뒷마당',
  longAnswer: '현장소감올빼미',
  meeting: '낙성대역 9번 출구 앞',
  observations: '곰팡이관찰물총새',
  impressionNote: '채광소감딱따구리',
  followUp: '후속확인황조롱이',
  summary: '요약왜가리',
  nextSteps: '다음단계청둥오리',
  amendment: '정정기록원앙',
};
const strings = Object.values(SEEDED);
const encodings = (s: string) => [
  Buffer.from(s, 'utf8'),
  Buffer.from(s, 'utf16le'),
  Buffer.from(s, 'utf16le').swap16(),
  iconv.encode(s, 'cp949'),
];

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else out.push(p);
  }
  return out;
}

/** The seeded strings (of `among`) a file holds, in any of the four encodings. */
async function scanFile(file: string, among: string[] = strings): Promise<string[]> {
  const bytes = await readFile(file);
  return among.filter((s) => encodings(s).some((b) => bytes.includes(b)));
}

/** Every (file, seeded string) pair found in the folder, in any of the four encodings. */
async function scanFolder(dir: string): Promise<string[]> {
  const hits: string[] = [];
  for (const f of await allFiles(dir)) {
    const bytes = await readFile(f);
    for (const s of strings) if (encodings(s).some((b) => bytes.includes(b))) hits.push(`${path.relative(dir, f)}: ${s}`);
  }
  return hits;
}

const jpeg = (color: string) => sharp({ create: { width: 640, height: 480, channels: 3, background: color } }).jpeg().toBuffer();
const signaturePng = async () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M10 80 C 60 10, 110 110, 160 40" stroke="#111" stroke-width="4" fill="none"/></svg>';
  return `data:image/png;base64,${(await sharp(Buffer.from(svg)).png().toBuffer()).toString('base64')}`;
};

/** One client through every module. */
async function seedEverywhere() {
  h = await signedIn();
  await h.api('session.setLockAfter', { minutes: 240 });
  const api = h.api;
  const c = await api('clients.create', {
    consent: consented(), name: SEEDED.name, phone: SEEDED.phone, notes: SEEDED.clientNotes,
    ageBand: '20s', gender: 'female', currentDistrict: '동작구', desiredDistricts: ['관악구'], budgetDeposit: 100_000_000,
  });
  const k = await api('cases.create', { clientId: c.id, caseType: 'viewing_accompany', district: '관악구', openedOn: '2026-11-20', notes: SEEDED.caseNotes });
  const l = await api('listings.create', {
    caseId: k.id, roadAddress: SEEDED.road, ho: SEEDED.ho, buildingType: 'rowhouse_multiplex', leaseType: 'jeonse',
    deposit: 150_000_000, monthlyRent: 0, lat: 37.4712345, lon: 126.9512345, landlordName: SEEDED.landlord, notes: SEEDED.listingNotes,
    brokerName: SEEDED.broker,
  });
  await api('registry.save', {
    listingId: l.id,
    registry: {
      certificate: { issuedAt: '2026-11-27T10:00', collective: true },
      gapgu: [{ rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: '제5001호', holders: [SEEDED.holder], maxClaim: null, cancelled: false }],
      landlord: { taxArrears: false },
      contract: { contractDate: '2026-11-27', moveInDate: '2027-01-10', fixedDate: '2027-01-10' },
    },
  });
  const run = await api('checklists.runs.start', { listingId: l.id, templateId: 'inspection' });
  await api('checklists.runs.answer', { runId: run.run.id, itemId: 'floodMarks', value: 'yes', note: SEEDED.answerNote });
  await api('checklists.runs.answer', { runId: run.run.id, itemId: 'gasMeterLocation', value: SEEDED.textAnswer });
  await api('checklists.runs.answer', { runId: run.run.id, itemId: 'viewingNotes', value: SEEDED.longAnswer });
  await api('checklists.runs.attachPhoto', { runId: run.run.id, itemId: 'overviewPhotos', name: `${SEEDED.name}.jpg`, dataBase64: (await jpeg('#335577')).toString('base64') });

  const v = await api('viewings.plan', { caseId: k.id, date: '2026-11-27', startTime: '10:00', meetingPlace: SEEDED.meeting, listingIds: [l.id] });
  const stop = v.stops[0].id;
  await api('viewings.arrive', { stopId: stop });
  await api('viewings.updateStop', { stopId: stop, field: 'observations', value: SEEDED.observations });
  await api('viewings.updateStop', { stopId: stop, field: 'impression', value: 'poor' });
  await api('viewings.updateStop', { stopId: stop, field: 'impressionNote', value: SEEDED.impressionNote });
  await api('viewings.updateStop', { stopId: stop, field: 'followUps', value: [{ text: SEEDED.followUp, done: false }] });
  await api('viewings.addPhoto', { stopId: stop, dataBase64: (await jpeg('#aa7744')).toString('base64') });
  await api('viewings.depart', { stopId: stop });
  await api('viewings.close', { id: v.id, tenantName: SEEDED.name, signaturePng: await signaturePng(), satisfaction: 4, summary: SEEDED.summary, nextSteps: SEEDED.nextSteps });
  await api('viewings.amend', { id: v.id, text: SEEDED.amendment });
  return { c, k, l, runId: run.run.id, v, stop };
}

/** Reads every API method that can reach the client; returns what they say as one text, PDFs as their text. */
async function readEverything(ids: Awaited<ReturnType<typeof seedEverywhere>>): Promise<string> {
  const x = h!;
  const parts: unknown[] = [];
  const add = async (method: string, input: unknown) => {
    const r = await x.raw(method, input);
    parts.push(r.ok ? r.result : r.error);
  };
  await add('clients.get', { id: ids.c.id });
  await add('clients.list', {});
  await add('clients.list', { query: SEEDED.name });
  await add('clients.findByPhone', { phone: SEEDED.phone });
  await add('cases.get', { id: ids.k.id });
  await add('cases.list', {});
  await add('listings.get', { id: ids.l.id });
  await add('listings.list', { caseId: ids.k.id });
  await add('registry.get', { listingId: ids.l.id });
  await add('rights.analyze', { listingId: ids.l.id });
  await add('checklists.runs.list', { listingId: ids.l.id });
  await add('checklists.runs.get', { id: ids.runId });
  await add('viewings.get', { id: ids.v.id });
  await add('viewings.forCase', { caseId: ids.k.id });
  await add('viewings.list', { date: '2026-11-27', span: 'week', everyone: true });
  await add('viewings.ics', { id: ids.v.id });
  await add('viewings.signature', { id: ids.v.id });
  await add('audit.list', { id: ids.c.id });
  let text = JSON.stringify(parts);
  for (const [method, input] of [['reports.tenant', { caseId: ids.k.id, locale: 'ko' }], ['reports.viewing', { viewingId: ids.v.id, locale: 'ko' }]] as const) {
    const r = await x.raw(method, input);
    if (!r.ok) {
      text += JSON.stringify(r.error);
      continue;
    }
    const pdf = await openWithPoppler(Buffer.from((r.result as { dataBase64: string }).dataBase64, 'base64'));
    text += await pdf.text();
    await pdf.dispose();
  }
  return text;
}

describe('destruction follows the data everywhere', () => {
  it('withdrawal: no API method returns, and no file of the data folder holds, any seeded string; statistics facts stay', async () => {
    const ids = await seedEverywhere();
    const x = h!;
    // Sanity: before withdrawal the API does show them (the test can fail).
    const before = await readEverything(ids);
    for (const s of [SEEDED.name, SEEDED.landlord, SEEDED.meeting, SEEDED.observations, SEEDED.answerNote, SEEDED.textAnswer, SEEDED.amendment]) {
      expect(before).toContain(s);
    }
    expect((await x.raw('reports.tenant', { caseId: ids.k.id, locale: 'ko' })).ok).toBe(true);
    const filesBefore = await allFiles(path.join(x.dir, 'files'));
    expect(filesBefore.length).toBeGreaterThanOrEqual(5); // checklist photo ×2, stop photo ×2, signature
    // A backup taken before the withdrawal (a copy the app can no longer rewrite), kept elsewhere.
    await x.backend.db.checkpoint();
    const backupFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'ansim-backup-')), 'backup-before.sqlite');
    await copyFile(path.join(x.dir, 'ansim.sqlite'), backupFile);
    // Issue 10 item 1 (migration 0106): the listing's address, 동·호 and broker are encrypted under
    // the client's key — the raw database file, and so the backup, never holds them readable…
    const address = [SEEDED.road, SEEDED.ho, SEEDED.broker];
    expect(before).toContain(SEEDED.road);
    expect(await scanFile(path.join(x.dir, 'ansim.sqlite'), address)).toEqual([]);
    expect(await scanFile(backupFile, address)).toEqual([]);
    // …while searching by address (decrypt and filter) still finds the listing.
    const found = await x.api('listings.list', { caseId: ids.k.id, query: '비밀길 909' });
    expect(found.map((l) => l.id)).toEqual([ids.l.id]);
    expect(await x.api('listings.list', { caseId: ids.k.id, query: '없는길' })).toEqual([]);

    await x.api('clients.withdrawConsent', { id: ids.c.id });

    const after = await readEverything(ids);
    expect(strings.filter((s) => after.includes(s))).toEqual([]);
    // The tenant report still renders (with what remains).
    expect((await x.raw('reports.tenant', { caseId: ids.k.id, locale: 'ko' })).ok).toBe(true);
    expect(after).not.toContain('37.4712345');
    expect(after).not.toContain('126.9512345');
    expect(after).not.toMatch(/9876.?5432/);

    // Every file of the folder: database, WAL, keys, sealed files.
    expect(await scanFolder(x.dir)).toEqual([]);
    // Sealed files whose last row went are gone.
    expect(await allFiles(path.join(x.dir, 'files'))).toEqual([]);
    // The WAL was checkpointed.
    expect((await stat(path.join(x.dir, 'ansim.sqlite-wal')).catch(() => ({ size: 0 }))).size).toBe(0);

    // The backup's ciphertext no longer decrypts: the client's key is gone.
    const { Database } = await import('../../../data/db/sqlite.js');
    const backup = await Database.open(backupFile);
    const row = await backup.get<{ name_enc: string }>('SELECT name_enc FROM clients WHERE id = ?', [ids.c.id]);
    expect(row!.name_enc).toMatch(/^k1:/);
    expect(x.backend.keys.folderCipher.decrypt(row!.name_enc)).toBeNull();
    const obs = await backup.get<{ observations_enc: string }>('SELECT observations_enc FROM viewing_stops WHERE id = ?', [ids.stop]);
    expect(x.backend.keys.folderCipher.decrypt(obs!.observations_enc)).toBeNull();
    // The listing's address in the backup was ciphertext under the client's key: now unreadable.
    const addr = await backup.get<Record<string, string | null>>(
      'SELECT road_address, ho, broker_name, road_address_enc, ho_enc, broker_name_enc FROM listings WHERE id = ?', [ids.l.id]);
    expect(addr).toMatchObject({ road_address: null, ho: null, broker_name: null });
    for (const col of ['road_address_enc', 'ho_enc', 'broker_name_enc']) {
      expect(addr![col]).toMatch(new RegExp(`^k1:${ids.c.id}:`));
      expect(x.backend.keys.folderCipher.decrypt(addr![col])).toBeNull();
    }
    expect(await scanFile(backupFile, address)).toEqual([]);
    await backup.close();

    // What the statistics need stays.
    const client = await x.api('clients.get', { id: ids.c.id });
    expect(client).toMatchObject({ ageBand: '20s', gender: 'female', currentDistrict: '동작구', name: null, phone: null, notes: null });
    const kase = await x.api('cases.get', { id: ids.k.id });
    expect(kase).toMatchObject({ caseType: 'viewing_accompany', district: '관악구', openedOn: '2026-11-20' });
    const listing = await x.api('listings.get', { id: ids.l.id });
    expect(listing).toMatchObject({ deposit: 150_000_000, leaseType: 'jeonse', roadAddress: null, lat: null, lon: null, landlordName: null });
    const v = await x.api('viewings.get', { id: ids.v.id });
    expect(v).toMatchObject({ satisfaction: 4, date: '2026-11-27', tenantName: null, summary: null, meetingPlace: '' });
    expect(v.stops[0]).toMatchObject({ impression: 'poor', observations: null, photos: [] });
    const run = await x.api('checklists.runs.get', { id: ids.runId });
    expect(run.answers.find((a) => a.itemId === 'floodMarks')).toMatchObject({ value: 'yes' });
    expect(run.answers.find((a) => a.itemId === 'floodMarks')!.note).toBeUndefined();
  }, 60_000);

  it('retention expiry destroys the same way, at the daily sweep', async () => {
    const ids = await seedEverywhere();
    const x = h!;
    // consented(): 2026-11-20 + 12 months.
    x.clock.now = new Date('2027-11-21T01:00:00Z');
    await x.api('session.unlock', { pin: '1234' }).catch(() => undefined);
    await x.raw('session.status', {}); // any call runs the daily sweep
    const after = await readEverything(ids);
    expect(strings.filter((s) => after.includes(s))).toEqual([]);
    expect(await scanFolder(x.dir)).toEqual([]);
    expect(await allFiles(path.join(x.dir, 'files'))).toEqual([]);
    expect((await x.api('clients.get', { id: ids.c.id })).consent.destroyedAt).not.toBeNull();
  }, 60_000);
});
