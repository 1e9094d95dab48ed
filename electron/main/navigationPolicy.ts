/**
 * Where the window may go and what it may open. Pure functions; the main
 * process wires them to will-navigate / will-redirect / setWindowOpenHandler
 * and the permission handlers.
 *
 * The window only ever shows the app's own page: a link in imported data or a
 * bug must not turn it into a browser that has `window.api`.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page: the same file (hash routes and
 * queries allowed) for a file:// app, the same origin for the dev server.
 */
export function isSameAppPage(url: string | null | undefined, appUrl: string): boolean {
  if (!url) return false;
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    // Compare decoded paths: Chromium may percent-encode CJK folder names differently than we did.
    return target.protocol === 'file:' && target.host === app.host && safeDecode(target.pathname) === safeDecode(app.pathname);
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  return false;
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** will-navigate / will-redirect: only within the app's own page. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isSameAppPage(url, appUrl);
}

/**
 * A link the user may open in the system browser (window.open, target=_blank,
 * or a refused navigation): http and https only. file:, javascript:, custom
 * protocol handlers and anything with credentials in it are refused.
 */
export function externalUrlToOpen(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  return u.toString();
}

export interface WindowOpenDecision {
  /** Always 'deny': the app never opens a second Electron window from the page. */
  action: 'deny';
  /** What to hand to the system browser instead, if anything. */
  openExternally: string | null;
}

export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalUrlToOpen(url) };
}

/**
 * Web permissions (camera, geolocation, notifications, …). The app needs only
 * clipboard writes (copy buttons); everything else is refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined, appUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isSameAppPage(requestingUrl, appUrl);
}
