/** An empty workbook with an import's headers, for offices starting from scratch. */
import type { ExportFile } from '../../../shared/api/imports';
import { DomainError } from '../../../shared/errors';
import { writeXlsx } from '../export/writeXlsx';
import { importKindHandler } from './kinds';

export async function importTemplate(kind: string): Promise<ExportFile> {
  const handler = importKindHandler(kind);
  if (!handler) throw new DomainError('validation', `不支持导入“${kind}”`, 'kind');
  const bytes = await writeXlsx([{ name: handler.label, columns: handler.templateColumns, rows: [] }]);
  return { fileName: `${handler.label}导入模板.xlsx`, dataBase64: bytes.toString('base64'), rows: 0 };
}
