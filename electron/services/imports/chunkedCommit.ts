/**
 * Committing a large import in short transactions (issue 11, point 3).
 *
 * One transaction for 100,000 rows held SQLite's only write lock for ~20 s:
 * nobody in the office could save meanwhile, and a writer that waited out its
 * busy timeout failed. Here the write is split into units (one customer's
 * documents and their re-derivation), packed into transactions of about
 * CHUNK_MS each, with a pause after each commit in which a waiting writer
 * gets the lock. In-process calls (the UI's saves in the Electron main
 * process) run in any pause; a writer of another process (the command line)
 * says it waits (db/writerWaiting.ts), and then the pause is GAP_MS: SQLite's
 * busy handler re-polls at most every 100 ms, so a little longer than that.
 *
 * All-or-nothing is kept by the batch's status: `committing` until the last
 * chunk, `done` after (the batch and its documents then count as posted). If
 * a chunk fails, what the earlier chunks wrote is removed at once; if the
 * process dies, the batch is removed when the database is opened next
 * (discardStaleImports), unless its owner is a live process on this PC.
 *
 * While it runs, the batch is visible customer by customer: a unit (one
 * customer's rows and its derived data) never spans two transactions, so no
 * reader sees a customer half-imported, and every API result carries
 * `importInProgress` (progress.ts) so screens and scripts say that the
 * figures do not include the whole import yet. Hiding the finished customers
 * from every reader until the end would need either one long transaction (the
 * lock this module exists to avoid) or a filter in every ledger query and
 * shadow copies of every derived table; see tests/integration/safety/
 * importVisibility.test.ts for what is proven instead.
 */
import os from 'node:os';
import type { ServiceContext } from '../context';
import { WalCheckpointer } from '../../../db/walCheckpointer';
import { writerWaiting } from '../../../db/writerWaiting';
import { phaseDone } from './importPhases';

/** Target length of one write transaction. An ordinary save waits at most about this long. */
export const CHUNK_MS = 450;
/** Pause after each chunk: longer than SQLite's 100 ms busy-handler poll, so a waiting writer gets its turn. */
export const GAP_MS = 110;
/** A committing batch whose owner has not made progress for this long is considered abandoned. */
export const STALE_AFTER_MS = 120_000;

/** Pause after each chunk when no other process waits: this process's own calls (already queued) run in it. */
export const IDLE_GAP_MS = 5;
const MIN_PAUSE_MS = 1;

export interface ChunkTiming {
  chunkMs: number;
  /** The pause when a writer of another process waits for the lock. */
  gapMs: number;
  /** The pause when none does. */
  idleGapMs: number;
}

