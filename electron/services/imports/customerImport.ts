/**
 * Customer import (issue 3): the column list, per-row checks through the
 * same zod schema as the customer form, duplicates inside the file and
 * against the database, and the batch write / undo.
 */
import type { z } from 'zod';
import { CUSTOMER_KIND_LABELS, CUSTOMER_STATUS_LABELS, customerCreateSchema } from '../../../shared/api/customers';
import { validateEmail, validateMobile, validatePhone } from '../../../shared/validators/contact';
import { formatFen } from '../../../shared/money/format';
import { validateTaxId } from '../../../shared/validators/taxId';
import type { ServiceContext } from '../context';
import {
  codeTakenMessage,
  customerCodeSeries,
  insertCustomer,
  nameTakenMessage,
  removeCustomer,
  type CustomerCreate,
} from '../customers/customers';
import { loadPinyin } from '../customers/pinyinInitials';
import type { XlsxColumn } from '../export/writeXlsx';
import { defineImportColumns } from '../import/columns';
import { findDuplicateKeys } from '../import/duplicates';
import { mapImportRows } from '../import/mapRows';
import type { RawTable } from '../import/readTable';
import type { ImportError, ImportWarning } from '../import/report';
import { findReference } from '../references/registry';
import { amountColumn, codeColumn, daysColumn, enumColumn, textColumn, validatedColumn } from './cells';
import type { ImportKindHandler, PreparedImport } from './kinds';
import { zodIssuesToImportErrors } from './zodErrors';

const KIND_SPELLINGS = {
  '二批/分销': 'distributor',
  二批: 'distributor',
  分销: 'distributor',
  distributor: 'distributor',
  零售: 'retail',
  retail: 'retail',
  终端: 'end_user',
  end_user: 'end_user',
  'end user': 'end_user',
  代理: 'agent',
  agent: 'agent',
} as const;
const GRADE_SPELLINGS = { A: 'A', B: 'B', C: 'C', D: 'D' } as const;
const STATUS_SPELLINGS = {
  正常: 'active',
  active: 'active',
  暂停: 'paused',
  paused: 'paused',
  关闭: 'closed',
  closed: 'closed',
} as const;

/** The columns of issue 3, in the order exports write them. */
export const CUSTOMER_COLUMNS = defineImportColumns([
  // A blank code is numbered in the office's series, as the form suggests one (so the column may be left out too).
  { key: 'code', header: '客户编码', alias: 'code', parse: codeColumn },
  { key: 'name', header: '客户名称', alias: 'name', required: true, parse: textColumn },
  { key: 'short_name', header: '简称', alias: 'short_name', parse: textColumn },
  {
    key: 'kind',
    header: '类型',
    alias: 'kind',
    parse: enumColumn('类型', KIND_SPELLINGS, '二批/分销、零售、终端、代理（或 distributor、retail、end_user、agent）'),
  },
  { key: 'grade', header: '等级', alias: 'grade', parse: enumColumn('等级', GRADE_SPELLINGS, 'A、B、C、D') },
  { key: 'region', header: '地区', alias: 'region', parse: textColumn },
  { key: 'address', header: '地址', alias: 'address', parse: textColumn },
  { key: 'tax_id', header: '统一社会信用代码', alias: 'tax_id', parse: validatedColumn(validateTaxId) },
  { key: 'bank_name', header: '开户行', alias: 'bank_name', parse: textColumn },
  { key: 'bank_account', header: '银行账号', alias: 'bank_account', parse: textColumn },
  { key: 'credit_limit', header: '信用额度', alias: 'credit_limit', parse: amountColumn('信用额度') },
  { key: 'payment_term_days', header: '账期天数', alias: 'payment_term_days', parse: daysColumn('账期天数', 3650) },
  { key: 'salesperson', header: '业务员', alias: 'salesperson', parse: textColumn },
  {
    key: 'status',
    header: '状态',
    alias: 'status',
    parse: enumColumn('状态', STATUS_SPELLINGS, '正常、暂停、关闭（或 active、paused、closed）'),
  },
  { key: 'contact_name', header: '联系人', alias: 'contact_name', parse: textColumn },
  { key: 'mobile', header: '手机', alias: 'mobile', parse: validatedColumn(validateMobile) },
  { key: 'phone', header: '电话', alias: 'phone', parse: validatedColumn(validatePhone) },
  { key: 'email', header: '邮箱', alias: 'email', parse: validatedColumn(validateEmail) },
  { key: 'notes', header: '备注', alias: 'notes', parse: textColumn },
]);

