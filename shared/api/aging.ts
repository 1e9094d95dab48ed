/**
 * Aging (账龄分析, issue 6): the per-customer aging report as of any date on
 * either basis, the open items behind one amount, the .xlsx export, and the
 * bucket lists kept in settings. DESIGN §4 "Aging" is the rule book.
 *
 * Conventions: money in integer fen, business dates `YYYY-MM-DD`. A report
 * row's `bucketsFen[i]` is the open amount of the debits whose days fall in
 * `buckets[i]`; `balanceFen` = Σ bucketsFen − unappliedFen. Customers with
 * nothing open and nothing unapplied are left out.
 */
import { z } from 'zod';
import type { AgingBasis, AgingBucket } from '../receivables/aging';
import type { DocKind } from '../receivables/types';
import { businessDate, customerGradeField, customerKindField, customerLayerField, recordId } from './fieldBuilders';
import { method } from './define';
import type { ExportFile } from './imports';
import type { CustomerRef } from './ledger';

export type { AgingBasis, AgingBucket } from '../receivables/aging';

export const AGING_BASES = ['due', 'document'] as const satisfies readonly AgingBasis[];

const basisField = z.enum(AGING_BASES, { error: '账龄基准只能是 due（按到期日）或 document（按单据日期）' }).default('due');

/** Columns the report sorts by: a customer field, a total, or bucket i (`bucket0`, `bucket1`, …). */
export const AGING_SORT_COLUMNS = ['code', 'name', 'balance', 'unapplied', 'overdue'] as const;
export type AgingSortColumn = (typeof AGING_SORT_COLUMNS)[number] | `bucket${number}`;

const sortColumnField = z
  .string({ error: '排序列不正确' })
  .refine((v): v is AgingSortColumn => (AGING_SORT_COLUMNS as readonly string[]).includes(v) || /^bucket\d{1,2}$/.test(v), {
    error: '不能按此列排序',
  });

/** Which customers a report covers; also what the export writes. */
export const agingFilterSchema = z.object({
  /** null = today (in the office's time zone). Documents and voids dated later have not happened. */
  asOf: businessDate('截止日期').nullable().default(null),
  basis: basisField,
  grade: z.array(customerGradeField).default([]),
  /** 客户分层 (issue 14): filterable wherever grades are. */
  layer: z.array(customerLayerField).default([]),
  kind: z.array(customerKindField).default([]),
  /** Exact region; '' = all. */
  region: z.string().trim().max(50).default(''),
  /** Exact salesperson; '' = all. */
  salesperson: z.string().trim().max(50).default(''),
  /** Code, name, short name or pinyin initials, as the customer list searches. */
  search: z.string().trim().max(100).default(''),
  /** Only customers with something overdue (due before asOf): what the dashboard's overdue figure counts. */
  overdueOnly: z.boolean().default(false),
  sort: z
    .object({ column: sortColumnField, direction: z.enum(['asc', 'desc']).default('desc') })
    .default({ column: 'balance', direction: 'desc' }),
});
export type AgingFilter = z.input<typeof agingFilterSchema>;

export const agingReportSchema = agingFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  /** null = every row (CLI, export). */
  limit: z.number().int().min(1).max(10_000).nullable().default(null),
});
export type AgingReportInput = z.input<typeof agingReportSchema>;

export const agingOpenItemsSchema = z.object({
  customerId: recordId('客户'),
  asOf: businessDate('截止日期').nullable().default(null),
  basis: basisField,
  /** Index into the basis' bucket list; null = every open item. */
  bucket: z.number().int().min(0).max(99).nullable().default(null),
});
export type AgingOpenItemsInput = z.input<typeof agingOpenItemsSchema>;

const bucketSchema = z.object({
  key: z.string().trim().max(20).default(''),
  label: z.string({ error: '请填写区间名称' }).trim().max(20, { error: '区间名称不能超过 20 个字符' }),
  minDays: z.number({ error: '天数必须是整数' }).int({ error: '天数必须是整数' }).nullable(),
  maxDays: z.number({ error: '天数必须是整数' }).int({ error: '天数必须是整数' }).nullable(),
});

