import { afterEach, describe, expect, it } from 'vitest';
import { consented, signedIn, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.backend.close());

async function listing(extra: object = {}) {
  const c = await h.api('clients.create', { consent: consented(['name']), name: '가나다', desiredDistricts: [] });
  const k = await h.api('cases.create', { clientId: c.id, caseType: 'contract_consult', openedOn: '2026-11-20' });
  return h.api('listings.create', {
    caseId: k.id, roadAddress: '서울특별시 성북구 정릉로 10', ho: '201호', buildingType: 'rowhouse_multiplex', leaseType: 'jeonse',
    deposit: 150_000_000, monthlyRent: 0, marketValue: 300_000_000, landlordName: '홍길동', ...extra,
  });
}

const entry = (e: object) => ({ rank: '1', purpose: '', receivedAt: null, holders: [], maxClaim: null, cancelled: false, ...e });

const registry = {
  certificate: { issuedAt: '2026-11-27T10:00', collective: true },
  gapgu: [
    entry({ rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: '제5001호', holders: ['홍길동'] }),
    entry({ rank: '2', purpose: '가압류', receivedAt: '2026-08-01', receiptNo: '제30001호', holders: ['주식회사 대부'] }),
  ],
  eulgu: [entry({ rank: '1', purpose: '근저당권설정', receivedAt: '2019-04-01', receiptNo: '제5002호', holders: ['신한은행'], maxClaim: 96_000_000 })],
  landlord: { taxArrears: false },
  buildingRegister: { checked: true, violation: false, mainUse: '다세대주택' },
  contract: {
    contractDate: '2026-11-27',
    downPayment: { amount: 15_000_000, date: '2026-11-27' },
    balance: { amount: 135_000_000, date: '2027-01-10' },
    moveInDate: '2027-01-10',
    fixedDate: '2027-01-10',
  },
};

