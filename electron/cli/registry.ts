// `ansim registry analyze [--as-of YYYY-MM-DD]`: the rights analysis of one listing from the
// registry entries and the facts on stdin (see docs/CALCULATORS.md), printed as JSON.
import { CalcInputError } from '../../checklists/calculators/schema.js';
import { isValidDate } from '../../checklists/common/seoul-time.js';
import { analyzeRegistry } from '../../checklists/rights/analyze.js';
import { diffRegistry } from '../../checklists/rights/diff.js';
import { BadInput, printJson, readJsonInput, type Subcommand } from './io.js';
import { readFile } from 'node:fs/promises';

/** `ansim registry diff OLD.json NEW.json`: what changed between two readings (docs/LEASE.md). */
async function diff(rest: string[], io: Parameters<Subcommand>[1]): Promise<0> {
  let asOf: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--as-of') {
      asOf = rest[++i];
      if (!asOf || !isValidDate(asOf)) throw new BadInput(`--as-of: expected a date YYYY-MM-DD, got "${asOf ?? ''}"`);
    } else if (rest[i].startsWith('--')) throw new BadInput(`unknown option "${rest[i]}"`);
    else files.push(rest[i]);
  }
  if (files.length !== 2) throw new BadInput('expected two files: ansim registry diff OLD.json NEW.json');
  const docs: unknown[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = await readFile(f, 'utf8');
    } catch (e) {
      throw new BadInput(`${f}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      docs.push(JSON.parse(text));
    } catch (e) {
      throw new BadInput(`${f}: not valid JSON (${(e as Error).message})`);
    }
  }
  try {
    printJson(io, diffRegistry(docs[0], docs[1], { asOf }));
  } catch (e) {
    if (e instanceof CalcInputError) {
      // Name the file whose field is wrong: validate each alone.
      for (let i = 0; i < 2; i++) {
        try {
          diffRegistry(docs[i], docs[i], { asOf });
        } catch (inner) {
          if (inner instanceof CalcInputError) throw new BadInput(`${files[i]}: ${inner.message}`);
        }
      }
      throw new BadInput(e.message);
    }
    throw e;
  }
  return 0;
}
import { referenceForDataDir } from './reference.js';
import { usedPack } from '../backend/reference.js';

export const main: Subcommand = async (args, io) => {
  const [verb, ...rest] = args;
  if (verb === 'diff') return diff(rest, io);
  if (verb !== 'analyze') {
    io.err('Usage: ansim registry analyze [--as-of YYYY-MM-DD] < registry.json\n       ansim registry diff [--as-of YYYY-MM-DD] OLD.json NEW.json\n');
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
