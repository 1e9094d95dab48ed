/**
 * Start-up decisions of the main process that need no Electron: which
 * database, who is acting, which page to load, where bundled resources are.
 */
import path from 'node:path';
import type { Actor } from '../services/context';
import { APP_ENTRY_URL } from './appProtocol';

/**
 * `--db PATH` or `--db=PATH` from the process arguments (the same flag as the
 * CLI). Chromium and Playwright add their own switches; they are ignored.
 */
export function dbFlagFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
    if (a.startsWith('--db=')) return a.slice('--db='.length) || undefined;
  }
  return undefined;
}

export interface OsIdentity {
  username?: string | null;
  hostname: string;
  env: Record<string, string | undefined>;
}

/** Until user accounts exist, "who" in the audit log is the OS user on this PC. */
export function actorFromOs({ username, hostname, env }: OsIdentity): Actor {
  const user = username || env.USERNAME || env.USER || 'unknown';
  return { user, device: hostname || 'unknown' };
}

export interface RendererLocation {
  /** What loadURL gets, and what the navigation and IPC guards compare against. */
  url: string;
  /** The built renderer folder that app:// serves, when not on the dev server. */
  rootDir: string | null;
}

const isLoopbackDevUrl = (raw: string): boolean => {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]');
  } catch {
    return false;
  }
};

/**
 * The dev server (ELECTRON_RENDERER_URL, set by `electron-vite dev`) only in
 * an unpackaged app and only on loopback: an environment variable must never
 * point an installed app's privileged window at another site.
 */
export function rendererLocation(input: { devServerUrl?: string; isPackaged: boolean; mainDir: string }): RendererLocation {
  if (!input.isPackaged && input.devServerUrl && isLoopbackDevUrl(input.devServerUrl)) {
    return { url: input.devServerUrl, rootDir: null };
  }
  // Never file://: the built page is served from the app's own scheme (appProtocol.ts).
  return { url: APP_ENTRY_URL, rootDir: path.join(input.mainDir, '..', 'renderer') };
}

/** resources/ (fonts, icons): electron-builder's extraResources when packaged, the repository folder otherwise. */
export function resourcesDir(input: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return input.isPackaged ? path.join(input.resourcesPath, 'resources') : path.join(input.appPath, 'resources');
}
