// `ansim policy match`: which housing-support programmes the facts on stdin may qualify for.
// Prints [{id, name, status, reasons, missing, nextWindow?}] (status eligible | needs-info |
// ineligible | not-open); the catalogue date used goes to stderr.
import { matchProgrammes } from '../../checklists/policy/match.js';
import { policyMatchCliSchema } from '../../checklists/policy/facts.js';
import { medianIncomeTable, programmesTable } from '../../data/reference/policy-tables.js';
import { todaySeoul } from '../../checklists/common/seoul-time.js';
import { BadInput, printJson, readJsonInput, type Subcommand } from './io.js';

export const main: Subcommand = async (args, io) => {
  const [sub] = args;
  if (sub !== 'match') {
    io.err('Usage: ansim policy match < facts.json\n  {age, annualIncome?, incomeBasis?, householdIncomeShareOfMedian?, assets?, householdSize, married, marriedOn?,\n   householder?, veteranMonths?, deposit, monthlyRent, homeless, region, asOf?}  (see docs/POLICY.md)\n');
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  const parsed = policyMatchCliSchema.safeParse(await readJsonInput(io));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new BadInput(`${i.path.join('.') || 'stdin'}: ${i.message}`);
  }
  const { asOf, ...facts } = parsed.data;
  const r = matchProgrammes(facts, { programmes: programmesTable, medianIncome: medianIncomeTable }, asOf ?? todaySeoul());
  io.err(`catalogue ${r.catalogue.effectiveFrom} (checked ${r.catalogue.checkedOn}); 기준 중위소득 ${r.medianIncome?.effectiveFrom ?? 'none'}; asOf ${r.asOf}\n`);
  printJson(
    io,
    r.matches.map((m) => ({
      id: m.id,
      name: m.name.ko,
      status: m.status,
      reasons: m.reasons.map((x) => x.ko),
      missing: m.missing,
      ...(m.nextWindow ? { nextWindow: m.nextWindow } : {}),
    })),
  );
  return 0;
};
