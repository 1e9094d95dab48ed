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
import type { ServiceContext } from '../context';
import { readTableFile, type RawTable } from '../import/readTable';
import { buildImportReport, importRefusedError, type ImportError, type ImportReport } from '../import/report';
import { getImportBatch } from './batches';
import { importKindHandler, type ImportKindHandler, type PreparedImport } from './kinds';

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

/** All-or-nothing: on any error nothing is written and a DomainError carrying the report is thrown. */
export async function commitImport(ctx: ServiceContext, input: ImportFile): Promise<ImportCommitResult> {
  const handler = handlerFor(input.kind);
  const table = await readFile(input, false);
  if (isReport(table)) throw importRefusedError(table);
  await handler.load?.();
  const outcome = ctx.db.transaction((): { report: ImportReport; batch: ImportBatch | null } => {
    const prepared = handler.prepare(ctx, table);
    const errors = problemsOf(prepared);
    const report = (imported: number) =>
      buildImportReport({ kind: input.kind, rows: prepared.rows, imported, dryRun: false, errors, warnings: prepared.warnings });
    if (errors.length) return { report: report(0), batch: null };
    const batchId = newId();
    const at = ctx.clock.now().toISOString();
    // The batch row first: the imported records point at it.
    ctx.db.run(
      ctx.db.k.insertInto('import_batches').values({
        id: batchId,
        kind: input.kind,
        file_name: input.fileName,
        rows: 0,
        created_at: at,
        user: ctx.actor.user,
        undone_at: null,
        undo_reason: null,
      }),
    );
    const written = prepared.write(batchId);
    ctx.db.run(ctx.db.k.updateTable('import_batches').set({ rows: written }).where('id', '=', batchId));
    recordChange(ctx, {
      entity: 'import_batch',
      entityId: batchId,
      action: 'import',
      before: null,
      after: { kind: input.kind, fileName: input.fileName, rows: written },
      tables: ['import_batches'],
    });
    return { report: report(written), batch: getImportBatch(ctx, batchId) };
  });
  if (!outcome.batch) throw importRefusedError(outcome.report);
  return { report: outcome.report, batch: outcome.batch };
}
