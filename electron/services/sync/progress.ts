/**
 * What a long sync job is doing right now (issue 12 points 4, 6 and 8): the
 * phase and how far it got. The running round, join or check reports here;
 * `sync.status` hands it to 设置 → 同步 and the header indicator, which poll
 * while it runs (the same poll-the-status way as the backup and statement
 * batch jobs). Kept in memory per database connection: it describes this
 * process's job, nothing to store.
 */
import type { Sqlite } from '../../../db/query';
import type { SyncProgressView } from '../../../shared/api/sync';

const current = new WeakMap<Sqlite, SyncProgressView>();

export function reportProgress(sqlite: Sqlite, p: SyncProgressView | null): void {
  if (p) current.set(sqlite, p);
  else current.delete(sqlite);
}

export const progressOf = (sqlite: Sqlite): SyncProgressView | null => current.get(sqlite) ?? null;

/** Runs a job with its progress cleared afterwards whatever happens. */
export async function withProgress<T>(sqlite: Sqlite, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    reportProgress(sqlite, null);
  }
}
