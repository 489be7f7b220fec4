// `npm run serve -- --data-dir DIR [--port N] [--open]`: the loopback host.
// Prints the page's URL (token in the fragment) as its own line on stdout.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { openBackend } from '../backend/backend.js';
import { defaultDataDir, keyFileProtector, DataDirError } from '../../data/crypto/data-dir.js';
import { MigrationMismatch } from '../../data/db/migrate.js';
import { startHttpHost } from './http-host.js';
import { pageCsp } from '../backend/handlers/map.js';

function parseArgs(argv: string[]) {
  const out: { dataDir?: string; port?: number; open: boolean } = { open: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir') out.dataDir = argv[++i];
    else if (a.startsWith('--data-dir=')) out.dataDir = a.slice(11);
    else if (a === '--port') out.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) out.port = Number(a.slice(7));
    else if (a === '--open') out.open = true;
    else {
      process.stderr.write(`serve: unknown option ${a} (알 수 없는 옵션)\n`);
      process.exit(2);
    }
  }
  if (out.port !== undefined && (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)) {
    process.stderr.write('serve: --port must be 0–65535 (포트 번호가 올바르지 않습니다)\n');
    process.exit(2);
  }
  return out;
}

/** Opens the default browser where one exists; silently does nothing otherwise. */
export function openBrowser(url: string) {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    /* no browser here */
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(args.dataDir ?? defaultDataDir());
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = path.resolve(here, '..', 'renderer');
  let backend;
  try {
    backend = await openBackend({ dataDir, protector: keyFileProtector });
  } catch (e) {
    if (e instanceof DataDirError) process.stderr.write(`serve: ${e.ko}\n       ${e.en}\n`);
    else if (e instanceof MigrationMismatch) process.stderr.write(`serve: ${e.message}\n`);
    else process.stderr.write(`serve: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const opened = backend;
  const csp = () => pageCsp(opened.db);
  const host = await startHttpHost({ backend, rendererDir, port: args.port, uploads: backend.files, csp });
  process.stderr.write(`Ansim Desk: data directory ${dataDir}\n`);
  process.stdout.write(`${host.url}\n`);
  if (args.open) openBrowser(host.url);
  const stop = async () => {
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
