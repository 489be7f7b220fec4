import { describe, expect, it } from 'vitest';
import { prefillAnswers } from './prefill.js';
import { builtInTemplates } from '../engine/registry.js';
import { emptyRegistryDoc } from '../rights/registry-doc.js';
import type { Template } from '../engine/schema.js';

const tpl = (id: string) => builtInTemplates().find((t: Template) => t.id === id)!;
const listing = { buildingType: 'rowhouse_multiplex', floorKind: 'semi_basement', floor: -1, deposit: 100_000_000, monthlyRent: 0, marketValue: 250_000_000 };

describe('prefillAnswers', () => {
  it('the inspection starts with the building type and a 반지하 floor from the listing', () => {
    expect(prefillAnswers(tpl('inspection'), { listing, lease: null, registry: null })).toEqual({
      buildingType: { value: 'villa', from: 'listing' },
      floorLevel: { value: 'basement', from: 'listing' },
    });
    const upper = prefillAnswers(tpl('inspection'), { listing: { ...listing, floorKind: 'above', floor: 3 }, lease: null, registry: null });
    expect(upper.floorLevel.value).toBe('upper');
  });
  it('the contract checklist takes the saved lease facts over the listing, and the registry entry’s dates', () => {
    const doc = emptyRegistryDoc();
    doc.contract.contractDate = '2026-11-20';
    doc.contract.balance = { amount: 90_000_000, date: '2026-12-05' };
    const a = prefillAnswers(tpl('contract'), {
      listing,
      lease: { leaseKind: 'renewalDemand', contractDate: null, moveInDate: null, endDate: '2028-12-04', deposit: 105_000_000, monthlyRent: 0, interimPayment: { amount: 5_000_000, date: '2026-11-25' } },
      registry: doc,
    });
    expect(a.contractKind).toEqual({ value: 'renewalRight', from: 'lease' });
    expect(a.deposit).toEqual({ value: 105_000_000, from: 'lease' });
    expect(a.contractDate).toEqual({ value: '2026-11-20', from: 'registry' });
    expect(a.balance).toEqual({ value: 90_000_000, from: 'registry' });
    expect(a.hasInterimPayment).toEqual({ value: 'yes', from: 'lease' });
    expect(a.leaseEndDate).toEqual({ value: '2028-12-04', from: 'lease' });
    expect(a.moveInDate).toBeUndefined();
  });
  it('the registry checklist reads the live entries and the building register', () => {
    const doc = emptyRegistryDoc();
    const e = { receivedAt: '2020-01-01', receiptNo: null, cause: null, holders: [], maxClaim: null, cancelled: false };
    doc.gapgu = [{ ...e, rank: '1', purpose: '소유권보존' }, { ...e, rank: '2', purpose: '가압류' }, { ...e, rank: '3', purpose: '압류', cancelled: true }];
    doc.eulgu = [{ ...e, rank: '1', purpose: '근저당권설정', maxClaim: 60_000_000 }, { ...e, rank: '2', purpose: '근저당권설정', maxClaim: 30_000_000 }];
    doc.buildingRegister = { checked: true, violation: false, mainUse: '다세대주택' };
    const a = prefillAnswers(tpl('registry'), { listing, lease: null, registry: doc });
    expect(a.gapguEntries.value).toEqual(['provisionalSeizure']);
    expect(a.eulguEntries.value).toEqual(['mortgage']);
    expect(a.mortgageMaxTotal.value).toBe(90_000_000);
    expect(a.violationFlag.value).toBe('no');
    expect(a.propertyType.value).toBe('villa');
    expect(a.marketPrice).toEqual({ value: 250_000_000, from: 'listing' });
  });
});
