// `npm start [-- --data-dir DIR] [--port N] [--browser] [--no-open]`: runs the desktop app; where that is
// impossible (no Electron binary and no way to get it quickly, no display, or --browser) it
// says so in Korean and English and falls back to the loopback host, relaying its URL line
// (http://127.0.0.1:…/#token=…) to stdout. Progress and messages go to stderr, so stdout
// carries only what the host prints.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MESSAGES,
  REASONS,
  bilingual,
  downloadPlan,
  findElectronBinary,
  hasDisplay,
  missingDist,
  parseStartArgs,
  probeReachable,
} from './start-lib.mjs';

const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;
const EARLY_FAILURE_MS = 10 * 1000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (text) => process.stderr.write(`${text}\n`);

const args = parseStartArgs(process.argv.slice(2));
if ('error' in args) {
  say(`start: ${args.error}\n${bilingual(MESSAGES.usage)}`);
  process.exit(2);
}

if (missingDist(root, existsSync).length > 0) {
  say(bilingual(MESSAGES.building));
  // The build's own output goes to stderr: stdout is reserved for the URL line.
  const built = spawnSync(process.execPath, [path.join(root, 'build', 'build.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The electron package's folder, resolved without running its index.js (which downloads). */
function electronPackageDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function findBinary() {
  return findElectronBinary({
    electronDir: electronPackageDir(),
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    readText: (f) => {
      try {
        return readFileSync(f, 'utf8');
      } catch {
        return null;
      }
    },
  });
}

/** Returns the Electron binary, or the reasons the desktop shell cannot run here. */
async function desktopShell() {
  if (args.browser) return { reasons: [REASONS.browserRequested] };
  const found = findBinary();
  const blockers = [];
  // Without a display Electron cannot open a window; downloading it would not help either.
  if (!hasDisplay(process.platform, process.env)) blockers.push(REASONS.noDisplay);
  // Chromium refuses to run as root without --no-sandbox, and the sandbox is not optional here.
  if (process.platform === 'linux' && process.getuid?.() === 0) blockers.push(REASONS.root);
  if (blockers.length > 0) return { reasons: found ? blockers : [REASONS.notInstalled, ...blockers] };
  if (found) return { binary: found };
  const plan = downloadPlan(process.env);
  if (!plan.try) return { reasons: [REASONS.skipDownload] };
  if (!(await probeReachable(plan.url, 2000))) return { reasons: [REASONS.offline], vars: { host: plan.host } };
  const electronDir = electronPackageDir();
  if (!electronDir) return { reasons: [REASONS.downloadFailed] };
  say(bilingual(MESSAGES.downloading));
  // The package's own installer: same cache, mirror, proxy and checksum settings as npm install.
  // Bounded, so a connection that stalls mid-way cannot hold the app hostage.
  const got = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: ['ignore', 2, 2],
    timeout: DOWNLOAD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const binary = got.status === 0 ? findBinary() : null;
  return binary ? { binary } : { reasons: [REASONS.downloadFailed] };
}

function forwardSignals(child) {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

const shell = await desktopShell();
/** The loopback host, with its URL line relayed to stdout. */
function runBrowserHost(reasons, vars) {
  for (const reason of reasons) say(bilingual(reason, vars));
  say(bilingual(MESSAGES.fallback));
  const serveArgs = [path.join(root, 'dist', 'host', 'serve.js')];
  if (args.open) serveArgs.push('--open');
  if (args.dataDir) serveArgs.push('--data-dir', path.resolve(args.dataDir));
  if (args.port !== undefined) serveArgs.push('--port', String(args.port));
  const child = spawn(process.execPath, serveArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  // Relay the host's stdout unchanged: the URL is one line of its own starting with http://.
  child.stdout.pipe(process.stdout);
  forwardSignals(child);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (shell.binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into a plain Node process
  const passthrough = args.dataDir ? ['--data-dir', path.resolve(args.dataDir)] : [];
  const startedAt = Date.now();
  const child = spawn(shell.binary, [root, ...passthrough], { cwd: root, env, stdio: 'inherit' });
  forwardSignals(child);
  child.on('error', () => runBrowserHost([REASONS.electronFailed], { code: 'spawn error' }));
  child.on('exit', (code, signal) => {
    // An Electron that dies at once (missing system libraries, no usable GPU/sandbox) is as
    // unavailable as a missing one: fall back instead of leaving the user with nothing.
    if (code !== 0 && code !== null && Date.now() - startedAt < EARLY_FAILURE_MS) {
      runBrowserHost([REASONS.electronFailed], { code: String(code) });
      return;
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
} else {
  runBrowserHost(shell.reasons, shell.vars);
}
