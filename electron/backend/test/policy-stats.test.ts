import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { signedIn, type Harness } from './harness.js';
import { openWithPoppler } from '../reports/poppler.js';
import { buildPack, shippedPack } from '../../../data/reference/pack/pack.js';

let h: (Harness & { manager: { id: string } }) | undefined;
afterEach(async () => h?.backend.close());

const consent = (items: ('name' | 'phone' | 'notes' | 'policy')[]) => ({ given: true, date: '2026-11-20', retentionMonths: 12, items, purpose: '안심계약 상담' });
const listing = { buildingType: 'multi_household', leaseType: 'semi_monthly', deposit: 10_000_000, monthlyRent: 550_000, roadAddress: '서울특별시 관악구 신림로 1' } as const;
const facts = { age: 27, annualIncome: 32_000_000, incomeBasis: 'applicant', assets: 20_000_000, householdSize: 1, married: false, householder: true, veteranMonths: 0, homeless: true } as const;

describe('policy guidance through the API', () => {
  it('keeps a client’s facts only with the policy consent item, encrypted, and matches with the case’s listing', async () => {
    h = await signedIn({ now: new Date('2026-05-10T01:00:00Z') });
    const without = await h.api('clients.create', { consent: consent(['name']), name: '김동의', desiredDistricts: [] });
    const r = await h.raw('policy.facts.save', { clientId: without.id, facts });
    expect(r.ok ? null : r.error.message.ko).toMatch(/동의하지 않았습니다/);
    // Used for the consultation only: matched, nothing stored.
    const once = await h.api('policy.match', { facts: { ...facts, deposit: 10_000_000, monthlyRent: 550_000, region: '서울 관악구' } });
    expect(once.matches.find((m) => m.id === 'seoul-youth-rent')!.status).toBe('eligible');
    expect((await h.api('policy.facts.get', { clientId: without.id })).facts).toBeNull();

    const c = await h.api('clients.create', { consent: consent(['name', 'policy']), name: '이정책', desiredDistricts: [] });
    await h.api('policy.facts.save', { clientId: c.id, facts });
    const raw = await readFile(path.join(h.dir, 'ansim.sqlite'));
    expect(raw.includes(Buffer.from('32000000'))).toBe(false);
    expect((await h.api('policy.facts.get', { clientId: c.id })).facts).toEqual(facts);

    const k = await h.api('cases.create', { clientId: c.id, caseType: 'policy_guide', district: '관악구', openedOn: '2026-05-10' });
    await h.api('listings.create', { ...listing, caseId: k.id });
    const m = await h.api('policy.forClient', { clientId: c.id, caseId: k.id });
    expect(m.catalogue).toEqual({ effectiveFrom: '2026-01-01', checkedOn: '2026-12-06' });
    expect(m.factsFrom).toMatchObject({ stored: true });
    const youth = m.matches.find((x) => x.id === 'seoul-youth-rent')!;
    expect(youth.status).toBe('eligible');
    expect(youth.reasons.map((x) => x.ko).join(' ')).toContain('10,000,000원');

    // Withdrawing consent destroys the stored facts.
    await h.api('clients.withdrawConsent', { id: c.id });
    expect(await h.backend.db.get(`SELECT count(*) AS n FROM client_policy_facts`)).toEqual({ n: 0 });
  });
});

describe('a newer catalogue through the reference pack', () => {
  it('a coordinator loads a pack with a newer catalogue; matching uses it and says its date', async () => {
    h = await signedIn({ now: new Date('2027-02-01T01:00:00Z') });
    const p = JSON.parse(JSON.stringify(shippedPack()));
    const next = structuredClone(p.tables.programmes.versions.at(-1));
    next.effectiveFrom = '2027-01-01';
    const youth = next.programmes.find((x: { id: string }) => x.id === 'seoul-youth-rent');
    youth.windows = [{ from: '2027-01-20', to: '2027-02-10' }];
    p.tables.programmes.versions.push(next);
    await h.api('reference.load', { json: JSON.stringify(buildPack(p.tables, { packVersion: '2027.01', verifiedOn: '2027-01-15', createdAt: '2027-01-15T00:00:00Z' })) });
    const cat = await h.api('policy.catalogue', {});
    expect(cat.effectiveFrom).toBe('2027-01-01');
    const m = await h.api('policy.match', { facts: { ...facts, deposit: 10_000_000, monthlyRent: 550_000, region: '서울 관악구' } });
    expect(m.catalogue.effectiveFrom).toBe('2027-01-01');
    expect(m.matches.find((x) => x.id === 'seoul-youth-rent')!.status).toBe('eligible'); // open in the new window
  });
});

describe('policy guidance in the tenant report', () => {
  it('prints the 정책 안내 section with the catalogue date and each programme’s status', async () => {
    h = await signedIn({ now: new Date('2026-07-01T01:00:00Z') });
    const c = await h.api('clients.create', { consent: consent(['name', 'policy']), name: '박보고', desiredDistricts: [] });
    await h.api('policy.facts.save', { clientId: c.id, facts });
    const k = await h.api('cases.create', { clientId: c.id, caseType: 'policy_guide', district: '관악구', openedOn: '2026-07-01' });
    await h.api('listings.create', { ...listing, caseId: k.id });
    const r = await h.api('reports.tenant', { caseId: k.id });
    const pdf = await openWithPoppler(Buffer.from(r.dataBase64, 'base64'));
    try {
      const text = (await pdf.text()).replace(/\s+/g, ' ');
      expect(text).toContain('정책 안내');
      expect(text).toContain('정책 목록 2026-01-01 기준');
      expect(text).toMatch(/해당 가능 .*청년 임차보증금 이자지원/);
      expect(text).toMatch(/신청기간 아님 서울시 청년월세지원 신청기간 아님: 다음 신청 2027-05-06 – 2027-05-19/);
      expect(text).not.toContain('주거급여'); // not qualifying: left out of the tenant's report
    } finally {
      await pdf.dispose();
    }
  });
});

