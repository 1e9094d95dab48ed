/**
 * Is the database file sound? PRAGMA quick_check at every open (issue 11,
 * point 2), so damage is found at start, not months later as "database disk
 * image is malformed" in the middle of a statement batch.
 *
 * The check runs on its own read-only connection: a read-only connection
 * never writes, so a damaged file (and its WAL) stays byte-identical for
 * whoever investigates it. A small file is checked before the app opens it;
 * a large one (the check reads every page: seconds for a 1 GB file) in a
 * worker thread right after start, while writes wait for the result.
 */
import Database from 'better-sqlite3';

/** Files up to this size are checked before opening (about 0.2 s); larger ones in the background. */
export const SYNC_CHECK_MAX_BYTES = 64 * 1024 * 1024;

function problemsOf(rows: Record<string, string>[]): string | null {
  const msgs = rows.map((r) => Object.values(r)[0]).filter((m) => m !== 'ok');
  return msgs.length ? msgs.slice(0, 5).join('; ') : null;
}

/** null when the file passes PRAGMA quick_check, else the problem (SQLite's words). */
export function quickCheckProblem(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return problemsOf(db.pragma('quick_check') as Record<string, string>[]);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    db?.close();
  }
}

// The worker is plain CommonJS so it runs the same from sources, the CLI bundle and Electron's main bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const msgs = db.pragma('quick_check').map((r) => Object.values(r)[0]).filter((m) => m !== 'ok');
  parentPort.postMessage(msgs.length ? msgs.slice(0, 5).join('; ') : null);
} catch (e) {
  parentPort.postMessage(e && e.message ? e.message : String(e));
} finally {
  if (db) db.close();
}`;

/** The same check off the main thread: the UI and reads keep running while a large file is read. */
export async function quickCheckInWorker(file: string): Promise<string | null> {
  // Loaded here, not at start: most opens check inline (or rely on a check stamp) and never start a thread.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module: require.resolve('better-sqlite3') } });
    worker.once('message', (m: string | null) => resolve(m));
    worker.once('error', (e) => resolve(e.message));
    worker.once('exit', (code) => {
      if (code !== 0) resolve(`检查进程异常退出（${code}）`);
    });
  });
}
