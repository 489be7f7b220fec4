// The conventions every `ansim` subcommand keeps (see README "Command line"):
// results as JSON on stdout, progress and one-line errors on stderr,
// exit 0 on success, 2 on bad input (naming the field or file), 1 on failure.

export interface CliIO {
  /** Reads all of standard input as UTF-8 (for the JSON-in calculators). */
  readStdin(): Promise<string>;
  /** Writes to stdout (callers add the newline). */
  out(text: string): void;
  /** Writes progress or a one-line error to stderr. */
  err(text: string): void;
}

export type ExitCode = 0 | 1 | 2;

/** A subcommand: gets the arguments after its name, returns the exit code. */
export type Subcommand = (args: string[], io: CliIO) => Promise<ExitCode>;

/** Bad input: exit 2 with a one-line message that names the field or file. */
export class BadInput extends Error {
  readonly exitCode = 2 as const;
}

/** Prints a value as JSON on stdout. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Parses stdin as a JSON object or throws BadInput. */
export async function readJsonInput(io: CliIO): Promise<Record<string, unknown>> {
  const text = await io.readStdin();
  if (text.trim() === '') throw new BadInput('stdin: expected a JSON object, got nothing');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BadInput(`stdin: not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadInput('stdin: expected a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Real process I/O. */
export const processIO: CliIO = {
  readStdin: async () => {
    if (process.stdin.isTTY) return '';
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
