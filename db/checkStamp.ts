/**
 * The check stamp: a note, written beside the database after PRAGMA
 * quick_check passed, of exactly which files were checked, so that a
 * read-only command-line query on the same, untouched files need not read
 * every page again (issue 17 point 3: the check was ~60 ms of a ~150 ms
 * budget). The app itself checks at every start regardless (issue 11
 * point 2); only callers that ask for it (openDatabase's trustCheckStamp)
 * rely on the stamp.
 *
 * What "the same, untouched files" means: the database file and its -wal
 * (or the -wal's absence) have the same device, inode, size, modification
 * time and status-change time (nanoseconds) as when the check passed. Any
 * write through SQLite or anything else changes the modification time; a
 * tool that puts an old modification time back (touch -d, cp -p over the
 * file) still changes the status-change time, which no program can set, and
 * a replaced or restored file has another inode. The stamp is taken before
 * the check and written only if nothing changed while it ran. What it does
 * not catch is damage no write causes (a failing disk sector changing bytes
 * underneath): that is found by the app's own check at its next start, or by
 * the first write command, which always checks.
 */
import fs from 'node:fs';

type FileIdentity = [dev: string, ino: string, size: string, mtimeNs: string, ctimeNs: string] | null;

export interface FileSetIdentity {
  db: FileIdentity;
  wal: FileIdentity;
}

const STAMP_VERSION = 1;

export const checkStampFile = (dbFile: string): string => `${dbFile}.checked`;

function identityOf(file: string, emptyIsAbsent = false): FileIdentity {
  try {
    const s = fs.statSync(file, { bigint: true });
    if (emptyIsAbsent && s.size === 0n) return null;
    return [String(s.dev), String(s.ino), String(s.size), String(s.mtimeNs), String(s.ctimeNs)];
  } catch {
    return null;
  }
}

/**
 * The identity of the database file and its write-ahead log, as they are
 * now. An empty log holds no pages, so it counts as none: the check's own
 * read-only connection leaves one behind, and the next writer's close
 * removes it.
 */
export function fileSetIdentity(dbFile: string): FileSetIdentity {
  return { db: identityOf(dbFile), wal: identityOf(`${dbFile}-wal`, true) };
}

const sameIdentity = (a: FileSetIdentity, b: FileSetIdentity): boolean => JSON.stringify([a.db, a.wal]) === JSON.stringify([b.db, b.wal]);

/** True when a check passed on exactly the files there are now. */
export function checkStampHolds(dbFile: string): boolean {
  let stamp: { version?: number; files?: FileSetIdentity };
  try {
    stamp = JSON.parse(fs.readFileSync(checkStampFile(dbFile), 'utf8')) as typeof stamp;
  } catch {
    return false;
  }
  if (stamp.version !== STAMP_VERSION || !stamp.files || stamp.files.db === null) return false;
  return sameIdentity(stamp.files, fileSetIdentity(dbFile));
}

/**
 * Records that the check passed on the files as they were (`before`, taken
 * just ahead of the check), if they are still so; otherwise (a write came in
 * meanwhile) removes any stamp, so the next command checks again. A folder
 * that cannot be written to only costs the next command its check.
 */
export function recordCheckPassed(dbFile: string, before: FileSetIdentity, at: Date): void {
  const stampFile = checkStampFile(dbFile);
  try {
    if (before.db === null || !sameIdentity(before, fileSetIdentity(dbFile))) {
      fs.rmSync(stampFile, { force: true });
      return;
    }
    const tmp = `${stampFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: STAMP_VERSION, files: before, checkedAt: at.toISOString() }));
    fs.renameSync(tmp, stampFile);
  } catch {
    // Read-only folder or the like: no stamp, so the next command checks again.
  }
}
