import { afterEach, describe, expect, it } from 'vitest';
import { buildPack, shippedPack } from '../../../data/reference/pack/pack.js';
import { listAudit } from '../../../data/repos/audit.js';
import { signedIn, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.backend.close());

const calc = { name: 'priority-repayment' as const, input: { address: '관악구 봉천동 1', deposit: 150_000_000, seniorSecurityDate: '2024-01-10', asOf: '2026-11-27' } };

describe('reference pack on a desk', () => {
  it('exports the pack in force, loads it back (coordinator, audited) and gives the same results, naming the pack', async () => {
    const s = await signedIn();
    h = s;
    const before = await h.api('calc.run', calc);
    expect(before.pack).toMatchObject({ source: 'shipped', verifiedOn: '2026-12-06' });
    const shown = await h.api('reference.show');
    expect(shown).toMatchObject({ source: 'shipped', stale: false, history: [] });
    expect(shown.tables.map((t) => t.name)).toContain('priorityRepayment');
    expect(shown.tables.find((t) => t.name === 'baseRate')?.seriesCheckedThrough).toBe('2026-02-26');

    const exported = await h.api('reference.export');
    const loaded = await h.api('reference.load', { json: exported.json });
    expect(loaded).toMatchObject({ source: 'loaded', loadedBy: '정상담', history: [{ active: true }] });
    const after = await h.api('calc.run', calc);
    expect(after.result).toEqual(before.result);
    expect(after.pack.source).toBe('loaded');
    const audit = await listAudit(h.backend.db, loaded.history[0].id);
    expect(audit.map((a) => [a.action, a.manager_name])).toEqual([['load_reference_pack', '정상담']]);
  });

  it('a newer pack replaces the figures at once, keeps the previous one, and warns when verified over 6 months ago', async () => {
    h = await signedIn();
    const p = JSON.parse(JSON.stringify(shippedPack()));
    const seoul = p.tables.priorityRepayment.versions.at(-1).groups.find((g: { key: string }) => g.key === 'seoul');
    seoul.priorityMax = 60_000_000;
    const newer = buildPack(p.tables, { packVersion: '2027.01', verifiedOn: '2026-05-26', createdAt: '2026-12-01T00:00:00Z' });
    await h.api('reference.load', { json: JSON.stringify(shippedPack()) });
    const view = await h.api('reference.load', { json: JSON.stringify(newer) });
    expect(view).toMatchObject({ packVersion: '2027.01', stale: true });
    expect(view.history.map((x) => [x.packVersion, x.active])).toEqual([['2027.01', true], [shippedPack().manifest.packVersion, false]]);
    const r = await h.api('calc.run', { ...calc, input: { ...calc.input, deposit: 100_000_000 } });
    expect((r.result as { amount: number }).amount).toBe(60_000_000);
    expect(r.pack).toMatchObject({ packVersion: '2027.01', verifiedOn: '2026-05-26' });
    // Exactly six months is not yet stale.
    h.clock.now = new Date('2026-11-26T01:00:00Z');
    expect((await h.api('reference.show')).stale).toBe(false);
  });

  it('refuses a bad pack with its reasons and keeps the one in force; only a coordinator loads', async () => {
    const s = await signedIn();
    h = s;
    const tampered = JSON.parse(JSON.stringify(shippedPack()));
    tampered.tables.baseRate.versions.at(-1).rateBp = 300;
    const r = await h.raw('reference.load', { json: JSON.stringify(tampered) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message.ko).toContain('SHA-256');
      expect(r.error.fields?.[0].path).toBe('tables.baseRate');
    }
    expect((await h.api('reference.show')).source).toBe('shipped');
    const v = await h.api('reference.validate', { json: '{not json' });
    expect(v).toMatchObject({ ok: false, refusals: [{ code: 'format' }] });
    const b = await h.api('managers.create', { name: '박동행', center: '', brokerRegNo: '', districts: [], pin: '5678' });
    await h.api('session.start', { id: b.id, pin: '5678' });
    const forbidden = await h.raw('reference.load', { json: JSON.stringify(shippedPack()) });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
  });
});
