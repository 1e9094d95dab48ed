/**
 * The statement register (对账单登记) as .xlsx: every row the register's
 * filter gives (all pages), with the figures, the status and its dates, so
 * the office can hand the month's statement status to the boss or auditor.
 */
import type { z } from 'zod';
import type { ExportFile } from '../../../shared/api/imports';
import type { StatementStatus, statementListSchema } from '../../../shared/api/statements';
import type { ServiceContext } from '../context';
import { reportXlsx, type ReportColumn } from '../export/reportTable';
import { listStatements } from './register';

const STATUS_NAME: Record<StatementStatus, string> = { generated: '已生成', sent: '已发出', confirmed: '已确认', disputed: '有异议' };

const COLUMNS: ReportColumn[] = [
  { header: '对账单号', key: 'no', kind: 'text' },
  { header: '客户编码', key: 'code', kind: 'text' },
  { header: '客户名称', key: 'name', kind: 'text' },
  { header: '期间自', key: 'from', kind: 'date' },
  { header: '期间至', key: 'to', kind: 'date' },
  { header: '期初余额', key: 'opening', kind: 'fen' },
  { header: '本期应收', key: 'debit', kind: 'fen' },
  { header: '本期收款/减少', key: 'credit', kind: 'fen' },
  { header: '期末余额', key: 'closing', kind: 'fen' },
  { header: '状态', key: 'status', kind: 'text' },
  { header: '发出日期', key: 'sentOn', kind: 'date' },
  { header: '确认日期', key: 'confirmedOn', kind: 'date' },
  { header: '客户确认金额', key: 'customerFigure', kind: 'fen' },
  { header: '差额', key: 'difference', kind: 'fen' },
  { header: '异议说明', key: 'dispute', kind: 'text' },
  { header: '核对码', key: 'code2', kind: 'text' },
  { header: '页数', key: 'pages', kind: 'int' },
  { header: '生成时间', key: 'generatedAt', kind: 'text' },
];

/** A page of the register at a time: the list's own limit, so memory stays flat. */
const PAGE = 1000;

export async function exportStatementRegister(ctx: ServiceContext, filter: z.output<typeof statementListSchema>): Promise<ExportFile> {
  const rows: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = listStatements(ctx, { ...filter, offset, limit: PAGE });
    for (const s of page.rows) {
      rows.push({
        no: s.statementNo,
        code: s.customer.code,
        name: s.customer.name,
        from: s.periodFrom,
        to: s.periodTo,
        opening: s.openingFen,
        debit: s.debitTotalFen,
        credit: s.creditTotalFen,
        closing: s.closingFen,
        status: STATUS_NAME[s.status],
        sentOn: s.sentOn,
        confirmedOn: s.confirmedOn,
        customerFigure: s.customerFigureFen,
        difference: s.differenceFen,
        dispute: s.disputeNote ?? '',
        code2: s.verificationCode,
        pages: s.pages,
        generatedAt: s.generatedAt,
      });
    }
    if (page.rows.length < PAGE) break;
  }
  const facts: string[] = [];
  if (filter.from !== null || filter.to !== null) facts.push(`期末日期：${filter.from ?? '…'} 至 ${filter.to ?? '…'}`);
  if (filter.status !== null) facts.push(`状态：${STATUS_NAME[filter.status]}`);
  if (filter.search !== '') facts.push(`搜索：${filter.search}`);
  facts.push(`共 ${rows.length} 张`);
  const bytes = await reportXlsx(ctx, { title: '对账单登记', facts, columns: COLUMNS, rows, orientation: 'landscape', sheetName: '对账单登记' });
  return { fileName: `对账单登记_${ctx.clock.today()}.xlsx`, dataBase64: bytes.toString('base64'), rows: rows.length };
}
