// Decisions behind `npm start` (build/start.mjs), kept here so they can be tested:
// the arguments, whether dist/ must be built, where the Electron binary is, and whether a
// download is worth trying. Plain ESM JavaScript because it runs before anything is built.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';

/** Messages shown by `npm start`, Korean first. */
export const MESSAGES = {
  usage: {
    ko: '사용법: npm start -- [--data-dir 폴더] [--port 번호] [--browser] [--no-open]',
    en: 'Usage: npm start -- [--data-dir DIR] [--port N] [--browser] [--no-open]',
  },
  building: { ko: '처음 실행이라 앱을 빌드합니다…', en: 'Building the app (first run)…' },
  downloading: {
    ko: 'Electron 실행 파일을 내려받습니다 (약 100 MB, 처음 한 번만)…',
    en: 'Downloading the Electron binary (about 100 MB, first run only)…',
  },
  downloadFailed: { ko: 'Electron 실행 파일을 내려받지 못했습니다.', en: 'Could not download the Electron binary.' },
  fallback: {
    ko: '이 컴퓨터에서는 데스크톱 앱(Electron)을 실행할 수 없어 브라우저용 로컬 서버로 엽니다. 아래 주소를 브라우저에서 여세요 (이 컴퓨터에서만 접속됩니다).',
    en: 'The desktop app (Electron) cannot run here, so the app opens in the browser through a local server instead. Open the address below in a browser (reachable from this computer only).',
  },
};

/** Why the desktop shell is not used, shown before the fallback. */
export const REASONS = {
  browserRequested: { ko: '--browser 옵션으로 브라우저 모드를 선택했습니다.', en: '--browser was given.' },
  noDisplay: { ko: '화면(디스플레이)이 없는 환경입니다 (DISPLAY/WAYLAND_DISPLAY 없음).', en: 'There is no display (no DISPLAY or WAYLAND_DISPLAY).' },
  notInstalled: {
    ko: 'Electron 실행 파일이 설치되어 있지 않습니다.',
    en: 'The Electron binary is not installed.',
  },
  root: {
    ko: '관리자(root) 계정에서는 데스크톱 앱을 샌드박스 없이 실행해야 하므로 실행하지 않습니다. 일반 사용자 계정으로 실행하세요.',
    en: 'Running as root would require disabling the Chromium sandbox, so the desktop app is not started. Run it as a normal user.',
  },
  electronFailed: {
    ko: '데스크톱 앱(Electron)이 시작 직후 종료되었습니다 (종료 코드 {code}). 시스템 라이브러리가 없을 수 있습니다.',
    en: 'The desktop app (Electron) exited right after starting (exit code {code}); system libraries may be missing.',
  },
  skipDownload: {
    ko: 'Electron 실행 파일이 설치되지 않았고, ELECTRON_SKIP_BINARY_DOWNLOAD 가 설정되어 내려받지 않습니다.',
    en: 'The Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded.',
  },
  offline: {
    ko: 'Electron 실행 파일이 설치되지 않았고, 내려받을 서버({host})에 연결할 수 없습니다 (오프라인).',
    en: 'The Electron binary is not installed and its download host ({host}) is unreachable (offline).',
  },
  downloadFailed: {
    ko: 'Electron 실행 파일을 내려받지 못했습니다.',
    en: 'Downloading the Electron binary failed.',
  },
};

/**
 * Parses `npm start -- …`. `--data-dir` goes to whichever shell runs; `--port` only matters
 * to the browser fallback; `--browser` skips the desktop shell; `--no-open` keeps the
 * fallback from opening the default browser (tests, remote shells).
 * @param {string[]} argv
 * @returns {{ dataDir?: string, port?: number, browser: boolean, open: boolean } | { error: string }}
 */
export function parseStartArgs(argv) {
  /** @type {{ dataDir?: string, port?: number, browser: boolean, open: boolean }} */
  const out = { browser: false, open: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') out.browser = true;
    else if (a === '--no-open') out.open = false;
    else if (a === '--data-dir' || a === '--port') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return { error: `${a} needs a value` };
      if (a === '--data-dir') out.dataDir = v;
      else out.port = Number(v);
    } else if (a.startsWith('--data-dir=')) out.dataDir = a.slice('--data-dir='.length);
    else if (a.startsWith('--port=')) out.port = Number(a.slice('--port='.length));
    else return { error: `unknown option ${a}` };
  }
  if (out.dataDir === '') return { error: '--data-dir needs a value' };
  if (out.port !== undefined && (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)) return { error: '--port must be 0–65535' };
  return out;
}

