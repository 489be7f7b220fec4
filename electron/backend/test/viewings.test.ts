// The viewing module's API against a real SQLite database and file store.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { openWithPoppler } from '../reports/poppler.js';
import { consented, signedIn } from './harness.js';

let h: Awaited<ReturnType<typeof signedIn>> | undefined;
afterEach(async () => h?.backend.close());

const listingBase = { buildingType: 'rowhouse_multiplex', leaseType: 'jeonse', deposit: 150_000_000, monthlyRent: 0 } as const;

/** A client 김민지 with a case and three listings along 관악로 (south, north, middle). */
async function setup() {
  h = await signedIn();
  // The tests move the clock by up to a few hours on site; the idle lock must not interfere.
  await h.api('session.setLockAfter', { minutes: 240 });
  const c = await h.api('clients.create', { consent: consented(['name']), name: '김민지', desiredDistricts: [] });
  const k = await h.api('cases.create', { clientId: c.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-20' });
  const south = await h.api('listings.create', { ...listingBase, caseId: k.id, roadAddress: '서울특별시 관악구 관악로 1', ho: '302호', lat: 37.47, lon: 126.952 });
  const north = await h.api('listings.create', { ...listingBase, caseId: k.id, roadAddress: '서울특별시 관악구 관악로 300', lat: 37.481, lon: 126.9527 });
  const middle = await h.api('listings.create', { ...listingBase, caseId: k.id, roadAddress: '서울특별시 관악구 관악로 150', lat: 37.476, lon: 126.9525 });
  return { h, k, south, north, middle };
}

/** A signature as the canvas gives it: transparent PNG with a dark stroke. */
async function signature(blank = false) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120">${blank ? '' : '<path d="M10 80 C 60 10, 110 110, 160 40 S 260 90, 290 30" stroke="#111" stroke-width="4" fill="none"/>'}</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

const photo = () => sharp({ create: { width: 1200, height: 900, channels: 3, background: '#7a9' } }).jpeg().toBuffer();

describe('viewings', () => {
  it('plans a viewing in the suggested walking order and lists it for the day and the week, only for its managers', async () => {
    const { h, k, south, north, middle } = await setup();
    const order = await h.api('viewings.suggestOrder', { listingIds: [south.id, north.id, middle.id] });
    expect(order.listingIds).toEqual([south.id, middle.id, north.id]);
    expect(order.note.ko).toContain('가장 가까운');
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-12-02', startTime: '14:00', meetingPlace: '서울대입구역 3번 출구', listingIds: order.listingIds });
    expect(v.status).toBe('planned');
    expect(v.stops.map((s) => s.listingId)).toEqual([south.id, middle.id, north.id]);
    expect(v.managerNames).toEqual(['정상담']);
    expect(v.clientLabel).toBe('김민지');

    // 2026-12-02 is a Wednesday: the week runs Monday 11-30 to Sunday 12-06.
    expect((await h.api('viewings.list', { date: '2026-12-02', span: 'day' })).map((x) => x.id)).toEqual([v.id]);
    expect((await h.api('viewings.list', { date: '2026-11-30', span: 'week' })).map((x) => x.id)).toEqual([v.id]);
    expect((await h.api('viewings.list', { date: '2026-12-06', span: 'week' })).map((x) => x.id)).toEqual([v.id]);
    expect(await h.api('viewings.list', { date: '2026-12-07', span: 'week' })).toEqual([]);
    expect(await h.api('viewings.list', { date: '2026-12-03', span: 'day' })).toEqual([]);

    // Another manager does not see it in their own list, but does with everyone.
    const other = await h.api('managers.create', { name: '박동행', center: '관악구', brokerRegNo: '11620-2021-00001', districts: [], pin: '5678' });
    await h.api('session.start', { id: other.id, pin: '5678' });
    expect(await h.api('viewings.list', { date: '2026-12-02', span: 'day' })).toEqual([]);
    expect((await h.api('viewings.list', { date: '2026-12-02', span: 'day', everyone: true })).length).toBe(1);

    // Reordering keeps what was recorded at a stop; removing a listing drops its stop.
    const updated = await h.api('viewings.update', { id: v.id, listingIds: [north.id, south.id], managerIds: [v.managerIds[0], other.id] });
    expect(updated.stops.map((s) => s.listingId)).toEqual([north.id, south.id]);
    expect(updated.managerNames).toEqual(['정상담', '박동행']);
    expect(updated.stops[1].id).toBe(v.stops[0].id);
  });

  it('refuses listings of another case and impossible times, naming the field', async () => {
    const { h, k, south } = await setup();
    const c2 = await h.api('clients.create', { consent: consented(['name']), name: '이수', desiredDistricts: [] });
    const k2 = await h.api('cases.create', { clientId: c2.id, caseType: 'contract_consult', openedOn: '2026-11-20' });
    const foreign = await h.api('listings.create', { ...listingBase, caseId: k2.id, roadAddress: '서울특별시 마포구 1' });
    const r = await h.raw('viewings.plan', { caseId: k.id, date: '2026-12-02', startTime: '14:00', listingIds: [south.id, foreign.id] });
    expect(r.ok ? null : r.error.fields?.[0].path).toBe('listingIds.1');
    const t = await h.raw('viewings.plan', { caseId: k.id, date: '2026-12-02', startTime: '25:00', listingIds: [south.id] });
    expect(t.ok ? null : t.error.fields?.[0]).toMatchObject({ path: 'startTime', message: { ko: expect.stringContaining('HH:MM') } });
    const d = await h.raw('viewings.plan', { caseId: k.id, date: '2026-12-02', startTime: '14:00', listingIds: [south.id, south.id] });
    expect(d.ok ? null : d.error.message.ko).toContain('두 번');
  });

  it('exports the plan as an .ics event with the Seoul start time in UTC and no full name', async () => {
    const { h, k, south, north } = await setup();
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-12-02', startTime: '14:00', meetingPlace: '서울대입구역', listingIds: [south.id, north.id] });
    const ics = await h.api('viewings.ics', { id: v.id });
    expect(ics.mime).toBe('text/calendar');
    expect(ics.fileName).toBe('안심동행_2026-12-02_1400.ics');
    const text = ics.content.replace(/\r\n /g, '');
    expect(text).toContain('DTSTART:20261202T050000Z');
    expect(text).toContain(`UID:${v.id}@ansim-desk`);
    expect(text).toContain('김*지');
    expect(text).not.toContain('김민지');
  });

  it('records arrival and departure on server time, autosaves per field, links the inspection run both ways', async () => {
    const { h, k, south, north } = await setup();
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-11-27', startTime: '10:00', listingIds: [south.id, north.id] });
    const stop = v.stops[0].id;
    const early = await h.raw('viewings.depart', { stopId: stop });
    expect(early.ok ? null : early.error.message.ko).toContain('도착');
    h.clock.now = new Date('2026-11-27T01:05:00Z');
    const arrived = await h.api('viewings.arrive', { stopId: stop });
    expect(arrived.arrivedAt).toBe('2026-11-27T01:05:00.000Z');
    h.clock.now = new Date('2026-11-27T01:20:00Z');
    expect((await h.api('viewings.arrive', { stopId: stop })).arrivedAt).toBe('2026-11-27T01:05:00.000Z'); // a second tap does not move it
    h.clock.now = new Date('2026-11-27T01:32:00Z');
    const left = await h.api('viewings.depart', { stopId: stop });
    expect(left.durationMinutes).toBe(27);

    await h.api('viewings.updateStop', { stopId: stop, field: 'observations', value: '욕실 천장에 곰팡이.\n창문 틈새 바람.' });
    await h.api('viewings.updateStop', { stopId: stop, field: 'impression', value: 'poor' });
    await h.api('viewings.updateStop', { stopId: stop, field: 'impressionNote', value: '채광이 아쉬움' });
    const saved = await h.api('viewings.updateStop', { stopId: stop, field: 'followUps', value: [{ text: '건축물대장 요청', done: false }] });
    expect(saved).toMatchObject({ observations: '욕실 천장에 곰팡이.\n창문 틈새 바람.', impression: 'poor', impressionNote: '채광이 아쉬움', followUps: [{ text: '건축물대장 요청', done: false }] });
    // Encrypted at rest: the note is not in the database file in clear.
    const rows = await h.backend.db.all<{ observations_enc: string }>('SELECT observations_enc FROM viewing_stops WHERE id = ?', [stop]);
    expect(rows[0].observations_enc).toMatch(/^k1:/) // under the client’s own key;
    const audit = await h.api('audit.list', { id: stop });
    expect(audit.map((a) => a.fields.join())).toEqual(expect.arrayContaining(['arrivedAt', 'departedAt', 'observations', 'impression', 'impressionNote', 'followUps']));

    const first = await h.api('viewings.startInspection', { stopId: stop });
    expect(first.created).toBe(true);
    const again = await h.api('viewings.startInspection', { stopId: stop });
    expect(again).toMatchObject({ runId: first.runId, created: false });
    const run = await h.api('checklists.runs.get', { id: first.runId });
    expect(run.run.templateId).toBe('inspection');
    expect(run.run.listingId).toBe(south.id);
    expect((await h.api('viewings.get', { id: v.id })).stops[0].inspectionRunId).toBe(first.runId);
    expect(await h.api('viewings.forRun', { runId: first.runId })).toEqual({ viewingId: v.id, stopId: stop });
  });

  it('keeps photos encrypted on disk and serves them back; refuses a file that is not an image', async () => {
    const { h, k, south } = await setup();
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-11-27', startTime: '10:00', listingIds: [south.id] });
    const jpeg = await photo();
    const added = await h.api('viewings.addPhoto', { stopId: v.stops[0].id, name: 'bath.jpg', dataBase64: jpeg.toString('base64') });
    expect(added.duplicate).toBe(false);
    expect((await h.api('viewings.addPhoto', { stopId: v.stops[0].id, dataBase64: jpeg.toString('base64') })).duplicate).toBe(true);
    const thumb = await h.api('viewings.photo', { photoId: added.photo.id, size: 'thumb' });
    const meta = await sharp(Buffer.from(thumb.dataBase64, 'base64')).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    const dir = path.join(h.dir, 'files', 'viewing-photos');
    for (const f of await readdir(dir)) expect((await readFile(path.join(dir, f))).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const bad = await h.raw('viewings.addPhoto', { stopId: v.stops[0].id, dataBase64: Buffer.from('not an image at all').toString('base64') });
    expect(bad.ok ? null : bad.error.fields?.[0].path).toBe('dataBase64');
    await h.api('viewings.removePhoto', { photoId: added.photo.id });
    expect((await h.api('viewings.get', { id: v.id })).stops[0].photos).toEqual([]);
  });

  it('closes with the tenant’s typed name and drawn signature; then refuses edits and takes dated amendments', async () => {
    const { h, k, south } = await setup();
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-11-27', startTime: '10:00', listingIds: [south.id] });
    await h.api('viewings.updateStop', { stopId: v.stops[0].id, field: 'observations', value: '누수 흔적 없음' });
    expect((await h.raw('viewings.amend', { id: v.id, text: '정정' })).ok).toBe(false);
    const blank = await h.raw('viewings.close', { id: v.id, tenantName: '김민지', signaturePng: await signature(true) });
    expect(blank.ok ? null : blank.error.fields?.[0]).toMatchObject({ path: 'signaturePng', message: { ko: expect.stringContaining('비어') } });
    const noName = await h.raw('viewings.close', { id: v.id, tenantName: ' ', signaturePng: await signature() });
    expect(noName.ok ? null : noName.error.fields?.[0].path).toBe('tenantName');

    h.clock.now = new Date('2026-11-27T02:10:00Z');
    const closed = await h.api('viewings.close', { id: v.id, tenantName: '김민지', signaturePng: await signature(), satisfaction: 5, nextSteps: '등기부 다시 확인\n가계약 전 연락' });
    expect(closed).toMatchObject({ status: 'done', readOnly: true, tenantName: '김민지', hasSignature: true, satisfaction: 5, confirmedAt: '2026-11-27T02:10:00.000Z' });
    const sig = await h.api('viewings.signature', { id: v.id });
    expect((await sharp(Buffer.from(sig.dataBase64, 'base64')).metadata()).width).toBe(300);

    for (const [method, input] of [
      ['viewings.updateStop', { stopId: v.stops[0].id, field: 'observations', value: '바꿈' }],
      ['viewings.arrive', { stopId: v.stops[0].id }],
      ['viewings.update', { id: v.id, meetingPlace: '다른 곳' }],
      ['viewings.setStatus', { id: v.id, status: 'cancelled' }],
      ['viewings.close', { id: v.id, tenantName: '김민지', signaturePng: await signature() }],
      ['viewings.updateNotes', { id: v.id, field: 'nextSteps', value: '바꿈' }],
    ] as const) {
      const r = await h.raw(method, input);
      expect(r.ok ? method : r.error).toMatchObject({ code: 'CONFLICT', message: { ko: expect.stringContaining('정정 추가'), en: expect.stringContaining('read-only') } });
    }
    h.clock.now = new Date('2026-11-27T05:00:00Z');
    const amended = await h.api('viewings.amend', { id: v.id, field: 'observations', text: '욕실 환풍기 고장 추가 확인' });
    expect(amended.stops[0].observations).toBe('누수 흔적 없음');
    expect(amended.amendments).toEqual([{ id: expect.any(String), at: '2026-11-27T05:00:00.000Z', by: '정상담', field: 'observations', text: '욕실 환풍기 고장 추가 확인' }]);
  });

  it('closes with a typed name witnessed by the manager instead of a drawn signature, recorded as such in the log and the PDF', async () => {
    const { h, k, south } = await setup();
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-11-27', startTime: '10:00', listingIds: [south.id] });
    // Typed without the manager's witness tick: refused, naming the field.
    const unwitnessed = await h.raw('viewings.close', { id: v.id, tenantName: '김민지', method: 'typed' });
    expect(unwitnessed.ok ? null : unwitnessed.error.fields?.[0]).toMatchObject({ path: 'witnessed', message: { ko: expect.stringContaining('입회') } });
    // Drawn (the default) still needs the drawing.
    const undrawn = await h.raw('viewings.close', { id: v.id, tenantName: '김민지' });
    expect(undrawn.ok ? null : undrawn.error.fields?.[0].path).toBe('signaturePng');

    h.clock.now = new Date('2026-11-27T02:10:00Z');
    const closed = await h.api('viewings.close', { id: v.id, tenantName: '김민지', method: 'typed', witnessed: true, satisfaction: 4 });
    expect(closed).toMatchObject({ readOnly: true, status: 'done', tenantName: '김민지', hasSignature: false, confirmationMethod: 'typed', confirmedByName: '정상담', confirmedAt: '2026-11-27T02:10:00.000Z' });
    expect((await h.raw('viewings.signature', { id: v.id })).ok).toBe(false);
    // The typed name is personal data: encrypted at rest like the drawn signature.
    const row = await h.backend.db.get<{ tenant_name_enc: string; confirmation_method: string; signature_file: string | null }>('SELECT tenant_name_enc, confirmation_method, signature_file FROM viewings WHERE id = ?', [v.id]);
    expect(row).toMatchObject({ confirmation_method: 'typed', signature_file: null });
    expect(row!.tenant_name_enc).not.toContain('김민지');

    const log = await h.api('reports.viewing', { viewingId: v.id });
    const pdf = await openWithPoppler(Buffer.from(log.dataBase64, 'base64'));
    try {
      const text = (await pdf.text()).replace(/\s+/g, ' ');
      expect(text).toContain('이름 입력 확인 (서명 대신, 매니저 입회)');
      expect(text).toContain('입회인 정상담');
      expect(text).toContain('김*지');
      expect(text).not.toContain('김민지');
    } finally {
      await pdf.dispose();
    }
  }, 60_000);

  it('renders both PDFs from the database: the masked name, never the full one, and the recorded content', async () => {
    const { h, k, south, north } = await setup();
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-11-27', startTime: '10:00', meetingPlace: '서울대입구역 3번 출구', listingIds: [south.id, north.id] });
    const s = v.stops[0].id;
    h.clock.now = new Date('2026-11-27T01:05:00Z');
    await h.api('viewings.arrive', { stopId: s });
    h.clock.now = new Date('2026-11-27T01:30:00Z');
    await h.api('viewings.depart', { stopId: s });
    await h.api('viewings.updateStop', { stopId: s, field: 'observations', value: '욕실 천장에 곰팡이' });
    await h.api('viewings.updateStop', { stopId: s, field: 'impression', value: 'good' });
    await h.api('viewings.addPhoto', { stopId: s, dataBase64: (await photo()).toString('base64') });
    await h.api('viewings.close', { id: v.id, tenantName: '김민지', signaturePng: await signature(), satisfaction: 4 });
    await h.api('viewings.amend', { id: v.id, text: '두 번째 집 관리비 정정' });

    const log = await h.api('reports.viewing', { viewingId: v.id });
    expect(log.fileName).toBe('동행기록지_김＊지_2026-11-27.pdf');
    const pdf = await openWithPoppler(Buffer.from(log.dataBase64, 'base64'));
    try {
      const text = (await pdf.text()).replace(/\s+/g, ' ');
      expect(text).toContain('김*지');
      expect(text).not.toContain('김민지');
      for (const s of ['욕실 천장에 곰팡이', '서울대입구역 3번 출구', '관악로 1', '두 번째 집 관리비 정정', '25']) expect(text).toContain(s);
      expect((await pdf.images()).length).toBeGreaterThanOrEqual(2); // the photo and the signature
    } finally {
      await pdf.dispose();
    }

    const report = await h.api('reports.tenant', { caseId: k.id });
    expect(report.fileName).toBe('상담결과보고서_김＊지_2026-11-27.pdf');
    const tp = await openWithPoppler(Buffer.from(report.dataBase64, 'base64'));
    try {
      const text = (await tp.text()).replace(/\s+/g, ' ');
      expect(text).toContain('김*지');
      expect(text).not.toContain('김민지');
      expect(text).toContain('정상담');
      expect(text).toContain('11620-2020-01234');
      expect(text).toContain('관악로 300');
      expect(text).toContain('법률');
      // No registry yet: the report says so, and 최우선변제 still follows from the listing's facts.
      expect(text).toContain('등기부 권리분석을 아직 하지 않았습니다');
      expect(text).toContain('최우선변제');
    } finally {
      await tp.dispose();
    }
  }, 60_000);

  it('puts the rights analysis and the checklist problems into the tenant report', async () => {
    const { h, k, south } = await setup();
    const entry = (e: object) => ({ rank: '1', purpose: '', receivedAt: null, holders: [], maxClaim: null, cancelled: false, ...e });
    await h.api('registry.save', {
      listingId: south.id,
      registry: {
        gapgu: [entry({ rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', holders: ['홍길동'] })],
        eulgu: [entry({ rank: '1', purpose: '근저당권설정', receivedAt: '2019-04-01', holders: ['신한은행'], maxClaim: 96_000_000 })],
      },
    });
    const v = await h.api('viewings.plan', { caseId: k.id, date: '2026-11-27', startTime: '10:00', listingIds: [south.id] });
    const { runId } = await h.api('viewings.startInspection', { stopId: v.stops[0].id });
    await h.api('checklists.runs.answer', { runId, itemId: 'unitMatchesRegistry', value: 'no', note: '우편함 호수가 301호로 다름' });
    const report = await h.api('reports.tenant', { caseId: k.id, locale: 'ko' });
    const pdf = await openWithPoppler(Buffer.from(report.dataBase64, 'base64'));
    try {
      const text = (await pdf.text()).replace(/\s+/g, ' ');
      expect(text).toContain('신한은행');
      expect(text).toContain('임차인 (본인)');
      expect(text).toContain('우편함 호수가 301호로 다름');
      // The problem item is listed; items that were not checked are one line per section, not rows.
      expect(text.indexOf('현관·우편함·계량기')).toBeLessThan(text.indexOf('미확인'));
      expect(text).not.toContain('점검 날짜');
      // Every listing of the case gets its own assessment, the one with a registry first.
      expect(text.split('위험도 판단').length - 1).toBe(3);
      const first = text.indexOf('위험도 판단');
      expect(text.indexOf('관악로 1 302호', first)).toBeGreaterThan(first);
      expect(text.indexOf('관악로 300', first)).toBeGreaterThan(text.indexOf('관악로 1 302호', first));
    } finally {
      await pdf.dispose();
    }
  }, 60_000);
});
