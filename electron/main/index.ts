/**
 * The Electron main process: thin glue. Every decision worth testing lives in
 * a pure module next to this file (window options, CSP, navigation and IPC
 * guards, window state, menu, log file, updater config); this file wires them
 * to Electron. The database is reached only through AppRuntime.call, the same
 * path the HTTP bridge, the CLI and the tests use (DESIGN §2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { isNetworkPath } from '../../db/connection';
import { IPC_CALL_CHANNEL, IPC_CHANGED_CHANNEL } from '../../shared/api/preload';
import type { DbChangedEvent } from '../../shared/api/contract';
import { desktopMessages, fillDesktop, type DesktopLocale } from '../../shared/i18n/areas/desktop';
import { AppRuntime } from '../api/runtime';
import { readSetting } from '../services/settings/settingsStore';
import { registerDesktopHost } from '../services/statements/desktopHost';
import { defaultDataDir, resolveDbFile } from '../services/system/dataDir';
import { APP_SCHEME, appSchemeRegistration, resolveAppRequest } from './appProtocol';
import { backupDatabaseTo, suggestedBackupName } from './backupAction';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { guardWebContents } from './contentsGuard';
import { createExternalLinkOpener } from './externalLinks';
import { BAD_METHOD, ipcSenderRefusal, methodName, UNTRUSTED_SENDER } from './ipcGuard';
import { actorFromOs, dbFlagFromArgv, rendererLocation, resourcesDir } from './launch';
import { createFileLogger, logDirFor } from './logFile';
import { menuActions, menuLocale, menuTemplate, type MenuAction, type MenuItemSpec } from './menuTemplate';
import { installSessionPolicies } from './sessionPolicies';
import { focusExistingWindow } from './singleInstance';
import { lockSessionsOnOsLock } from './osLock';
import { statementDesktop } from './statementDesktop';
import { createUpdater, type Updater } from './updater';
import { startDailyBackups } from './dailyBackup';
import { publisherNamesFromAppUpdateYml, UPDATE_URL_SETTING, updaterSettings, updateOutcomeMessage } from './updaterConfig';
import { mainWindowOptions } from './windowOptions';
import { loadWindowState, readWindowStateFile, writeWindowStateFile, type Rect } from './windowState';

const osEnv = { platform: process.platform, env: process.env, homedir: os.homedir() };
/** Logs, window state and Chromium's own files: on a local disk, not the roaming profile (DESIGN §8). */
const appDataDir = defaultDataDir(osEnv);
/** As given: path.resolve would turn a POSIX-style //server/share into /server/share and hide the share. */
const dbFileAsGiven = resolveDbFile(dbFlagFromArgv(process.argv), osEnv);
const dbFile = path.resolve(dbFileAsGiven);

// Before anything touches userData (the single-instance lock is keyed on it):
// Electron's default is %APPDATA% (roaming), which some offices redirect to a server.
app.setPath('userData', path.join(appDataDir, 'chromium'));
// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();
// The app's own origin (app://dealerdesk), instead of file://; must be registered before 'ready'.
protocol.registerSchemesAsPrivileged([appSchemeRegistration()]);

const log = createFileLogger({ dir: logDirFor(appDataDir), echo: !app.isPackaged });
const location = rendererLocation({ devServerUrl: process.env.ELECTRON_RENDERER_URL, isPackaged: app.isPackaged, mainDir: __dirname });
const appUrl = location.url;

let mainWindow: BrowserWindow | null = null;
let runtime: AppRuntime | null = null;
let updater: Updater | null = null;
let locale: DesktopLocale = 'zh-CN';

process.on('uncaughtException', (e) => log.error('uncaught exception', e));
process.on('unhandledRejection', (e) => log.error('unhandled rejection', e));

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

function fatal(message: string): never {
  log.error(`start-up refused: ${message}`);
  dialog.showErrorBox(desktopMessages(locale).startFailedTitle, message);
  app.exit(1);
  throw new Error(message);
}

/** Asks first (externalLinks.ts); a page can never open a link in the browser by itself. */
const offerExternally = createExternalLinkOpener({
  confirm: async (options) => {
    const r = mainWindow && !mainWindow.isDestroyed() ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    return r.response;
  },
  openExternal: (url) => shell.openExternal(url),
  messages: () => desktopMessages(locale),
  log,
});

