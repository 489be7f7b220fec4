// `ansim geo study run STUDY.json --out DIR`
import { readFileSync } from 'node:fs';
import { BadInput, type CliIO, type ExitCode, printJson } from './io.js';
import { parseArgs, progressBar } from './geo.js';
import { studyBase } from '../../geo/io/layers.js';
import { runStudy, writeStudyOutputs } from '../../geo/io/run.js';

export async function runStudyCli(args: string[], io: CliIO): Promise<ExitCode> {
  const { positional, flags } = parseArgs(args, ['out', 'draws'], ['parcels']);
  if (positional.length !== 1) throw new BadInput('STUDY.json: 연구 파일 하나를 지정하세요 / give exactly one study file');
  if (!flags.out) throw new BadInput('--out: 필수 (폴더) / required (a directory)');
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(positional[0], 'utf8'));
  } catch (e) {
    throw new BadInput(`${positional[0]}: 연구 파일을 읽을 수 없습니다 / cannot read the study (${(e as Error).message})`);
  }
  if (flags.draws !== undefined) {
    const draws = Number(flags.draws);
    if (!Number.isInteger(draws) || draws < 0) throw new BadInput('--draws: 0 이상의 정수 / a whole number ≥ 0');
    doc.sensitivity = { ...(doc.sensitivity as object), draws };
  }
  const bar = progressBar(io, 'study');
  const run = await runStudy(doc, { baseDir: studyBase(positional[0]), onProgress: (p) => bar(p.fraction * 0.9, p.phase) });
  // Every parcel (parcels.geojson, 374 MB at a million) only with --parcels.
  const files = writeStudyOutputs(run, flags.out, { parcels: flags.parcels === 'true', onProgress: (f) => bar(0.9 + 0.1 * f, 'write') });
  printJson(io, { ...run.summary, files });
  return 0;
}
