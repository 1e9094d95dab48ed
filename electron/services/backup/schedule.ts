/**
 * When the daily backup is due and which automatic backups to keep: pure
 * functions of the backups that exist and the office's date, so the rules are
 * unit-tested and the Electron timer that calls them stays a thin hook.
 */
export interface BackupFact {
  name: string;
  /** The office-local date it was taken, YYYY-MM-DD. */
  localDate: string;
  reason: string;
  verified: boolean | null;
}

export interface Retention {
  keepDaily: number;
  keepMonthly: number;
}

/** Due when no verified daily backup was taken on the office's current date. */
export function dailyBackupDue(today: string, backups: readonly BackupFact[]): boolean {
  return !backups.some((b) => b.reason === 'daily' && b.verified === true && b.localDate === today);
}

/**
 * The daily backups to delete: of the verified ones, the newest of each of
 * the last `keepDaily` dates and the newest of each of the last `keepMonthly`
 * months stay; a failed one stays while it is within the daily window (the
 * screen shows the failure), then goes. Manual backups and those written
 * before a migration are never deleted automatically.
 */
export function backupsToPrune(backups: readonly BackupFact[], keep: Retention): string[] {
  const daily = backups.filter((b) => b.reason === 'daily').sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const verified = daily.filter((b) => b.verified === true);
  const kept = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const b of verified) {
    if (!days.has(b.localDate) && days.size < keep.keepDaily) {
      days.add(b.localDate);
      kept.add(b.name);
    }
    const month = b.localDate.slice(0, 7);
    if (!months.has(month) && months.size < keep.keepMonthly) {
      months.add(month);
      kept.add(b.name);
    }
  }
  const oldestKeptDay = [...days].sort()[0] ?? '';
  for (const b of daily) if (b.verified !== true && b.localDate >= oldestKeptDay) kept.add(b.name);
  return daily.filter((b) => !kept.has(b.name)).map((b) => b.name);
}

/** How long the timer sleeps before asking again: an hour, so a PC left on overnight backs up soon after the date changes. */
export const DAILY_CHECK_INTERVAL_MS = 60 * 60 * 1000;
