// `ansim calc NAME`: one legal calculator, JSON in on stdin, JSON out on stdout.
// A bad field exits 2 with a one-line message naming it.
import { CalcInputError, calculatorNames, isCalculatorName, runCalculator } from '../../checklists/calculators/index.js';
import { BadInput, printJson, readJsonInput, type Subcommand } from './io.js';

export const main: Subcommand = async (args, io) => {
  const [name] = args;
  if (!name || name === '--help' || name === '-h') {
    io.err(`Usage: ansim calc NAME < input.json\n  NAME: ${calculatorNames.join(' | ')}\n  See docs/CALCULATORS.md for each input and output.\n`);
    return name ? 0 : 2;
  }
  if (!isCalculatorName(name)) throw new BadInput(`unknown calculator "${name}" (one of ${calculatorNames.join(', ')})`);
  const input = await readJsonInput(io);
  try {
    printJson(io, runCalculator(name, input));
  } catch (e) {
    if (e instanceof CalcInputError) throw new BadInput(e.message);
    throw e;
  }
  return 0;
};
