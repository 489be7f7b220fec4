#!/usr/bin/env node
// `ansim`: the engines for scripting and checks. Each subcommand lives in its own module
// and is loaded only when asked for, so `ansim calc …` does not pay for geo or PDF code.
import { commands } from './commands.js';
import { BadInput, processIO, type CliIO, type ExitCode } from './io.js';

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ansim ${name.padEnd(12)} ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

export async function run(argv: string[], io: CliIO): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.err(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`ansim: unknown command "${name}" (알 수 없는 명령)\n${usage()}`);
    return 2;
  }
  try {
    const sub = await command.load();
    return await sub(rest, io);
  } catch (e) {
    if (e instanceof BadInput) {
      io.err(`ansim ${name}: ${e.message}\n`);
      return 2;
    }
    io.err(`ansim ${name}: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && /ansim(\.js)?$/.test(process.argv[1]);
if (isMain) {
  run(process.argv.slice(2), processIO).then((code) => {
    process.exitCode = code;
  });
}
