/**
 * Policies on the default session: the CSP response header on the app's own
 * pages, and web permission requests and checks (camera, notifications,
 * geolocation, …) refused except the few the app needs. The decisions are
 * in contentSecurityPolicy.ts and navigationPolicy.ts; this wires them to a
 * session given by structure, so a fake session proves the wiring.
 */
import { withCspHeader } from './contentSecurityPolicy';
import { isAllowedNavigation, isPermissionAllowed } from './navigationPolicy';

type Headers = Record<string, string[] | string>;

/** The parts of Electron's Session the policies use. */
export interface GuardableSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Headers }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: { getURL(): string } | null, permission: string, origin: string, details: { requestingUrl?: string }) => boolean,
  ): void;
}

export function installSessionPolicies(session: GuardableSession, options: { appUrl: string; csp: string }): void {
  // app:// responses carry the header from the protocol handler; this covers
  // pages that arrive over http (the dev server), replacing any policy they sent.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType === 'mainFrame' && isAllowedNavigation(details.url, options.appUrl)) {
      callback({ responseHeaders: withCspHeader(details.responseHeaders, options.csp) });
    } else callback({});
  });
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, options.appUrl));
  });
  session.setPermissionCheckHandler((wc, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? wc?.getURL(), options.appUrl),
  );
}
