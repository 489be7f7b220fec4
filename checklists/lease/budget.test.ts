import { describe, expect, it } from 'vitest';
import { overBudget } from './budget.js';

describe('overBudget', () => {
  const client = { budgetDeposit: 80_000_000, budgetMonthlyRent: 500_000, budgetMaintenance: null };
  it('names each amount above the stated budget, and by how much', () => {
    expect(overBudget({ deposit: 100_000_000, monthlyRent: 500_000, maintenanceFee: 150_000 }, client)).toEqual([
      { field: 'deposit', amount: 100_000_000, budget: 80_000_000, over: 20_000_000 },
    ]);
    expect(overBudget({ deposit: 10_000_000, monthlyRent: 550_000, maintenanceFee: null }, client).map((o) => o.field)).toEqual(['monthlyRent']);
  });
  it('an amount equal to the budget, or a budget not stated, is not over', () => {
    expect(overBudget({ deposit: 80_000_000, monthlyRent: 0, maintenanceFee: 300_000 }, client)).toEqual([]);
  });
});
