// The tenant report the manager composes: chosen listings, runs, clauses and photos; actual
// answers; unchecked items summarised per section; captioned photos; foreign ids refused.
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { openWithPoppler } from '../reports/poppler.js';
import { consented, signedIn } from './harness.js';

let h: Awaited<ReturnType<typeof signedIn>> | undefined;
afterEach(async () => h?.backend.close());

const listingBase = { buildingType: 'rowhouse_multiplex', leaseType: 'jeonse', deposit: 150_000_000, monthlyRent: 0 } as const;
const jpeg = (color = '#557799') =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: color } })
    .withExif({ IFD2: { DateTimeOriginal: '2026:11:27 10:15:00' } })
    .jpeg()
    .toBuffer();

async function setup() {
  h = await signedIn();
  await h.api('session.setLockAfter', { minutes: 240 });
  const c = await h.api('clients.create', { consent: consented(['name']), name: '김민지', desiredDistricts: [] });
  const k = await h.api('cases.create', { clientId: c.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-20' });
  const south = await h.api('listings.create', { ...listingBase, caseId: k.id, roadAddress: '서울특별시 관악구 관악로 1', ho: '302호' });
  const north = await h.api('listings.create', { ...listingBase, caseId: k.id, roadAddress: '서울특별시 관악구 관악로 300' });
  const start = async (listingId: string) => (await h!.api('checklists.runs.start', { listingId, templateId: 'inspection' })).run.id;
  // Run A (chosen): a problem with a note and a photo, a number answer.
  const runA = await start(south.id);
  await h.api('checklists.runs.answer', { runId: runA, itemId: 'condensation', value: 'yes', note: '안방 창틀 결로 심함' });
  const photo = await h.api('checklists.runs.attachPhoto', { runId: runA, itemId: 'condensation', name: '결로.jpg', dataBase64: (await jpeg()).toString('base64') });
  await h.api('checklists.runs.answer', { runId: runA, itemId: 'hotWaterSeconds', value: 47 });
  // Run B (left out) on the same listing, run C on the listing left out.
  const runB = await start(south.id);
  await h.api('checklists.runs.answer', { runId: runB, itemId: 'condensation', value: 'no', note: '제외된 점검 메모' });
  const runC = await start(north.id);
  await h.api('checklists.runs.answer', { runId: runC, itemId: 'condensation', value: 'no', note: '북쪽 집 점검 메모' });
  return { h, k, south, north, runA, runB, runC, photoId: photo.photo.id };
}

const text = async (b64: string) => {
  const pdf = await openWithPoppler(Buffer.from(b64, 'base64'));
  try {
    return { text: (await pdf.text()).replace(/\s+/g, ' '), images: (await pdf.images()).length };
  } finally {
    await pdf.dispose();
  }
};

describe('composed tenant report', () => {
  it('prints only the chosen listing, run, edited clause and photo, with answers and a summary of the unchecked', async () => {
    const { h, k, south, north, runA, runB, runC, photoId } = await setup();
    const options = await h.api('reports.tenantOptions', { caseId: k.id, locale: 'ko' });
    expect(options.listings.map((l) => l.id)).toEqual([south.id, north.id]);
    expect(options.runs.map((r) => r.id).sort()).toEqual([runA, runB, runC].sort());
    expect(options.photos.map((p) => p.id)).toEqual([photoId]);
    expect(options.clauses.length).toBeGreaterThan(1);
    const [kept, dropped] = options.clauses;

    const report = await h.api('reports.tenant', {
      caseId: k.id,
      locale: 'ko',
      compose: { listingIds: [south.id], runIds: [runA], clauses: [{ key: kept.key, text: '편집한 특약: 잔금일 전 근저당 말소', reason: '매니저가 고친 이유' }], photoIds: [photoId] },
    });
    const bytes = Buffer.from(report.dataBase64, 'base64');
    if (process.env.COMPOSE_PDF) await import('node:fs/promises').then((fs) => fs.writeFile(process.env.COMPOSE_PDF!, bytes));
    const { text: t, images } = await text(report.dataBase64);
    expect(t).toContain('관악로 1');
    expect(t).not.toContain('관악로 300');
    expect(t).toContain('안방 창틀 결로 심함');
    expect(t).not.toContain('제외된 점검 메모');
    expect(t).not.toContain('북쪽 집 점검 메모');
    expect(t).toContain('편집한 특약: 잔금일 전 근저당 말소');
    expect(t).toContain('매니저가 고친 이유');
    expect(t).not.toContain(dropped.text.slice(0, 20));
    expect(t).toContain('완료되지 않은 점검'); // the chosen run is in progress, and the report says so
    // Actual answers, not only 양호/문제.
    expect(t).toContain('47초');
    expect(t).toMatch(/창틀·새시·벽 모서리에 결로 흔적.*예/);
    // Unchecked items: one line per section, never row by row.
    expect(t).toMatch(/미확인 \d+개 항목/);
    expect(t).not.toContain('점검 날짜');
    // The photo, captioned with its item and when it was taken.
    expect(images).toBeGreaterThanOrEqual(1);
    expect(t).toMatch(/10:15 · 창틀·새시·벽 모서리에 결로/);
  }, 90_000);

  it('refuses an id that is not the case’s, naming the field', async () => {
    const { h, k, runA } = await setup();
    const c2 = await h.api('clients.create', { consent: consented(['name']), name: '이서준', desiredDistricts: [] });
    const k2 = await h.api('cases.create', { clientId: c2.id, caseType: 'contract_consult', district: '관악구', openedOn: '2026-11-21' });
    const other = await h.api('listings.create', { ...listingBase, caseId: k2.id, roadAddress: '서울특별시 관악구 남부순환로 1' });
    const l = await h.raw('reports.tenant', { caseId: k2.id, compose: { listingIds: [other.id, runA] } });
    expect(l.ok ? null : [l.error.code, l.error.fields?.[0].path]).toEqual(['VALIDATION', 'compose.listingIds.1']);
    const r = await h.raw('reports.tenant', { caseId: k2.id, compose: { runIds: [runA] } });
    expect(r.ok ? null : [r.error.code, r.error.fields?.[0].path]).toEqual(['VALIDATION', 'compose.runIds.0']);
    const c = await h.raw('reports.tenant', { caseId: k.id, compose: { clauses: [{ key: 'noSuchClause', text: 'x', reason: '' }] } });
    expect(c.ok ? null : [c.error.code, c.error.fields?.[0].path]).toEqual(['VALIDATION', 'compose.clauses.0.key']);
    const p = await h.raw('reports.tenant', { caseId: k2.id, compose: { photoIds: ['a'.repeat(64)] } });
    expect(p.ok ? null : [p.error.code, p.error.fields?.[0].path]).toEqual(['VALIDATION', 'compose.photoIds.0']);
  }, 90_000);
});
