import { describe, expect, it } from 'vitest';
import { BAD_METHOD, isTrustedSender, methodName, UNTRUSTED_SENDER } from '../../../electron/main/ipcGuard';
import {
  externalUrlToOpen,
  isAllowedNavigation,
  isPermissionAllowed,
  windowOpenDecision,
} from '../../../electron/main/navigationPolicy';

const fileApp = 'file:///opt/DealerDesk/resources/app.asar/out/renderer/index.html';
const winApp = 'file:///C:/Program%20Files/DealerDesk/resources/app.asar/out/renderer/index.html';
const devApp = 'http://localhost:5173/';

describe('isAllowedNavigation', () => {
  it('allows the app page itself, with hash routes and queries', () => {
    expect(isAllowedNavigation(fileApp, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${fileApp}#/settings`, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${fileApp}?x=1#/customers/01J`, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${winApp}#/settings`, winApp)).toBe(true);
  });

  it('treats differently percent-encoded forms of the same path as the same page', () => {
    const cjk = 'file:///D:/%E7%BB%8F%E9%94%80/out/renderer/index.html';
    expect(isAllowedNavigation('file:///D:/经销/out/renderer/index.html#/', cjk)).toBe(true);
  });

  it('refuses other local files, web sites and odd schemes', () => {
    expect(isAllowedNavigation('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAllowedNavigation('file:///opt/DealerDesk/resources/app.asar/out/renderer/other.html', fileApp)).toBe(false);
    expect(isAllowedNavigation('file://evil-host/opt/DealerDesk/resources/app.asar/out/renderer/index.html', fileApp)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', fileApp)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', fileApp)).toBe(false);
    expect(isAllowedNavigation('data:text/html,<h1>x</h1>', fileApp)).toBe(false);
    expect(isAllowedNavigation('not a url', fileApp)).toBe(false);
  });

  it('allows the dev server origin only', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/settings', devApp)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', devApp)).toBe(false);
    expect(isAllowedNavigation(fileApp, devApp)).toBe(false);
  });

  it('refuses everything when the app URL itself is unusable', () => {
    expect(isAllowedNavigation(fileApp, 'about:blank')).toBe(false);
    expect(isAllowedNavigation(fileApp, '')).toBe(false);
  });
});

describe('externalUrlToOpen and window.open', () => {
  it('hands http and https links to the system browser', () => {
    expect(externalUrlToOpen('https://www.gsxt.gov.cn/')).toBe('https://www.gsxt.gov.cn/');
    expect(externalUrlToOpen('http://intranet.local/docs')).toBe('http://intranet.local/docs');
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
    expect(windowOpenDecision(`${fileApp}#/x`).action).toBe('deny');
  });
});

describe('isPermissionAllowed', () => {
  it('allows clipboard writes from the app page and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${fileApp}#/`, fileApp)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/', fileApp)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      expect(isPermissionAllowed(p, fileApp, fileApp), p).toBe(false);
    }
  });
});

describe('isTrustedSender (IPC)', () => {
  it('trusts our own page in any route', () => {
    expect(isTrustedSender(`${fileApp}#/settings`, fileApp)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/#/', devApp)).toBe(true);
  });

  it('refuses other pages, missing frames and empty URLs', () => {
    expect(isTrustedSender('https://example.com/', fileApp)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', fileApp)).toBe(false);
    expect(isTrustedSender('about:blank', fileApp)).toBe(false);
    expect(isTrustedSender(null, fileApp)).toBe(false);
    expect(isTrustedSender(undefined, fileApp)).toBe(false);
    expect(isTrustedSender('', fileApp)).toBe(false);
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
