// End-to-end support: the real loopback host (built app, real SQLite in a temp data dir)
// and Debian's Chromium driven by playwright-core. Without a browser the tests fail under
// CI=true and are skipped (with the reason) on a developer machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && process.env.CI === 'true') {
  throw new Error(`End-to-end tests need Chromium at ${CHROMIUM} (apt-get install -y chromium); CI must not skip them.`);
}

export interface RunningHost {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ansim-e2e-'));
}

/** Starts `node dist/host/serve.js` and waits for the URL line on stdout. */
export function startHost(dataDir: string): Promise<RunningHost> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/host/serve.js'), '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not print its URL in 30 s\n${err}`)), 30_000);
    proc.on('exit', (code) => reject(new Error(`host exited with ${code}\n${err}`)));
    proc.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) {
        clearTimeout(timer);
        resolve({
          url: line.trim(),
          dataDir,
          proc,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((r) => {
              if (proc.exitCode !== null) return r();
              proc.once('exit', () => r());
              proc.kill(signal);
            }),
        });
      }
    });
  });
}

export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'ansim-pw-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 900 },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Fails the test on any uncaught page error (a broken screen must not pass). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/status of (401|403)/.test(m.text()) && errors.push(m.text()));
  // A 4xx the app handles (e.g. LOCKED) is logged by the browser too: record which call it was.
  page.on('response', (r) => {
    if (r.status() >= 500 || (r.status() >= 400 && !r.url().includes('/api/session.'))) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

export async function shot(page: Page, name: string) {
  // Full-page captures render sticky elements (the sidebar) at the current scroll offset.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in as the given manager with the PIN. */
export async function signIn(page: Page, managerName: string, pin: string) {
  await page.getByRole('radio', { name: new RegExp(managerName) }).click();
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: '시작' }).click();
  await page.getByRole('heading', { name: '오늘의 데스크' }).waitFor();
}

export interface DeskSession {
  host: RunningHost;
  browser: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh data directory, the host on it, a browser page signed in as the demo manager. */
export async function openDesk(opts: { timeout?: number } = {}): Promise<DeskSession> {
  const host = await startHost(tempDataDir());
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.setDefaultTimeout(opts.timeout ?? 10_000);
  const errors = watchErrors(page);
  await page.goto(host.url);
  await signIn(page, '데모 매니저', '0000');
  return {
    host,
    browser,
    page,
    errors,
    close: async () => {
      await browser.close();
      await host.stop();
    },
  };
}

/** One registry entry on the 권리분석 screen: adds a line to 갑구 or 을구 and fills it. */
export async function fillRegistryLine(page: Page, gu: 'gapgu' | 'eulgu', f: { rank: string; purpose: string; receivedAt: string; receiptNo: string; holders: string; maxClaim?: string }) {
  await page.getByTestId(`rights-add-${gu}`).click();
  const line = page.getByTestId(`rights-${gu}`).getByTestId('rights-entry').last();
  await line.locator('input[name=rank]').fill(f.rank);
  await line.locator('input[name=purpose]').fill(f.purpose);
  await line.locator('input[name=receivedAt]').fill(f.receivedAt);
  await line.locator('input[name=receiptNo]').fill(f.receiptNo);
  await line.locator('input[name=holders]').fill(f.holders);
  if (f.maxClaim) await line.locator(`input[name$=".maxClaim"]`).fill(f.maxClaim);
}
