// Issue 10 items 3, 6 and 7: an unreadable row never breaks a list; old runs open; PIN guesses
// are counted atomically; INTERNAL never carries the exception's text; completed runs are
// listed as complete; the tenant report shows the latest completed run, never an empty one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWithPoppler } from '../reports/poppler.js';
import { reportRuns } from '../reports/report-runs.js';
import { handlers } from '../backend.js';
import { consented, openHarness, signedIn } from './harness.js';

let h: Awaited<ReturnType<typeof signedIn>> | undefined;
afterEach(async () => {
  await h?.backend.close();
  h = undefined;
  vi.restoreAllMocks();
});

const flood = {
  id: 'flood-check',
  version: 1,
  title: { ko: '침수 점검', en: 'Flood check' },
  sections: [
    {
      id: 's',
      title: { ko: '침수', en: 'Flooding' },
      items: [
        {
          id: 'floodMarks',
          type: 'yesno',
          prompt: { ko: '침수 흔적이 있나요', en: 'Flood marks?' },
          options: [
            { value: 'yes', severity: 'danger' },
            { value: 'no', severity: 'ok' },
          ],
        },
      ],
    },
  ],
};

async function listing() {
  h = await signedIn();
  const c = await h.api('clients.create', { consent: consented(['name']), name: '나하나', desiredDistricts: [] });
  const k = await h.api('cases.create', { clientId: c.id, caseType: 'contract_consult', openedOn: '2026-11-20' });
  const l = await h.api('listings.create', { caseId: k.id, roadAddress: '서울특별시 관악구 관악로 1', buildingType: 'rowhouse_multiplex', leaseType: 'jeonse', deposit: 1e8, monthlyRent: 0 });
  return { c, k, l };
}

describe('one unreadable row never breaks a list', () => {
  it('a client whose name cannot be decrypted is left out, reported by id, and logged without personal data', async () => {
    const { c } = await listing();
    const x = h!;
    const other = await x.api('clients.create', { consent: consented(['name']), name: '둘째고객', desiredDistricts: [] });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Damage the stored token (a bit flip on disk, a restored key that does not match…).
    await x.backend.db.run(`UPDATE clients SET name_enc = 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE id = ?`, [c.id]);
    const list = await x.api('clients.list', {});
    expect(list.map((v) => v.id)).toEqual([other.id]);
    expect((await x.api('clients.list', { query: '둘째' })).map((v) => v.id)).toEqual([other.id]);
    expect((await x.api('cases.list', {})).length).toBe(0); // the case names the unreadable client: skipped too
    const status = await x.api('session.status', {});
    expect(status.unreadable?.map((u) => `${u.entity}:${u.id}`)).toEqual(expect.arrayContaining([`clients:${c.id}`]));
    const logged = log.mock.calls.map((a) => a.join(' ')).join('\n');
    expect(logged).toContain(c.id);
    expect(logged).not.toContain('나하나');
    expect(logged).not.toContain('둘째고객');
  });
});

