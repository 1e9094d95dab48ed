/**
 * `import opening` (期初余额, issue 5): 客户编码, 日期, 到期日 (optional,
 * default = 日期), 金额 (non-zero; negative = prepayment 预收, stored as a
 * credit-side opening), 摘要. Numbers are assigned automatically (QC…). A
 * customer may have several opening rows (e.g. one per old open invoice, so
 * aging sees their real due dates).
 */
import type { ServiceContext } from '../../context';
import { defineImportColumns } from '../../import/columns';
import { mapImportRows } from '../../import/mapRows';
import type { RawTable } from '../../import/readTable';
import type { ImportError, ImportWarning } from '../../import/report';
import { codeColumn } from '../../imports/cells';
import type { ImportKindHandler, PreparedImport } from '../../imports/kinds';
import type { NewDocument } from '../insertDocument';
import { DocNumberSeries } from '../numbering';
import {
  creditLimitWarnings,
  customersByCode,
  dateColumn,
  limitedText,
  signedAmountColumn,
  unknownCustomer,
  importUnits,
} from './common';
import { ledgerImportUndo } from './undoImport';
import { discardLedgerImport } from './discardImport';

export const OPENING_COLUMNS = defineImportColumns([
  { key: 'customer_code', header: '客户编码', alias: 'customer_code', required: true, parse: codeColumn },
  { key: 'date', header: '日期', alias: 'date', required: true, parse: dateColumn },
  { key: 'due_date', header: '到期日', alias: 'due_date', parse: dateColumn },
  { key: 'amount', header: '金额', alias: 'amount', required: true, parse: signedAmountColumn },
  { key: 'memo', header: '摘要', alias: 'memo', parse: limitedText(200) },
]);

type Key = (typeof OPENING_COLUMNS)[number]['key'];
const H: Record<Key, string> = Object.fromEntries(OPENING_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/** The resolved rows; numbers are taken only when writing, so a dry run assigns none. */
type PendingOpening = Omit<NewDocument, 'docNo'>;

function prepareOpenings(ctx: ServiceContext, table: RawTable): PreparedImport {
  const mapped = mapImportRows(table, OPENING_COLUMNS);
  const errors: ImportError[] = [...mapped.errors];
  const warnings: ImportWarning[] = [...mapped.warnings];
  const customers = customersByCode(ctx);
  const pending: PendingOpening[] = [];
  const change = new Map<string, number>();

  for (const row of mapped.rows) {
    const v = row.values;
    const n = row.rowNumber;
    const customer = v.customer_code === null ? undefined : customers.get(v.customer_code.toLowerCase());
    if (v.customer_code !== null && customer === undefined) errors.push({ row: n, column: H.customer_code, message: unknownCustomer(v.customer_code) });
    const debit = v.amount === null || v.amount > 0;
    if (debit && v.date !== null && v.due_date !== null && v.due_date < v.date) {
      errors.push({ row: n, column: H.due_date, message: `到期日 ${v.due_date} 不能早于日期 ${v.date}` });
    }
    if (!debit && v.due_date !== null) {
      warnings.push({ row: n, column: H.due_date, message: '预收（负数）期初没有到期日，已忽略该到期日' });
    }
    if (!row.ok || customer === undefined || v.date === null || v.amount === null) continue;
    pending.push({
      customerId: customer.id,
      kind: 'opening',
      side: debit ? 'debit' : 'credit',
      docDate: v.date,
      dueOn: debit ? (v.due_date ?? v.date) : null,
      amountFen: Math.abs(v.amount),
      memo: v.memo ?? '',
    });
    change.set(customer.id, (change.get(customer.id) ?? 0) + v.amount);
  }
  warnings.push(...creditLimitWarnings(ctx, change, customers, H.customer_code));

  return {
    rows: mapped.dataRowCount,
    errors,
    warnings,
    units(batchId) {
      const numbers = new DocNumberSeries(ctx);
      return importUnits(
        ctx,
        pending.map((p) => ({ ...p, docNo: numbers.take('opening', p.docDate) })),
        batchId,
      );
    },
  };
}

export const openingImport: ImportKindHandler = {
  kind: 'opening',
  label: '期初余额',
  templateColumns: OPENING_COLUMNS.map((c) => ({
    header: c.header,
    key: c.alias,
    kind: c.key === 'amount' ? 'fen' : c.key === 'date' || c.key === 'due_date' ? 'date' : 'text',
  })),
  prepare: prepareOpenings,
  ...ledgerImportUndo,
  discard: discardLedgerImport,
};
