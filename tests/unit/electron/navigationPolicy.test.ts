/**
 * Checklist 13 (navigation limited), 14 (no new windows), 5 (permission
 * requests) and 17 (IPC sender validated): the pure decisions. Their wiring
 * to a web contents and a session is in contentsGuard/sessionPolicies tests.
 */
import { describe, expect, it } from 'vitest';
import { BAD_METHOD, ipcSenderRefusal, isTrustedSender, methodName, UNTRUSTED_SENDER } from '../../../electron/main/ipcGuard';
import {
  externalUrlToOpen,
  isAllowedNavigation,
  isPermissionAllowed,
  isSameAppPage,
  windowOpenDecision,
} from '../../../electron/main/navigationPolicy';

const appUrl = 'app://dealerdesk/index.html';
const devApp = 'http://localhost:5173/';

describe('isAllowedNavigation', () => {
  it('allows the app origin, with hash routes and queries', () => {
    expect(isAllowedNavigation(appUrl, appUrl)).toBe(true);
    expect(isAllowedNavigation(`${appUrl}#/settings`, appUrl)).toBe(true);
    expect(isAllowedNavigation(`${appUrl}?x=1#/customers/01J`, appUrl)).toBe(true);
    expect(isAllowedNavigation('app://DEALERDESK/index.html#/', appUrl)).toBe(true);
  });

  it('refuses local files (even the built page itself), web sites, other app hosts and odd schemes', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/DealerDesk/resources/app.asar/out/renderer/index.html',
      'app://evil/index.html',
      'app://dealerdesk.evil/index.html',
      'app://user@dealerdesk/index.html',
      'app://dealerdesk:1/index.html',
      'https://example.com/',
      'http://dealerdesk/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'blob:app://dealerdesk/4f1e',
      'about:blank',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url, appUrl), url).toBe(false);
    }
  });

  it('allows the dev server origin only', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/settings', devApp)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', devApp)).toBe(false);
    expect(isAllowedNavigation(appUrl, devApp)).toBe(false);
  });

  it('never treats a file:// page as the app, and refuses everything when the app URL is unusable', () => {
    const fileApp = 'file:///opt/DealerDesk/out/renderer/index.html';
    expect(isSameAppPage(fileApp, fileApp)).toBe(false);
    expect(isAllowedNavigation(appUrl, 'about:blank')).toBe(false);
    expect(isAllowedNavigation(appUrl, '')).toBe(false);
  });
});

describe('externalUrlToOpen and window.open', () => {
  it('offers only https links to the system browser', () => {
    expect(externalUrlToOpen('https://www.gsxt.gov.cn/')).toBe('https://www.gsxt.gov.cn/');
    expect(externalUrlToOpen('http://intranet.local/docs')).toBeNull();
  });

  it('refuses file, javascript, custom protocols, credentials and garbage', () => {
    for (const url of [
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'mailto:a@b.c',
      'https://user:pass@example.com/',
      '',
      'www.example.com',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });

  it('always denies a new Electron window', () => {
    expect(windowOpenDecision('https://example.com/')).toEqual({ action: 'deny', openExternally: 'https://example.com/' });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: null });
    expect(windowOpenDecision('about:blank')).toEqual({ action: 'deny', openExternally: null });
    expect(windowOpenDecision(`${appUrl}#/x`).action).toBe('deny');
  });
});

describe('isPermissionAllowed', () => {
  it('allows clipboard writes from the app page and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${appUrl}#/`, appUrl)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/', appUrl)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, appUrl)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'usb', 'serial', 'unknown']) {
      expect(isPermissionAllowed(p, appUrl, appUrl), p).toBe(false);
    }
  });
});

describe('IPC sender (ipcSenderRefusal, isTrustedSender)', () => {
  const ours = { fromOurWindow: true, frame: { url: `${appUrl}#/settings`, isMainFrame: true } };

  it('lets through only the main frame of our window showing our page', () => {
    expect(ipcSenderRefusal(ours, appUrl)).toBeNull();
    expect(ipcSenderRefusal({ fromOurWindow: true, frame: { url: 'http://localhost:5173/#/', isMainFrame: true } }, devApp)).toBeNull();
  });

  it('refuses another window, a vanished frame, a subframe, and a foreign page', () => {
    expect(ipcSenderRefusal({ ...ours, fromOurWindow: false }, appUrl)).toBe('not our window');
    expect(ipcSenderRefusal({ fromOurWindow: true, frame: null }, appUrl)).toBe('frame gone');
    expect(ipcSenderRefusal({ fromOurWindow: true, frame: { url: appUrl, isMainFrame: false } }, appUrl)).toBe('a subframe');
    for (const url of ['https://example.com/', 'file:///tmp/evil.html', 'about:blank', 'blob:app://dealerdesk/1', '']) {
      expect(ipcSenderRefusal({ fromOurWindow: true, frame: { url, isMainFrame: true } }, appUrl), url).toBe('not our page');
    }
  });

  it('isTrustedSender refuses missing frames and empty URLs', () => {
    expect(isTrustedSender(`${appUrl}#/settings`, appUrl)).toBe(true);
    expect(isTrustedSender(null, appUrl)).toBe(false);
    expect(isTrustedSender(undefined, appUrl)).toBe(false);
  });

  it('answers refusals with typed errors, not exceptions', () => {
    expect(UNTRUSTED_SENDER).toMatchObject({ ok: false, error: { code: 'forbidden', field: null } });
    expect(BAD_METHOD).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(methodName('settings.getCompany')).toBe('settings.getCompany');
    expect(methodName(42)).toBeNull();
    expect(methodName('')).toBeNull();
    expect(methodName('x'.repeat(201))).toBeNull();
  });
});
