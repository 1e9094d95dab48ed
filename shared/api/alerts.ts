/**
 * Alerts (预警) and today's collection list (今日催收), issue 7. DESIGN §4
 * "Alerts" is the rule book; registered in contract.ts with one line.
 *
 * Alerts are computed for a date D (default today) and never stored; only
 * snoozes and acknowledgements are (table alert_acks, audited). What each
 * kind means exactly, what `amountFen` and `days` carry, and what counts as
 * "worse" is documented in electron/services/alerts/rules/* and
 * shared/alerts/worse.ts:
 *
 * | kind | key | amountFen | days |
 * |---|---|---|---|
 * | overdue | overdue:<customerId> | overdue total | days overdue of the oldest item |
 * | credit_limit | credit_limit:<customerId> | balance | null |
 * | installment_due | installment_due:<installmentId> | unpaid part | days until due (negative: past) |
 * | contract_expiring | contract_expiring:<contractId> | null | days until the end date |
 * | contract_ended_with_balance | contract_ended_with_balance:<contractId> | outstanding on its invoices | days since the end date, or null |
 * | follow_up_due | follow_up_due:<interactionId> | null | days since the follow-up date |
 * | promise_broken | promise_broken:<interactionId> | shortfall | days since the promised date |
 * | churn | churn:<customerId> | null | days since the last invoice |
 * | statement_unconfirmed | statement_unconfirmed:<statementId> | closing balance | days since sent |
 *
 * Collection ranking (collection.today): customers with overdue items or a
 * broken promise as of D. Broken promises first; then by the age-weighted
 * overdue amount Σ open × (1 + days overdue / 30); customers whose latest
 * promise is still pending (promised on or before D, due on or after D, not
 * yet paid in full) — e.g. one who just promised on the phone — last.
 */
import { z } from 'zod';
import { alertSettingsSchema, type AlertSettings } from '../alerts/settings';
import type { AlertKind, AlertSeverity } from '../alerts/kinds';
import type { AlertAck, AlertView } from '../alerts/types';
import { optionalText, requiredText } from '../schemas/fields';
import { businessDate, optionalFen, recordId, type Interaction, type InteractionChannel } from './customers';
import { method } from './define';
import type { ExportFile } from './imports';

