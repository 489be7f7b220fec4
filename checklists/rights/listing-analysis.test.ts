import { describe, expect, it } from 'vitest';
import { registryChecklistFacts } from './checklist-facts.js';
import { analyzeListing } from './listing-analysis.js';
import { emptyRegistryDoc, toRegistryInput, type ListingFacts, type RegistryDoc, type RegistryDocEntry } from './registry-doc.js';

const listing: ListingFacts = {
  buildingType: 'rowhouse_multiplex',
  address: '서울특별시 성북구 정릉동 10-2',
  deposit: 150_000_000,
  monthlyRent: 0,
  marketValue: 300_000_000,
  officialPrice: null,
  landlordName: '홍길동',
};

const entry = (e: Partial<RegistryDocEntry>): RegistryDocEntry => ({ rank: '1', purpose: '', receivedAt: null, receiptNo: null, cause: null, holders: [], maxClaim: null, cancelled: false, ...e });

/** The sample of the CLI fixture: a live 근저당 (9,600만원) and a 가압류. */
function sample(): RegistryDoc {
  const d = emptyRegistryDoc();
  d.certificate = { issuedAt: '2026-11-27T10:00:00+09:00', collective: true };
  d.gapgu = [
    entry({ rank: '1', purpose: '소유권보존', receivedAt: '2019-04-01', receiptNo: '제5001호', holders: ['홍길동'] }),
    entry({ rank: '2', purpose: '가압류', receivedAt: '2026-08-01', receiptNo: '제30001호', holders: ['주식회사 대부'] }),
  ];
  d.eulgu = [entry({ rank: '1', purpose: '근저당권설정', receivedAt: '2019-04-01', receiptNo: '제5002호', holders: ['신한은행'], maxClaim: 96_000_000 })];
  d.landlord.taxArrears = false;
  d.buildingRegister = { checked: true, violation: false, mainUse: '다세대주택' };
  d.contract = {
    ...d.contract,
    contractDate: '2026-11-27',
    downPayment: { amount: 15_000_000, date: '2026-11-27' },
    balance: { amount: 135_000_000, date: '2027-01-10' },
    moveInDate: '2027-01-10',
    fixedDate: '2027-01-10',
  };
  return d;
}

