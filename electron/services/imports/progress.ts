/**
 * Which chunked imports are still being written, and how far (issue 11
 * point 3). A running batch's customers become visible one at a time, each
 * whole (a customer's rows and its derived data are one transaction); the
 * runtime puts this on every API result meanwhile, so nobody mistakes a
 * report for the whole import (shared/api/importProgress.ts).
 */
import type { Db } from '../../../db/query';
import type { ImportInProgress, RunningImport } from '../../../shared/api/importProgress';

// import_batches holds one row per import ever made (hundreds): a scan for `committing` costs microseconds.
const RUNNING_SQL = `SELECT b.id AS batchId, b.kind, b.file_name AS fileName, coalesce(c.rows_written, 0) AS written, b.rows AS total,
    b.created_at AS startedAt
  FROM import_batches b LEFT JOIN import_commits c ON c.batch_id = b.id
  WHERE b.status = 'committing' ORDER BY b.created_at, b.id`;

export function importInProgress(db: Db): ImportInProgress | null {
  const batches = db.prepare(RUNNING_SQL).all() as RunningImport[];
  if (batches.length === 0) return null;
  return {
    written: batches.reduce((s, b) => s + b.written, 0),
    total: batches.reduce((s, b) => s + b.total, 0),
    batches,
  };
}