/** Serves out/renderer on app://dealerdesk/ (appProtocol.ts decides which file, if any). */
function registerAppProtocol(rootDir: string): void {
  const pagePolicy = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const r = resolveAppRequest({ url: request.url, method: request.method }, rootDir, pagePolicy);
    if (!r.ok) {
      log.warn(`app:// refused (${r.status}): ${request.url}`);
      return new Response(null, { status: r.status });
    }
    try {
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(r.file);
      return new Response(body, { status: 200, headers: r.headers });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

function registerIpc(rt: AppRuntime): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, params: unknown) => {
    const frame = event.senderFrame;
    const refusal = ipcSenderRefusal(
      {
        fromOurWindow: mainWindow !== null && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents,
        frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
      },
      appUrl,
    );
    if (refusal) {
      log.warn(`ipc: refused a call from ${frame?.url ?? '?'} (${refusal})`);
      return UNTRUSTED_SENDER;
    }
    const name = methodName(method);
    if (!name) return BAD_METHOD;
    return rt.call(name, params);
  });
  rt.events.on('changed', (e: DbChangedEvent) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_CHANGED_CHANNEL, e);
  });
}

async function showInfo(message: string, detail?: string): Promise<void> {
  const m = desktopMessages(locale);
  const options = { type: 'info' as const, title: m.menuHelp, message, detail, buttons: [m.ok] };
  if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

async function backupDatabase(): Promise<void> {
  const m = desktopMessages(locale);
  const rt = runtime;
  if (!rt || rt.status().state !== 'ready') return showInfo(m.backupUnavailable);
  const options = {
    title: m.backupTitle,
    defaultPath: path.join(app.getPath('documents'), suggestedBackupName(new Date())),
    filters: [{ name: m.backupFilter, extensions: ['db'] }],
    // Linux (GTK) asks before replacing an existing file only when told to; Windows always asks.
    properties: ['showOverwriteConfirmation', 'createDirectory'] as ('showOverwriteConfirmation' | 'createDirectory')[],
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return;
  try {
    const outcome = await backupDatabaseTo(rt.database().sqlite, rt.dbFile, choice.filePath);
    log.info(`backup written to ${outcome.file}`, outcome.problem ?? 'integrity ok');
    await showInfo(
      outcome.problem
        ? fillDesktop(m.backupCheckFailed, { problem: outcome.problem })
        : fillDesktop(m.backupDone, { file: outcome.file }),
    );
  } catch (e) {
    log.error('backup failed', e);
    await showInfo(fillDesktop(m.backupFailed, { message: e instanceof Error ? e.message : String(e) }));
  }
}

const actions: Record<MenuAction, () => Promise<void>> = {
  async openDataDir() {
    const dir = runtime?.dataDir ?? path.dirname(dbFile);
    const problem = await shell.openPath(dir);
    if (problem) log.warn(`open data folder ${dir}: ${problem}`);
  },
  backupDatabase,
  async about() {
    const m = desktopMessages(locale);
    await showInfo(
      m.about,
      fillDesktop(m.aboutDetail, { version: app.getVersion(), dbFile, dataDir: runtime?.dataDir ?? path.dirname(dbFile), logFile: log.file }),
    );
  },
  async checkUpdates() {
    const outcome = updater ? await updater.checkNow() : ({ kind: 'off' } as const);
    log.info(`updater: manual check ${JSON.stringify(outcome)}`);
    await showInfo(updateOutcomeMessage(outcome, desktopMessages(locale), app.getVersion()));
  },
};

function toElectronMenu(items: readonly MenuItemSpec[]): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...rest }) => {
    const item: MenuItemConstructorOptions = { ...rest };
    if (submenu) item.submenu = toElectronMenu(submenu);
    if (action) {
      item.click = () => {
        actions[action]().catch((e: unknown) => log.error(`menu action ${action} failed`, e));
      };
    }
    return item;
  });
}

function buildMenu(): void {
  const template = menuTemplate({ locale, isPackaged: app.isPackaged, platform: process.platform });
  for (const a of menuActions(template)) if (!(a in actions)) log.warn(`menu action without handler: ${a}`);
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(template)));
}

