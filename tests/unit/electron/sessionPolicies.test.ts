/**
 * Checklist 5 (permission requests) and 7 (CSP) wired to a fake session,
 * exactly as index.ts wires the default session.
 */
import { describe, expect, it } from 'vitest';
import { installSessionPolicies, type GuardableSession } from '../../../electron/main/sessionPolicies';

type Handlers = {
  headers?: Parameters<GuardableSession['webRequest']['onHeadersReceived']>[0];
  request?: Parameters<GuardableSession['setPermissionRequestHandler']>[0];
  check?: Parameters<GuardableSession['setPermissionCheckHandler']>[0];
};

function fakeSession(appUrl: string) {
  const h: Handlers = {};
  const session: GuardableSession = {
    webRequest: { onHeadersReceived: (l) => (h.headers = l) },
    setPermissionRequestHandler: (x) => (h.request = x),
    setPermissionCheckHandler: (x) => (h.check = x),
  };
  installSessionPolicies(session, { appUrl, csp: "default-src 'self'" });
  const request = (permission: string, requestingUrl?: string): boolean => {
    let granted: boolean | undefined;
    h.request!(null, permission, (g) => (granted = g), { requestingUrl });
    if (granted === undefined) throw new Error('permission request left unanswered');
    return granted;
  };
  const headers = (url: string, resourceType = 'mainFrame') => {
    let out: unknown;
    h.headers!({ url, resourceType, responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, (r) => (out = r));
    return out;
  };
  return { request, check: h.check!, headers };
}

describe('installSessionPolicies', () => {
  const appUrl = 'app://dealerdesk/index.html';

  it('answers every permission request, granting only clipboard writes to the app page', () => {
    const s = fakeSession(appUrl);
    expect(s.request('clipboard-sanitized-write', `${appUrl}#/`)).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'usb']) {
      expect(s.request(p, appUrl), p).toBe(false);
    }
    expect(s.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  it('permission checks fall back to the web contents URL and refuse foreign pages', () => {
    const s = fakeSession(appUrl);
    expect(s.check({ getURL: () => `${appUrl}#/` }, 'clipboard-sanitized-write', 'app://dealerdesk', {})).toBe(true);
    expect(s.check({ getURL: () => 'https://evil.example/' }, 'clipboard-sanitized-write', '', {})).toBe(false);
    expect(s.check(null, 'clipboard-sanitized-write', '', {})).toBe(false);
    expect(s.check(null, 'media', '', { requestingUrl: appUrl })).toBe(false);
  });

  it("replaces the dev server's CSP with ours on the app page only", () => {
    const s = fakeSession('http://localhost:5173/');
    expect(s.headers('http://localhost:5173/#/')).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] },
    });
    expect(s.headers('https://evil.example/')).toEqual({});
    expect(s.headers('http://localhost:5173/x.js', 'script')).toEqual({});
  });
});
