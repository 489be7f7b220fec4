import { BadInput, type CliIO, type ExitCode, printJson } from './io.js';
import { parseArgs } from './geo.js';
import { parseEpsg } from '../../geo/core/crs.js';
import { synthesize } from '../../geo/io/synth.js';

export async function runSynth(args: string[], io: CliIO): Promise<ExitCode> {
  const { flags } = parseArgs(args, ['parcels', 'seed', 'out', 'crs', 'constraints']);
  const parcels = Number(flags.parcels);
  if (!Number.isInteger(parcels) || parcels < 1 || parcels > 5_000_000) throw new BadInput('--parcels: 1 ~ 5,000,000 사이의 정수 / a whole number from 1 to 5,000,000');
  const seed = Number(flags.seed ?? 1);
  if (!Number.isInteger(seed)) throw new BadInput('--seed: 정수 / a whole number');
  if (!flags.out) throw new BadInput('--out: 필수 (폴더) / required (a directory)');
  const crs = flags.crs ? parseEpsg(flags.crs) : 5186;
  if (crs !== 5186 && crs !== 5174) throw new BadInput('--crs: EPSG:5186 또는 EPSG:5174 / EPSG:5186 or EPSG:5174');
  const constraints = flags.constraints ? Number(flags.constraints) : 50;
  io.err(`synthesizing ~${parcels} parcels…\n`);
  printJson(io, synthesize({ parcels, seed, outDir: flags.out, crs, constraints }));
  return 0;
}