export const DEFAULT_TIMING: ChunkTiming = { chunkMs: CHUNK_MS, gapMs: GAP_MS, idleGapMs: IDLE_GAP_MS };

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Registers this process as the writer of a committing batch (inside the batch row's transaction). */
export function claimBatch(ctx: ServiceContext, batchId: string): void {
  ctx.db
    .prepare(`INSERT INTO import_commits (batch_id, owner_pid, owner_host, heartbeat_at) VALUES (?, ?, ?, ?)`)
    .run(batchId, process.pid, os.hostname(), new Date().toISOString());
}

/** Progress and liveness, in each chunk's own transaction: `written` rows are committed with it. */
function heartbeat(ctx: ServiceContext, batchId: string, written: number): void {
  ctx.db.prepare(`UPDATE import_commits SET heartbeat_at = ?, rows_written = ? WHERE batch_id = ?`).run(new Date().toISOString(), written, batchId);
}

/** The batch is complete: it and its records count from now on (call inside the final transaction). */
export function releaseBatch(ctx: ServiceContext, batchId: string): void {
  ctx.db.prepare(`DELETE FROM import_commits WHERE batch_id = ?`).run(batchId);
  ctx.db.prepare(`UPDATE import_batches SET status = 'done' WHERE id = ?`).run(batchId);
}

/**
 * What the units of one transaction may share: a fact read once per chunk
 * (the closed-through date) instead of once per customer stays consistent,
 * because nothing else can write while the chunk's transaction holds the lock.
 */
export class ChunkMemo {
  private readonly values = new Map<string, unknown>();
  private readonly finishers: (() => void)[] = [];

  get<T>(key: string, read: () => T): T {
    if (!this.values.has(key)) this.values.set(key, read());
    return this.values.get(key) as T;
  }

  /** Work the units leave for once per chunk (the day totals, dayTotalsDelta.ts): run after the last unit, in the same transaction. */
  atEnd(finish: () => void): void {
    this.finishers.push(finish);
  }

  finish(): void {
    for (const f of this.finishers) f();
  }
}

/** One unit of a chunked write; returns the rows it wrote. */
export type ImportUnit = (chunk: ChunkMemo) => number;

/**
 * Runs the units in as many transactions as it takes, each about `chunkMs`
 * long, pausing `gapMs` between them. Returns the sum of the units' counts.
 */
export async function runInChunks(
  ctx: ServiceContext,
  batchId: string,
  units: readonly ImportUnit[],
  timing: ChunkTiming = DEFAULT_TIMING,
): Promise<number> {
  let next = 0;
  let total = 0;
  const sqlite = ctx.db.sqlite;
  // Started at the first gap: an import of one chunk (most files) needs no thread.
  let checkpointer: WalCheckpointer | null = null;
  try {
    while (next < units.length) {
      // A chunk's commit need not reach the disk by itself: the batch only counts once the final
      // commit (made with the connection's FULL sync, which flushes every earlier frame of the WAL
      // with it) marks it done, and a batch lost with a power cut is removed as abandoned. This saves
      // one fsync per chunk. Set outside the transaction (SQLite ignores it inside one).
      sqlite.pragma('synchronous = NORMAL');
      try {
        ctx.db.transaction(() => {
          phaseDone('wait');
          const t0 = performance.now();
          const memo = new ChunkMemo();
          do total += units[next++](memo);
          while (next < units.length && performance.now() - t0 < timing.chunkMs);
          memo.finish();
          heartbeat(ctx, batchId, total);
          phaseDone('units');
        });
      } finally {
        sqlite.pragma('synchronous = FULL');
      }
      phaseDone('commit');
      if (next < units.length) {
        // The WAL is copied into the database by a worker thread while the next chunk runs
        // (db/walCheckpointer.ts), instead of by the commit: the import's connection runs with
        // wal_autocheckpoint = 0 (runImport.ts withBulkSettings), and SQLite's automatic checkpoint ran
        // after every chunk's commit, inside the time the chunk counted as holding the lock. Another
        // writer's own automatic checkpoint finds the worker's running and skips.
        const g0 = performance.now();
        checkpointer ??= await WalCheckpointer.start(sqlite);
        checkpointer.request();
        phaseDone('checkpoint');
        // The lock stays free GAP_MS in all when a writer of another process said it waits
        // (db/writerWaiting.ts); otherwise only long enough for this process's own calls to run.
        const gap = writerWaiting(ctx.db.waitingMarker) ? timing.gapMs : timing.idleGapMs;
        await pause(Math.max(MIN_PAUSE_MS, gap - (performance.now() - g0)));
        phaseDone('pause');
      }
    }
  } finally {
    await checkpointer?.close();
  }
  return total;
}

interface CommitOwner {
  batch_id: string;
  /** The import_commits row's batch id; null when this PC has no writer registered for the batch. */
  claimed?: string | null;
  owner_pid: number | null;
  owner_host: string | null;
  heartbeat_at: string | null;
}

function ownerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a committing batch is abandoned: its writer died, or stopped making progress long ago. */
export function isAbandoned(owner: CommitOwner, nowMs: number): boolean {
  // No writer registered at all: the batch arrived from another PC by LAN sync, whose segments carry it
  // as committing until its switch to done arrives (a local batch registers its writer in the same
  // transaction as its row). It is finished by the next sync round, never removed here.
  if (owner.claimed === null) return false;
  if (owner.owner_pid === null || owner.heartbeat_at === null) return true;
  if (nowMs - Date.parse(owner.heartbeat_at) > STALE_AFTER_MS) return true;
  if (owner.owner_host !== os.hostname()) return false;
  return owner.owner_pid !== process.pid && !ownerAlive(owner.owner_pid);
}

/** Committing batches nobody is writing any more (crash, kill, power cut), oldest first. */
export function abandonedBatches(ctx: ServiceContext): { id: string; kind: string }[] {
  const rows = ctx.db
    .prepare(
      `SELECT b.id AS batch_id, b.kind, c.batch_id AS claimed, c.owner_pid, c.owner_host, c.heartbeat_at
       FROM import_batches b LEFT JOIN import_commits c ON c.batch_id = b.id
       WHERE b.status = 'committing' ORDER BY b.created_at, b.id`,
    )
    .all() as (CommitOwner & { kind: string })[];
  const now = Date.now();
  return rows.filter((r) => isAbandoned(r, now)).map((r) => ({ id: r.batch_id, kind: r.kind }));
}

/** Removes the batch row itself once its records are gone (one short transaction). */
export function dropBatchRow(ctx: ServiceContext, batchId: string): void {
  ctx.db.transaction(() => {
    ctx.db.prepare(`DELETE FROM import_commits WHERE batch_id = ?`).run(batchId);
    ctx.db.prepare(`DELETE FROM audit_log WHERE entity = 'import_batch' AND entity_id = ?`).run(batchId);
    ctx.db.prepare(`DELETE FROM import_batches WHERE id = ? AND status = 'committing'`).run(batchId);
  });
}
