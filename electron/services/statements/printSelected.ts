/**
 * 合并打印 from the register: the statements the clerk ticked, in one PDF,
 * each starting on a new page with its own 第 x 页 / 共 y 页, in the order
 * of the register (newest period first, then number). Built with the batch's
 * merge (mergedPdf.ts) from the statements as registered (storedPart.ts);
 * a statement the ledger has moved away from is refused by number, so the
 * paper always matches the register. Nothing is written anywhere: the file
 * comes back to be printed or saved.
 */
import type { StatementFile, StatementOrientation } from '../../../shared/api/statements';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { mergeStatementDocs, type MergePart } from './mergedPdf';
import { renderPdf } from './pdf/renderPdf';
import type { ResolvedPdfFont } from './pdf/fonts';
import { storedStatementPart } from './storedPart';

interface SelectedRow {
  id: string;
  customer_id: string;
  statement_no: string;
  period_from: string;
  period_to: string;
  lines_sha256: string;
  generated_at: string;
  orientation: string;
  pages: number;
}

export async function printSelectedStatements(ctx: ServiceContext, ids: readonly string[]): Promise<StatementFile> {
  const unique = [...new Set(ids)];
  const marks = unique.map(() => '?').join(',');
  const rows = ctx.db
    .prepare(
      `SELECT id, customer_id, statement_no, period_from, period_to, lines_sha256, generated_at, orientation, pages
       FROM statements WHERE id IN (${marks}) ORDER BY period_to DESC, statement_no DESC`,
    )
    .all(...unique) as SelectedRow[];
  if (rows.length !== unique.length) throw new DomainError('not_found', '所选对账单中有的已不存在，请刷新后重试', 'ids');
  const parts: (MergePart & { font: ResolvedPdfFont })[] = [];
  for (const r of rows) {
    try {
      parts.push(
        storedStatementPart(
          ctx,
          {
            customerId: r.customer_id,
            from: r.period_from,
            to: r.period_to,
            statementNo: r.statement_no,
            linesSha256: r.lines_sha256,
            generatedAt: r.generated_at,
            orientation: r.orientation as StatementOrientation,
            pages: r.pages,
          },
          '请先重新生成这张对账单，或取消勾选它',
        ),
      );
    } catch (e) {
      throw new DomainError('conflict', e instanceof Error ? e.message : String(e), 'ids');
    }
  }
  const periods = [...new Set(rows.map((r) => `${r.period_from} 至 ${r.period_to}`))];
  const { doc, expectedPages } = mergeStatementDocs(parts, `对账单合并打印（${rows.length} 张）${periods.length === 1 ? ` ${periods[0]}` : ''}`);
  const { bytes, pages } = await renderPdf(doc, parts[0].font);
  if (pages !== expectedPages) throw new DomainError('conflict', `合并文件分页（${pages} 页）与单张对账单（共 ${expectedPages} 页）不一致，请逐张打印`, 'ids');
  const day = ctx.clock.today();
  return { fileName: `对账单合并打印_${rows.length}张_${day}.pdf`, mime: 'application/pdf', dataBase64: bytes.toString('base64') };
}