describe('statistics through the API', () => {
  it('records a case’s types and survey, counts them, and exports xlsx and CSV that read back', async () => {
    h = await signedIn();
    const a = await h.api('clients.create', { consent: { given: false }, ageBand: '20s', gender: 'female', desiredDistricts: [] });
    const k1 = await h.api('cases.create', { clientId: a.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-03' });
    const k2 = await h.api('cases.create', { clientId: a.id, caseType: 'housing_search', district: '관악구', openedOn: '2026-10-15' });
    await h.api('stats.case.save', { caseId: k1.id, types: ['contract', 'policy'], survey: { on: '2026-11-20', answers: { solved: 5, recommend: 4 } }, programmes: ['seoul-youth-rent'] });
    const bad = await h.raw('stats.case.save', { caseId: k2.id, types: [] });
    expect(bad.ok ? null : bad.error.message.ko).toMatch(/상담 유형/);

    const filter = { from: '2026-01-01', to: '2026-12-31' };
    const s = await h.api('stats.summary', { filter });
    expect(s.totals).toEqual({ people: 1, cases: 2, consultations: 3, types: { contract: 1, search: 1, viewing: 0, contract_day: 0, policy: 1 } });
    expect(s.managers).toEqual([{ id: h.manager.id, name: '정상담' }]);
    expect(s.target).toBeNull();

    // Only a coordinator sets the yearly target (the first manager is one).
    await h.api('stats.target.set', { year: 2026, cases: 10 });
    expect((await h.api('stats.summary', { filter: { from: '2026-11-01', to: '2026-11-30' } })).target).toMatchObject({ cases: 10, doneCases: 3, donePeople: 1 });

    const x = await h.api('stats.export', { filter, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as never);
    const summary = wb.getWorksheet('요약')!;
    const rows = summary.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['항목', '상담(건)', '비율(건 기준)']);
    expect(rows).toContainEqual(['인원(명)', 1]);
    expect(rows).toContainEqual(['상담(건)', 3, 1]);
    expect(rows).toContainEqual(['계약상담', 1, 1 / 3]);
    const months = wb.getWorksheet('월')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 5));
    expect(months).toEqual([['월', '인원(명)', '상담 사례', '상담(건)'], ['2026-10', 1, 1, 1], ['2026-11', 1, 1, 2]]);
    expect(wb.getWorksheet('담당 매니저')!.getRow(2).getCell(1).value).toBe('정상담');

    const csv = Buffer.from((await h.api('stats.export', { filter, format: 'csv' })).dataBase64, 'base64');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('구분,항목,인원(명),상담 사례,상담(건),계약상담,주거지 탐색,집보기 동행,계약 당일 동행,정책 안내');
    expect(lines).toContain('월,2026-11,1,1,2,1,0,0,0,1');
  });

  it('draws the monthly report with Korean text and vector charts', async () => {
    h = await signedIn();
    const a = await h.api('clients.create', { consent: { given: false }, ageBand: '30s', gender: 'male', desiredDistricts: [] });
    await h.api('cases.create', { clientId: a.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-03' });
    const r = await h.api('stats.monthlyReport', { month: '2026-11' });
    const pdf = await openWithPoppler(Buffer.from(r.dataBase64, 'base64'));
    try {
      const text = await pdf.text();
      expect(text).toContain('월간 통계 보고 2026-11');
      expect(text).toContain('계약상담');
      expect(text).toContain('30대');
      expect((await pdf.fonts()).stderr).toBe('');
      expect(await pdf.images()).toEqual([]); // charts are vectors, not pictures
    } finally {
      await pdf.dispose();
    }
  });

  it('desk file → city: enrol by fingerprint (coordinator), import twice, refuse a tampered file', async () => {
    h = await signedIn();
    const a = await h.api('clients.create', { consent: { given: false }, ageBand: '20s', gender: 'female', desiredDistricts: [] });
    await h.api('cases.create', { clientId: a.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-03' });
    const info = await h.api('stats.desk.info');
    const file = await h.api('stats.desk.exportFile', { from: '2026-01-01', to: '2026-12-31' });
    expect(file.rows).toBe(1);
    const refused = await h.api('stats.city.import', { files: [{ name: 'a.json', content: file.content }] });
    expect(refused[0]).toMatchObject({ ok: false, reason: 'not-enrolled' });
    await h.api('stats.city.enrol', { fingerprint: info.fingerprint, label: '관악구 센터', district: '관악구' });
    const tampered = JSON.parse(file.content);
    tampered.payload = tampered.payload.replace('"20s"', '"30s"');
    const res = await h.api('stats.city.import', { files: [{ name: 'a.json', content: file.content }, { name: 'a-again.json', content: file.content }, { name: 'b.json', content: JSON.stringify(tampered) }] });
    expect(res.map((x) => [x.name, x.ok, x.newRows ?? x.reason])).toEqual([['a.json', true, 1], ['a-again.json', true, 0], ['b.json', false, 'altered']]);
    expect((await h.api('stats.summary', { filter: { source: 'city' } })).totals.cases).toBe(1);
  });
});
