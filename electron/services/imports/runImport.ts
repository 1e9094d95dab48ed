/**
 * Preview (dry run) and commit of an import file. Both run the same checks;
 * commit runs them again inside its transaction, so what is written is
 * exactly what was checked, and writes every row or none.
 */
import type { z } from 'zod';
import type { ImportBatch, ImportCommitResult, importFileSchema } from '../../../shared/api/imports';
import { MAX_IMPORT_BYTES } from '../../../shared/api/imports';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { recordChange } from '../audit/recordChange';
import { forgetDiscardedBatch } from '../sync/heldBatches';
import type { ServiceContext } from '../context';
import { readTableFile, type RawTable } from '../import/readTable';
import { buildImportReport, importRefusedError, type ImportError, type ImportReport } from '../import/report';
import { getImportBatch } from './batches';
import { phaseDone } from './importPhases';
import { importKindHandler, type ImportKindHandler, type PreparedImport } from './kinds';
import {
  abandonedBatches,
  claimBatch,
  DEFAULT_TIMING,
  dropBatchRow,
  releaseBatch,
  runInChunks,
  type ChunkTiming,
} from './chunkedCommit';

export type ImportFile = z.output<typeof importFileSchema>;

/** Problems with the file as a whole (unreadable, .xls, too large) are reported on row 0. */
export const FILE_ROW = 0;
export const FILE_COLUMN = '文件';

function handlerFor(kind: string): ImportKindHandler {
  const handler = importKindHandler(kind);
  if (!handler) throw new DomainError('validation', `不支持导入“${kind}”`, 'kind');
  return handler;
}

