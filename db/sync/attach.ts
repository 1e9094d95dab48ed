/**
 * Hooks sync capture into every opened database (db/open.ts): the SQL
 * functions before migrations (existing triggers call them), and after
 * migrations the triggers re-created from the registry, so tables added by
 * later migrations are captured too. A restored or cloned copy takes a new
 * device id here, before its first write could be stamped with the old one.
 */
import type { Sqlite } from '../query';
import { refreshCaptureTriggers, setCapturing, setSyncClock, syncClock, syncWallClock } from './capture';
import { Hlc } from './hlc';
import { copyReason, readLocal, reincarnate, SYNC_KEYS, writeMarker } from './localState';

/** The newest stamp this database has issued or applied: the clock never goes back across restarts. */
function newestStamp(sqlite: Sqlite): string {
  const own = sqlite.prepare(`SELECT hlc FROM sync_changes ORDER BY id DESC LIMIT 1`).get() as { hlc: string } | undefined;
  const seen = sqlite.prepare(`SELECT max(last_hlc) AS h FROM sync_cursors`).get() as { h: string | null };
  return [own?.hlc ?? '', seen.h ?? ''].sort().at(-1) ?? '';
}

export interface AttachOutcome {
  enabled: boolean;
  /** Set when the database turned out to be a restored or cloned copy and took a new device id. */
  reincarnated: string | null;
}

export function attachSync(sqlite: Sqlite, dbFile: string | null): AttachOutcome {
  const enabled = readLocal<boolean>(sqlite, SYNC_KEYS.enabled) === true;
  let reincarnated: string | null = null;
  if (enabled && dbFile) {
    const found = copyReason(sqlite, dbFile);
    if (found) {
      reincarnate(sqlite, dbFile, found.restoredHere);
      reincarnated = found.reason;
    }
  }
  const device = readLocal<string>(sqlite, SYNC_KEYS.device);
  if (enabled && device) {
    const hlc = syncClock(sqlite)?.node === device ? syncClock(sqlite)! : new Hlc(device, syncWallClock(sqlite));
    hlc.observe(newestStamp(sqlite));
    setSyncClock(sqlite, hlc);
    refreshCaptureTriggers(sqlite, true);
    setCapturing(sqlite, true);
    if (dbFile && !reincarnated) writeMarker(sqlite, dbFile);
  } else {
    setCapturing(sqlite, false);
    refreshCaptureTriggers(sqlite, false);
  }
  return { enabled, reincarnated };
}