export const updateAgingBucketsSchema = z.object({
  basis: z.enum(AGING_BASES, { error: '账龄基准只能是 due 或 document' }),
  /** Contiguous, no overlap, open-ended at both ends (validateBuckets); keys left '' are derived from the ranges. */
  buckets: z.array(bucketSchema, { error: '账龄区间必须是列表' }).min(2, { error: '账龄区间至少需要 2 个' }).max(20, {
    error: '账龄区间最多 20 个',
  }),
});
export type UpdateAgingBucketsInput = z.input<typeof updateAgingBucketsSchema>;

export const resetAgingBucketsSchema = z.object({ basis: z.enum(AGING_BASES, { error: '账龄基准只能是 due 或 document' }) });

// ---------------------------------------------------------------- outputs

export interface AgingRow {
  customerId: string;
  code: string;
  name: string;
  grade: string | null;
  kind: string | null;
  region: string;
  salesperson: string;
  /** Σ bucketsFen − unappliedFen. */
  balanceFen: number;
  /** Credits not yet applied (预收), a separate column. */
  unappliedFen: number;
  bucketsFen: number[];
  /** Open on debits whose due date is before asOf (days ≥ 1 on the due basis), whatever the bucket list. */
  overdueFen: number;
}

export interface AgingTotals {
  balanceFen: number;
  unappliedFen: number;
  bucketsFen: number[];
  overdueFen: number;
}

export interface AgingReport {
  asOf: string;
  basis: AgingBasis;
  buckets: AgingBucket[];
  /** The requested page of rows, in the requested order. */
  rows: AgingRow[];
  /** Rows matching the filter, all pages together. */
  total: number;
  /** Over every matching row, not only this page. */
  totals: AgingTotals;
}

export interface AgingOpenItem {
  debitId: string;
  kind: DocKind;
  docNo: string;
  date: string;
  dueOn: string | null;
  amountFen: number;
  /** Open as of asOf. */
  openFen: number;
  /** asOf − due date (due basis) or − document date (document basis). */
  days: number;
  bucket: number;
  memo: string;
}

export interface AgingUnappliedCredit {
  creditId: string;
  kind: DocKind;
  docNo: string;
  date: string;
  amountFen: number;
  unappliedFen: number;
  memo: string;
}

export interface AgingOpenItems {
  customer: CustomerRef;
  asOf: string;
  basis: AgingBasis;
  buckets: AgingBucket[];
  /** The bucket asked for, or null for all. */
  bucket: number | null;
  /** Oldest first (most days first). */
  items: AgingOpenItem[];
  totalFen: number;
  /** Only when no bucket was asked for: the credits behind the unapplied column. */
  credits: AgingUnappliedCredit[];
  unappliedFen: number;
}

export interface AgingBucketSettings {
  due: AgingBucket[];
  document: AgingBucket[];
  /** Whether each list is the built-in default (never saved, or reset). */
  dueIsDefault: boolean;
  documentIsDefault: boolean;
}

// ---------------------------------------------------------------- methods

const AGING_READS = ['ar_documents', 'ar_allocations', 'ar_customer_state', 'customers', 'settings'] as const;

export const agingMethods = {
  'aging.report': method<AgingReport>()(agingReportSchema, AGING_READS),
  'aging.openItems': method<AgingOpenItems>()(agingOpenItemsSchema, [...AGING_READS, 'ar_explicit_targets']),
  'aging.exportXlsx': method<ExportFile>()(agingFilterSchema, []),
  /** The report as a landscape A4 PDF, through the statement PDF layer. */
  'aging.exportPdf': method<ExportFile>()(agingFilterSchema, []),
  'aging.buckets': method<AgingBucketSettings>()(z.object({}), ['settings']),
  'aging.updateBuckets': method<AgingBucketSettings>()(updateAgingBucketsSchema, []),
  'aging.resetBuckets': method<AgingBucketSettings>()(resetAgingBucketsSchema, []),
};
