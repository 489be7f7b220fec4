// `ansim registry analyze [--as-of YYYY-MM-DD]`: the rights analysis of one listing from the
// registry entries and the facts on stdin (see docs/CALCULATORS.md), printed as JSON.
import { CalcInputError } from '../../checklists/calculators/schema.js';
import { isValidDate } from '../../checklists/common/seoul-time.js';
import { analyzeRegistry } from '../../checklists/rights/analyze.js';
import { BadInput, printJson, readJsonInput, type Subcommand } from './io.js';
import { referenceForDataDir } from './reference.js';
import { usedPack } from '../backend/reference.js';

export const main: Subcommand = async (args, io) => {
  const [verb, ...rest] = args;
  if (verb !== 'analyze') {
    io.err('Usage: ansim registry analyze [--as-of YYYY-MM-DD] [--data-dir DIR] < registry.json\n');
    return verb === '--help' || verb === '-h' ? 0 : 2;
  }
  let asOf: string | undefined;
  let dataDir: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--data-dir' && rest[i + 1]) {
      dataDir = rest[++i];
    } else if (rest[i] === '--as-of') {
      asOf = rest[++i];
      if (!asOf || !isValidDate(asOf)) throw new BadInput(`--as-of: expected a date YYYY-MM-DD, got "${asOf ?? ''}"`);
    } else {
      throw new BadInput(`unknown option "${rest[i]}"`);
    }
  }
  const input = await readJsonInput(io);
  const ref = await referenceForDataDir(dataDir);
  try {
    printJson(io, { ...analyzeRegistry(input, { asOf, tables: ref.tables }), referencePack: usedPack(ref.pack) });
  } catch (e) {
    if (e instanceof CalcInputError) throw new BadInput(e.message);
    throw e;
  }
  return 0;
};
