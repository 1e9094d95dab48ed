/**
 * electron-updater wiring (glue; the decisions are in updaterConfig.ts).
 * electron-updater is imported lazily: it is only needed once a check runs,
 * and loading it must not cost start-up time. It never blocks start: the
 * background check runs a while after the window is shown, and every failure
 * is logged, never shown as a start-up error.
 */
import type { AppUpdater } from 'electron-updater';
import type { Logger } from './logFile';
import {
  outcomeOfPlan,
  planUpdateCheck,
  UPDATE_CHECK_DELAY_MS,
  type GenericFeed,
  type UpdateCheckOutcome,
  type UpdaterSettings,
} from './updaterConfig';

export interface UpdaterDeps {
  isPackaged: boolean;
  currentVersion: string;
  /** Read each time: the address can change in settings while the app runs. */
  feedUrl: () => string | null;
  /** From updaterSettings(): whether installers are signature-checked, hence may install unattended. */
  settings: UpdaterSettings;
  log: Logger;
}

export interface Updater {
  /** Schedules one quiet check after UPDATE_CHECK_DELAY_MS; returns at once. */
  checkInBackground(): void;
  /** Help ▸ 检查更新. Never rejects. */
  checkNow(): Promise<UpdateCheckOutcome>;
}

type UpdaterModule = typeof import('electron-updater');

async function loadAutoUpdater(log: Logger, settings: UpdaterSettings): Promise<AppUpdater> {
  // Node's import() of this CommonJS package may put the exports under `default`.
  const ns = (await import('electron-updater')) as UpdaterModule & { default?: UpdaterModule };
  const u = (ns.default ?? ns).autoUpdater;
  u.logger = {
    info: (m?: unknown) => log.info(`[updater] ${String(m)}`),
    warn: (m?: unknown) => log.warn(`[updater] ${String(m)}`),
    error: (m?: unknown) => log.error(`[updater] ${String(m)}`),
    debug: (m: string) => log.debug(`[updater] ${m}`),
  };
  // Verified builds download in the background and install when the clerk
  // quits (no restart in the middle of work); unverified ones never fetch or run an installer.
  u.autoDownload = settings.autoDownload;
  u.autoInstallOnAppQuit = settings.autoInstallOnAppQuit;
  u.allowDowngrade = settings.allowDowngrade;
  u.allowPrerelease = settings.allowPrerelease;
  u.disableWebInstaller = settings.disableWebInstaller;
  u.forceDevUpdateConfig = settings.forceDevUpdateConfig;
  u.on('error', (e: Error) => log.warn('[updater] error', e));
  u.on('update-downloaded', (info: { version: string }) => log.info(`[updater] ${info.version} downloaded and signature-checked; installs on quit`));
  return u;
}

export function createUpdater(deps: UpdaterDeps): Updater {
  let updater: Promise<AppUpdater> | null = null;
  let inFlight: Promise<UpdateCheckOutcome> | null = null;
  let feedInUse: string | null = null;

  const run = async (feed: GenericFeed): Promise<UpdateCheckOutcome> => {
    try {
      updater ??= loadAutoUpdater(deps.log, deps.settings);
      const u = await updater;
      if (feedInUse !== feed.url) {
        u.setFeedURL(feed);
        feedInUse = feed.url;
      }
      const result = await u.checkForUpdates();
      if (!result || !result.isUpdateAvailable) return { kind: 'none', version: deps.currentVersion };
      return { kind: 'found', version: result.updateInfo.version, autoInstall: deps.settings.autoInstallOnAppQuit };
    } catch (e) {
      updater = null;
      return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  };

  const checkNow = (): Promise<UpdateCheckOutcome> => {
    let url: string | null;
    try {
      url = deps.feedUrl();
    } catch (e) {
      deps.log.warn('updater: cannot read the update address', e);
      url = null;
    }
    const plan = planUpdateCheck(url, deps.isPackaged);
    const skipped = outcomeOfPlan(plan);
    if (skipped || !plan.check) return Promise.resolve(skipped ?? { kind: 'off' });
    inFlight ??= run(plan.feed).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    checkInBackground() {
      const timer = setTimeout(() => {
        void checkNow().then((o) => deps.log.info(`updater: background check ${JSON.stringify(o)}`));
      }, UPDATE_CHECK_DELAY_MS);
      // A pending check must not keep the process alive at quit.
      timer.unref();
    },
    checkNow,
  };
}