export * from '../alerts/kinds';
export type { Alert, AlertAck, AlertFacts, AlertView } from '../alerts/types';
export { alertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../alerts/settings';

/** Every table an alert or the collection list is computed from (a write to any refreshes them). */
export const ALERT_READS = [
  'ar_documents',
  'ar_allocations',
  'ar_customer_state',
  'customers',
  'contacts',
  'contracts',
  'contract_installments',
  'interactions',
  'statements',
  'alert_acks',
  'settings',
  'rebate_targets',
  'rebate_settlements',
] as const;

const asOfField = businessDate('日期').nullable().default(null);

export const alertListSchema = z.object({
  /** null = today in the office time zone. */
  asOf: asOfField,
  /** Also the snoozed and acknowledged ones, each with its state. */
  all: z.boolean().default(false),
  /** 只看我的: only customers whose 业务员 is the acting user (electron/services/alerts/mine.ts). */
  mine: z.boolean().default(false),
});
export type AlertListInput = z.input<typeof alertListSchema>;

export interface AlertList {
  asOf: string;
  /** Kind order of ALERT_KINDS, then critical first, then the larger amount, then the customer code. */
  alerts: AlertView[];
}

export interface AlertCounts {
  asOf: string;
  /** Active alerts (the nav badge). */
  total: number;
  bySeverity: Record<AlertSeverity, number>;
  byKind: Record<AlertKind, number>;
  /** Snoozed or acknowledged, not counted above. */
  hidden: number;
  /**
   * What the nav badge shows (issue 16.8): active alerts that are critical,
   * new today, or back because they got worse (shared/alerts/needsAction.ts).
   */
  needsAction: number;
  /** Active alerts that first hold today. */
  newToday: number;
}

const alertKeyField = z
  .string({ error: '缺少预警' })
  .trim()
  .min(3, { error: '缺少预警' })
  .max(200, { error: '预警标识不正确' });

export const snoozeSchema = z.object({
  key: alertKeyField,
  /** Hidden until this date (it shows again on the day); must be after today. */
  until: businessDate('暂缓日期'),
  note: optionalText('备注', 500),
});
export type SnoozeInput = z.input<typeof snoozeSchema>;

export const acknowledgeSchema = z.object({
  key: alertKeyField,
  note: requiredText('处理说明', 500),
});
export type AcknowledgeInput = z.input<typeof acknowledgeSchema>;

export interface AckResult {
  key: string;
  ack: AlertAck;
}

// ---------------------------------------------------------------- collection

/** The parts of 今日催收 a list or a link can ask for. */
export const COLLECTION_SHOWS = ['all', 'overdue', 'promise'] as const;
export type CollectionShow = (typeof COLLECTION_SHOWS)[number];

export const collectionTodaySchema = z.object({
  asOf: asOfField,
  /** Rows returned (the ranking covers everyone; `total` says how many there are). */
  limit: z.number().int().min(1).max(10_000).default(500),
  /** Rows skipped (the list page reads it page by page as the clerk scrolls). */
  offset: z.number().int().min(0).default(0),
  /** 只看我的: only customers whose 业务员 is the acting user; total and counts then cover those alone. */
  mine: z.boolean().default(false),
  /**
   * Which part of the list: overdue = customers with something overdue (overdueCustomers),
   * promise = on the list only for a broken promise (brokenPromiseCustomers). Ranks stay those of the whole list.
   */
  show: z.enum(COLLECTION_SHOWS, { error: '显示范围只能是 all、overdue 或 promise' }).default('all'),
});
export type CollectionTodayInput = z.input<typeof collectionTodaySchema>;

export const COLLECTION_GROUPS = ['broken', 'normal', 'promised'] as const;
export type CollectionGroup = (typeof COLLECTION_GROUPS)[number];

export interface OverdueItem {
  docId: string;
  docNo: string;
  docDate: string;
  dueOn: string;
  openFen: number;
  /** Days overdue as of the date (≥ 1). */
  days: number;
}

export interface CollectionPromise {
  interactionId: string;
  /** The day the promise was made (the interaction's date). */
  madeOn: string;
  promiseDate: string;
  amountFen: number;
  /** Receipts dated from madeOn up to the promised date (and not after the list's date). */
  receivedFen: number;
  /** broken: date passed, paid less; kept: paid in full; pending: not yet due, not yet paid in full. */
  status: 'broken' | 'kept' | 'pending';
}

export interface CollectionRow {
  rank: number;
  group: CollectionGroup;
  customerId: string;
  customerCode: string;
  customerName: string;
  /** Σ open × (1 + days / 30), rounded to the fen: the ranking figure. */
  weightedFen: number;
  overdueFen: number;
  overdueCount: number;
  /** Days overdue of the oldest item; 0 without overdue items. */
  oldestDays: number;
  balanceFen: number;
  contact: { name: string; mobile: string; phone: string } | null;
  lastInteraction: { date: string; channel: InteractionChannel; summary: string } | null;
  /** The customer's latest promise to pay, made on or before the date. */
  promise: CollectionPromise | null;
  /** Oldest first. */
  items: OverdueItem[];
}

export interface CollectionList {
  asOf: string;
  /**
   * Customers in the part asked for (`show`; rows may be fewer, see limit/offset). With show = all:
   * everyone on the list = overdueCustomers + brokenPromiseCustomers.
   */
  total: number;
  /** Customers on the whole list with overdue items (the dashboard's overdueCustomers: the same customers, the same overdueFen). */
  overdueCustomers: number;
  /** Customers on the whole list only for a broken promise (nothing overdue). */
  brokenPromiseCustomers: number;
  /** Overdue total of the whole list. */
  overdueFen: number;
  rows: CollectionRow[];
}

export const logCallSchema = z
  .object({
    customerId: recordId('客户'),
    summary: requiredText('通话内容', 2000),
    promiseDate: businessDate('承诺付款日期').nullable().default(null),
    promiseAmountFen: optionalFen('承诺付款金额', true).default(null),
    nextFollowUp: businessDate('下次跟进日期').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    // The promise_broken rule needs both halves of a promise.
    if (v.promiseDate !== null && v.promiseAmountFen === null) {
      ctx.addIssue({ code: 'custom', path: ['promiseAmountFen'], message: '填写了承诺付款日期，请同时填写承诺付款金额' });
    }
    if (v.promiseAmountFen !== null && v.promiseDate === null) {
      ctx.addIssue({ code: 'custom', path: ['promiseDate'], message: '填写了承诺付款金额，请同时填写承诺付款日期' });
    }
  });
export type LogCallInput = z.input<typeof logCallSchema>;

// ---------------------------------------------------------------- methods

export const alertMethods = {
  'alerts.list': method<AlertList>()(alertListSchema, ALERT_READS),
  'alerts.counts': method<AlertCounts>()(z.object({ asOf: asOfField }), ALERT_READS),
  'alerts.snooze': method<AckResult>()(snoozeSchema, []),
  'alerts.acknowledge': method<AckResult>()(acknowledgeSchema, []),
  'alerts.settings': method<AlertSettings>()(z.object({}), ['settings']),
  'alerts.updateSettings': method<AlertSettings>()(alertSettingsSchema, []),
  'collection.today': method<CollectionList>()(collectionTodaySchema, ALERT_READS),
  /** A phone call (T) dated today; the promise date may not be before today. */
  'collection.logCall': method<Interaction>()(logCallSchema, []),
  /** The whole list of the date (every row, whatever limit says) as .xlsx / as a landscape PDF to print. */
  'collection.exportXlsx': method<ExportFile>()(collectionTodaySchema, []),
  'collection.exportPdf': method<ExportFile>()(collectionTodaySchema, []),
};
