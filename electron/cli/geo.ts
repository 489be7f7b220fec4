// `ansim geo …`: import | study run | synth. Results as JSON on stdout; progress and one-line
// errors on stderr; exit 2 for bad input (naming the file or field), 1 for failures.
import { BadInput, type CliIO, type ExitCode, printJson } from './io.js';
import { parseEpsg } from '../../geo/core/crs.js';
import { parseEncodingOption } from '../../geo/io/encoding.js';
import { importToGeoJson } from '../../geo/io/import-file.js';
import { GeoInputError } from '../../geo/core/messages.js';

const USAGE = `usage:
  ansim geo import FILE [--encoding CP949|UTF-8] [--crs EPSG:N] [--x FIELD --y FIELD] [--wkt FIELD] --out OUT.geojson
  ansim geo study run STUDY.json --out DIR [--draws N] [--parcels]
  ansim geo synth --parcels N --seed S --out DIR [--crs EPSG:5186|EPSG:5174]`;

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string>;
}

/** `known` lists options taking a value; `switches` options without one (set to 'true'). */
export function parseArgs(args: string[], known: string[], switches: string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      if (switches.includes(k) && inline === undefined) {
        flags[k] = 'true';
        continue;
      }
      if (!known.includes(k)) throw new BadInput(`--${k}: 알 수 없는 옵션 / unknown option\n${USAGE}`);
      const v = inline ?? args[++i];
      if (v === undefined) throw new BadInput(`--${k}: 값이 필요합니다 / needs a value`);
      flags[k] = v;
    } else positional.push(a);
  }
  return { positional, flags };
}

/** Progress bar on stderr (only when stderr is a terminal or the caller asks). */
export function progressBar(io: CliIO, label: string): (fraction: number, note?: string) => void {
  let last = -1;
  return (f, note = '') => {
    const pct = Math.max(0, Math.min(100, Math.round(f * 100)));
    if (pct === last) return;
    last = pct;
    const width = 30;
    const fill = Math.round((pct / 100) * width);
    io.err(`\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${String(pct).padStart(3)}% ${note}`.padEnd(80) + (pct === 100 ? '\n' : ''));
  };
}

async function runImport(args: string[], io: CliIO): Promise<ExitCode> {
  const { positional, flags } = parseArgs(args, ['encoding', 'crs', 'x', 'y', 'wkt', 'out']);
  if (positional.length !== 1) throw new BadInput(`FILE: 입력 파일 하나를 지정하세요 / give exactly one input file\n${USAGE}`);
  if (!flags.out) throw new BadInput('--out: 필수 (OUT.geojson) / required (OUT.geojson)');
  const report = importToGeoJson(positional[0], flags.out, {
    encoding: flags.encoding ? parseEncodingOption(flags.encoding) : undefined,
    crs: flags.crs ? parseEpsg(flags.crs) : undefined,
    xField: flags.x,
    yField: flags.y,
    wktField: flags.wkt,
  }, (n) => io.err(`\rimported ${n} features`));
  io.err('\r');
  printJson(io, report);
  return 0;
}

export async function main(args: string[], io: CliIO): Promise<ExitCode> {
  try {
    const [cmd, ...rest] = args;
    if (cmd === 'import') return await runImport(rest, io);
    if (cmd === 'synth') return await (await import('./geo-synth.js')).runSynth(rest, io);
    if (cmd === 'study' && rest[0] === 'run') return await (await import('./geo-study.js')).runStudyCli(rest.slice(1), io);
    throw new BadInput(`${cmd ?? '(none)'}: 알 수 없는 geo 명령 / unknown geo command\n${USAGE}`);
  } catch (e) {
    if (e instanceof GeoInputError) {
      io.err(`${e.msg.ko} / ${e.msg.en}\n`);
      if (e.detail) io.out(`${JSON.stringify({ error: e.code, message: e.msg, ...e.detail })}\n`);
      return 2;
    }
    if (e instanceof BadInput) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(`geo: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
