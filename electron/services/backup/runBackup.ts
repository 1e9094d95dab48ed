/**
 * One backup of the live database: verified copy beside the database, the
 * optional second copy (LAN share), and for daily backups the retention rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../../shared/api/system';
import type { BackupResult, RestorePreview } from '../../../shared/api/backup';
import { localDateOf } from '../../../shared/dates/clock'; // the office zone (default), as the clock's today()
import { DomainError } from '../../../shared/errors';
import { backupDirFor, listBackups, removeBackup, writeVerifiedBackup, type BackupInfo } from '../../../db/backup';
import type { ServiceContext } from '../context';
import { backupsToPrune, dailyBackupDue, type BackupFact } from './schedule';
import { placeNewFile } from '../statements/outputFiles';
import { getBackupSettings, SECOND_COPY_LABEL } from './settings';

/** The database file behind a context (better-sqlite3 keeps the name it was opened with). */
export const dbFileOf = (ctx: ServiceContext): string => path.resolve(ctx.db.sqlite.name);

export const toEntry = (b: BackupInfo): BackupEntry => ({ name: b.name, size: b.size, createdAt: b.createdAt, reason: b.reason, verified: b.verified });

function factsOf(ctx: ServiceContext, backups: readonly BackupInfo[]): BackupFact[] {
  return backups.map((b) => ({ name: b.name, localDate: localDateOf(new Date(b.createdAt)), reason: b.reason, verified: b.verified }));
}

/**
 * Copies a verified backup into the second folder as a new file: an existing file of that name (another
 * PC's backup, anything the office keeps there) is never replaced, the copy gets " (2)" … instead
 * (statements/outputFiles.ts), and a failed copy leaves no temporary file. The folder must still exist
 * (it was checked when it was set); a failure is reported, never fatal.
 */
const isFolder = (dir: string): boolean => {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false; // missing, or the share is unreachable
  }
};

export function secondCopy(file: string, dir: string): { file: string | null; error: string | null } {
  if (!isFolder(dir)) return { file: null, error: `${SECOND_COPY_LABEL}不存在或无法访问：${dir}` };
  try {
    return { file: placeNewFile(path.join(dir, path.basename(file)), (tmp) => fs.copyFileSync(file, tmp), 'secondCopyDir'), error: null };
  } catch (e) {
    // placeNewFile's message names the file and says why (磁盘空间不足, 没有写入权限 …).
    return { file: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function backupNow(
  ctx: ServiceContext,
  reason: 'daily' | 'manual',
  onProgress?: (done: number, total: number) => void,
): Promise<BackupResult> {
  const settings = getBackupSettings(ctx);
  const dbFile = dbFileOf(ctx);
  const made = await writeVerifiedBackup(ctx.db.sqlite, dbFile, { reason, at: ctx.clock.now(), onProgress });
  const copy = settings.secondCopyDir && made.verified ? secondCopy(made.file, settings.secondCopyDir) : null;
  if (reason === 'daily') {
    const doomed = new Set(backupsToPrune(factsOf(ctx, listBackups(dbFile)), settings));
    for (const b of listBackups(dbFile)) if (doomed.has(b.name)) removeBackup(b.file);
  }
  return { ...made, secondCopy: copy };
}

/** The daily backup if today's has not been taken yet (called by the app's timer); null when not due. */
export async function dailyBackupIfDue(ctx: ServiceContext): Promise<BackupResult | null> {
  if (!dailyBackupDue(ctx.clock.today(), factsOf(ctx, listBackups(dbFileOf(ctx))))) return null;
  return backupNow(ctx, 'daily');
}

export function listBackupEntries(ctx: ServiceContext): { dir: string; backups: BackupEntry[] } {
  const dbFile = dbFileOf(ctx);
  return { dir: backupDirFor(dbFile), backups: listBackups(dbFile).map(toEntry) };
}

/** What restoring `name` would lose: the changes recorded after the backup was taken. */
export function restorePreview(ctx: ServiceContext, name: string): RestorePreview {
  const backup = listBackups(dbFileOf(ctx)).find((b) => b.name === name);
  if (!backup) throw new DomainError('not_found', `找不到备份：${name}`, 'name');
  const row = ctx.db.prepare(`SELECT count(*) AS n, max(at) AS last FROM audit_log WHERE at > ?`).get(backup.createdAt) as { n: number; last: string | null };
  return { name, createdAt: backup.createdAt, changesSince: row.n, lastChangeAt: row.last };
}
