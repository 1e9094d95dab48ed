/**
 * Backups through SQLite's online backup API (never a raw file copy of a live
 * database), verified with PRAGMA integrity_check before they count, and the
 * ONE restore function every path uses (recovery screen, 设置 → 备份, CLI).
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
  /** Why it was written: daily, manual, before-0008_…, before-restore. */
  reason: string;
  /** true: passed integrity_check when written; false: failed it; null: not checked (older backups). */
  verified: boolean | null;
  problem: string | null;
}

/** Backups live next to the database: `<db>.backups/<stamp>-<reason>.db`. */
export function backupDirFor(dbFile: string): string {
  return `${dbFile}.backups`;
}

const stampOf = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
const STAMP = /^(\d{8})-(\d{6})-(.+)\.db$/;

/** The instant in a backup's name (`20261207-015500-daily.db`), or null for a foreign file. */
export function backupInstant(name: string): Date | null {
  const m = STAMP.exec(name);
  if (!m) return null;
  const [d, t] = [m[1], m[2]];
  return new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`);
}

const sidecarOf = (file: string): string => `${file}.json`;

interface Sidecar {
  verified: boolean;
  problem: string | null;
  checkedAt: string;
}

function readSidecar(file: string): Sidecar | null {
  try {
    return JSON.parse(fs.readFileSync(sidecarOf(file), 'utf8')) as Sidecar;
  } catch {
    return null;
  }
}

/** An unverified copy (before a migration): fast, and the database it came from stays. */
export async function writeBackup(sqlite: Sqlite, dbFile: string, reason: string, at: Date = new Date()): Promise<string> {
  const dir = backupDirFor(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${stampOf(at)}-${reason.replace(/[^a-z0-9_-]/gi, '_')}.db`);
  await sqlite.backup(target);
  return target;
}

export interface VerifiedBackupOptions {
  reason: string;
  at?: Date;
  /** Folder to write into; default `<db>.backups`. */
  dir?: string;
  /** Pages copied so far of the total, for a progress bar. */
  onProgress?(done: number, total: number): void;
}

export interface VerifiedBackup {
  file: string;
  bytes: number;
  verified: boolean;
  problem: string | null;
}

/**
 * Copies the live database with the backup API into a temporary name, makes
 * it one self-contained file (no WAL), runs integrity_check on the copy and
 * only then gives it its final name, with the result beside it
 * (`<name>.json`). An interrupted backup leaves no half-written file.
 */
export async function writeVerifiedBackup(sqlite: Sqlite, dbFile: string, opts: VerifiedBackupOptions): Promise<VerifiedBackup> {
  const dir = opts.dir ?? backupDirFor(dbFile);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${stampOf(opts.at ?? new Date())}-${opts.reason.replace(/[^a-z0-9_-]/gi, '_')}.db`);
  const tmp = `${target}.partial`;
  try {
    await sqlite.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        opts.onProgress?.(totalPages - remainingPages, totalPages);
        return 1000;
      },
    });
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const problem = integrityProblem(tmp);
    fs.writeFileSync(sidecarOf(target), JSON.stringify({ verified: problem === null, problem, checkedAt: new Date().toISOString() } satisfies Sidecar));
    fs.renameSync(tmp, target);
    return { file: target, bytes: fs.statSync(target).size, verified: problem === null, problem };
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  }
}

export function listBackupsIn(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.db'))
    .map((name) => {
      const file = path.join(dir, name);
      const st = fs.statSync(file);
      const side = readSidecar(file);
      const at = backupInstant(name);
      return {
        file,
        name,
        size: st.size,
        createdAt: (at ?? st.mtime).toISOString(),
        reason: STAMP.exec(name)?.[3] ?? '',
        verified: side ? side.verified : null,
        problem: side?.problem ?? null,
      };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

export function listBackups(dbFile: string): BackupInfo[] {
  return listBackupsIn(backupDirFor(dbFile));
}

/** Removes a backup and its verification record. */
export function removeBackup(file: string): void {
  fs.rmSync(file, { force: true });
  fs.rmSync(sidecarOf(file), { force: true });
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

export interface RestoreOutcome {
  /** Where the database that was there went (kept aside, never deleted), or null if there was none. */
  keptAs: string | null;
}

/**
 * THE restore: replaces the database file by a verified backup. Every path
 * (recovery screen, 设置 → 备份, CLI `restore`) comes through here, so
 * whatever must happen to a restored database (LAN sync: a new device id)
 * hooks in at one place. The database must be closed by the caller.
 *
 * The backup is checked with integrity_check first; the current file (with
 * its -wal/-shm) is renamed aside byte-identical (`.damaged-<stamp>` for a
 * file that could not be opened, `.replaced-<stamp>` for a healthy one); the
 * copy lands under a temporary name and is renamed into place, so a failure
 * halfway never leaves a half-copied database.
 */
export function restoreDatabase(
  dbFile: string,
  backupFile: string,
  opts: { at?: Date; current?: 'damaged' | 'replaced' } = {},
): RestoreOutcome {
  const problem = integrityProblem(backupFile);
  if (problem) throw new Error(`备份文件校验失败，不能用它恢复：${problem}`);
  const stamp = stampOf(opts.at ?? new Date());
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  let keptAs: string | null = null;
  try {
    const base = `${dbFile}.${opts.current ?? 'damaged'}-${stamp}`;
    if (fs.existsSync(dbFile)) {
      keptAs = base;
      fs.renameSync(dbFile, keptAs);
    }
    for (const ext of ['-wal', '-shm']) {
      if (fs.existsSync(dbFile + ext)) fs.renameSync(dbFile + ext, `${base}${ext}`);
    }
    fs.renameSync(tmp, dbFile);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { keptAs };
}

/** @deprecated name kept for callers of the foundation; use restoreDatabase. */
export function restoreBackup(dbFile: string, backupFile: string, at: Date = new Date()): RestoreOutcome {
  return restoreDatabase(dbFile, backupFile, { at, current: 'damaged' });
}