/** The files `npm start` runs; if any is missing, dist/ is (re)built. */
export const REQUIRED_DIST = [
  'dist/electron/main.js',
  'dist/electron/backend-process.js',
  'dist/electron/preload.cjs',
  'dist/host/serve.js',
  'dist/renderer/index.html',
];

/**
 * @param {string} root
 * @param {(file: string) => boolean} exists
 */
export function missingDist(root, exists) {
  return REQUIRED_DIST.filter((f) => !exists(path.join(root, f)));
}

/**
 * Where the electron package puts its executable (mirrors node_modules/electron/install.js).
 * @param {string} platform
 */
export function electronPlatformPath(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Finds the Electron executable without `require('electron')`, which would start a blocking
 * download when the binary is missing.
 * @param {{ electronDir: string | null, env: Record<string, string | undefined>, platform: string,
 *           exists: (file: string) => boolean, readText: (file: string) => string | null }} ctx
 * @returns {string | null}
 */
export function findElectronBinary({ electronDir, env, platform, exists, readText }) {
  const recorded = electronDir ? readText(path.join(electronDir, 'path.txt'))?.trim() || null : null;
  const rel = recorded ?? electronPlatformPath(platform);
  const candidates = [];
  if (env.ELECTRON_OVERRIDE_DIST_PATH) candidates.push(path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel));
  if (electronDir) candidates.push(path.join(electronDir, 'dist', rel));
  return candidates.find((c) => exists(c)) ?? null;
}

/**
 * Linux needs an X11 or Wayland display for a window; elsewhere there always is one.
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 */
export function hasDisplay(platform, env) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

const truthy = (v) => v !== undefined && v !== '' && !/^(0|false|no)$/i.test(v);

/**
 * Whether to try downloading the binary, and which server to probe first. Follows
 * @electron/get's own settings: ELECTRON_MIRROR (or npm's electron_mirror) and, when
 * ELECTRON_GET_USE_PROXY is set, the HTTP(S) proxy.
 * @param {Record<string, string | undefined>} env
 * @returns {{ try: false, reason: 'skipDownload' } | { try: true, url: string, host: string }}
 */
export function downloadPlan(env) {
  if (truthy(env.ELECTRON_SKIP_BINARY_DOWNLOAD) || truthy(env.npm_config_electron_skip_binary_download)) {
    return { try: false, reason: 'skipDownload' };
  }
  const proxy = truthy(env.ELECTRON_GET_USE_PROXY)
    ? env.GLOBAL_AGENT_HTTPS_PROXY || env.HTTPS_PROXY || env.https_proxy || env.GLOBAL_AGENT_HTTP_PROXY || env.HTTP_PROXY || env.http_proxy
    : undefined;
  const source = proxy || env.ELECTRON_MIRROR || env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR || 'https://github.com/';
  try {
    const u = new URL(source);
    if (u.protocol === 'http:' || u.protocol === 'https:') return { try: true, url: `${u.protocol}//${u.host}/`, host: u.host };
  } catch {
    /* not a URL: use the default */
  }
  return { try: true, url: 'https://github.com/', host: 'github.com' };
}

/**
 * True when the server at `url` answers an HTTP HEAD request (any status) within `timeoutMs`,
 * name lookup and TLS included. A bare TCP connect is not enough: some sandboxes and captive
 * networks accept every connection and then never deliver. Never waits longer than timeoutMs.
 * @param {string} url
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function probeReachable(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    let done = false;
    /** @type {import('node:http').ClientRequest | null} */
    let req = null;
    const finish = (ok) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req?.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    let u;
    try {
      u = new URL(url);
    } catch {
      finish(false);
      return;
    }
    const request = u.protocol === 'http:' ? httpRequest : httpsRequest;
    try {
      req = request(u, { method: 'HEAD', headers: { 'user-agent': 'ansim-desk-start' } }, (res) => {
        res.resume();
        finish(true);
      });
      req.on('error', () => finish(false));
      req.end();
    } catch {
      finish(false);
    }
  });
}

/** @param {{ko: string, en: string}} m @param {Record<string, string>} [vars] */
export function bilingual(m, vars = {}) {
  const fill = (s) => s.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? `{${k}}`);
  return `${fill(m.ko)}\n${fill(m.en)}`;
}
