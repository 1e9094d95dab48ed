/**
 * The headers the ledger imports accept (issue 5), listed in the import
 * dialog before a file is chosen. Chinese in every UI language: they are
 * what the clerk's Excel sheet says. * = required.
 */
import type { ImportKind } from '../../../../shared/api/imports';

export type LedgerImportKind = Extract<ImportKind, 'invoices' | 'receipts' | 'opening'>;

export const LEDGER_IMPORT_KINDS: readonly LedgerImportKind[] = ['invoices', 'receipts', 'opening'];

export const LEDGER_IMPORT_COLUMNS: Readonly<Record<LedgerImportKind, readonly string[]>> = {
  invoices: ['单号*', '客户编码*', '日期*', '到期日', '金额*', '合同号', '发票号码', '摘要'],
  receipts: ['单号*', '客户编码*', '日期*', '金额*', '方式', '核销单号', '摘要'],
  opening: ['客户编码*', '日期*', '到期日', '金额*（负数为预收）', '摘要'],
};
