/**
 * The customer file (客户档案, issue 3): customers, contacts, interactions
 * (往来记录) and the contact calendar. Products and imports live beside it
 * (products.ts, imports.ts) and are merged into `customerFileMethods`, the
 * one map registered in contract.ts.
 *
 * Conventions: money in integer fen (the UI parses typed amounts with
 * parseAmountToFen before sending), business dates `YYYY-MM-DD`, enums as the
 * English ids of customerEnums.ts. Every schema here is also the UI form's
 * validator, so the message under a field is the service's message.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { plainText, plainValidated, withDefaults } from '../schemas/editableFields';
import { optionalText, requiredText } from '../schemas/fields';
import { validateEmail, validateMobile, validatePhone } from '../validators/contact';
import { validateTaxId } from '../validators/taxId';
import {
  MAX_PAYMENT_TERM_DAYS,
  type CustomerGrade,
  type CustomerKind,
  type CustomerStatus,
  type InteractionChannel,
} from './customerEnums';
import { method } from './define';
import { importMethods, type ExportFile } from './imports';
import { productMethods } from './products';
import type { CustomerLayer } from '../evaluation/enums';

export * from './customerEnums';

// ---------------------------------------------------------------- field builders
// In a module of their own (other areas' schemas use them without building the customer file's); re-exported here as before.
import { businessDate, codeField, customerGradeField, customerKindField, customerLayerField, customerStatusField, interactionChannelField, optionalFen, recordId } from './fieldBuilders';
export { businessDate, codeField, customerGradeField, customerKindField, customerLayerField, customerStatusField, interactionChannelField, optionalFen, recordId };

const bankAccountField = plainText('银行账号', 50).refine((v) => v === '' || /^[0-9 -]{6,40}$/.test(v), {
  error: '银行账号只能包含数字、空格和短横线（6–40 位）',
});

const tagsField = z
  .array(z.string({ error: '标签必须是文本' }).trim().min(1, { error: '标签不能为空' }).max(20, { error: '每个标签不能超过 20 个字符' }), {
    error: '标签必须是列表',
  })
  .max(20, { error: '标签不能超过 20 个' })
  // Order kept, repeats dropped: the clerk sees the tags as typed.
  .transform((tags) => [...new Set(tags)]);

// ---------------------------------------------------------------- customers

/**
 * The editable customer fields without defaults: `customerCreateSchema` adds
 * the defaults, `customerUpdateSchema` makes every field optional (see
 * editableFields.ts for why the two must not share defaulted fields).
 */
const customerShape = {
  code: codeField('客户编码'),
  name: requiredText('客户名称', 100).transform((v) => v.replace(/[\s\u3000]+/g, ' ')),
  shortName: plainText('简称', 50),
  kind: customerKindField.nullable(),
  grade: customerGradeField.nullable(),
  region: plainText('地区', 50),
  address: plainText('地址', 300),
  taxId: plainValidated('统一社会信用代码', 30, validateTaxId),
  bankName: plainText('开户行', 100),
  bankAccount: bankAccountField,
  creditLimitFen: optionalFen('信用额度'),
  /** null = the settings default (receivables.defaultPaymentTermDays). */
  paymentTermDays: z
    .number({ error: '账期天数必须是整数' })
    .int({ error: '账期天数必须是整数' })
    .min(0, { error: '账期天数不能为负数' })
    .max(MAX_PAYMENT_TERM_DAYS, { error: `账期天数不能超过 ${MAX_PAYMENT_TERM_DAYS} 天` })
    .nullable(),
  salesperson: plainText('业务员', 50),
  status: customerStatusField,
  tags: tagsField,
  notes: plainText('备注', 2000),
  /** 客户分层 重点/普通/潜在 (issue 14), beside the grade. */
  layer: customerLayerField.nullable(),
  /** The customer's own visit interval; null = the plan of its layer or grade (settings). */
  visitIntervalDays: z
    .number({ error: '回访周期必须是整数天数' })
    .int({ error: '回访周期必须是整数天数' })
    .min(1, { error: '回访周期至少为 1 天' })
    .max(3650, { error: '回访周期不能超过 3650 天' })
    .nullable(),
};

const contactShape = {
  name: requiredText('联系人姓名', 50),
  title: plainText('职务', 50),
  mobile: plainValidated('手机', 30, validateMobile),
  phone: plainValidated('电话', 50, validatePhone),
  email: plainValidated('邮箱', 254, validateEmail),
  wechat: plainText('微信', 50),
};

