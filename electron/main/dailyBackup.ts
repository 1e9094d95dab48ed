/**
 * The daily backup's timer: a thin hook. Whether one is due and what is kept
 * are decided by electron/services/backup (schedule.ts, unit-tested); this
 * only asks every hour (and a minute after start), and logs the outcome.
 */
import type { AppRuntime } from '../api/runtime';
import { dailyBackupIfDue } from '../services/backup/runBackup';
import { DAILY_CHECK_INTERVAL_MS } from '../services/backup/schedule';

interface Log {
  info(msg: string): void;
  error(msg: string, e?: unknown): void;
}

const FIRST_CHECK_MS = 60_000;

export function startDailyBackups(runtime: AppRuntime, log: Log): () => void {
  let running = false;
  const tick = async () => {
    if (running || runtime.status().state !== 'ready') return;
    running = true;
    try {
      await runtime.whenChecked();
      const made = await dailyBackupIfDue(runtime.context());
      if (made) log.info(`daily backup ${made.file} ${made.bytes} bytes verified=${made.verified}${made.secondCopy?.error ? `; ${made.secondCopy.error}` : ''}`);
    } catch (e) {
      log.error('daily backup failed', e);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), FIRST_CHECK_MS);
  const every = setInterval(() => void tick(), DAILY_CHECK_INTERVAL_MS);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
