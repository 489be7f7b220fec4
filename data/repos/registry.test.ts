import { randomBytes } from 'node:crypto';
import { migratedDb, withListings } from '../db/test-db.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../db/sqlite.js';
import { FieldCipher } from '../crypto/field-cipher.js';
import { emptyRegistryDoc } from '../../checklists/rights/registry-doc.js';
import { addBaseRate, getRegistry, listBaseRates, removeBaseRate, saveRegistry } from './registry.js';

let db: Database | undefined;
afterEach(async () => db?.close());
const actor = { managerId: null, deviceId: 'dev', now: '2026-11-27T01:00:00.000Z' };

async function open() {
  db = await migratedDb('ansim-registry-');
  await withListings(db, ['l']);
  return { d: db, cipher: new FieldCipher(randomBytes(32)) };
}

describe('registry repository', () => {
  it('stores the document encrypted (권리자 names never in the clear) and replaces it on save', async () => {
    const { d, cipher } = await open();
    expect(await getRegistry(d, cipher, 'l')).toBeNull();
    const doc = emptyRegistryDoc();
    doc.gapgu.push({ rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: null, cause: null, holders: ['홍길동'], maxClaim: null, cancelled: false });
    await d.tx((q) => saveRegistry(q, cipher, actor, 'l', doc));
    const raw = await d.all<{ doc_enc: string }>('SELECT doc_enc FROM listing_registries');
    expect(raw).toHaveLength(1);
    expect(raw[0].doc_enc).not.toContain('홍길동');
    expect(raw[0].doc_enc).not.toContain('소유권');
    expect((await getRegistry(d, cipher, 'l'))!.doc.gapgu[0].holders).toEqual(['홍길동']);

    doc.gapgu[0].holders = ['김영희'];
    await d.tx((q) => saveRegistry(q, cipher, { ...actor, now: '2026-11-27T02:00:00.000Z' }, 'l', doc));
    const again = (await getRegistry(d, cipher, 'l'))!;
    expect(again.doc.gapgu[0].holders).toEqual(['김영희']);
    expect(again.updatedAt).toBe('2026-11-27T02:00:00.000Z');
    expect((await d.all('SELECT id FROM listing_registries')).length).toBe(1);
    const audit = await d.all<{ action: string; fields: string }>("SELECT action, fields FROM audit WHERE entity = 'listing_registries' ORDER BY seq");
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[0].fields).not.toContain('홍길동');
  });

  it('base rates: add, refuse a second row on the same date, list in date order, remove', async () => {
    const { d } = await open();
    const a = await d.tx((q) => addBaseRate(q, actor, { effectiveFrom: '2027-02-20', rateBp: 225 }));
    const b = await d.tx((q) => addBaseRate(q, actor, { effectiveFrom: '2027-01-16', rateBp: 250, note: '한국은행 보도자료' }));
    expect(await d.tx((q) => addBaseRate(q, actor, { effectiveFrom: '2027-01-16', rateBp: 275 }))).toBeNull();
    expect((await listBaseRates(d)).map((r) => [r.effectiveFrom, r.rateBp, r.note])).toEqual([['2027-01-16', 250, '한국은행 보도자료'], ['2027-02-20', 225, undefined]]);
    expect(await d.tx((q) => removeBaseRate(q, actor, a!))).toBe(true);
    expect(await d.tx((q) => removeBaseRate(q, actor, a!))).toBe(false);
    expect((await listBaseRates(d)).map((r) => r.id)).toEqual([b]);
    // A removed date may be added again.
    expect(await d.tx((q) => addBaseRate(q, actor, { effectiveFrom: '2027-02-20', rateBp: 200 }))).not.toBeNull();
  });
});