export const contactFieldsSchema = z.object({
  ...withDefaults(contactShape, { title: '', mobile: '', phone: '', email: '', wechat: '' }),
  isPrimary: z.boolean().default(false),
});
export type ContactFieldsInput = z.input<typeof contactFieldsSchema>;

export const customerCreateSchema = z.object({
  ...withDefaults(customerShape, {
    shortName: '',
    kind: null,
    grade: null,
    region: '',
    address: '',
    taxId: '',
    bankName: '',
    bankAccount: '',
    creditLimitFen: null,
    paymentTermDays: null,
    salesperson: '',
    status: 'active',
    tags: [],
    notes: '',
    layer: null,
    visitIntervalDays: null,
  }),
  /** Optional first contact, saved as the primary one in the same transaction. */
  contact: contactFieldsSchema.nullable().default(null),
});
export type CustomerCreateInput = z.input<typeof customerCreateSchema>;

export const customerUpdateSchema = z.object({ id: recordId('客户') }).extend(z.object(customerShape).partial().shape).extend({
  /** The updatedAt the form was loaded with; if the record changed since, the save is refused (two PCs editing). */
  expectedUpdatedAt: z.string().nullable().optional(),
});
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;

export interface Customer {
  id: string;
  code: string;
  name: string;
  shortName: string;
  /** Initials of every reading of the name, space separated, lower case ("cqhd zqhd"). */
  pinyin: string;
  kind: CustomerKind | null;
  grade: CustomerGrade | null;
  region: string;
  address: string;
  taxId: string;
  bankName: string;
  bankAccount: string;
  creditLimitFen: number | null;
  paymentTermDays: number | null;
  salesperson: string;
  status: CustomerStatus;
  tags: string[];
  notes: string;
  archivedAt: string | null;
  importBatchId: string | null;
  createdAt: string;
  updatedAt: string;
  layer: CustomerLayer | null;
  visitIntervalDays: number | null;
}

export interface Contact {
  id: string;
  customerId: string;
  name: string;
  title: string;
  mobile: string;
  phone: string;
  email: string;
  wechat: string;
  isPrimary: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerDetail extends Customer {
  /** Primary first, then in the order they were added. */
  contacts: Contact[];
  /** The 账期 that applies: paymentTermDays, or the settings default when it is null. */
  effectivePaymentTermDays: number;
  /** Why the customer cannot be deleted (archive instead), or null when it can. */
  deleteBlockedReason: string | null;
}

export const CUSTOMER_SORT_COLUMNS = [
  'code',
  'name',
  'shortName',
  'kind',
  'grade',
  'region',
  'salesperson',
  'status',
  'creditLimitFen',
  'paymentTermDays',
  'lastInteractionDate',
  'createdAt',
  'updatedAt',
  'balanceFen',
  'overdueFen',
] as const;
export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];

const sortSchema = <const T extends readonly [string, ...string[]]>(columns: T, defaultColumn: T[number]) =>
  z
    .object({
      column: z.enum(columns, { error: '不能按此列排序' }),
      direction: z.enum(['asc', 'desc']).default('asc'),
    })
    .default({ column: defaultColumn, direction: 'asc' });

/** The filter of the customer list; also what `customers.exportXlsx` exports. */
export const customerFilterSchema = z.object({
  /** Matches code, name, short name, pinyin initials (prefix or inside), contact name, mobile and phone. */
  search: z.string().trim().max(100).default(''),
  grade: z.array(customerGradeField).default([]),
  kind: z.array(customerKindField).default([]),
  /** Exact region; '' = all. */
  region: z.string().trim().max(50).default(''),
  /** Exact salesperson; '' = all. */
  salesperson: z.string().trim().max(50).default(''),
  status: z.array(customerStatusField).default([]),
  layer: z.array(customerLayerField).default([]),
  /** One tag the customer must carry; '' = any. */
  tag: z.string().trim().max(20).default(''),
  includeArchived: z.boolean().default(false),
  /** Only archived customers (the 已归档 view); wins over includeArchived. */
  archivedOnly: z.boolean().default(false),
  sort: sortSchema(CUSTOMER_SORT_COLUMNS, 'code'),
});
export type CustomerFilter = z.input<typeof customerFilterSchema>;

export const customerListSchema = customerFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type CustomerListInput = z.input<typeof customerListSchema>;

