/**
 * The customer ledger (往来明细) as .xlsx or PDF (customers ask for it to
 * check against their own books): a title block naming the customer and the
 * period, an opening row, one row per line in §4 order with the running
 * balance, a closing row. Amounts are numbers in yuan so Excel can sum them.
 * Both files come from one report table (export/reportTable.ts).
 */
import type { ExportFile } from '../../../shared/api/imports';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import type { ServiceContext } from '../context';
import { reportFile, type ReportColumn, type ReportDownload } from '../export/reportTable';
import { customerLedger } from './customerLedger';

const COLUMNS: ReportColumn[] = [
  { header: '日期', key: 'date', kind: 'date' },
  { header: '单号', key: 'docNo', kind: 'text' },
  { header: '类型', key: 'kind', kind: 'text' },
  { header: '摘要', key: 'memo', kind: 'text', stretch: true },
  { header: '应收增加', key: 'debit', kind: 'fen' },
  { header: '收款/减少', key: 'credit', kind: 'fen' },
  { header: '余额', key: 'balance', kind: 'fen' },
];

interface LedgerExportInput {
  customerId: string;
  from: string | null;
  to: string | null;
}

function ledgerReport(ctx: ServiceContext, input: LedgerExportInput): ReportDownload {
  const ledger = customerLedger(ctx, input);
  const rows: Record<string, unknown>[] = [
    { date: ledger.from, docNo: '', kind: '', memo: '期初余额', debit: null, credit: null, balance: ledger.openingFen },
    ...ledger.lines.map((l) => ({
      date: l.date,
      docNo: l.docNo,
      kind: AR_DOC_KIND_LABELS[l.kind] + (l.voided ? '（已冲销）' : ''),
      memo: l.memo,
      debit: l.debitFen > 0 ? l.debitFen : null,
      credit: l.creditFen > 0 ? l.creditFen : null,
      balance: l.balanceFen,
    })),
  ];
  const { code, name } = ledger.customer;
  return {
    fileBase: `往来明细-${code}-${ledger.from}至${ledger.to}`,
    rows: ledger.lines.length,
    table: {
      title: '往来明细',
      facts: [`客户：${code} ${name}`, `期间：${ledger.from} 至 ${ledger.to}`],
      columns: COLUMNS,
      rows,
      totals: { date: ledger.to, docNo: '', kind: '', memo: '本期合计 / 期末余额', debit: ledger.totals.debitFen, credit: ledger.totals.creditFen, balance: ledger.closingFen },
      orientation: 'portrait',
      sheetName: `${code} 往来明细`,
    },
  };
}

export const exportLedgerXlsx = async (ctx: ServiceContext, input: LedgerExportInput): Promise<ExportFile> => reportFile(ctx, ledgerReport(ctx, input), 'xlsx');

export const exportLedgerPdf = async (ctx: ServiceContext, input: LedgerExportInput): Promise<ExportFile> => reportFile(ctx, ledgerReport(ctx, input), 'pdf');
