/**
 * The customer ledger as .xlsx (customers ask for it to check against their
 * own books): an opening row, one row per line in §4 order with the running
 * balance, a closing row. Amounts are numbers in yuan so Excel can sum them.
 */
import type { ExportFile } from '../../../shared/api/imports';
import { AR_DOC_KIND_LABELS } from '../../../shared/api/ledgerEnums';
import type { ServiceContext } from '../context';
import { writeXlsx, type XlsxColumn } from '../export/writeXlsx';
import { customerLedger } from './customerLedger';

const COLUMNS: XlsxColumn[] = [
  { header: '日期', key: 'date', kind: 'date' },
  { header: '单号', key: 'docNo', kind: 'text' },
  { header: '类型', key: 'kind', kind: 'text' },
  { header: '摘要', key: 'memo', kind: 'text' },
  { header: '应收增加', key: 'debit', kind: 'fen' },
  { header: '收款/减少', key: 'credit', kind: 'fen' },
  { header: '余额', key: 'balance', kind: 'fen' },
];

export async function exportLedgerXlsx(
  ctx: ServiceContext,
  input: { customerId: string; from: string | null; to: string | null },
): Promise<ExportFile> {
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
    {
      date: ledger.to,
      docNo: '',
      kind: '',
      memo: '本期合计 / 期末余额',
      debit: ledger.totals.debitFen,
      credit: ledger.totals.creditFen,
      balance: ledger.closingFen,
    },
  ];
  const bytes = await writeXlsx([{ name: `${ledger.customer.code} 往来明细`, columns: COLUMNS, rows }]);
  return {
    fileName: `往来明细-${ledger.customer.code}-${ledger.from}至${ledger.to}.xlsx`,
    dataBase64: bytes.toString('base64'),
    rows: ledger.lines.length,
  };
}