export interface CustomerListRow {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: CustomerKind | null;
  grade: CustomerGrade | null;
  layer: CustomerLayer | null;
  region: string;
  salesperson: string;
  status: CustomerStatus;
  creditLimitFen: number | null;
  paymentTermDays: number | null;
  tags: string[];
  archivedAt: string | null;
  primaryContact: { name: string; mobile: string; phone: string } | null;
  lastInteractionDate: string | null;
  updatedAt: string;
  /** Receivables balance now (stored ar_customer_state; negative = prepaid). */
  balanceFen: number;
  /** Open amounts past their due date today: the figure the card and 今日催收 show. */
  overdueFen: number;
}

/** The money strip on every tab of a customer card. */
export interface CustomerMoneyHeader {
  balanceFen: number;
  overdueFen: number;
  /** Days the oldest overdue item is past its due date; null when nothing is overdue. */
  oldestOverdueDays: number | null;
  /** null = no limit; the bar shows balance ÷ limit. */
  creditLimitFen: number | null;
  /** Prepayment not yet applied (预收). */
  unappliedFen: number;
  lastReceipt: { date: string; amountFen: number } | null;
  /** The nearest promise to pay dated today or later. */
  nextPromise: { date: string; amountFen: number } | null;
}

/** The customer list page with the totals of every matching customer (not just the page shown). */
export interface CustomerPage extends Page<CustomerListRow> {
  totals: { balanceFen: number; overdueFen: number };
}

export interface Page<T> {
  rows: T[];
  /** Rows matching the filter, all pages together. */
  total: number;
}

export interface CustomerFacets {
  regions: string[];
  salespeople: string[];
  tags: string[];
}

export interface CustomerDefaults {
  /** The suggested next code (C0001 style), editable by the clerk. */
  code: string;
  /** Settings default 账期, shown as the placeholder of the payment-term field. */
  paymentTermDays: number;
  status: CustomerStatus;
}

const reasonField = (label: string) => requiredText(label, 200);

// ---------------------------------------------------------------- contacts

export const contactCreateSchema = z.object({ customerId: recordId('客户') }).extend(contactFieldsSchema.shape);
export type ContactCreateInput = z.input<typeof contactCreateSchema>;

export const contactUpdateSchema = z.object({ id: recordId('联系人') }).extend(z.object(contactShape).partial().shape);
export type ContactUpdateInput = z.input<typeof contactUpdateSchema>;

// ---------------------------------------------------------------- interactions

export const interactionCreateSchema = z
  .object({
    customerId: recordId('客户'),
    date: businessDate('日期'),
    channel: interactionChannelField,
    summary: requiredText('内容', 2000),
    promiseDate: businessDate('承诺付款日期').nullable().default(null),
    promiseAmountFen: optionalFen('承诺付款金额', true).default(null),
    nextFollowUp: businessDate('下次跟进日期').nullable().default(null),
    /** 满意度 1–5 (issue 14); null = not rated. */
    satisfaction: z
      .number({ error: '满意度必须是 1–5 的整数' })
      .int({ error: '满意度必须是 1–5 的整数' })
      .min(1, { error: '满意度必须是 1–5 的整数' })
      .max(5, { error: '满意度必须是 1–5 的整数' })
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    // A promise is a date and an amount together: the promise_broken alert needs both.
    if (v.promiseDate !== null && v.promiseAmountFen === null) {
      ctx.addIssue({ code: 'custom', path: ['promiseAmountFen'], message: '填写了承诺付款日期，请同时填写承诺付款金额' });
    }
    if (v.promiseAmountFen !== null && v.promiseDate === null) {
      ctx.addIssue({ code: 'custom', path: ['promiseDate'], message: '填写了承诺付款金额，请同时填写承诺付款日期' });
    }
    if (v.promiseDate !== null && isIsoDate(v.date) && v.promiseDate < v.date) {
      ctx.addIssue({ code: 'custom', path: ['promiseDate'], message: '承诺付款日期不能早于本次往来日期' });
    }
    if (v.nextFollowUp !== null && isIsoDate(v.date) && v.nextFollowUp < v.date) {
      ctx.addIssue({ code: 'custom', path: ['nextFollowUp'], message: '下次跟进日期不能早于本次往来日期' });
    }
  });
export type InteractionCreateInput = z.input<typeof interactionCreateSchema>;

export interface Interaction {
  id: string;
  customerId: string;
  date: string;
  channel: InteractionChannel;
  summary: string;
  promiseDate: string | null;
  promiseAmountFen: number | null;
  nextFollowUp: string | null;
  satisfaction: number | null;
  /** Who entered it. */
  user: string;
  createdAt: string;
}