type Key = (typeof CUSTOMER_COLUMNS)[number]['key'];
const HEADER: Record<Key, string> = Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/** Export kinds of the columns: amounts as numbers in yuan, day counts as integers, everything else as text. */
export const CUSTOMER_XLSX_COLUMNS: XlsxColumn[] = CUSTOMER_COLUMNS.map((c) => ({
  header: c.header,
  key: c.alias,
  kind: c.key === 'credit_limit' ? 'fen' : c.key === 'payment_term_days' ? 'int' : 'text',
}));

/** A contact found in a row without a name still keeps its number; it gets this placeholder name and a warning. */
export const UNNAMED_CONTACT = '未命名联系人';

/** zod path of the customer schema -> the column it came from. */
const PATH_COLUMN: Record<string, string> = {
  code: HEADER.code,
  name: HEADER.name,
  shortName: HEADER.short_name,
  kind: HEADER.kind,
  grade: HEADER.grade,
  region: HEADER.region,
  address: HEADER.address,
  taxId: HEADER.tax_id,
  bankName: HEADER.bank_name,
  bankAccount: HEADER.bank_account,
  creditLimitFen: HEADER.credit_limit,
  paymentTermDays: HEADER.payment_term_days,
  salesperson: HEADER.salesperson,
  status: HEADER.status,
  notes: HEADER.notes,
  'contact.name': HEADER.contact_name,
  'contact.mobile': HEADER.mobile,
  'contact.phone': HEADER.phone,
  'contact.email': HEADER.email,
};

type CustomerInput = z.input<typeof customerCreateSchema>;

/** How many parsed rows the preview shows. */
const SAMPLE_ROWS = 5;
const SAMPLE_COLUMNS = [HEADER.code, HEADER.name, HEADER.short_name, HEADER.kind, HEADER.grade, HEADER.region, HEADER.credit_limit, HEADER.payment_term_days, HEADER.contact_name, HEADER.mobile];

/** A row as the importer understood it: the code it will get, kinds in Chinese, amounts in ¥. */
function sampleRow(c: CustomerCreate): string[] {
  return [
    c.code,
    c.name,
    c.shortName,
    c.kind ? CUSTOMER_KIND_LABELS[c.kind] : '',
    c.grade ?? '',
    c.region,
    c.creditLimitFen === null ? '' : formatFen(c.creditLimitFen),
    c.paymentTermDays === null ? '' : `${c.paymentTermDays} 天`,
    c.contact?.name ?? '',
    c.contact?.mobile ?? '',
  ];
}

