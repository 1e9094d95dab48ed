/**
 * Imports of master data from .xlsx / .csv (issue 3), shared by the UI's
 * pick → preview → confirm flow and the CLI. The report shape is the one the
 * issue fixes; later issues add their kinds (contracts, invoices, receipts,
 * openings) to IMPORT_KINDS and reuse the batch list and undo.
 */
import { z } from 'zod';
import type { ImportInProgress } from './importProgress';
import { requiredText } from '../schemas/fields';
import { method } from './define';
import { IMPORT_KINDS } from './importKinds';

export { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from './importKinds';

/** Largest import file accepted (decoded bytes): 5,000 customers as .xlsx are well under 2 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const importFileSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: `导入类型只能是 ${IMPORT_KINDS.join('、')}` }),
  fileName: requiredText('文件名', 255),
  /** The file's bytes, base64. */
  // '' is an empty file: it gets 文件是空的 in the report (runImport.ts), like any unreadable file.
  dataBase64: z.string({ error: '请选择要导入的文件' }),
});
export type ImportFileInput = z.input<typeof importFileSchema>;

/** A problem that blocks the import. `row` is the row number Excel shows (0 = the file as a whole); `column` the Chinese header. */
export interface ImportReportError {
  row: number;
  column: string;
  message: string;
}

export interface ImportReportWarning {
  row: number | null;
  column: string | null;
  message: string;
}

/** Exactly the JSON of `import … --json`. */
export interface ImportReport {
  kind: string;
  /** Non-blank data rows. */
  rows: number;
  /** 0 on a dry run or a refusal: imports are all-or-nothing. */
  imported: number;
  dryRun: boolean;
  errors: ImportReportError[];
  warnings: ImportReportWarning[];
  /**
   * The first rows as the importer understood them (codes it numbered,
   * amounts parsed, kinds recognised), for the preview to show before the
   * clerk commits. Kinds that do not provide one leave it out.
   */
  sample?: ImportSample;
}

/** Parsed values of the first rows, as display text, under the file's own column headers. */
export interface ImportSample {
  columns: string[];
  rows: string[][];
}

export interface ImportBatch {
  id: string;
  kind: string;
  fileName: string;
  rows: number;
  createdAt: string;
  user: string;
  undoneAt: string | null;
  undoReason: string | null;
  /** Why undo is not possible now (already undone, records referenced), or null when it is. */
  undoBlockedReason: string | null;
}

export interface ImportCommitResult {
  report: ImportReport;
  batch: ImportBatch;
}

/** A generated file for the user to save (export, template). */
export interface ExportFile {
  fileName: string;
  dataBase64: string;
  /** Data rows written. */
  rows: number;
}

export const importMethods = {
  /** Dry run: reads and checks everything, writes nothing; row problems are in the report, never thrown. */
  'imports.preview': method<ImportReport>()(importFileSchema, ['customers', 'products']),
  /**
   * All-or-nothing. On any error nothing is written and the call fails with
   * code 'validation' and `details` = the ImportReport.
   */
  'imports.commit': method<ImportCommitResult>()(importFileSchema, []),
  /** Newest first. */
  'imports.batches': method<ImportBatch[]>()(
    z.object({ kind: z.string().trim().max(40).default('') }),
    ['import_batches', 'customers', 'products', 'contacts', 'interactions'],
  ),
  /** Removes every record of the batch, while none of them is referenced. */
  'imports.undo': method<ImportBatch>()(
    z.object({ batchId: requiredText('导入批次', 40), reason: requiredText('撤销原因', 200) }),
    [],
  ),
  /**
   * The chunked imports still being written (rows written / in the file), or
   * null. The same value every result carries as `importInProgress` while one runs.
   */
  'imports.status': method<ImportInProgress | null>()(z.object({}), ['import_batches']),
  /** An empty workbook with the import's headers (the same columns an export carries). */
  'imports.template': method<ExportFile>()(z.object({ kind: z.enum(IMPORT_KINDS) }), []),
};
