/**
 * Where the window may go and what it may open. Pure functions; the main
 * process wires them to will-navigate / will-redirect / setWindowOpenHandler
 * and the permission handlers.
 *
 * The window only ever shows the app's own page: a link in imported data or a
 * bug must not turn it into a browser that has `window.api`.
 */
import { APP_SCHEME } from './appProtocol';
import { vetExternalUrl } from './externalLinks';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page: the app:// origin (any route or
 * asset of it; the protocol handler serves nothing else), or the dev
 * server's origin. A file:// URL is never the app: the app is not served
 * from files, so a file:// page in the window is something else.
 */
export function isSameAppPage(url: string | null | undefined, appUrl: string): boolean {
  if (!url) return false;
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === `${APP_SCHEME}:`) {
    // Node gives custom schemes an opaque origin ("null"), so compare scheme and host; Chromium lower-cases the host.
    return (
      target.protocol === app.protocol &&
      target.host.toLowerCase() === app.host.toLowerCase() &&
      !target.username &&
      !target.password &&
      !target.port
    );
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  return false;
}

/** will-navigate / will-redirect: only within the app's own page. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isSameAppPage(url, appUrl);
}

/**
 * A link that may be offered to the system browser (window.open,
 * target=_blank, or a refused navigation): vetted https only (see
 * externalLinks.ts); the user still confirms before it opens.
 */
export function externalUrlToOpen(url: string): string | null {
  const vetted = vetExternalUrl(url);
  return vetted.ok ? vetted.url : null;
}

export interface WindowOpenDecision {
  /** Always 'deny': the app never opens a second Electron window from the page. */
  action: 'deny';
  /** What to offer to the system browser instead (after the user confirms), if anything. */
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
