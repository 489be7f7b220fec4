// Issue 11 ("what the manager should not have to type twice"): a calculator result saved to a
// case, and dated amendments of a completed checklist run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { findItem, okValue } from './checklist-answers.js';
import { consented, signedIn } from './harness.js';

let h: Awaited<ReturnType<typeof signedIn>> | undefined;
afterEach(async () => h?.backend.close());

async function caseWithListing(x: NonNullable<typeof h>, name = '김민지') {
  const client = await x.api('clients.create', { consent: consented(['name', 'notes']), name, desiredDistricts: [] });
  const kase = await x.api('cases.create', { clientId: client.id, caseType: 'contract_consult', openedOn: '2026-11-20' });
  const listing = await x.api('listings.create', {
    caseId: kase.id, roadAddress: '서울특별시 관악구 신림로 10', ho: '201호', buildingType: 'rowhouse_multiplex', leaseType: 'jeonse',
    deposit: 120_000_000, monthlyRent: 0, marketValue: 300_000_000,
  });
  return { client, kase, listing };
}

const brokerage = { deposit: 100_000_000, monthlyRent: 0, contractDate: '2026-11-27', propertyKind: 'housing' };


/** A completed inspection run where every answer is 정상. */
async function completedRun(x: NonNullable<typeof h>, listingId: string) {
  const started = await x.api('checklists.runs.start', { listingId, templateId: 'inspection' });
  const runId = started.run.id;
  const jpeg = (await sharp({ create: { width: 64, height: 48, channels: 3, background: '#224466' } }).jpeg().toBuffer()).toString('base64');
  for (let round = 0; round < 20; round++) {
    const d = await x.api('checklists.runs.get', { id: runId });
    if (d.score.missing.length === 0) break;
    for (const m of d.score.missing) {
      const item = findItem(d.template, m.itemId);
      if (item.type === 'photo' || m.kind === 'photo') await x.api('checklists.runs.attachPhoto', { runId, itemId: item.id, name: 'p.jpg', dataBase64: jpeg });
      else if (m.kind === 'note') await x.api('checklists.runs.answer', { runId, itemId: item.id, value: d.answers.find((v) => v.itemId === item.id)!.value, note: '확인 메모' });
      else await x.api('checklists.runs.answer', { runId, itemId: item.id, value: okValue(item) });
    }
  }
  await x.api('checklists.runs.answer', { runId, itemId: 'waterPressure', value: 'good' });
  return x.api('checklists.runs.complete', { id: runId });
}

