// Electron main process: a thin shell. It owns the window, the app:// protocol, the security
// policy and the data key (safeStorage); all data work happens in the backend utility process.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { METHODS } from '../api/methods.js';
import type { Bilingual } from '../api/errors.js';
import { encodeMethodsArg } from '../preload/allow-list.js';
import { handleAppRequest } from './app-protocol.js';
import { BackendRelay } from './backend-relay.js';
import { menuTemplate } from './menu.js';
import { APP_SCHEME, APP_START_URL, navigationDecision, refuseApiCall, subframeAllowed } from './policy.js';
import { safeStorageProtector } from './safe-storage-protector.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/electron
const rendererDir = path.join(here, '..', 'renderer');
const APP_NAME = '안심데스크';

// The data directory is Electron's user-data folder, named explicitly so that the
// development run (`npm start`, where the app name comes from package.json "name") and the
// installed app (productName 안심데스크) use the same ASCII-named folder:
// %APPDATA%\AnsimDesk, ~/Library/Application Support/AnsimDesk, ~/.config/AnsimDesk.
// `--data-dir DIR` (from `npm start -- --data-dir DIR`) picks another one, e.g. a test
// profile. Both must be set before 'ready' and before the single-instance lock.
const dataDirArg = (() => {
  const argv = process.argv;
  const i = argv.indexOf('--data-dir');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]);
  const eq = argv.find((a) => a.startsWith('--data-dir='));
  return eq ? path.resolve(eq.slice('--data-dir='.length)) : null;
})();
app.setPath('userData', dataDirArg ?? path.join(app.getPath('appData'), 'AnsimDesk'));

if (!app.requestSingleInstanceLock()) {
  // Another window already owns this data directory; it gets focused via 'second-instance'.
  app.quit();
  process.exit(0);
}

app.setName(APP_NAME);
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;
let relay: BackendRelay | null = null;

function showError(title: Bilingual, body: Bilingual) {
  dialog.showErrorBox(`${title.ko} / ${title.en}`, `${body.ko}\n\n${body.en}`);
}

// Every web contents (the window and anything it might try to create) gets the same rules:
// no navigation away from app://desk, no new windows, no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const guard = (event: Electron.Event, url: string) => {
    event.preventDefault();
    const decision = navigationDecision(url);
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames may only show our own pages and the blob: documents our page made.
    if (!event.isMainFrame && !subframeAllowed(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = navigationDecision(url);
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
    return { action: 'deny' };
  });
});

function createWindow() {
  const win = new BrowserWindow({
    title: APP_NAME,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Chromium's built-in PDF viewer, for previewing and printing the reports (blob: frames of
      // our own page only, see subframeAllowed). Electron has no other plugins.
      plugins: true,
      devTools: !app.isPackaged,
      additionalArguments: [encodeMethodsArg(METHODS)],
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_START_URL);
  mainWindow = win;
}

function startBackend(userData: string) {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    // No libsecret/kwallet: Chromium falls back to a fixed password, which hides the key from
    // casual reading but is not real protection. Say so where an administrator will see it.
    console.warn('[main] safeStorage uses basic_text (no keyring found): the data key is obfuscated, not protected. / 키링이 없어 데이터 키가 충분히 보호되지 않습니다.');
  }
  const protector = safeStorageProtector(safeStorage);
  const backendEntry = path.join(here, 'backend-process.js');
  relay = new BackendRelay({
    spawn: () => utilityProcess.fork(backendEntry, [], { serviceName: 'Ansim Desk backend', stdio: 'inherit' }),
    init: async () => {
      const key = await protector.load(userData);
      return { dataDir: userData, key: key ? key.toString('base64') : null };
    },
    storeKey: (keyB64) => protector.store(userData, Buffer.from(keyB64, 'base64')),
    onFatal: (message) => showError({ ko: '데이터를 열 수 없습니다', en: 'Cannot open the data' }, message),
    log: (line) => console.log(`[main] ${line}`),
  });
  void relay.start().catch(() => undefined); // failures reach the user through onFatal and every call
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.whenReady().then(() => {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    showError(
      { ko: '화면 파일이 없습니다', en: 'The renderer is missing' },
      { ko: `${rendererDir} 에 빌드된 화면이 없습니다. npm run build 를 실행하세요.`, en: `No built renderer in ${rendererDir}. Run npm run build.` },
    );
    app.quit();
    return;
  }

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  // Documents get the backend's policy (the optional online basemap's host only while switched on).
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(rendererDir, request, () => relay!.pageCsp()));

  ipcMain.handle('api', async (event, method: unknown, input: unknown) => {
    const refusal = refuseApiCall(event.senderFrame?.url, method);
    if (refusal) return refusal;
    return relay!.call(method as string, input);
  });

  // File references (docs/ARCHITECTURE.md): the backend reads a file only after the user picked it here.
  ipcMain.handle('pick-files', async (event, options: unknown) => {
    const refusal = refuseApiCall(event.senderFrame?.url, 'geo.import.inspect');
    if (refusal) return refusal;
    const o = (options ?? {}) as { accept?: unknown; multiple?: unknown };
    const accept = Array.isArray(o.accept) ? o.accept.filter((e): e is string => typeof e === 'string' && /^[A-Za-z0-9]{1,8}$/.test(e)) : [];
    const win = BrowserWindow.fromWebContents(event.sender);
    const dialogOptions: Electron.OpenDialogOptions = {
      properties: o.multiple === true ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: accept.length ? [{ name: accept.join(', '), extensions: accept }] : [],
    };
    const picked = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    if (picked.canceled || !picked.filePaths.length) return { ok: true, result: [] };
    return relay!.grant(picked.filePaths);
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, packaged: app.isPackaged, appName: APP_NAME })));

  startBackend(app.getPath('userData'));
  createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Close the database cleanly before quitting: hold the quit once, stop the backend, quit again.
let backendStopped = false;
app.on('before-quit', (event) => {
  if (backendStopped || !relay) return;
  event.preventDefault();
  relay.stop().finally(() => {
    backendStopped = true;
    app.quit();
  });
});
