/**
 * "A writer is waiting for the lock", said across processes.
 *
 * SQLite cannot tell a writer that another one waits: the waiter sits in its
 * busy handler, re-polling at most every 100 ms. The chunked import (imports/
 * chunkedCommit.ts) used to leave the lock free for 110 ms after every chunk
 * just in case, which cost the import ~3 s of idle time per 100,000 rows on an
 * office PC where usually nobody else writes. Now a writer that finds the lock
 * taken first touches a small file next to the database, then waits as
 * before; the importer leaves the long pause only while that file is fresh.
 * In-process saves (the UI's, in the same Electron main process) never wait
 * here: they share the importer's connection and run in any pause at all.
 */
import fs from 'node:fs';
import path from 'node:path';

/** How long an announcement stays fresh: a waiter gives up after busy_timeout (5 s, db/connection.ts). */
export const WAITING_FRESH_MS = 6_000;

/** The marker of a database file, or null for an in-memory or unnamed one (nobody else can wait for it). */
export function waitingMarkerOf(dbFile: string): string | null {
  return path.isAbsolute(dbFile) ? `${dbFile}.writer-waiting` : null;
}

/** Says that this process waits for the write lock (the file's modification time is the message). */
export function announceWaiting(marker: string): void {
  try {
    fs.writeFileSync(marker, String(process.pid));
  } catch {
    // A read-only folder: the waiter still waits, only the importer's pauses stay short.
  }
}

/** Whether some writer announced within the last WAITING_FRESH_MS. */
export function writerWaiting(marker: string | null, now = Date.now()): boolean {
  if (!marker) return false;
  try {
    return now - fs.statSync(marker).mtimeMs < WAITING_FRESH_MS;
  } catch {
    return false;
  }
}
