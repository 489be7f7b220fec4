// `ansim lease timeline < facts.json`: the case timeline of one lease (docs/LEASE.md) from
// `{leaseKind, contractDate, balanceDate, moveInDate, endDate, deposit, monthlyRent, address?}` and
// the other lease facts, printed as `{steps}`; each step has one `date` or a `window {from, to}`.
import { CalcInputError, parseInput } from '../../checklists/calculators/schema.js';
import { leaseFactsSchema } from '../../checklists/lease/facts-schema.js';
import { leaseTimeline } from '../../checklists/lease/timeline.js';
import { BadInput, printJson, readJsonInput, type Subcommand } from './io.js';

export const main: Subcommand = async (args, io) => {
  const [verb, ...rest] = args;
  if (verb !== 'timeline') {
    io.err('Usage: ansim lease timeline < lease.json\n');
    return verb === '--help' || verb === '-h' ? 0 : 2;
  }
  if (rest.length) throw new BadInput(`unknown option "${rest[0]}"`);
  const input = await readJsonInput(io);
  let facts;
  try {
    facts = parseInput(leaseFactsSchema, input);
  } catch (e) {
    if (e instanceof CalcInputError) throw new BadInput(e.message);
    throw e;
  }
  const steps = leaseTimeline(facts).map((s) => {
    // One date or one window per step, as the issue specifies.
    const { window, date, ...rest } = s;
    return window ? { ...rest, window } : { ...rest, date };
  });
  printJson(io, { steps });
  return 0;
};
