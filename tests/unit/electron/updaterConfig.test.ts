import { describe, expect, it } from 'vitest';
import { desktopEn, desktopZh } from '../../../shared/i18n/areas/desktop';
import { outcomeOfPlan, planUpdateCheck, updateOutcomeMessage, updaterFeed } from '../../../electron/main/updaterConfig';

describe('updaterFeed', () => {
  it('is off when the setting is empty or missing', () => {
    for (const v of [null, undefined, '', '   ']) expect(updaterFeed(v)).toBeNull();
  });

  it('uses the generic provider for http and https addresses, as a folder', () => {
    expect(updaterFeed('http://192.168.1.10/dealerdesk')).toEqual({ provider: 'generic', url: 'http://192.168.1.10/dealerdesk/' });
    expect(updaterFeed(' https://nas.office.lan:8443/updates/ ')).toEqual({ provider: 'generic', url: 'https://nas.office.lan:8443/updates/' });
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
    expect(planUpdateCheck('http://srv/u', true)).toEqual({ check: true, feed: { provider: 'generic', url: 'http://srv/u/' } });
    expect(planUpdateCheck('http://srv/u', false)).toEqual({ check: false, reason: 'not-packaged' });
    expect(planUpdateCheck('', true)).toEqual({ check: false, reason: 'not-configured' });
  });

  it('turns a skipped plan into an outcome', () => {
    expect(outcomeOfPlan(planUpdateCheck(null, true))).toEqual({ kind: 'off' });
    expect(outcomeOfPlan(planUpdateCheck('http://srv/u', false))).toEqual({ kind: 'dev' });
    expect(outcomeOfPlan(planUpdateCheck('http://srv/u', true))).toBeNull();
  });
});

describe('updateOutcomeMessage', () => {
  it('tells the user what happened, in their language', () => {
    expect(updateOutcomeMessage({ kind: 'none', version: '0.1.0' }, desktopZh, '0.1.0')).toBe('当前已是最新版本（0.1.0）。');
    expect(updateOutcomeMessage({ kind: 'found', version: '0.2.0' }, desktopZh, '0.1.0')).toContain('0.2.0');
    expect(updateOutcomeMessage({ kind: 'failed', message: 'ECONNREFUSED' }, desktopEn, '0.1.0')).toBe(
      'Checking for updates failed: ECONNREFUSED',
    );
    expect(updateOutcomeMessage({ kind: 'off' }, desktopZh, '0.1.0')).toContain('未设置更新地址');
    expect(updateOutcomeMessage({ kind: 'dev' }, desktopEn, '0.1.0')).toContain('development');
  });
});
