// `ansim calc NAME`: one legal calculator, JSON in on stdin, JSON out on stdout.
// A bad field exits 2 with a one-line message naming it.
import { CalcInputError, calculatorNames, isCalculatorName, runCalculator } from '../../checklists/calculators/index.js';
import { BadInput, printJson, readJsonInput, type Subcommand } from './io.js';
import { referenceForDataDir } from './reference.js';
import { usedPack } from '../backend/reference.js';

export const main: Subcommand = async (args, io) => {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    io.err(`Usage: ansim calc NAME < input.json\n  NAME: ${calculatorNames.join(' | ')}\n  See docs/CALCULATORS.md for each input and output.\n`);
    return name ? 0 : 2;
  }
  if (!isCalculatorName(name)) throw new BadInput(`unknown calculator "${name}" (one of ${calculatorNames.join(', ')})`);
  let dataDir: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--data-dir' && rest[i + 1]) dataDir = rest[++i];
    else throw new BadInput(`unknown option "${rest[i]}" (only --data-dir DIR)`);
  }
  const input = await readJsonInput(io);
  // The folder's loaded reference pack with --data-dir, else the shipped one; the output names it.
  const ref = await referenceForDataDir(dataDir);
  try {
    printJson(io, { ...(runCalculator(name, input, { tables: ref.tables }) as object), referencePack: usedPack(ref.pack) });
  } catch (e) {
    if (e instanceof CalcInputError) throw new BadInput(e.message);
    throw e;
  }
  return 0;
};