/** The menu follows the language chosen in the renderer (kept in its localStorage); applied on each page load. */
async function syncMenuLocale(win: BrowserWindow): Promise<void> {
  try {
    const saved: unknown = await win.webContents.executeJavaScript("localStorage.getItem('dealerdesk.locale')", false);
    const next = menuLocale(saved);
    if (next !== locale) {
      locale = next;
      buildMenu();
    }
  } catch (e) {
    log.warn('could not read the UI language', e);
  }
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(readWindowStateFile(appDataDir), workAreas());
  const iconFile = path.join(resourcesDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }), 'icons', 'icon.png');
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: path.join(__dirname, '..', 'preload', 'index.js'),
      bounds: state.bounds,
      iconPath: fs.existsSync(iconFile) ? iconFile : undefined,
    }),
  );
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => {
    win.show();
    // Only now, and after a delay: the updater must never slow or block start-up.
    updater?.checkInBackground();
  });
  win.on('close', () => {
    try {
      writeWindowStateFile(appDataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (e) {
      log.warn('could not save the window state', e);
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('did-finish-load', () => void syncMenuLocale(win));
  win.webContents.on('render-process-gone', (_e, details) => log.error(`renderer gone: ${details.reason} (${details.exitCode})`));
  const loading = win.loadURL(location.url);
  loading.catch((e: unknown) => log.error(`could not load ${appUrl}`, e));
  return win;
}

/** electron-builder's resources/app-update.yml (carries the pinned publisherName of a signed build), or null. */
function readAppUpdateYml(): string | null {
  if (!app.isPackaged) return null;
  try {
    return fs.readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  log.info(`DealerDesk ${app.getVersion()} starting (electron ${process.versions.electron}, ${process.platform}); db ${dbFile}`);
  const m = desktopMessages(locale);

  // SQLite's locking and WAL do not work over network file systems (DESIGN §8).
  if (isNetworkPath(dbFileAsGiven) || isNetworkPath(dbFile)) fatal(fillDesktop(m.networkDb, { file: dbFileAsGiven }));

  const resDir = resourcesDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  // Services find the bundled fonts through this (the packaged layout differs from the repository's).
  process.env.DEALERDESK_RESOURCES_DIR ??= resDir;

  let info: os.UserInfo<string> | null = null;
  try {
    info = os.userInfo();
  } catch {
    // No passwd entry (some containers): fall back to the environment.
  }
  try {
    // A damaged database does not throw here: the runtime starts "unavailable"
    // and the renderer shows its error screen from system.status.
    runtime = await AppRuntime.start({
      dbFile,
      dataDir: path.dirname(dbFile),
      actor: actorFromOs({ username: info?.username, hostname: os.hostname(), env: process.env }),
    });
  } catch (e) {
    log.error('runtime failed to start', e);
    fatal(fillDesktop(m.startFailed, { message: e instanceof Error ? e.message : String(e), logFile: log.file }));
  }
  runtime.startBackgroundSync();
  const status = runtime.status();
  log.info(`database ${status.state}${status.state === 'unavailable' ? `: ${status.reason}` : ''}`);

  const rt = runtime;
  lockSessionsOnOsLock(powerMonitor, rt);
  updater = createUpdater({
    isPackaged: app.isPackaged,
    currentVersion: app.getVersion(),
    settings: updaterSettings({ platform: process.platform, publisherNames: publisherNamesFromAppUpdateYml(readAppUpdateYml()) }),
    feedUrl: () => {
      if (rt.status().state !== 'ready') return null;
      const v = readSetting<unknown>(rt.context(), UPDATE_URL_SETTING)?.value;
      return typeof v === 'string' ? v : null;
    },
    log,
  });

  startDailyBackups(rt, log);
  if (location.rootDir) registerAppProtocol(location.rootDir);
  installSessionPolicies(session.defaultSession, { appUrl, csp: contentSecurityPolicy({ dev: location.rootDir === null }) });
  registerIpc(rt);
  // Statements: printing and the system PDF viewer exist only here (the browser harness downloads instead).
  registerDesktopHost(
    statementDesktop({
      createWindow: (options) => new BrowserWindow(options),
      openPath: (p) => shell.openPath(p),
      log,
      outputDialog: {
        showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
        showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
        // Only a path the clerk picked in this dialog becomes writable for the API (issue 11, point 5).
        grant: (file) => rt.grantOutputPath(file),
        startDir: app.getPath('documents'),
        get texts() {
          const m = desktopMessages(locale);
          return {
            saveTitle: m.outputSaveTitle,
            folderTitle: m.outputFolderTitle,
            pdfFilter: m.pdfFilter,
            backupFolderTitle: m.backupFolderTitle,
            shareFolderTitle: m.shareFolderTitle,
          };
        },
      },
    }),
  );
  buildMenu();
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another DealerDesk already has this data directory: it brings its window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    focusExistingWindow(mainWindow);
  });
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents, { appUrl, offerExternally: (url) => void offerExternally(url), log }));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    runtime?.close();
    log.info('DealerDesk stopped');
  });
  start().catch((e: unknown) => {
    log.error('start-up failed', e);
    if (!app.isReady()) app.exit(1);
  });
}
