/**
 * `import receipts` (回款单, issue 5): 单号 (required, unique among
 * receipts), 客户编码, 日期, 金额 (> 0), 方式 (银行转账/现金/承兑汇票/微信/
 * 支付宝/其他, blank = 银行转账), 核销单号 (apply_to: the number of one of
 * the customer's invoices dated on or before the receipt, to be paid first;
 * stored as the receipt's explicit target for its whole amount, which the
 * replay caps at what is open), 摘要; optionally 汇票号码 / 汇票到期日 for
 * 承兑汇票 rows.
 */
import { RECEIPT_METHODS, RECEIPT_METHOD_LABELS, type ReceiptMethod } from '../../../../shared/api/ledgerEnums';
import type { ServiceContext } from '../../context';
import { defineImportColumns } from '../../import/columns';
import { findDuplicateKeys } from '../../import/duplicates';
import { mapImportRows } from '../../import/mapRows';
import type { RawTable } from '../../import/readTable';
import type { ImportError, ImportWarning } from '../../import/report';
import { codeColumn, enumColumn } from '../../imports/cells';
import type { ImportKindHandler, PreparedImport } from '../../imports/kinds';
import type { NewDocument } from '../insertDocument';
import {
  creditLimitWarnings,
  customersByCode,
  dateColumn,
  docNoColumn,
  limitedText,
  positiveAmountColumn,
  unknownCustomer,
  importUnits,
} from './common';
import { ledgerImportUndo } from './undoImport';
import { discardLedgerImport } from './discardImport';

const METHOD_SPELLINGS: Record<string, ReceiptMethod> = {
  ...Object.fromEntries(RECEIPT_METHODS.map((m) => [m, m])),
  ...Object.fromEntries(RECEIPT_METHODS.map((m) => [RECEIPT_METHOD_LABELS[m], m])),
  银行: 'bank_transfer',
  转账: 'bank_transfer',
  电汇: 'bank_transfer',
  汇票: 'acceptance_bill',
  银行承兑汇票: 'acceptance_bill',
  商业承兑汇票: 'acceptance_bill',
  微信支付: 'wechat',
};

export const RECEIPT_COLUMNS = defineImportColumns([
  { key: 'doc_no', header: '单号', alias: 'doc_no', required: true, parse: docNoColumn },
  { key: 'customer_code', header: '客户编码', alias: 'customer_code', required: true, parse: codeColumn },
  { key: 'date', header: '日期', alias: 'date', required: true, parse: dateColumn },
  { key: 'amount', header: '金额', alias: 'amount', required: true, parse: positiveAmountColumn },
  {
    key: 'method',
    header: '方式',
    alias: 'method',
    parse: enumColumn('方式', METHOD_SPELLINGS, RECEIPT_METHODS.map((m) => RECEIPT_METHOD_LABELS[m]).join('、')),
  },
  { key: 'apply_to', header: '核销单号', alias: 'apply_to', parse: docNoColumn },
  { key: 'memo', header: '摘要', alias: 'memo', parse: limitedText(200) },
  { key: 'bill_no', header: '汇票号码', alias: 'bill_no', parse: limitedText(40) },
  { key: 'bill_maturity', header: '汇票到期日', alias: 'bill_maturity', parse: dateColumn },
]);

type Key = (typeof RECEIPT_COLUMNS)[number]['key'];
const H: Record<Key, string> = Object.fromEntries(RECEIPT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

function prepareReceipts(ctx: ServiceContext, table: RawTable): PreparedImport {
  const mapped = mapImportRows(table, RECEIPT_COLUMNS);
  const errors: ImportError[] = [...mapped.errors];
  const warnings: ImportWarning[] = [...mapped.warnings];
  errors.push(...findDuplicateKeys(mapped.rows, 'doc_no', H.doc_no));

  const customers = customersByCode(ctx);
  const taken = ctx.db.prepare(`SELECT 1 FROM ar_documents WHERE kind = 'receipt' AND doc_no = ?`);
  const invoiceByNo = ctx.db.prepare(
    `SELECT d.id, d.customer_id, d.doc_date, EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = d.id) AS voided
     FROM ar_documents d WHERE d.kind = 'invoice' AND d.doc_no = ?`,
  );
  const docs: NewDocument[] = [];
  const change = new Map<string, number>();

  for (const row of mapped.rows) {
    const v = row.values;
    const n = row.rowNumber;
    if (v.doc_no !== null && taken.get(v.doc_no) !== undefined) {
      errors.push({ row: n, column: H.doc_no, message: `回款单号“${v.doc_no}”已存在` });
    }
    const customer = v.customer_code === null ? undefined : customers.get(v.customer_code.toLowerCase());
    if (v.customer_code !== null && customer === undefined) errors.push({ row: n, column: H.customer_code, message: unknownCustomer(v.customer_code) });
    const method: ReceiptMethod = v.method ?? 'bank_transfer';
    const bill = method === 'acceptance_bill';
    if (!bill && (v.bill_no !== null || v.bill_maturity !== null)) {
      errors.push({ row: n, column: v.bill_no !== null ? H.bill_no : H.bill_maturity, message: '只有承兑汇票需要填写汇票号码和到期日' });
    }
    if (bill && v.bill_maturity !== null && v.date !== null && v.bill_maturity < v.date) {
      errors.push({ row: n, column: H.bill_maturity, message: `汇票到期日 ${v.bill_maturity} 不能早于日期 ${v.date}` });
    }
    let target: string | null = null;
    if (v.apply_to !== null && customer !== undefined) {
      const inv = invoiceByNo.get(v.apply_to) as { id: string; customer_id: string; doc_date: string; voided: number } | undefined;
      if (inv === undefined) errors.push({ row: n, column: H.apply_to, message: `应收单“${v.apply_to}”不存在` });
      else if (inv.customer_id !== customer.id) errors.push({ row: n, column: H.apply_to, message: `应收单“${v.apply_to}”不属于客户 ${customer.code}` });
      else if (inv.voided === 1) errors.push({ row: n, column: H.apply_to, message: `应收单“${v.apply_to}”已冲销` });
      else if (v.date !== null && inv.doc_date > v.date) {
        errors.push({ row: n, column: H.apply_to, message: `应收单“${v.apply_to}”的日期 ${inv.doc_date} 晚于回款日期 ${v.date}` });
      } else target = inv.id;
    }
    if (!row.ok || customer === undefined || v.doc_no === null || v.date === null || v.amount === null) continue;
    docs.push({
      customerId: customer.id,
      kind: 'receipt',
      side: 'credit',
      docNo: v.doc_no,
      docDate: v.date,
      dueOn: null,
      amountFen: v.amount,
      method,
      billNo: bill ? (v.bill_no ?? '') : '',
      billMaturityOn: bill ? v.bill_maturity : null,
      memo: v.memo ?? '',
      explicitTargets: target === null ? [] : [{ debitId: target, amountFen: v.amount }],
    });
    change.set(customer.id, (change.get(customer.id) ?? 0) - v.amount);
  }
  warnings.push(...creditLimitWarnings(ctx, change, customers, H.customer_code));

  return { rows: mapped.dataRowCount, errors, warnings, units: (batchId) => importUnits(ctx, docs, batchId) };
}

export const receiptImport: ImportKindHandler = {
  kind: 'receipts',
  label: '回款单',
  templateColumns: RECEIPT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.alias,
    kind: c.key === 'amount' ? 'fen' : c.key === 'date' || c.key === 'bill_maturity' ? 'date' : 'text',
  })),
  prepare: prepareReceipts,
  ...ledgerImportUndo,
  discard: discardLedgerImport,
};