describe('smaller defects (item 6)', () => {
  it('checklists.runs.get opens a run older than the 500 most recent of its listing', async () => {
    const { l } = await listing();
    const x = h!;
    const first = await x.api('checklists.runs.start', { listingId: l.id, templateId: 'inspection' });
    // 520 later runs, written directly (fast), each touched after the first.
    await x.backend.db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 520)
      INSERT INTO checklist_runs (id, listing_id, template_id, template_version, status, started_at, created_at, updated_at, device_id)
      SELECT 'r' || i, '${l.id}', 'inspection', 1, 'open', '2027-01-01T00:00:00Z', 't', '2027-01-01T00:00:00Z', 'd' FROM n;`);
    const r = await x.raw('checklists.runs.get', { id: first.run.id });
    expect(r.ok).toBe(true);
  });

  it('61 concurrent wrong PINs evaluate no more than the limit of 5', async () => {
    h = await signedIn();
    const x = h!;
    await x.api('session.end', {});
    const tries = await Promise.all(Array.from({ length: 61 }, () => x.raw('session.start', { id: x.manager.id, pin: '9999' })));
    expect(tries.every((t) => !t.ok)).toBe(true);
    // Each evaluated guess answers 'Wrong PIN.'; the others were refused before evaluation.
    const evaluated = tries.filter((t) => !t.ok && t.error.message.en === 'Wrong PIN.').length;
    expect(evaluated).toBe(5);
    // The right PIN is refused now too (blocked for five minutes).
    expect((await x.raw('session.start', { id: x.manager.id, pin: '1234' })).ok).toBe(false);
  });

  it('an unexpected error reaches the client as INTERNAL without the exception’s text', async () => {
    h = await signedIn();
    const x = h!;
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const original = handlers['clients.list'];
    handlers['clients.list'] = async () => {
      throw new Error('SQLITE_CORRUPT near 김비밀 010-1111-2222');
    };
    try {
      const r = await x.raw('clients.list', {});
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INTERNAL');
        expect(JSON.stringify(r.error)).not.toMatch(/SQLITE|김비밀|1111/);
        expect(r.error.message.ko).toMatch(/오류 번호 [0-9a-f]{8}/);
      }
      expect(log.mock.calls.map((a) => a.join(' ')).join('\n')).not.toMatch(/김비밀|1111/);
    } finally {
      handlers['clients.list'] = original;
    }
  });
});

describe('the tenant report shows the latest completed run (item 7)', () => {
  it('the rule: latest completed per template; an answered open run only when none is completed; never an empty run', () => {
    const run = (id: string, template_id: string, status: string, started_at: string, completed_at: string | null, answer_count: number) =>
      ({ id, template_id, status, started_at, completed_at, answer_count });
    expect(
      reportRuns([
        run('done1', 'inspection', 'completed', '2026-11-01', '2026-11-02', 41),
        run('done2', 'inspection', 'completed', '2026-11-03', '2026-11-04', 41),
        run('empty', 'inspection', 'open', '2026-11-05', null, 0),
        run('half', 'registry', 'open', '2026-11-05', null, 3),
        run('blank', 'contract', 'open', '2026-11-06', null, 0),
      ]),
    ).toEqual([
      { runId: 'done2', templateId: 'inspection', basis: 'completed' },
      { runId: 'half', templateId: 'registry', basis: 'in-progress' },
    ]);
  });

  it('a completed 침수 흔적 = 예 stays in the report after a new empty run starts; the run list says complete', async () => {
    const { k, l } = await listing();
    const x = h!;
    await x.api('checklists.templates.add', { json: JSON.stringify(flood) });
    const run = await x.api('checklists.runs.start', { listingId: l.id, templateId: 'flood-check' });
    await x.api('checklists.runs.answer', { runId: run.run.id, itemId: 'floodMarks', value: 'yes' });
    await x.api('checklists.runs.complete', { id: run.run.id });
    x.clock.now = new Date(x.clock.now.getTime() + 60_000);
    await x.api('checklists.runs.start', { listingId: l.id, templateId: 'flood-check' });

    const listed = await x.api('checklists.runs.list', { listingId: l.id });
    const done = listed.find((r) => r.id === run.run.id)!;
    expect(done.status).toBe('completed');
    expect(done.verdict.complete).toBe(true);
    expect(done.verdict.verdict).toBe('danger');

    const pdf = await x.api('reports.tenant', { caseId: k.id, locale: 'ko' });
    const doc = await openWithPoppler(Buffer.from(pdf.dataBase64, 'base64'));
    const text = (await doc.text()).replace(/\s+/g, ' ');
    await doc.dispose();
    expect(text).toContain('침수 점검');
    expect(text).toContain('가장 최근에 완료된 점검');
    expect(text).toContain('침수 흔적이 있나요');
    expect(text).not.toMatch(/문제 0 ?\/ ?1/);
  });
});

describe('a fresh desk', () => {
  it('opens without error when nothing is stored yet', async () => {
    const x = await openHarness();
    expect((await x.api('session.status', {})).needsSetup).toBe(true);
    await x.backend.close();
  });
});

describe('idempotent saves (item 7)', () => {
  it('the same request id twice (a double-click) creates one client and one viewing; a refused save may be sent again', async () => {
    const { k, l } = await listing();
    const x = h!;
    const body = { consent: consented(['name']), name: '두번클릭', desiredDistricts: [], requestId: 'rid-client-0001' };
    const [a, b] = await Promise.all([x.raw('clients.create', body), x.raw('clients.create', body)]);
    const idOf = (r: typeof a) => (r.ok ? (r.result as { id: string }).id : null);
    expect(idOf(a)).not.toBeNull();
    expect(idOf(a)).toBe(idOf(b));
    expect((await x.api('clients.list', { query: '두번클릭' })).length).toBe(1);
    // A different attempt (new id) is a new client, as it should be.
    await x.raw('clients.create', { ...body, requestId: 'rid-client-0002' });
    expect((await x.api('clients.list', { query: '두번클릭' })).length).toBe(2);

    const plan = { caseId: k.id, date: '2026-12-01', startTime: '10:00', listingIds: [l.id], requestId: 'rid-viewing-01' };
    await Promise.all([x.raw('viewings.plan', plan), x.raw('viewings.plan', plan)]);
    await x.raw('viewings.plan', plan);
    expect((await x.api('viewings.forCase', { caseId: k.id })).length).toBe(1);

    const bad = { ...plan, startTime: '25:00', requestId: 'rid-viewing-02' };
    expect((await x.raw('viewings.plan', bad)).ok).toBe(false);
    expect((await x.raw('viewings.plan', { ...bad, startTime: '11:00' })).ok).toBe(true);
    expect((await x.api('viewings.forCase', { caseId: k.id })).length).toBe(2);
  });
});

describe('form drafts (item 7)', () => {
  it('keeps a draft per manager, encrypted under the client’s key, for a day; destroyed with the client', async () => {
    const { c } = await listing();
    const x = h!;
    await x.api('drafts.save', { formKey: `client:${c.id}`, clientId: c.id, data: { notes: '임시메모너구리' } });
    await x.api('drafts.save', { formKey: 'client:new', data: { name: '새고객초안' } });
    expect((await x.api('drafts.get', { formKey: `client:${c.id}` }))?.data).toEqual({ notes: '임시메모너구리' });
    const row = await x.backend.db.get<{ data_enc: string }>(`SELECT data_enc FROM form_drafts WHERE client_id = ?`, [c.id]);
    expect(row!.data_enc.startsWith(`k1:${c.id}:`)).toBe(true);
    // Another manager does not see it.
    const other = await x.api('managers.create', { name: '다른매니저', center: '관악', brokerRegNo: '11620-2021-00009', districts: [], pin: '5678' });
    await x.api('session.start', { id: other.id, pin: '5678' });
    expect(await x.api('drafts.get', { formKey: 'client:new' })).toBeNull();
    await x.api('session.start', { id: x.manager.id, pin: '1234' });
    // Withdrawal destroys the client's draft; the other one expires after a day.
    await x.api('clients.withdrawConsent', { id: c.id });
    expect(await x.api('drafts.get', { formKey: `client:${c.id}` })).toBeNull();
    expect(await x.backend.db.get(`SELECT 1 FROM form_drafts WHERE client_id = ?`, [c.id])).toBeUndefined();
    x.clock.now = new Date(x.clock.now.getTime() + 25 * 3600_000);
    await x.api('session.unlock', { pin: '1234' }).catch(() => undefined);
    expect(await x.api('drafts.get', { formKey: 'client:new' })).toBeNull();
  });
});

describe('consistency (item 7)', () => {
  it('refuses 종료일 before 접수일 and a 1900 move-in, naming the field', async () => {
    const { c } = await listing();
    const x = h!;
    const r = await x.raw('cases.create', { clientId: c.id, caseType: 'contract_consult', status: 'completed', openedOn: '2026-11-20', closedOn: '2026-11-10' });
    expect(r.ok ? null : r.error.fields?.[0]).toMatchObject({ path: 'closedOn', message: { ko: '종료일이 접수일보다 빠릅니다.' } });
    const m = await x.raw('clients.create', { consent: consented(['name']), name: '입주일', desiredDistricts: [], moveInDate: '1900-03-01' });
    expect(m.ok ? null : m.error.fields?.[0].path).toBe('moveInDate');
  });
});