function prepareCustomers(ctx: ServiceContext, table: RawTable): PreparedImport {
  const mapped = mapImportRows(table, CUSTOMER_COLUMNS);
  const errors: ImportError[] = [...mapped.errors];
  const warnings: ImportWarning[] = [...mapped.warnings];
  const valid: CustomerCreate[] = [];
  const sample: string[][] = [];
  const spelledOut = mapped.rows.flatMap((r) => (typeof r.values.code === 'string' ? [r.values.code] : []));
  const nextCode = customerCodeSeries(ctx, spelledOut);

  for (const row of mapped.rows) {
    if (!row.ok) continue;
    const v = row.values;
    if (v.code === null) {
      v.code = nextCode();
      warnings.push({ row: row.rowNumber, column: HEADER.code, message: `客户编码为空，已自动编为 ${v.code}` });
    }
    const hasContact = v.contact_name !== null || v.mobile !== null || v.phone !== null || v.email !== null;
    if (hasContact && v.contact_name === null) {
      warnings.push({ row: row.rowNumber, column: HEADER.contact_name, message: `填写了联系方式但没有联系人姓名，已记为“${UNNAMED_CONTACT}”` });
    }
    const input: CustomerInput = {
      code: v.code,
      name: v.name,
      shortName: v.short_name ?? '',
      kind: v.kind,
      grade: v.grade,
      region: v.region ?? '',
      address: v.address ?? '',
      taxId: v.tax_id ?? '',
      bankName: v.bank_name ?? '',
      bankAccount: v.bank_account ?? '',
      creditLimitFen: v.credit_limit,
      paymentTermDays: v.payment_term_days,
      salesperson: v.salesperson ?? '',
      status: v.status ?? 'active',
      notes: v.notes ?? '',
      contact: hasContact
        ? { name: v.contact_name ?? UNNAMED_CONTACT, mobile: v.mobile ?? '', phone: v.phone ?? '', email: v.email ?? '', isPrimary: true }
        : null,
    };
    const parsed = customerCreateSchema.safeParse(input);
    if (!parsed.success) {
      errors.push(...zodIssuesToImportErrors(parsed.error, row.rowNumber, PATH_COLUMN));
      continue;
    }
    valid.push(parsed.data);
    if (sample.length < SAMPLE_ROWS) sample.push(sampleRow(parsed.data));
    // Later checks compare the stored forms (whitespace in names collapsed, codes half-width).
    row.values.name = parsed.data.name;
    row.values.code = parsed.data.code;
  }

  const lower = (s: string) => s.toLowerCase();
  errors.push(...findDuplicateKeys(mapped.rows, 'code', HEADER.code, { normalize: lower }));
  errors.push(...findDuplicateKeys(mapped.rows, 'name', HEADER.name));

  // Every code and every name in use, read once: one query instead of two per row.
  const existing = ctx.db.all(ctx.db.k.selectFrom('customers').selectAll());
  const byCode = new Map(existing.map((c) => [c.code.toLowerCase(), c]));
  const byActiveName = new Map(existing.filter((c) => c.archived_at === null).map((c) => [c.name, c]));
  for (const row of mapped.rows) {
    const { code, name } = row.values;
    const codeHolder = typeof code === 'string' ? byCode.get(code.toLowerCase()) : undefined;
    if (codeHolder) errors.push({ row: row.rowNumber, column: HEADER.code, message: codeTakenMessage(String(code), codeHolder) });
    const nameHolder = typeof name === 'string' ? byActiveName.get(name) : undefined;
    if (nameHolder) errors.push({ row: row.rowNumber, column: HEADER.name, message: nameTakenMessage(String(name), nameHolder) });
  }

  return {
    rows: mapped.dataRowCount,
    errors,
    warnings,
    sample: { columns: SAMPLE_COLUMNS, rows: sample },
    write(batchId) {
      for (const input of valid) insertCustomer(ctx, input, { importBatchId: batchId, action: 'import', prechecked: true });
      return valid.length;
    },
  };
}

function customersOfBatch(ctx: ServiceContext, batchId: string) {
  return ctx.db.all(ctx.db.k.selectFrom('customers').selectAll().where('import_batch_id', '=', batchId).orderBy('id'));
}

export const customerImport: ImportKindHandler = {
  kind: 'customers',
  label: '客户',
  templateColumns: CUSTOMER_XLSX_COLUMNS,
  load: async () => {
    await loadPinyin();
  },
  prepare: prepareCustomers,
  undoBlockedReason(ctx, batchId) {
    const ref = findReference(ctx, 'customer', { batchId });
    if (!ref) return null;
    const customer = ctx.db.first(ctx.db.k.selectFrom('customers').select(['code', 'name']).where('id', '=', ref.id));
    return `本批导入的客户“${customer?.name ?? ref.id}”（${customer?.code ?? ''}）已有 ${ref.count} 条${ref.label}，不能撤销；如不再使用，请逐个归档`;
  },
  undo(ctx, batchId, reason) {
    const rows = customersOfBatch(ctx, batchId);
    for (const row of rows) removeCustomer(ctx, row, reason);
    return rows.length;
  },
};

/** Labels used when exporting (the importer reads them back to the same ids). */
export const customerKindLabel = (kind: string | null): string =>
  kind === null ? '' : (CUSTOMER_KIND_LABELS as Record<string, string>)[kind] ?? kind;
export const customerStatusLabel = (status: string): string => (CUSTOMER_STATUS_LABELS as Record<string, string>)[status] ?? status;
