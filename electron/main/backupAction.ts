/**
 * File ▸ 备份数据库…: a copy of the live database through SQLite's online
 * backup API (never a raw copy of a file in use), verified with
 * PRAGMA integrity_check before the user is told it is good (DESIGN §8).
 * No 'electron' here: the menu handler supplies the target from a save dialog.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { integrityProblem } from '../../db/backup';
import type { Sqlite } from '../../db/query';
import { DEFAULT_TIME_ZONE } from '../../shared/dates/clock';

/** `dealerdesk-backup-2026-11-24-0830.db`, in the office's time zone (a clerk reads the name). */
export function suggestedBackupName(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `dealerdesk-backup-${get('year')}-${get('month')}-${get('day')}-${get('hour')}${get('minute')}.db`;
}

const sameFile = (a: string, b: string): boolean => {
  const norm = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
};

export interface BackupOutcome {
  file: string;
  /** null when the copy passed the integrity check. */
  problem: string | null;
}

/**
 * Writes the backup to a temporary name next to the target and renames it
 * into place, so an interrupted backup never replaces an older good file.
 */
export async function backupDatabaseTo(sqlite: Sqlite, liveDbFile: string, target: string): Promise<BackupOutcome> {
  const file = path.resolve(target);
  for (const live of [liveDbFile, `${liveDbFile}-wal`, `${liveDbFile}-shm`]) {
    if (sameFile(file, live)) throw new Error('不能把备份保存到正在使用的数据库文件上');
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial-${process.pid}`;
  try {
    await sqlite.backup(tmp);
    // The copy inherits WAL mode, which would make -wal/-shm files appear next
    // to it when opened. A backup the clerk carries away must be one file.
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(tmp, file);
  } finally {
    // After a failure: leave no half-written copy (or its journal) behind.
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  }
  return { file, problem: integrityProblem(file) };
}
