/** The register of import batches: listing them, and undoing one while nothing refers to its records. */
import type { Selectable } from 'kysely';
import type { ImportBatchesTable } from '../../../db/tables/customers';
import type { ImportBatch } from '../../../shared/api/imports';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { importKindHandler } from './kinds';

type BatchRow = Selectable<ImportBatchesTable>;

const MAX_LISTED = 500;

function blockedReason(ctx: ServiceContext, row: BatchRow): string | null {
  if (row.undone_at !== null) return '该批导入已经撤销';
  const handler = importKindHandler(row.kind);
  if (!handler) return '此类导入不支持撤销';
  return handler.undoBlockedReason(ctx, row.id);
}

function toBatch(ctx: ServiceContext, row: BatchRow): ImportBatch {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    rows: row.rows,
    createdAt: row.created_at,
    user: row.user,
    undoneAt: row.undone_at,
    undoReason: row.undo_reason,
    undoBlockedReason: blockedReason(ctx, row),
  };
}

function batchRow(ctx: ServiceContext, id: string): BatchRow {
  const row = ctx.db.first(ctx.db.k.selectFrom('import_batches').selectAll().where('id', '=', id));
  if (!row) throw new DomainError('not_found', '找不到该导入批次', 'batchId');
  return row;
}

export const getImportBatch = (ctx: ServiceContext, id: string): ImportBatch => toBatch(ctx, batchRow(ctx, id));

/** Newest first; '' = every kind. */
export function listImportBatches(ctx: ServiceContext, kind: string): ImportBatch[] {
  // A batch still committing is not a batch yet (it may be removed): listed once it is done.
  let q = ctx.db.k.selectFrom('import_batches').selectAll().where('status', '=', 'done');
  if (kind) q = q.where('kind', '=', kind);
  return ctx.db.all(q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(MAX_LISTED)).map((r) => toBatch(ctx, r));
}

export function undoImportBatch(ctx: ServiceContext, batchId: string, reason: string): ImportBatch {
  return ctx.db.transaction(() => {
    const row = batchRow(ctx, batchId);
    const blocked = blockedReason(ctx, row);
    if (blocked) throw new DomainError('validation', blocked, 'batchId');
    const handler = importKindHandler(row.kind);
    if (!handler) throw new DomainError('validation', '此类导入不支持撤销', 'batchId');
    const removed = handler.undo(ctx, batchId, `撤销导入“${row.file_name}”：${reason}`);
    const at = ctx.clock.now().toISOString();
    ctx.db.run(ctx.db.k.updateTable('import_batches').set({ undone_at: at, undo_reason: reason }).where('id', '=', batchId));
    recordChange(ctx, {
      entity: 'import_batch',
      entityId: batchId,
      action: 'undo',
      before: { kind: row.kind, fileName: row.file_name, rows: row.rows, undoneAt: null },
      after: { kind: row.kind, fileName: row.file_name, rows: row.rows, undoneAt: at, reason, removed },
      tables: ['import_batches'],
    });
    return getImportBatch(ctx, batchId);
  });
}
