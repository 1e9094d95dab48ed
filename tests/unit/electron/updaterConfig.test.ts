import { describe, expect, it } from 'vitest';
import { desktopEn, desktopZh } from '../../../shared/i18n/areas/desktop';
import {
  outcomeOfPlan,
  planUpdateCheck,
  publisherNamesFromAppUpdateYml,
  updateOutcomeMessage,
  updaterFeed,
  updaterSettings,
} from '../../../electron/main/updaterConfig';

describe('updaterFeed', () => {
  it('is off when the setting is empty or missing', () => {
    for (const v of [null, undefined, '', '   ']) expect(updaterFeed(v)).toBeNull();
  });

  it('uses the generic provider for https addresses, as a folder', () => {
    expect(updaterFeed('https://192.168.1.10/dealerdesk')).toEqual({ provider: 'generic', url: 'https://192.168.1.10/dealerdesk/' });
    expect(updaterFeed(' https://nas.office.lan:8443/updates/ ')).toEqual({ provider: 'generic', url: 'https://nas.office.lan:8443/updates/' });
  });

  it('refuses plain http (an installer over an unauthenticated channel), even one saved by an older version', () => {
    for (const v of ['http://attacker.example/', 'http://192.168.1.10/dealerdesk', 'HTTP://nas.office.lan/updates/']) {
      expect(updaterFeed(v), v).toBeNull();
      expect(planUpdateCheck(v, true), v).toEqual({ check: false, reason: 'not-configured' });
    }
  });

  it('refuses file://, UNC and drive paths, other schemes, credentials and garbage', () => {
    for (const v of [
      'file:///Z:/updates',
      '\\\\server\\share\\updates',
      '//server/share/updates',
      'Z:\\updates',
      'smb://server/share',
      'ftp://server/updates',
      'https://user:secret@server/updates',
      'updates.office.lan',
    ]) {
      expect(updaterFeed(v), v).toBeNull();
    }
  });
});

describe('planUpdateCheck', () => {
  it('checks only a packaged app with a configured address', () => {
    expect(planUpdateCheck('https://srv/u', true)).toEqual({ check: true, feed: { provider: 'generic', url: 'https://srv/u/' } });
    expect(planUpdateCheck('https://srv/u', false)).toEqual({ check: false, reason: 'not-packaged' });
    expect(planUpdateCheck('', true)).toEqual({ check: false, reason: 'not-configured' });
  });

  it('turns a skipped plan into an outcome', () => {
    expect(outcomeOfPlan(planUpdateCheck(null, true))).toEqual({ kind: 'off' });
    expect(outcomeOfPlan(planUpdateCheck('https://srv/u', false))).toEqual({ kind: 'dev' });
    expect(outcomeOfPlan(planUpdateCheck('https://srv/u', true))).toBeNull();
  });
});

describe('updateOutcomeMessage', () => {
  it('tells the user what happened, in their language', () => {
    expect(updateOutcomeMessage({ kind: 'none', version: '0.1.0' }, desktopZh, '0.1.0')).toBe('当前已是最新版本（0.1.0）。');
    const auto = updateOutcomeMessage({ kind: 'found', version: '0.2.0', autoInstall: true }, desktopZh, '0.1.0');
    expect(auto).toContain('0.2.0');
    expect(auto).toContain('退出时安装');
    const manual = updateOutcomeMessage({ kind: 'found', version: '0.2.0', autoInstall: false }, desktopZh, '0.1.0');
    expect(manual).toContain('0.2.0');
    expect(manual).toContain('手动安装');
    expect(manual).not.toContain('退出时安装');
    expect(updateOutcomeMessage({ kind: 'failed', message: 'ECONNREFUSED' }, desktopEn, '0.1.0')).toBe(
      'Checking for updates failed: ECONNREFUSED',
    );
    expect(updateOutcomeMessage({ kind: 'off' }, desktopZh, '0.1.0')).toContain('未设置更新地址');
    expect(updateOutcomeMessage({ kind: 'dev' }, desktopEn, '0.1.0')).toContain('development');
  });
});

describe('updaterSettings (verify before install)', () => {
  it('installs on quit only when Windows checks the installer against a pinned publisher', () => {
    const signed = updaterSettings({ platform: 'win32', publisherNames: ['宁波顺达软件有限公司'] });
    expect(signed).toEqual({
      verified: true,
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
      disableWebInstaller: true,
      forceDevUpdateConfig: false,
    });
  });

  it('never downloads or installs unattended without a publisher, or on Linux (AppImage updates are unsigned)', () => {
    for (const v of [
      { platform: 'win32', publisherNames: [] },
      { platform: 'win32', publisherNames: ['', '  '] },
      { platform: 'linux', publisherNames: ['DealerDesk'] },
      { platform: 'darwin', publisherNames: ['DealerDesk'] },
    ]) {
      const s = updaterSettings(v);
      expect(s, JSON.stringify(v)).toMatchObject({ verified: false, autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false });
    }
  });
});

describe('publisherNamesFromAppUpdateYml', () => {
  it('reads the publisher electron-builder writes for a signed build (scalar or list, quoted or not)', () => {
    const list = 'provider: generic\nurl: https://updates.example.invalid/dealerdesk\npublisherName:\n  - DealerDesk Ltd\n  - \'O\'\'Brien, Inc.\'\nupdaterCacheDirName: dealerdesk-updater\n';
    expect(publisherNamesFromAppUpdateYml(list)).toEqual(['DealerDesk Ltd', "O'Brien, Inc."]);
    expect(publisherNamesFromAppUpdateYml('publisherName: "宁波顺达软件有限公司"\r\nprovider: generic\r\n')).toEqual(['宁波顺达软件有限公司']);
  });

  it('yields no publisher (so no unattended install) for unsigned, missing or odd files', () => {
    expect(publisherNamesFromAppUpdateYml(null)).toEqual([]);
    expect(publisherNamesFromAppUpdateYml('provider: generic\nurl: https://x/\nupdaterCacheDirName: d\n')).toEqual([]);
    expect(publisherNamesFromAppUpdateYml('publisherName: [a, b]\n')).toEqual([]);
    expect(publisherNamesFromAppUpdateYml("publisherName: ''\n")).toEqual([]);
    expect(publisherNamesFromAppUpdateYml('  publisherName: nested\n')).toEqual([]);
  });
});
