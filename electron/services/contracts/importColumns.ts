/**
 * The columns of the contract import (issue 4), which are also the columns
 * of the contract export so an exported list re-imports unchanged. One row
 * per contract line; rows with the same 合同号 form one contract.
 * 合同金额, 付款条款 and 返利条款 are optional extras beyond the list:
 * without them a framework agreement's amount and the terms would not
 * survive an export and re-import.
 */
import {
  CONTRACT_KINDS,
  CONTRACT_KIND_LABELS,
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  type ContractKind,
  type ContractStatus,
} from '../../../shared/api/contractEnums';
import { parseBusinessDate } from '../../../shared/dates/parseDate';
import { parseQuantityToThousandths } from '../../../shared/money/quantity';
import type { XlsxColumn } from '../export/writeXlsx';
import { defineImportColumns, invalidCell, type CellParseResult, type FilledCell, type ImportCellContext } from '../import/columns';
import { amountColumn, codeColumn, enumColumn, textColumn } from '../imports/cells';

const spellings = <T extends string>(ids: readonly T[], labels: Readonly<Record<T, string>>): Record<string, T> =>
  Object.fromEntries(ids.flatMap((id) => [[id, id], [labels[id], id]]));

const kindColumn = enumColumn<ContractKind>(
  '合同类型',
  // 年度协议 and 框架合同 are how clerks shorten the names; both are unambiguous.
  { ...spellings(CONTRACT_KINDS, CONTRACT_KIND_LABELS), 年度协议: 'annual', 经销协议: 'annual', 框架合同: 'framework', 销售: 'sales' },
  CONTRACT_KINDS.map((k) => CONTRACT_KIND_LABELS[k]).join('、'),
);

const statusColumn = enumColumn<ContractStatus>(
  '状态',
  { ...spellings(CONTRACT_STATUSES, CONTRACT_STATUS_LABELS), 已生效: 'active', 执行中: 'active', 已完成: 'completed', 已终止: 'terminated' },
  CONTRACT_STATUSES.map((s) => CONTRACT_STATUS_LABELS[s]).join('、'),
);

function dateColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  if (typeof cell === 'boolean') return invalidCell(`${ctx.header}应为日期，例如 2026-03-05`);
  return parseBusinessDate(cell, ctx.header);
}

function quantityColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<number> {
  if (typeof cell !== 'string' && typeof cell !== 'number') return invalidCell(`${ctx.header}应为数字，例如 12 或 1.5`);
  return parseQuantityToThousandths(cell, ctx.header);
}

function contractNoColumn(cell: FilledCell, ctx: ImportCellContext): CellParseResult<string> {
  const code = codeColumn(cell, ctx);
  if (code.ok && code.value.length > 40) return invalidCell(`${ctx.header}不能超过 40 个字符`);
  return code;
}

export const CONTRACT_IMPORT_COLUMNS = defineImportColumns([
  { key: 'contract_no', header: '合同号', alias: 'contract_no', required: true, parse: contractNoColumn },
  { key: 'customer_code', header: '客户编码', alias: 'customer_code', required: true, parse: codeColumn },
  { key: 'title', header: '合同名称', alias: 'title', parse: textColumn },
  { key: 'kind', header: '合同类型', alias: 'kind', parse: kindColumn },
  { key: 'signed_on', header: '签订日期', alias: 'signed_on', parse: dateColumn },
  { key: 'starts_on', header: '开始日期', alias: 'starts_on', parse: dateColumn },
  { key: 'ends_on', header: '结束日期', alias: 'ends_on', parse: dateColumn },
  { key: 'status', header: '状态', alias: 'status', parse: statusColumn },
  { key: 'product_code', header: '产品编码', alias: 'product_code', parse: codeColumn },
  { key: 'description', header: '品名', alias: 'description', parse: textColumn },
  { key: 'spec', header: '规格', alias: 'spec', parse: textColumn },
  { key: 'unit', header: '单位', alias: 'unit', parse: textColumn },
  { key: 'qty', header: '数量', alias: 'qty', parse: quantityColumn },
  { key: 'unit_price', header: '单价', alias: 'unit_price', parse: amountColumn('单价') },
  { key: 'notes', header: '备注', alias: 'notes', parse: textColumn },
  // Optional extras (see the file comment).
  { key: 'amount', header: '合同金额', alias: 'amount', parse: amountColumn('合同金额') },
  { key: 'payment_terms', header: '付款条款', alias: 'payment_terms', parse: textColumn },
  { key: 'rebate_terms', header: '返利条款', alias: 'rebate_terms', parse: textColumn },
  // Informational columns of the export: read so a re-import does not warn about them; the customer
  // name and the line amount are always taken from the customer file and from qty × price.
  { key: 'customer_name', header: '客户名称', alias: 'customer_name', parse: textColumn },
  { key: 'line_amount', header: '金额', alias: 'line_amount', parse: amountColumn('金额') },
]);

export type ContractImportColumns = typeof CONTRACT_IMPORT_COLUMNS;

/** Column header of each import key, for messages. */
export const CONTRACT_COLUMN_HEADER: Readonly<Record<string, string>> = Object.fromEntries(
  CONTRACT_IMPORT_COLUMNS.map((c) => [c.key, c.header]),
);

const XLSX_KIND: Partial<Record<string, XlsxColumn['kind']>> = {
  signed_on: 'date',
  starts_on: 'date',
  ends_on: 'date',
  unit_price: 'fen',
  amount: 'fen',
  line_amount: 'fen',
};

/** Export order: the columns first, the line amount beside the price, informational columns where a reader expects them. */
const EXPORT_ORDER = [
  'contract_no',
  'customer_code',
  'customer_name',
  'title',
  'kind',
  'signed_on',
  'starts_on',
  'ends_on',
  'status',
  'product_code',
  'description',
  'spec',
  'unit',
  'qty',
  'unit_price',
  'line_amount',
  'amount',
  'payment_terms',
  'rebate_terms',
  'notes',
] as const;

export const CONTRACT_XLSX_COLUMNS: XlsxColumn[] = EXPORT_ORDER.map((key) => ({
  header: CONTRACT_COLUMN_HEADER[key],
  key,
  kind: XLSX_KIND[key] ?? 'text',
}));
