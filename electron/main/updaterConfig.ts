/**
 * When and from where electron-updater looks for a new version. An office
 * publishes installers on its own LAN web server (or a NAS web share); the
 * address is a setting, and an empty setting means the updater is off.
 */
import { fillDesktop, type DesktopMessages } from '../../shared/i18n/areas/desktop';

/** The settings-table key holding the update server address. */
export const UPDATE_URL_SETTING = 'updates.feedUrl';

export interface GenericFeed {
  provider: 'generic';
  url: string;
}

/**
 * The generic-provider feed for a configured address, or null (updater off)
 * when it is empty or not an http(s) URL: electron-updater's generic provider
 * fetches over HTTP, so file:// and UNC paths (\\server\share) do not work.
 */
export function updaterFeed(settingsUrl: string | null | undefined): GenericFeed | null {
  const raw = typeof settingsUrl === 'string' ? settingsUrl.trim() : '';
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  // The generic provider appends latest.yml itself; a trailing slash keeps relative paths in that folder.
  const url = u.toString();
  return { provider: 'generic', url: url.endsWith('/') ? url : `${url}/` };
}

export type UpdateCheckPlan = { check: true; feed: GenericFeed } | { check: false; reason: 'not-configured' | 'not-packaged' };

/**
 * Whether to check at all. An unpackaged app (npm start) has no installer to
 * replace and no app-update.yml, so electron-updater would only error.
 */
export function planUpdateCheck(settingsUrl: string | null | undefined, isPackaged: boolean): UpdateCheckPlan {
  if (!isPackaged) return { check: false, reason: 'not-packaged' };
  const feed = updaterFeed(settingsUrl);
  return feed ? { check: true, feed } : { check: false, reason: 'not-configured' };
}

/** Delay after the window is shown: start-up gets the disk and CPU first. */
export const UPDATE_CHECK_DELAY_MS = 15_000;

/** What a check found, for the log and for Help ▸ 检查更新. */
export type UpdateCheckOutcome =
  | { kind: 'off' }
  | { kind: 'dev' }
  | { kind: 'none'; version: string }
  | { kind: 'found'; version: string }
  | { kind: 'failed'; message: string };

export function outcomeOfPlan(plan: UpdateCheckPlan): UpdateCheckOutcome | null {
  if (plan.check) return null;
  return plan.reason === 'not-packaged' ? { kind: 'dev' } : { kind: 'off' };
}

export function updateOutcomeMessage(o: UpdateCheckOutcome, m: DesktopMessages, currentVersion: string): string {
  switch (o.kind) {
    case 'off':
      return m.updatesOff;
    case 'dev':
      return m.updatesDevMode;
    case 'none':
      return fillDesktop(m.updatesNone, { version: currentVersion });
    case 'found':
      return fillDesktop(m.updatesFound, { version: o.version });
    case 'failed':
      return fillDesktop(m.updatesFailed, { message: o.message });
  }
}