describe('calculator results saved to a case', () => {
  it('recomputes on save, stores inputs + result + the pack used under the client key; lists and deletes', async () => {
    h = await signedIn();
    const { kase } = await caseWithListing(h);
    const ran = await h.api('calc.run', { name: 'brokerage', input: brokerage });
    // Whatever a client sends as a result is not an input of calc.save; the backend recomputes.
    const saved = await h.api('calc.save', { caseId: kase.id, name: 'brokerage', input: { ...brokerage, result: { maxFee: 1 } }, requestId: 'req-00000001' } as never);
    expect(saved).toMatchObject({ caseId: kase.id, name: 'brokerage', savedBy: '정상담', pack: ran.pack });
    expect(saved.result).toEqual(ran.result);
    expect(saved.pack.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The same (transport-level) request id saves once.
    const again = await h.api('calc.save', { caseId: kase.id, name: 'brokerage', input: brokerage, requestId: 'req-00000001' } as never);
    expect(again.id).toBe(saved.id);
    await h.api('calc.save', { caseId: kase.id, name: 'conversion', input: { convertedDeposit: 100_000_000, date: '2026-11-27' } });
    const list = await h.api('calc.listForCase', { caseId: kase.id });
    expect(list.map((r) => r.name).sort()).toEqual(['brokerage', 'conversion']);
    // Stored encrypted under the client's key (k1:<clientId>:…), never in plain text.
    const row = (await h.backend.db.get<{ input_enc: string; result_enc: string }>('SELECT input_enc, result_enc FROM case_calc_results WHERE id = ?', [saved.id]))!;
    expect(row.input_enc).toMatch(/^k1:/);
    expect(row.result_enc).not.toContain('300000');
    // Bad input: the calculator's field error, nothing stored.
    const bad = await h.raw('calc.save', { caseId: kase.id, name: 'ltv', input: { deposit: 1 } });
    expect(bad.ok ? null : bad.error.fields![0].path).toBe('input.marketValue');
    await h.api('calc.deleteSaved', { id: saved.id });
    expect((await h.api('calc.listForCase', { caseId: kase.id })).map((r) => r.name)).toEqual(['conversion']);
    const gone = await h.raw('calc.deleteSaved', { id: saved.id });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
  });

  it('refuses an unknown or deleted case', async () => {
    h = await signedIn();
    const foreign = await h.raw('calc.save', { caseId: '00000000-0000-4000-8000-000000000000', name: 'brokerage', input: brokerage });
    expect(foreign.ok ? null : [foreign.error.code, foreign.error.fields?.[0].path]).toEqual(['NOT_FOUND', 'caseId']);
    const list = await h.raw('calc.listForCase', { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(list.ok ? null : list.error.code).toBe('NOT_FOUND');
    expect((await h.backend.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM case_calc_results'))!.n).toBe(0);
  });
});

describe('amendments of a completed checklist run', () => {
  it('an amendment changes the verdict from the effective answers; the original answer stays', async () => {
    h = await signedIn();
    const { listing } = await caseWithListing(h);
    const done = await completedRun(h, listing.id);
    expect(done.run.status).toBe('completed');
    expect(done.score.overall.verdict).toBe('safe');
    const runId = done.run.id;
    const amended = await h.api('checklists.runs.amend', { runId, itemId: 'waterPressure', value: 'weak', note: '샤워기 수압 약함', reason: '입주 후 재확인' });
    expect(amended.answers.find((a) => a.itemId === 'waterPressure')!.value).toBe('good');
    expect(amended.effectiveAnswers.find((a) => a.itemId === 'waterPressure')).toMatchObject({ value: 'weak', note: '샤워기 수압 약함', amendmentId: amended.amendments[0].id });
    expect(amended.amendments).toEqual([expect.objectContaining({ itemId: 'waterPressure', value: 'weak', reason: '입주 후 재확인', by: '정상담', at: expect.any(String) })]);
    expect(amended.score.overall.verdict).toBe('caution');
    expect(amended.originalScore!.overall.verdict).toBe('safe');
    expect(amended.run.verdict.verdict).toBe('caution');
    // The latest amendment wins.
    h.clock.now = new Date('2026-11-27T01:01:00Z');
    const back = await h.api('checklists.runs.amend', { runId, itemId: 'waterPressure', value: 'good', reason: '배관 수리 확인' });
    expect(back.amendments).toHaveLength(2);
    expect(back.score.overall.verdict).toBe('safe');
    // A bad value, an unknown item and a missing reason are refused.
    expect((await h.raw('checklists.runs.amend', { runId, itemId: 'waterPressure', value: 'excellent', reason: 'x' })).ok).toBe(false);
    const noItem = await h.raw('checklists.runs.amend', { runId, itemId: 'noSuchItem', value: 'yes', reason: 'x' });
    expect(noItem.ok ? null : noItem.error.fields?.[0].path).toBe('itemId');
    const noReason = await h.raw('checklists.runs.amend', { runId, itemId: 'waterPressure', value: 'weak', reason: ' ' });
    expect(noReason.ok ? null : noReason.error.fields?.[0].path).toBe('reason');
    // Encrypted under the client's key.
    const rows = await h.backend.db.all<{ reason_enc: string; note_enc: string | null }>('SELECT reason_enc, note_enc FROM checklist_run_amendments');
    expect(rows.every((r) => r.reason_enc.startsWith('k1:'))).toBe(true);
  });

  it('refuses to amend an open run (it is answered normally)', async () => {
    h = await signedIn();
    const { listing } = await caseWithListing(h);
    const run = await h.api('checklists.runs.start', { listingId: listing.id, templateId: 'inspection' });
    const r = await h.raw('checklists.runs.amend', { runId: run.run.id, itemId: 'waterPressure', value: 'weak', reason: '정정' });
    expect(r.ok ? null : r.error.code).toBe('CONFLICT');
    expect((await h.backend.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM checklist_run_amendments'))!.n).toBe(0);
  });
});

describe('the tenant report', () => {
  it('shows the saved calculations in their own section and the effective answers with amended rows marked', async () => {
    h = await signedIn();
    const { kase, listing } = await caseWithListing(h);
    await h.api('calc.save', { caseId: kase.id, name: 'brokerage', input: brokerage });
    const done = await completedRun(h, listing.id);
    await h.api('checklists.runs.amend', { runId: done.run.id, itemId: 'waterPressure', value: 'weak', reason: '입주후재확인' });
    const report = await h.api('reports.tenant', { caseId: kase.id });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ansim-amend-'));
    writeFileSync(path.join(dir, 'r.pdf'), Buffer.from(report.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('계산 결과');
    expect(text).toContain('중개보수');
    expect(text).toMatch(/정정 \d{4}-\d{2}-\d{2} \(입주후재확인\)/);
  });
});

describe('destruction', () => {
  it('withdrawing consent removes the saved results and the amendments; another client keeps theirs', async () => {
    h = await signedIn();
    const mine = await caseWithListing(h, '탁윤서');
    const other = await caseWithListing(h, '남궁민');
    for (const x of [mine, other]) {
      await h.api('calc.save', { caseId: x.kase.id, name: 'brokerage', input: brokerage });
      const done = await completedRun(h, x.listing.id);
      await h.api('checklists.runs.amend', { runId: done.run.id, itemId: 'waterPressure', value: 'weak', reason: '정정기록원앙' });
    }
    await h.api('clients.withdrawConsent', { id: mine.client.id });
    const count = async (sql: string) => (await h!.backend.db.get<{ n: number }>(sql))!.n;
    expect(await count('SELECT COUNT(*) AS n FROM case_calc_results')).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM checklist_run_amendments')).toBe(1);
    expect((await h.api('calc.listForCase', { caseId: other.kase.id }))[0].result).not.toBeNull();
  });
});