describe('registry.get / registry.save', () => {
  it('starts empty, saves, reads back with defaults filled and the viewing time in Seoul time', async () => {
    h = await signedIn();
    const l = await listing();
    const empty = await h.api('registry.get', { listingId: l.id });
    expect(empty.updatedAt).toBeNull();
    expect(empty.registry.gapgu).toEqual([]);
    const saved = await h.api('registry.save', { listingId: l.id, registry });
    expect(saved.updatedBy).toBe('정상담');
    expect(saved.registry.certificate.issuedAt).toBe('2026-11-27T10:00:00+09:00');
    expect(saved.registry.contract.interimPayment).toEqual({ amount: null, date: null });
    expect((await h.api('registry.get', { listingId: l.id })).registry.eulgu[0].maxClaim).toBe(96_000_000);
  });

  it('refuses bad amounts, dates and ranks, naming the field in both languages', async () => {
    h = await signedIn();
    const l = await listing();
    const bad = async (reg: object) => {
      const r = await h.raw('registry.save', { listingId: l.id, registry: reg });
      if (r.ok) throw new Error('accepted');
      return r.error.fields!;
    };
    const f1 = await bad({ eulgu: [entry({ rank: '1', purpose: '근저당권설정', receivedAt: '2019-02-30', maxClaim: -5 })] });
    expect(f1.map((f) => f.path).sort()).toEqual(['registry.eulgu.0.maxClaim', 'registry.eulgu.0.receivedAt']);
    expect(f1.find((f) => f.path.endsWith('maxClaim'))!.message.ko).toContain('0 이상');
    const f2 = await bad({ contract: { contractDate: '2026-11-27', balance: { amount: 1, date: '2026-11-01' } } });
    expect(f2[0]).toMatchObject({ path: 'registry.contract.balance.date', message: { ko: '지급일이 계약일보다 빠릅니다.' } });
    const f3 = await bad({ gapgu: [entry({ rank: '갑1' })] });
    expect(f3[0].path).toBe('registry.gapgu.0.rank');
    expect(f3[0].message.en).toMatch(/rank/);
    // Nothing was stored by the refused saves.
    expect((await h.api('registry.get', { listingId: l.id })).updatedAt).toBeNull();
  });

  it('an unknown listing is NOT_FOUND', async () => {
    h = await signedIn();
    const r = await h.raw('registry.get', { listingId: '00000000-0000-4000-8000-000000000000' });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});

describe('rights.analyze', () => {
  it('a live 근저당 and a 가압류 → 위험 with R2 and the 말소 clause; re-computes after a save', async () => {
    h = await signedIn();
    const l = await listing();
    const before = await h.api('rights.analyze', { listingId: l.id });
    expect(before.verdict).not.toBe('safe'); // nothing entered: owners and facts are missing
    expect(before.flags.some((f) => f.missing?.length)).toBe(true);

    await h.api('registry.save', { listingId: l.id, registry });
    const a = await h.api('rights.analyze', { listingId: l.id });
    expect(a.verdict).toBe('danger');
    expect(a.verdictLabel.ko).toBe('위험');
    expect(a.flags.find((f) => f.code === 'R2')?.entries).toEqual(['갑구 2']);
    expect(a.clauses.map((c) => c.id)).toContain('cancel-mortgage-1');
    expect(a.ltv.ratio).toBeCloseTo(0.82, 6);
    expect(a.ladder.entries.map((e) => `${e.gu} ${e.rank}`)).toEqual(['갑구 1', '을구 1', '갑구 2']);
    expect(a.checklist).toBeNull();

    await h.api('registry.save', { listingId: l.id, registry: { ...registry, gapgu: registry.gapgu.slice(0, 1), eulgu: [] } });
    const b = await h.api('rights.analyze', { listingId: l.id });
    expect(b.flags.some((f) => f.code === 'R2')).toBe(false);
    expect(b.clauses.map((c) => c.id)).not.toContain('cancel-mortgage-1');
    expect(b.ltv.ratio).toBeCloseTo(0.5, 6);
  });

  it('uses the listing’s facts: a landlord who is not the owner is R1 위험', async () => {
    h = await signedIn();
    const l = await listing({ landlordName: '김철수' });
    await h.api('registry.save', { listingId: l.id, registry });
    const a = await h.api('rights.analyze', { listingId: l.id });
    expect(a.flags.find((f) => f.code === 'R1')).toMatchObject({ severity: 'danger' });
    expect(a.owners).toEqual(['홍길동']);
  });
});

describe('calc.run and base rates', () => {
  it('runs a calculator: 중개보수 for a 1억 deposit', async () => {
    h = await signedIn();
    const r = await h.api('calc.run', { name: 'brokerage', input: { deposit: 100_000_000, monthlyRent: 0, contractDate: '2026-11-27', propertyKind: 'housing' } });
    expect(r.result).toMatchObject({ transactionAmount: 100_000_000, rate: 0.003, maxFee: 300_000 });
  });

  it('names the bad field of a calculator input in both languages', async () => {
    h = await signedIn();
    const r = await h.raw('calc.run', { name: 'ltv', input: { deposit: 1, seniorClaims: 0, seniorDeposits: 0 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields![0]).toMatchObject({ path: 'input.marketValue', message: { ko: '필수 항목입니다.' } });
    const unknown = await h.raw('calc.run', { name: 'nope', input: {} });
    expect(unknown.ok ? null : unknown.error.fields![0].path).toBe('name');
  });

  it('a base rate the user adds changes the conversion cap from its date; removing it restores the shipped series', async () => {
    h = await signedIn();
    const input = { convertedDeposit: 100_000_000, date: '2031-01-10' };
    const shipped = (await h.api('calc.run', { name: 'conversion', input })).result as { annualRate: number };
    const rows = await h.api('baseRates.add', { effectiveFrom: '2031-01-01', ratePercent: 4.25, note: '가상의 결정' });
    const mine = rows.find((r) => r.userAdded)!;
    expect(mine).toMatchObject({ effectiveFrom: '2031-01-01', rateBp: 425 });
    const changed = (await h.api('calc.run', { name: 'conversion', input })).result as { annualRate: number };
    // min(10 %, 4.25 % + 2 %p) = 6.25 %
    expect(changed.annualRate).toBeCloseTo(0.0625, 6);
    expect(changed.annualRate).not.toBeCloseTo(shipped.annualRate, 6);
    const dup = await h.raw('baseRates.add', { effectiveFrom: '2031-01-01', ratePercent: 4 });
    expect(dup.ok ? null : dup.error.code).toBe('CONFLICT');
    const pct = await h.raw('baseRates.add', { effectiveFrom: '2031-02-01', ratePercent: 425 });
    expect(pct.ok ? null : pct.error.fields![0].path).toBe('ratePercent');
    await h.api('baseRates.remove', { id: mine.id! });
    expect((await h.api('baseRates.list')).some((r) => r.userAdded)).toBe(false);
    expect(((await h.api('calc.run', { name: 'conversion', input })).result as { annualRate: number }).annualRate).toBeCloseTo(shipped.annualRate, 6);
  });
});

describe('rights.analyze with the registry checklist', () => {
  it('reads the latest registry run: its answers fill what the form leaves unset', async () => {
    h = await signedIn();
    const l = await listing();
    const { landlord: _l, ...withoutTaxFact } = registry;
    await h.api('registry.save', { listingId: l.id, registry: withoutTaxFact });
    const before = await h.api('rights.analyze', { listingId: l.id });
    expect(before.flags.find((f) => f.code === 'R7')).toMatchObject({ severity: 'caution', missing: ['taxArrears'] });

    const run = await h.api('checklists.runs.start', { listingId: l.id, templateId: 'registry' });
    await h.api('checklists.runs.answer', { runId: run.run.id, itemId: 'taxStatus', value: 'arrears' });
    const after = await h.api('rights.analyze', { listingId: l.id });
    expect(after.checklist).toMatchObject({ runId: run.run.id, answered: 1, completed: false });
    expect(after.flags.find((f) => f.code === 'R7')).toMatchObject({ severity: 'danger' });

    // The form's own answer wins over the checklist's.
    await h.api('registry.save', { listingId: l.id, registry });
    expect((await h.api('rights.analyze', { listingId: l.id })).flags.some((f) => f.code === 'R7')).toBe(false);
  });
});

describe('issue 13: the listing records where its market value is from, and HUG uses only KB/한국부동산원', () => {
  it('an 오피스텔 with a KB price is valued by it; the same figure as an asking price is not used', async () => {
    h = await signedIn();
    const kb = await listing({ buildingType: 'officetel', marketValueSource: 'kb' });
    expect(kb.marketValueSource).toBe('kb');
    const a = await h.api('rights.analyze', { listingId: kb.id });
    expect(a.hug.basis?.key).toBe('marketKb');
    expect(a.hug.housePrice).toBe(300_000_000);
    expect(a.pack.source).toBe('shipped');
    const asking = await listing({ buildingType: 'officetel', marketValueSource: 'asking' });
    const b = await h.api('rights.analyze', { listingId: asking.id });
    expect(b.hug.basis).toBeNull();
    expect(b.hug.reasons.map((r) => r.ko).join(' ')).toContain('호가');
  });
});