/** The file's table, or the report explaining why it cannot be read. */
async function readFile(input: ImportFile, dryRun: boolean): Promise<RawTable | ImportReport> {
  const fileProblem = (message: string): ImportReport =>
    buildImportReport({ kind: input.kind, rows: 0, imported: 0, dryRun, errors: [{ row: FILE_ROW, column: FILE_COLUMN, message }], warnings: [] });
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.byteLength === 0) return fileProblem('文件是空的');
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return fileProblem(`文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
  }
  try {
    return await readTableFile(bytes, input.fileName);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation') return fileProblem(e.message);
    throw e;
  }
}

const isReport = (v: RawTable | ImportReport): v is ImportReport => 'dryRun' in v;

/** The prepared import's problems, plus "no data" for a file with a header and nothing under it. */
function problemsOf(prepared: PreparedImport): ImportError[] {
  if (prepared.rows === 0 && prepared.errors.length === 0) {
    return [{ row: FILE_ROW, column: FILE_COLUMN, message: '文件中没有数据行，没有可导入的内容' }];
  }
  return prepared.errors;
}

export async function previewImport(ctx: ServiceContext, input: ImportFile): Promise<ImportReport> {
  const handler = handlerFor(input.kind);
  const table = await readFile(input, true);
  if (isReport(table)) return table;
  await handler.load?.();
  const prepared = handler.prepare(ctx, table);
  return buildImportReport({
    kind: input.kind,
    rows: prepared.rows,
    imported: 0,
    dryRun: true,
    errors: problemsOf(prepared),
    warnings: prepared.warnings,
    sample: prepared.sample,
  });
}

/** The batch row, written first: the imported records point at it. */
function insertBatchRow(ctx: ServiceContext, input: ImportFile, batchId: string, status: 'committing' | 'done', plannedRows = 0): void {
  ctx.db.run(
    ctx.db.k.insertInto('import_batches').values({
      id: batchId,
      kind: input.kind,
      file_name: input.fileName,
      // A committing batch shows its planned size (已写入 X / Y 行); finishBatch sets what was written.
      rows: plannedRows,
      created_at: ctx.clock.now().toISOString(),
      user: ctx.actor.user,
      undone_at: null,
      undo_reason: null,
      status,
    }),
  );
}

/** The batch's row count and its audit row; for a chunked batch also the switch to `done`. */
function finishBatch(ctx: ServiceContext, input: ImportFile, batchId: string, written: number): void {
  ctx.db.run(ctx.db.k.updateTable('import_batches').set({ rows: written }).where('id', '=', batchId));
  recordChange(ctx, {
    entity: 'import_batch',
    entityId: batchId,
    action: 'import',
    before: null,
    after: { kind: input.kind, fileName: input.fileName, rows: written },
    tables: ['import_batches'],
  });
}

/**
 * A kind written in units (the ledger's large files): checked on a read
 * snapshot (no write lock while 100,000 rows are mapped), then committed in
 * short transactions so other writers keep working (chunkedCommit.ts). The
 * database's constraints are the second line for anything a concurrent
 * writer changed since the check (a document number taken meanwhile): the
 * chunk fails, and everything the batch wrote is removed again.
 */
async function commitInUnits(
  ctx: ServiceContext,
  input: ImportFile,
  handler: ImportKindHandler,
  table: RawTable,
  timing: ChunkTiming,
): Promise<ImportCommitResult> {
  const prepared = ctx.db.readSnapshot(() => handler.prepare(ctx, table));
  const errors = problemsOf(prepared);
  const report = (imported: number) =>
    buildImportReport({ kind: input.kind, rows: prepared.rows, imported, dryRun: false, errors, warnings: prepared.warnings });
  if (errors.length || !prepared.units) throw importRefusedError(report(0));
  const batchId = newId();
  const units = ctx.db.readSnapshot(() => prepared.units(batchId));
  phaseDone('prepare');
  ctx.db.transaction(() => {
    insertBatchRow(ctx, input, batchId, 'committing', prepared.rows);
    claimBatch(ctx, batchId);
  });
  let written: number;
  try {
    written = await withBulkSettings(ctx, () => runInChunks(ctx, batchId, units, timing));
    ctx.db.transaction(() => {
      finishBatch(ctx, input, batchId, written);
      releaseBatch(ctx, batchId);
    });
    phaseDone('finish');
  } catch (e) {
    await discardBatch(ctx, batchId, handler);
    throw e;
  }
  for (const t of ['import_batches', 'ar_documents', 'ar_explicit_targets', 'ar_allocations', 'ar_customer_state', 'audit_log']) ctx.touched.add(t);
  return { report: report(written), batch: getImportBatch(ctx, batchId) };
}

/** Removes a batch that did not finish: its records (the kind knows how), then the batch row. */
export async function discardBatch(ctx: ServiceContext, batchId: string, handler: ImportKindHandler | undefined): Promise<void> {
  await handler?.discard?.(ctx, batchId);
  dropBatchRow(ctx, batchId);
  // LAN sync: a discarded batch never travels (its changes were held back from publishing).
  forgetDiscardedBatch(ctx.db, batchId);
}

/**
 * At open: batches left `committing` by a process that died are removed, so a
 * crash mid-import leaves nothing of it. Returns how many were removed.
 */
export async function discardStaleImports(ctx: ServiceContext): Promise<number> {
  const stale = abandonedBatches(ctx);
  for (const b of stale) await discardBatch(ctx, b.id, importKindHandler(b.kind));
  return stale.length;
}

/**
 * Connection settings while a bulk write runs, restored after:
 *  - a bigger page cache, so the indexes touched per customer stay in memory (SQLite's default is 2 MB);
 *  - (statement journals are in memory on every connection anyway: temp_store, db/connection.ts);
 *  - no automatic checkpoint after each chunk's commit: runInChunks checkpoints in the gaps, when
 *    the write lock is free.
 */
async function withBulkSettings<T>(ctx: ServiceContext, fn: () => Promise<T>): Promise<T> {
  const sqlite = ctx.db.sqlite;
  const cache = sqlite.pragma('cache_size', { simple: true }) as number;
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${128 * 1024}`);
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return await fn();
  } finally {
    sqlite.pragma(`cache_size = ${cache}`);
    sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
}

/** All-or-nothing: on any error nothing is written (or what was written is removed) and a DomainError carrying the report is thrown. */
export async function commitImport(ctx: ServiceContext, input: ImportFile, timing: ChunkTiming = DEFAULT_TIMING): Promise<ImportCommitResult> {
  const handler = handlerFor(input.kind);
  const table = await readFile(input, false);
  if (isReport(table)) throw importRefusedError(table);
  await handler.load?.();
  if (handler.discard) return commitInUnits(ctx, input, handler, table, timing);
  const outcome = ctx.db.transaction((): { report: ImportReport; batch: ImportBatch | null } => {
    const prepared = handler.prepare(ctx, table);
    const errors = problemsOf(prepared);
    const report = (imported: number) =>
      buildImportReport({ kind: input.kind, rows: prepared.rows, imported, dryRun: false, errors, warnings: prepared.warnings });
    if (errors.length || !prepared.write) return { report: report(0), batch: null };
    const batchId = newId();
    insertBatchRow(ctx, input, batchId, 'done');
    const written = prepared.write(batchId);
    finishBatch(ctx, input, batchId, written);
    return { report: report(written), batch: getImportBatch(ctx, batchId) };
  });
  if (!outcome.batch) throw importRefusedError(outcome.report);
  return { report: outcome.report, batch: outcome.batch };
}
