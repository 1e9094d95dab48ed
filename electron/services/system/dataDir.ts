/**
 * Where the office's data lives. On a local disk on purpose: Electron's
 * default userData is in the roaming profile, which some offices redirect to
 * a server, and SQLite must not run over a network file system.
 *   Windows: %LOCALAPPDATA%\DealerDesk      Linux: $XDG_DATA_HOME/dealerdesk or ~/.local/share/dealerdesk
 *   macOS:   ~/Library/Application Support/DealerDesk
 */
import path from 'node:path';

export interface DataDirEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homedir: string;
}

export function defaultDataDir({ platform, env, homedir }: DataDirEnv): string {
  if (env.DEALERDESK_DATA_DIR) return env.DEALERDESK_DATA_DIR;
  if (platform === 'win32') {
    return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(homedir, 'AppData', 'Local'), 'DealerDesk');
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', 'DealerDesk');
  return path.posix.join(env.XDG_DATA_HOME ?? path.posix.join(homedir, '.local', 'share'), 'dealerdesk');
}

/** --db wins, then DEALERDESK_DB, then <data dir>/dealerdesk.db. */
export function resolveDbFile(flag: string | undefined, e: DataDirEnv): string {
  return flag ?? e.env.DEALERDESK_DB ?? (e.platform === 'win32' ? path.win32 : path.posix).join(defaultDataDir(e), 'dealerdesk.db');
}
