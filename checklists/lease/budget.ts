// A listing against the client's stated budget: each amount above its budget, by how much.
// Pure; amounts in won. A budget not stated is not checked.
export interface BudgetOver {
  field: 'deposit' | 'monthlyRent' | 'maintenanceFee';
  amount: number;
  budget: number;
  over: number;
}

export function overBudget(
  listing: { deposit: number | null; monthlyRent: number | null; maintenanceFee: number | null },
  client: { budgetDeposit: number | null; budgetMonthlyRent: number | null; budgetMaintenance: number | null },
): BudgetOver[] {
  const out: BudgetOver[] = [];
  const check = (field: BudgetOver['field'], amount: number | null, budget: number | null) => {
    if (amount != null && budget != null && amount > budget) out.push({ field, amount, budget, over: amount - budget });
  };
  check('deposit', listing.deposit, client.budgetDeposit);
  check('monthlyRent', listing.monthlyRent, client.budgetMonthlyRent);
  check('maintenanceFee', listing.maintenanceFee, client.budgetMaintenance);
  return out;
}
