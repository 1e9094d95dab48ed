/**
 * WAL checkpoints on a worker thread, for a long bulk write (the chunked
 * import): copying the WAL into the database file took ~2 s of a 100,000-row
 * import's wall time on its own thread; on a second connection in a worker
 * it runs beside the next chunk. SQLite allows that: a PASSIVE checkpoint
 * copies only committed frames and never takes the write lock, so it neither
 * waits for nor blocks the writer (nor anyone else's save).
 *
 * Requests made while one runs are merged into one more after it. Anything
 * the worker cannot do (no thread, the file not openable) makes `request`
 * fall back to checkpointing on the caller's connection, as before.
 */
import type { Worker } from 'node:worker_threads';
import type { Sqlite } from './query';

// Plain CommonJS so it runs the same from sources, the CLI bundle and Electron's main bundle (db/integrity.ts does the same).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ ok: false, message: e && e.message ? e.message : String(e) });
  }
});`;

interface CheckpointReply {
  ok: boolean;
  log?: number;
  checkpointed?: number;
  message?: string;
}

export class WalCheckpointer {
  private worker: Worker | null = null;
  private running = false;
  private again = false;
  private idle: (() => void)[] = [];
  /** Checkpoints the worker finished, and the last reply (tests and the import's phases read them). */
  done = 0;
  last: CheckpointReply | null = null;

  private constructor(private readonly sqlite: Sqlite) {}

  /** Starts the worker for the connection's database file; without one (in memory, a thread refused) requests run inline. */
  static async start(sqlite: Sqlite): Promise<WalCheckpointer> {
    const c = new WalCheckpointer(sqlite);
    if (sqlite.memory || sqlite.readonly) return c;
    try {
      const { Worker: WorkerThread } = await import('node:worker_threads');
      const worker = new WorkerThread(WORKER_SOURCE, { eval: true, workerData: { file: sqlite.name, module: require.resolve('better-sqlite3') } });
      worker.on('message', (reply: CheckpointReply) => c.finished(reply));
      worker.on('error', () => c.lost());
      worker.on('exit', () => c.lost());
      c.worker = worker;
    } catch {
      // No worker: request() checkpoints inline.
    }
    return c;
  }

  /** Asks for a checkpoint of everything committed so far; returns at once when the worker does it. */
  request(): void {
    if (!this.worker) {
      this.sqlite.pragma('wal_checkpoint(PASSIVE)');
      this.done++;
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.worker.postMessage('checkpoint');
  }

  /** Resolves when no checkpoint is running or asked for. */
  settled(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Waits for a running checkpoint, then stops the worker. */
  async close(): Promise<void> {
    await this.settled();
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    }
  }

  private finished(reply: CheckpointReply): void {
    this.done++;
    this.last = reply;
    this.running = false;
    if (this.again) {
      this.again = false;
      this.request();
      return;
    }
    for (const resolve of this.idle.splice(0)) resolve();
  }

  /** The worker died: later requests run inline, and nobody waits for it. */
  private lost(): void {
    this.worker = null;
    this.running = false;
    this.again = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
