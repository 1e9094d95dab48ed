/**
 * When and from where electron-updater looks for a new version, and whether
 * it may install one unattended. An office publishes installers on its own
 * LAN web server (or a NAS web share) over https; the address is a setting,
 * and an empty setting means the updater is off.
 */
import { fillDesktop, type DesktopMessages } from '../../shared/i18n/areas/desktop';
import { httpsUpdateFeedUrl } from '../../shared/validators/updateFeedUrl';

/** The settings-table key holding the update server address. */
export const UPDATE_URL_SETTING = 'updates.feedUrl';

export interface GenericFeed {
  provider: 'generic';
  url: string;
}

/**
 * The generic-provider feed for a configured address, or null (updater off)
 * when it is empty or not an https URL (shared/validators/updateFeedUrl.ts,
 * the same rule the settings screen applies). An http:// address saved by an
 * older version is ignored here, so it can never deliver an installer.
 */
export function updaterFeed(settingsUrl: string | null | undefined): GenericFeed | null {
  const url = typeof settingsUrl === 'string' ? httpsUpdateFeedUrl(settingsUrl) : null;
  return url ? { provider: 'generic', url } : null;
}

/**
 * What says an installer is genuine before it runs. electron-updater's NSIS
 * updater checks the Authenticode signature of a downloaded installer against
 * `publisherName` in resources/app-update.yml (electron-builder writes it
 * there when it signs the app with win.verifyUpdateCodeSignature on) and
 * refuses one signed by anybody else. Without a publisher name, or on Linux
 * (AppImage updates are not signature-checked), nothing verifies the file
 * beyond the sha512 the same server publishes.
 */
export interface UpdateVerification {
  platform: string;
  /** publisherName from app-update.yml; empty when missing or unreadable. */
  publisherNames: readonly string[];
}

/** The electron-updater switches we set, decided from what can be verified. */
export interface UpdaterSettings {
  /** True only when the installer's publisher signature is checked before it runs. */
  verified: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  /** An older, validly signed build with a known hole must not be "updated" to. */
  allowDowngrade: false;
  allowPrerelease: false;
  /** A web installer downloads a second package whose signature is not checked the same way. */
  disableWebInstaller: true;
  forceDevUpdateConfig: false;
}

export function updaterSettings(v: UpdateVerification): UpdaterSettings {
  const verified = v.platform === 'win32' && v.publisherNames.some((n) => n.trim() !== '');
  return {
    verified,
    // Unverified: only tell the user a version exists; never fetch or run it unattended.
    autoDownload: verified,
    autoInstallOnAppQuit: verified,
    allowDowngrade: false,
    allowPrerelease: false,
    disableWebInstaller: true,
    forceDevUpdateConfig: false,
  };
}

const unquote = (v: string): string => {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return t;
};

/**
 * publisherName from app-update.yml as electron-builder writes it (js-yaml's
 * dump: a scalar or a block list). Hand-read because the main process has no
 * YAML parser of its own to depend on. Anything it cannot read yields [] (= not verified), so a
 * damaged file turns automatic installs off rather than on.
 */
export function publisherNamesFromAppUpdateYml(text: string | null): string[] {
  if (!text) return [];
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^publisherName:/.test(l));
  if (at < 0) return [];
  const inline = lines[at].slice('publisherName:'.length).trim();
  if (inline) {
    // A flow list ([a, b]) is not what electron-builder writes; refusing it is the safe side.
    if (inline.startsWith('[') || inline.startsWith('{')) return [];
    const one = unquote(inline);
    return one ? [one] : [];
  }
  const names: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (!item) break;
    const name = unquote(item[1]);
    if (name) names.push(name);
  }
  return names;
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
  /** autoInstall: downloading and installing on quit (verified); false: the user installs by hand. */
  | { kind: 'found'; version: string; autoInstall: boolean }
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
      return fillDesktop(o.autoInstall ? m.updatesFound : m.updatesFoundManual, { version: o.version });
    case 'failed':
      return fillDesktop(m.updatesFailed, { message: o.message });
  }
}