export const calendarSchema = z.object({
  month: z
    .string({ error: '请选择月份' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，例如 2026-11' }),
  salesperson: z.string().trim().max(50).default(''),
  grade: z.array(customerGradeField).default([]),
  layer: z.array(customerLayerField).default([]),
  search: z.string().trim().max(100).default(''),
  /**
   * true: only customers with an entry (or a follow-up) in the month. false:
   * every non-archived customer matching the filter, so an empty row can be
   * clicked to log the first contact (at most CALENDAR_MAX_ROWS rows).
   */
  onlyWithEntries: z.boolean().default(true),
});
export type CalendarInput = z.input<typeof calendarSchema>;
export const CALENDAR_MAX_ROWS = 2000;

export interface CalendarCell {
  date: string;
  /** Day of month, 1–31. */
  day: number;
  /** One mark per interaction that day, in the order entered (a day with two calls shows T T). */
  marks: InteractionChannel[];
  interactionIds: string[];
  /** A next-follow-up date set by some interaction falls on this day. */
  followUpDue: boolean;
  /** A promise-to-pay date falls on this day. */
  promiseDue: boolean;
  /** A visit planned by the customer's visit plan falls on this day (issue 14). */
  plannedVisit: boolean;
}

export interface CalendarRow {
  customerId: string;
  code: string;
  name: string;
  grade: CustomerGrade | null;
  salesperson: string;
  /** Only days with something to show, ascending. */
  cells: CalendarCell[];
}

export interface CalendarMonth {
  month: string;
  daysInMonth: number;
  rows: CalendarRow[];
  /** More customers matched than CALENDAR_MAX_ROWS; narrow the filter. */
  truncated: boolean;
}

// ---------------------------------------------------------------- methods

const byId = (label: string) => z.object({ id: recordId(label) });

export const customerMethods = {
  'customers.moneyHeader': method<CustomerMoneyHeader>()(byId('客户'), ['customers', 'interactions', 'ar_documents', 'ar_customer_state']),
  'customers.list': method<CustomerPage>()(customerListSchema, ['customers', 'contacts', 'interactions', 'ar_documents', 'ar_customer_state']),
  'customers.get': method<CustomerDetail>()(byId('客户'), ['customers', 'contacts', 'settings']),
  'customers.nextCode': method<{ code: string }>()(z.object({}), ['customers']),
  'customers.defaults': method<CustomerDefaults>()(z.object({}), ['customers', 'settings']),
  'customers.facets': method<CustomerFacets>()(z.object({}), ['customers']),
  'customers.create': method<CustomerDetail>()(customerCreateSchema, []),
  'customers.update': method<CustomerDetail>()(customerUpdateSchema, []),
  'customers.archive': method<CustomerDetail>()(byId('客户').extend({ reason: reasonField('归档原因') }), []),
  'customers.restore': method<CustomerDetail>()(byId('客户').extend({ reason: optionalText('恢复原因', 200) }), []),
  'customers.delete': method<{ id: string; deleted: true }>()(byId('客户').extend({ reason: reasonField('删除原因') }), []),
  /** The filtered list (all pages, in the list's sort) as .xlsx with exactly the import columns. */
  'customers.exportXlsx': method<ExportFile>()(customerFilterSchema, ['customers', 'contacts']),

  'contacts.list': method<Contact[]>()(z.object({ customerId: recordId('客户') }), ['contacts']),
  'contacts.create': method<Contact>()(contactCreateSchema, []),
  'contacts.update': method<Contact>()(contactUpdateSchema, []),
  'contacts.delete': method<{ id: string; deleted: true }>()(byId('联系人'), []),
  /** Makes this contact the primary one; returns the customer's contacts (primary first). */
  'contacts.setPrimary': method<Contact[]>()(byId('联系人'), []),

  /** Newest first (date, then entry time). */
  'interactions.list': method<Interaction[]>()(
    z.object({ customerId: recordId('客户'), limit: z.number().int().min(1).max(1000).default(200) }),
    ['interactions'],
  ),
  'interactions.create': method<Interaction>()(interactionCreateSchema, []),
  'interactions.calendar': method<CalendarMonth>()(calendarSchema, ['interactions', 'customers']),
};

/** Everything issue 3 adds to the API: registered in contract.ts with one line. */
export const customerFileMethods = {
  ...customerMethods,
  ...productMethods,
  ...importMethods,
};
