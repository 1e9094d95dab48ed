/**
 * Backups through SQLite's online backup API (never a raw file copy of a live
 * database), and restore that verifies the copy before trusting it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Sqlite } from './query';

export interface BackupInfo {
  file: string;
  name: string;
  size: number;
  createdAt: string;
}

/** Backups live next to the database: `<db>.backups/<stamp>-<reason>.db`. */
export function backupDirFor(dbFile: string): string {
  return `${dbFile}.backups`;
}

const stampOf = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');

export async function writeBackup(sqlite: Sqlite, dbFile: string, reason: string, at: Date = new Date()): Promise<string> {
  const dir = backupDirFor(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${stampOf(at)}-${reason.replace(/[^a-z0-9_-]/gi, '_')}.db`);
  await sqlite.backup(target);
  return target;
}

export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupDirFor(dbFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.db'))
    .map((name) => {
      const file = path.join(dir, name);
      const st = fs.statSync(file);
      return { file, name, size: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Returns null when the file passes PRAGMA integrity_check, else the problem text. */
export function integrityProblem(file: string): string | null {
  let db: Sqlite | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const msgs = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    return msgs.length ? msgs.join('; ') : null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database file by a verified backup. The damaged file is kept
 * aside (renamed), never deleted, so nothing is lost even by a wrong restore.
 */
export function restoreBackup(dbFile: string, backupFile: string, at: Date = new Date()): { keptAs: string | null } {
  const problem = integrityProblem(backupFile);
  if (problem) throw new Error(`备份文件校验失败：${problem}`);
  let keptAs: string | null = null;
  if (fs.existsSync(dbFile)) {
    keptAs = `${dbFile}.damaged-${stampOf(at)}`;
    fs.renameSync(dbFile, keptAs);
  }
  for (const ext of ['-wal', '-shm']) {
    if (fs.existsSync(dbFile + ext)) fs.renameSync(dbFile + ext, `${keptAs ?? dbFile}${ext}`);
  }
  fs.copyFileSync(backupFile, dbFile);
  return { keptAs };
}