describe('analyzeListing', () => {
  it('a live 근저당 and a 가압류: 위험, R2 for the 가압류, the 근저당 말소 clause, 부채비율 and 전세가율 apart', () => {
    const a = analyzeListing(sample(), listing, {}, { asOf: '2026-11-27' });
    expect(a.verdict).toBe('danger');
    expect(a.flags[0].severity).toBe('danger');
    const r2 = a.flags.filter((f) => f.code === 'R2');
    expect(r2).toHaveLength(1);
    expect(r2[0].entries).toEqual(['갑구 2']);
    expect(a.clauses.some((c) => c.id === 'cancel-mortgage-1' && c.text.ko.includes('9,600만원'))).toBe(true);
    // (96,000,000 + 150,000,000) / 300,000,000 = 82 %; the deposit alone is 50 %.
    expect(a.ltv.ratio).toBeCloseTo(0.82, 6);
    expect(a.ltv.jeonseRatio).toBeCloseTo(0.5, 6);
    // The certificate was read on 2026-11-27, before the balance day.
    expect(a.warnings.some((w) => w.ko.includes('잔금'))).toBe(true);
  });

  it('without the 가압류 and with a low mortgage the verdict improves', () => {
    const d = sample();
    d.gapgu = d.gapgu.slice(0, 1);
    d.eulgu[0].maxClaim = 30_000_000;
    const a = analyzeListing(d, listing, {}, { asOf: '2026-11-27' });
    expect(a.flags.some((f) => f.code === 'R2')).toBe(false);
    expect(a.ltv.band).toBe('안전');
  });

  it('a 잔금일 without its amount takes the rest of the deposit, so the balance-day warning still shows', () => {
    const d = sample();
    d.contract.balance = { amount: null, date: '2027-01-10' };
    const { input } = toRegistryInput(d, listing);
    expect(input.contract?.balance).toEqual({ amount: 135_000_000, date: '2027-01-10' });
    expect(analyzeListing(d, listing, {}, { asOf: '2026-11-27' }).warnings.some((w) => w.ko.includes('잔금'))).toBe(true);
  });

  it('leaves incomplete lines out, and says so', () => {
    const d = sample();
    d.gapgu.push(entry({ rank: '3', purpose: '압류', receivedAt: null }));
    const a = analyzeListing(d, listing, {}, { asOf: '2026-11-27' });
    expect(a.flags.filter((f) => f.code === 'R2')).toHaveLength(1);
    expect(a.warnings[0].ko).toContain('갑구 3');
  });

  it('no landlord name: R1 names the missing fact instead of calling the landlord a stranger', () => {
    const a = analyzeListing(sample(), { ...listing, landlordName: null }, {}, { asOf: '2026-11-27' });
    const r1 = a.flags.filter((f) => f.code === 'R1');
    expect(r1).toHaveLength(1);
    expect(r1[0].severity).toBe('caution');
    expect(r1[0].missing).toEqual(['landlordName']);
    // …and when the checklist says the signer is the owner, the owner's name stands in.
    const b = analyzeListing(sample(), { ...listing, landlordName: null }, { ownerMatchesLandlord: 'yes' }, { asOf: '2026-11-27' });
    expect(b.flags.some((f) => f.code === 'R1')).toBe(false);
  });

  it('a stranger as landlord is 위험 (R1)', () => {
    const a = analyzeListing(sample(), { ...listing, landlordName: '김철수' }, {}, { asOf: '2026-11-27' });
    expect(a.flags.find((f) => f.code === 'R1')?.severity).toBe('danger');
  });

  it('checklist answers fill facts the form leaves unset, never override them', () => {
    const d = sample();
    d.landlord.taxArrears = null;
    d.buildingRegister = { checked: false, violation: null, mainUse: null };
    const withAnswers = analyzeListing(d, listing, { taxStatus: 'arrears', buildingRegisterChecked: 'yes', violationFlag: 'yes', mainUse: 'housing' }, { asOf: '2026-11-27' });
    expect(withAnswers.flags.some((f) => f.code === 'R7' && f.severity === 'danger')).toBe(true);
    expect(withAnswers.flags.some((f) => f.code === 'R6' && f.severity === 'danger')).toBe(true);
    // The form says no arrears: the checklist's "arrears" does not override it.
    const formWins = analyzeListing(sample(), listing, { taxStatus: 'arrears' }, { asOf: '2026-11-27' });
    expect(formWins.flags.some((f) => f.code === 'R7')).toBe(false);
  });

  it('warns when the checklist lists live rights that were not entered', () => {
    const d = sample();
    d.eulgu = [];
    const a = analyzeListing(d, listing, { eulguEntries: ['mortgage'] }, { asOf: '2026-11-27' });
    expect(a.warnings.some((w) => w.ko.includes('을구') && w.ko.includes('근저당권'))).toBe(true);
    expect(analyzeListing(sample(), listing, { eulguEntries: ['mortgage'] }, { asOf: '2026-11-27' }).warnings.some((w) => w.ko.includes('체크리스트'))).toBe(false);
  });
});

describe('registryChecklistFacts', () => {
  it('reads the registry template answers', () => {
    expect(registryChecklistFacts({
      certIssuedOn: '2026-11-20', signedBy: 'agent', powerOfAttorney: 'yes', sealCertificate: 'no',
      gapguEntries: ['trust'], trustRegisterChecked: 'yes', trusteeConsent: 'yes',
      taxStatus: 'viewed', seniorDeposits: 50_000_000, seniorDepositsConsistent: 'no', marketPrice: 250_000_000,
      buildingRegisterChecked: 'yes', violationFlag: 'no', mainUse: 'neighbourhood',
    })).toEqual({
      certIssuedOn: '2026-11-20', actingAsAgent: true, agentDocumentsChecked: false, gapguKinds: ['trust'], trustConsent: true,
      taxArrears: false, seniorDeposits: 50_000_000, seniorDepositsDisclosed: false, marketValue: 250_000_000,
      buildingRegister: { violation: false, mainUse: '근린생활시설' },
    });
  });

  it('"not checked" gives no fact, so the analysis keeps asking for it', () => {
    expect(registryChecklistFacts({ taxStatus: 'notChecked', buildingRegisterChecked: 'no', violationFlag: 'yes', eulguEntries: ['none'] })).toEqual({ eulguKinds: [] });
  });

  it('the listing building types reach the engine (다가구 asks for senior deposits)', () => {
    const { input } = toRegistryInput(sample(), { ...listing, buildingType: 'multi_household' });
    expect(input.property.buildingType).toBe('multi_household');
    const a = analyzeListing(sample(), { ...listing, buildingType: 'multi_household' }, {}, { asOf: '2026-11-27' });
    expect(a.flags.some((f) => f.missing?.includes('seniorDeposits'))).toBe(true);
  });

  it('a listing stored as 연립·다세대 stays 연립·다세대: no split is guessed', () => {
    const { input } = toRegistryInput(sample(), { ...listing, buildingType: 'rowhouse_multiplex' });
    expect(input.property.buildingType).toBe('rowhouse_multiplex');
  });
});
