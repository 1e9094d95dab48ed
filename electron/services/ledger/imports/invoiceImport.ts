/**
 * `import invoices` (应收单, issue 5): 单号 (required, unique among
 * invoices), 客户编码 (required), 日期 (required), 到期日 (optional, not
 * before 日期; blank = 日期 + the customer's 账期 or the default), 金额
 * (> 0), 合同号, 发票号码, 摘要, 合同行 (optional, needs 合同号: the
 * contract line shipped, by line number, product code or description; what a
 * per-product-line rebate target counts). All-or-nothing; the credit limit never
 * blocks, customers ending over it are listed as warnings.
 */
import { addDays } from '../../../../shared/dates/calendar';
import type { ServiceContext } from '../../context';
import { defineImportColumns } from '../../import/columns';
import { findDuplicateKeys } from '../../import/duplicates';
import { mapImportRows } from '../../import/mapRows';
import type { RawTable } from '../../import/readTable';
import type { ImportError, ImportWarning } from '../../import/report';
import type { ImportKindHandler, PreparedImport } from '../../imports/kinds';
import { getReceivablesSettings } from '../../settings/receivables';
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
import { codeColumn } from '../../imports/cells';
import { contractLineResolver } from '../../contracts/lineRef';

export const INVOICE_COLUMNS = defineImportColumns([
  { key: 'doc_no', header: '单号', alias: 'doc_no', required: true, parse: docNoColumn },
  { key: 'customer_code', header: '客户编码', alias: 'customer_code', required: true, parse: codeColumn },
  { key: 'date', header: '日期', alias: 'date', required: true, parse: dateColumn },
  { key: 'due_date', header: '到期日', alias: 'due_date', parse: dateColumn },
  { key: 'amount', header: '金额', alias: 'amount', required: true, parse: positiveAmountColumn },
  { key: 'contract_no', header: '合同号', alias: 'contract_no', parse: codeColumn },
  { key: 'vat_invoice_no', header: '发票号码', alias: 'vat_invoice_no', parse: limitedText(40) },
  { key: 'memo', header: '摘要', alias: 'memo', parse: limitedText(200) },
  // Added after the first release: appended, so existing files and templates keep their meaning.
  { key: 'contract_line', header: '合同行', alias: 'contract_line', parse: limitedText(200) },
]);

type Key = (typeof INVOICE_COLUMNS)[number]['key'];
const H: Record<Key, string> = Object.fromEntries(INVOICE_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

interface ContractFacts {
  id: string;
  contract_no: string;
  customer_id: string;
  status: string;
}

function prepareInvoices(ctx: ServiceContext, table: RawTable): PreparedImport {
  const mapped = mapImportRows(table, INVOICE_COLUMNS);
  const errors: ImportError[] = [...mapped.errors];
  const warnings: ImportWarning[] = [...mapped.warnings];
  errors.push(...findDuplicateKeys(mapped.rows, 'doc_no', H.doc_no));

  const customers = customersByCode(ctx);
  const defaultTerm = getReceivablesSettings(ctx).defaultPaymentTermDays;
  const taken = ctx.db.prepare(`SELECT 1 FROM ar_documents WHERE kind = 'invoice' AND doc_no = ?`);
  const contractByNo = ctx.db.prepare(`SELECT id, contract_no, customer_id, status FROM contracts WHERE contract_no = ? COLLATE NOCASE`);
  const lineOf = contractLineResolver(ctx);
  const docs: NewDocument[] = [];
  const change = new Map<string, number>();

  for (const row of mapped.rows) {
    const v = row.values;
    const n = row.rowNumber;
    if (v.doc_no !== null && taken.get(v.doc_no) !== undefined) {
      errors.push({ row: n, column: H.doc_no, message: `应收单单号“${v.doc_no}”已存在` });
    }
    const customer = v.customer_code === null ? undefined : customers.get(v.customer_code.toLowerCase());
    if (v.customer_code !== null && customer === undefined) errors.push({ row: n, column: H.customer_code, message: unknownCustomer(v.customer_code) });
    if (v.date !== null && v.due_date !== null && v.due_date < v.date) {
      errors.push({ row: n, column: H.due_date, message: `到期日 ${v.due_date} 不能早于日期 ${v.date}` });
    }
    let contract: ContractFacts | undefined;
    if (v.contract_no !== null) {
      contract = contractByNo.get(v.contract_no) as ContractFacts | undefined;
      if (contract === undefined) errors.push({ row: n, column: H.contract_no, message: `合同号“${v.contract_no}”不存在` });
      else if (customer !== undefined && contract.customer_id !== customer.id) {
        errors.push({ row: n, column: H.contract_no, message: `合同 ${contract.contract_no} 不属于客户 ${customer.code}` });
      } else if (contract.status === 'draft') {
        warnings.push({ row: n, column: H.contract_no, message: `合同 ${contract.contract_no} 仍是草稿` });
      }
    }
    let contractLineId: string | null = null;
    if (v.contract_line !== null) {
      if (v.contract_no === null) errors.push({ row: n, column: H.contract_line, message: `填写了${H.contract_line}，请同时填写${H.contract_no}` });
      else if (contract !== undefined) {
        const line = lineOf(contract, v.contract_line);
        if (line.ok) contractLineId = line.line.id;
        else errors.push({ row: n, column: H.contract_line, message: line.message });
      }
    }
    if (!row.ok || customer === undefined || v.doc_no === null || v.date === null || v.amount === null) continue;
    docs.push({
      customerId: customer.id,
      kind: 'invoice',
      side: 'debit',
      docNo: v.doc_no,
      docDate: v.date,
      dueOn: v.due_date ?? addDays(v.date, customer.payment_term_days ?? defaultTerm),
      amountFen: v.amount,
      contractId: contract?.id ?? null,
      contractLineId,
      vatInvoiceNo: v.vat_invoice_no ?? '',
      memo: v.memo ?? '',
    });
    change.set(customer.id, (change.get(customer.id) ?? 0) + v.amount);
  }
  warnings.push(...creditLimitWarnings(ctx, change, customers, H.customer_code));

  return { rows: mapped.dataRowCount, errors, warnings, units: (batchId) => importUnits(ctx, docs, batchId) };
}

export const invoiceImport: ImportKindHandler = {
  kind: 'invoices',
  label: '应收单',
  templateColumns: INVOICE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.alias,
    kind: c.key === 'amount' ? 'fen' : c.key === 'date' || c.key === 'due_date' ? 'date' : 'text',
  })),
  prepare: prepareInvoices,
  ...ledgerImportUndo,
  discard: discardLedgerImport,
};
