/**
 * The updater glue against a stand-in electron-updater: http feeds never
 * reach it, and it installs unattended only when the install is verified.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../electron/main/logFile';
import { updaterSettings } from '../../../electron/main/updaterConfig';

const fake = vi.hoisted(() => ({
  autoUpdater: {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    allowPrerelease: true,
    disableWebInstaller: false,
    forceDevUpdateConfig: true,
    logger: null as unknown,
    feeds: [] as unknown[],
    on: () => undefined,
    setFeedURL(feed: unknown) {
      this.feeds.push(feed);
    },
    checkForUpdates: () => Promise.resolve({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } }),
  },
}));
vi.mock('electron-updater', () => ({ autoUpdater: fake.autoUpdater, default: { autoUpdater: fake.autoUpdater } }));

const { createUpdater } = await import('../../../electron/main/updater');

const log: Logger = { file: '', debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

beforeEach(() => {
  fake.autoUpdater.feeds = [];
});

describe('createUpdater', () => {
  it('never hands an http feed to electron-updater', async () => {
    const u = createUpdater({
      isPackaged: true,
      currentVersion: '0.1.0',
      feedUrl: () => 'http://attacker.example/',
      settings: updaterSettings({ platform: 'win32', publisherNames: ['DealerDesk Ltd'] }),
      log,
    });
    expect(await u.checkNow()).toEqual({ kind: 'off' });
    expect(fake.autoUpdater.feeds).toEqual([]);
  });

  it('without a verifiable publisher: reports the version, but neither downloads nor installs on quit', async () => {
    const u = createUpdater({
      isPackaged: true,
      currentVersion: '0.1.0',
      feedUrl: () => 'https://nas.office.lan/updates',
      settings: updaterSettings({ platform: 'win32', publisherNames: [] }),
      log,
    });
    expect(await u.checkNow()).toEqual({ kind: 'found', version: '0.2.0', autoInstall: false });
    expect(fake.autoUpdater).toMatchObject({
      autoDownload: false,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
      allowPrerelease: false,
      disableWebInstaller: true,
      forceDevUpdateConfig: false,
    });
    expect(fake.autoUpdater.feeds).toEqual([{ provider: 'generic', url: 'https://nas.office.lan/updates/' }]);
  });

  it('with a pinned publisher on Windows: downloads and installs on quit (after electron-updater checks the signature)', async () => {
    const u = createUpdater({
      isPackaged: true,
      currentVersion: '0.1.0',
      feedUrl: () => 'https://nas.office.lan/updates/',
      settings: updaterSettings({ platform: 'win32', publisherNames: ['DealerDesk Ltd'] }),
      log,
    });
    expect(await u.checkNow()).toEqual({ kind: 'found', version: '0.2.0', autoInstall: true });
    expect(fake.autoUpdater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
  });
});
