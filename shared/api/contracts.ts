/**
 * Contracts (合同管理, issue 4): contracts with lines, a payment schedule
 * (付款计划) and signed copies; registered in contract.ts with one line.
 *
 * Conventions (as customers.ts): outputs carry money as integer fen and
 * quantities as integer thousandths; business dates are `YYYY-MM-DD`; enums
 * are the English ids of contractEnums.ts. Inputs differ in one deliberate
 * way: the amounts a clerk types into a contract (`qty`, `unitPrice`, an
 * installment's `amount`, a framework agreement's `amount`) are sent as the
 * typed decimal text (or a number) and parsed here by the shared parsers.
 * So a price with three decimals or a quantity of 0 is refused, never
 * rounded, with the parser's message on the exact field (`lines.0.unitPrice`),
 * and the same schema validates the UI form.
 *
 * Editing an active contract (the choice issue 4 asks for): header text
 * (title, payment/rebate terms, notes) may be edited while active, audited
 * like any edit. Its number, customer, kind, dates, lines, amount and
 * installments may not: `contracts.update` refuses them with a message
 * pointing to `contracts.reopen({id, reason})`, which returns the contract
 * to draft with the reason recorded; after editing, `contracts.activate`
 * puts it back in force. History shows reopen (with reason) → update (with
 * the line/amount diff) → activate, so no change to what was agreed is silent.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { parseAmountToFen } from '../money/parseAmount';
import { parseQuantityToThousandths } from '../money/quantity';
import { optionalText, requiredText } from '../schemas/fields';
import { toHalfWidth } from '../text/normalize';
import {
  CONTRACT_DISPLAY_STATUSES,
  CONTRACT_DISPLAY_STATUS_LABELS,
  CONTRACT_KINDS,
  CONTRACT_KIND_LABELS,
  MAX_ATTACHMENT_BYTES,
  type ContractDisplayStatus,
  type ContractKind,
  type ContractStatus,
} from './contractEnums';
import { MAX_AMOUNT_FEN, recordId, type Page } from './customers';
import { method } from './define';
import type { HistoryEntryDto } from './history';
import type { ExportFile } from './imports';

export * from './contractEnums';

// ---------------------------------------------------------------- field builders

/** A decimal as typed: text ("1,200.5", "５０") or a number cell. */
const typedDecimal = (label: string) =>
  z.union([z.string(), z.number()], { error: `请填写${label}` });

/** Quantity > 0 with at most three decimals, into thousandths. */
const quantityField = (label: string) =>
  typedDecimal(label).transform((v, ctx) => {
    const r = parseQuantityToThousandths(v, label);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

/** Money in yuan with at most two decimals, into fen; `positive` refuses 0. */
const moneyField = (label: string, positive: boolean) =>
  typedDecimal(label).transform((v, ctx) => {
    const r = parseAmountToFen(v, { label, allowZero: !positive });
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

/** A date that may be left empty: null or '' is "not set". */
const optionalBusinessDate = (label: string) =>
  z
    .string({ error: `${label}必须是日期` })
    .trim()
    .nullable()
    .transform((v, ctx) => {
      if (v === null || v === '') return null;
      if (!isIsoDate(v)) {
        ctx.addIssue({ code: 'custom', message: `${label}应为有效日期，格式 YYYY-MM-DD` });
        return z.NEVER;
      }
      return v;
    });

const requiredBusinessDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine((v) => isIsoDate(v), { error: `${label}应为有效日期，格式 YYYY-MM-DD` });

/** A contract number as typed: half-width, no spaces; '' asks for the next HT number. */
const contractNoField = z
  .string({ error: '合同号必须是文本' })
  .transform((v) => toHalfWidth(v).trim())
  .refine((v) => v.length <= 40, { error: '合同号不能超过 40 个字符' })
  .refine((v) => !/\s/.test(v), { error: '合同号不能包含空格' });

const enumField = <const T extends readonly [string, ...string[]]>(label: string, values: T, labels: Record<T[number], string>) =>
  z.enum(values, { error: `${label}只能是 ${values.map((v) => `${labels[v as T[number]]}（${v}）`).join('、')}` });

export const contractKindField = enumField('合同类型', CONTRACT_KINDS, CONTRACT_KIND_LABELS);
export const contractDisplayStatusField = enumField('合同状态', CONTRACT_DISPLAY_STATUSES, CONTRACT_DISPLAY_STATUS_LABELS);

const reasonField = (label: string) => requiredText(label, 500);

/**
 * Free text without a default. zod 4 applies a default even inside
 * .partial(), so the update schema must not inherit one: an omitted field
 * would come back as '' and wipe the stored text.
 */
const textField = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

// ---------------------------------------------------------------- lines and installments

export const MAX_CONTRACT_LINES = 500;
export const MAX_CONTRACT_INSTALLMENTS = 60;

export const contractLineInputSchema = z
  .object({
    /** An existing line's id keeps it (and its id) when the contract is saved again; omit for a new line. */
    id: recordId('明细').optional(),
    /** A catalogue product, or null for a free-text line. */
    productId: recordId('产品').nullable().default(null),
    /** 品名; may be left empty when a product is chosen (the product's name is used). */
    description: optionalText('品名', 200),
    /** Empty = the product's spec / unit. */
    spec: optionalText('规格', 100),
    unit: optionalText('单位', 10),
    /** Up to three decimals, > 0. */
    qty: quantityField('数量'),
    /** Yuan, up to two decimals, >= 0. */
    unitPrice: moneyField('单价', false),
  })
  .superRefine((line, ctx) => {
    if (line.productId === null && line.description === '') {
      ctx.addIssue({ code: 'custom', path: ['description'], message: '请填写品名或选择产品' });
    }
  });
export type ContractLineInput = z.input<typeof contractLineInputSchema>;

export const contractInstallmentInputSchema = z.object({
  /** An existing installment's id keeps it (invoices may point at it); omit for a new one. */
  id: recordId('付款计划').optional(),
  /** 预付款 / 到货款 / 验收款 / 质保金 … (free text). */
  label: optionalText('款项名称', 30),
  dueOn: requiredBusinessDate('付款日期'),
  /** Yuan, up to two decimals, > 0. */
  amount: moneyField('金额', true),
});
export type ContractInstallmentInput = z.input<typeof contractInstallmentInputSchema>;

const linesField = z
  .array(contractLineInputSchema, { error: '合同明细必须是列表' })
  .max(MAX_CONTRACT_LINES, { error: `一份合同最多 ${MAX_CONTRACT_LINES} 行明细` });
const installmentsField = z
  .array(contractInstallmentInputSchema, { error: '付款计划必须是列表' })
  .max(MAX_CONTRACT_INSTALLMENTS, { error: `付款计划最多 ${MAX_CONTRACT_INSTALLMENTS} 期` });

// ---------------------------------------------------------------- contracts

/**
 * The editable fields without defaults: the create schema adds defaults, the
 * update schema makes every field optional (defaults there would silently
 * overwrite fields the caller did not send).
 */
const contractShape = {
  /** '' = the next HT<yyyymm>-NNNN number of the signing month. Editable until the first activation. */
  contractNo: contractNoField,
  customerId: recordId('客户'),
  title: textField('合同名称', 200),
  kind: contractKindField,
  signedOn: optionalBusinessDate('签订日期'),
  startsOn: optionalBusinessDate('开始日期'),
  /** Not before startsOn. */
  endsOn: optionalBusinessDate('结束日期'),
  /**
   * Only for a framework agreement without lines: its amount, typed by hand
   * (yuan). With lines the amount is the sum of the lines; this field must
   * then be null (or equal that sum).
   */
  amount: moneyField('合同金额', false).nullable(),
  paymentTerms: textField('付款条款', 2000),
  rebateTerms: textField('返利条款', 2000),
  notes: textField('备注', 2000),
  /** The whole list, in order; the saved list replaces the previous one. */
  lines: linesField,
  /** The whole schedule, in order; if any, the amounts must add up to the contract amount exactly. */
  installments: installmentsField,
};

export const contractCreateSchema = z.object({
  ...contractShape,
  contractNo: contractNoField.default(''),
  title: contractShape.title.default(''),
  kind: contractKindField.default('sales'),
  signedOn: contractShape.signedOn.default(null),
  startsOn: contractShape.startsOn.default(null),
  endsOn: contractShape.endsOn.default(null),
  amount: contractShape.amount.default(null),
  paymentTerms: contractShape.paymentTerms.default(''),
  rebateTerms: contractShape.rebateTerms.default(''),
  notes: contractShape.notes.default(''),
  lines: linesField.default([]),
  installments: installmentsField.default([]),
});
export type ContractCreateInput = z.input<typeof contractCreateSchema>;

export const contractUpdateSchema = z
  .object({ id: recordId('合同') })
  .extend(z.object(contractShape).partial().shape)
  .extend({
    /** The updatedAt the form was loaded with; if the contract changed since, the save is refused (two PCs editing). */
    expectedUpdatedAt: z.string().nullable().optional(),
  });
export type ContractUpdateInput = z.input<typeof contractUpdateSchema>;

export interface ContractLine {
  id: string;
  /** 1, 2, … in the order shown. */
  seq: number;
  productId: string | null;
  productCode: string | null;
  description: string;
  spec: string;
  unit: string;
  qtyThousandths: number;
  unitPriceFen: number;
  /** qty × price, rounded half up to the fen, once per line. */
  amountFen: number;
}

export interface ContractInstallment {
  id: string;
  seq: number;
  label: string;
  dueOn: string;
  amountFen: number;
}

export interface ContractAttachment {
  id: string;
  contractId: string;
  sha256: string;
  fileName: string;
  /** Bytes. */
  size: number;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  addedAt: string;
  addedBy: string;
  /** A removed attachment stays listed (and openable) with who, when and why. */
  removedAt: string | null;
  removedBy: string | null;
  removedReason: string | null;
}

/** One row of the contract list (and of the customer card's contracts tab). */
export interface ContractListRow {
  id: string;
  contractNo: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  salesperson: string;
  title: string;
  kind: ContractKind;
  status: ContractStatus;
  /** status, or 'expired' for an active contract past its end date. */
  displayStatus: ContractDisplayStatus;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** endsOn − today in days (0 = ends today, negative = ended); null without an end date. */
  daysToEnd: number | null;
  amountFen: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContractDetail extends ContractListRow {
  /** The amount was typed by hand (framework agreement without lines). */
  amountManual: boolean;
  paymentTerms: string;
  rebateTerms: string;
  notes: string;
  terminatedReason: string | null;
  /** The last return to draft and its reason (earlier ones are in the history). */
  reopenedAt: string | null;
  reopenReason: string | null;
  importBatchId: string | null;
  activatedAt: string | null;
  completedAt: string | null;
  terminatedAt: string | null;
  /** The number can still be changed: a draft never activated. */
  contractNoEditable: boolean;
  lines: ContractLine[];
  installments: ContractInstallment[];
  /** In the order added, removed ones included (see removedAt). */
  attachments: ContractAttachment[];
  /** Σ installments; equals amountFen whenever there are installments. */
  installmentsTotalFen: number;
}

export const CONTRACT_SORT_COLUMNS = [
  'contractNo',
  'customerCode',
  'customerName',
  'title',
  'kind',
  'status',
  'signedOn',
  'startsOn',
  'endsOn',
  'amountFen',
  'createdAt',
  'updatedAt',
] as const;
export type ContractSortColumn = (typeof CONTRACT_SORT_COLUMNS)[number];

/** The filter of the contract list; also what `contracts.exportXlsx` exports. */
export const contractFilterSchema = z.object({
  /** Matches number, title, customer code, name, short name and the customer's pinyin initials. */
  search: z.string().trim().max(100).default(''),
  customerId: recordId('客户').nullable().default(null),
  /** Display statuses: 'active' means in force and not past its end, 'expired' active but past it. [] = all. */
  status: z.array(contractDisplayStatusField).default([]),
  kind: z.array(contractKindField).default([]),
  /** The customer's salesperson, exactly; '' = all. */
  salesperson: z.string().trim().max(50).default(''),
  signedFrom: optionalBusinessDate('签订日期起').default(null),
  signedTo: optionalBusinessDate('签订日期止').default(null),
  /** Active contracts whose end date is today or within this many days. */
  endsWithinDays: z
    .number({ error: '天数必须是整数' })
    .int({ error: '天数必须是整数' })
    .min(0, { error: '天数不能为负数' })
    .max(3650, { error: '天数不能超过 3650' })
    .nullable()
    .default(null),
  sort: z
    .object({
      column: z.enum(CONTRACT_SORT_COLUMNS, { error: '不能按此列排序' }),
      direction: z.enum(['asc', 'desc']).default('asc'),
    })
    .default({ column: 'signedOn', direction: 'desc' }),
});
export type ContractFilter = z.input<typeof contractFilterSchema>;

export interface ContractTotals {
  count: number;
  amountFen: number;
}

export const contractListSchema = contractFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ContractListInput = z.input<typeof contractListSchema>;

// ---------------------------------------------------------------- installments helper

export const splitInstallmentsSchema = z.object({
  /** The contract amount in fen. */
  amountFen: z
    .number({ error: '合同金额必须是金额' })
    .int({ error: '合同金额必须精确到分' })
    .min(0, { error: '合同金额不能为负数' })
    .max(MAX_AMOUNT_FEN, { error: '合同金额超出上限' }),
  /** e.g. [30, 70]; up to two decimals each, > 0, adding up to exactly 100. */
  percents: z
    .array(z.union([z.string(), z.number()]), { error: '比例必须是列表' })
    .min(1, { error: '请至少填写一期的比例' })
    .max(MAX_CONTRACT_INSTALLMENTS, { error: `付款计划最多 ${MAX_CONTRACT_INSTALLMENTS} 期` }),
});

export interface InstallmentSplit {
  /** Parts in fen, adding up to amountFen exactly (largest remainder). */
  amountsFen: number[];
  /** The same parts as decimal yuan text ("300.01"), ready for the installment `amount` fields. */
  amounts: string[];
}

// ---------------------------------------------------------------- attachments

/** Base64 of MAX_ATTACHMENT_BYTES, rounded up: longer text cannot be within the limit. */
const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const addAttachmentSchema = z.object({
  contractId: recordId('合同'),
  fileName: requiredText('文件名', 255),
  /** The file's bytes, base64. PDF, JPG or PNG (recognised by content), 20 MB at most. */
  dataBase64: z
    .string({ error: '请选择要上传的文件' })
    .min(1, { error: '请选择要上传的文件' })
    .max(MAX_ATTACHMENT_BASE64 + 4, { error: '附件不能超过 20 MB' }),
});
export type AddAttachmentInput = z.input<typeof addAttachmentSchema>;

export interface AddedAttachment extends ContractAttachment {
  /** File name of an attachment of this contract with the very same content, if any (the bytes are stored once). */
  sameContentAs: string | null;
}

export interface AttachmentFile {
  fileName: string;
  mime: ContractAttachment['mime'];
  size: number;
  dataBase64: string;
}

// ---------------------------------------------------------------- methods

const byId = z.object({ id: recordId('合同') });
const DETAIL_READS = ['contracts', 'contract_lines', 'contract_installments', 'contract_attachments', 'customers', 'products'];

export const contractMethods = {
  /** Paged and sorted in SQL. */
  'contracts.list': method<Page<ContractListRow>>()(contractListSchema, ['contracts', 'customers']),
  'contracts.get': method<ContractDetail>()(byId, DETAIL_READS),
  /** Count and summed amount of every contract the filter matches (the list's footer, all pages together). */
  'contracts.totals': method<ContractTotals>()(contractFilterSchema, ['contracts', 'customers']),
  /** The suggested number for a signing date (default today), e.g. HT202611-0003. */
  'contracts.nextNo': method<{ contractNo: string }>()(
    z.object({ signedOn: optionalBusinessDate('签订日期').default(null) }),
    ['contracts'],
  ),
  /** Creates a draft. */
  'contracts.create': method<ContractDetail>()(contractCreateSchema, []),
  /** Drafts: everything. Active: only title, terms and notes (else: reopen first). Completed/terminated: notes. */
  'contracts.update': method<ContractDetail>()(contractUpdateSchema, []),
  /**
   * draft → active. Needs a signing date, a line for a sales contract, and
   * installments adding up. `overrideReason` is for the credit-limit check of
   * the ledger (a blocked activation may be forced with a reason, audited).
   */
  'contracts.activate': method<ContractDetail>()(byId.extend({ overrideReason: optionalText('放行原因', 500) }), []),
  /** active → completed. */
  'contracts.complete': method<ContractDetail>()(byId.extend({ note: optionalText('说明', 500) }), []),
  /** draft or active → terminated; the reason is stored on the contract. */
  'contracts.terminate': method<ContractDetail>()(byId.extend({ reason: reasonField('终止原因') }), []),
  /** active → draft so lines, amount or installments can be changed; the reason is audited. */
  'contracts.reopen': method<ContractDetail>()(byId.extend({ reason: reasonField('退回草稿的原因') }), []),
  /** Pure arithmetic, writes nothing: the amounts of a schedule by percentages. */
  'contracts.splitInstallments': method<InstallmentSplit>()(splitInstallmentsSchema, []),
  'contracts.addAttachment': method<AddedAttachment>()(addAttachmentSchema, []),
  /** Marks the attachment removed (the stored file is kept); the reason is required and audited. */
  'contracts.removeAttachment': method<ContractAttachment>()(
    z.object({ attachmentId: recordId('附件'), reason: reasonField('删除附件的原因') }),
    [],
  ),
  /** The file for opening or saving (also for a removed attachment). */
  'contracts.getAttachment': method<AttachmentFile>()(z.object({ attachmentId: recordId('附件') }), [
    'contract_attachments',
    'stored_files',
  ]),
  /** The filtered list as .xlsx: one row per line in the import's columns (re-importable), plus the schedule. */
  'contracts.exportXlsx': method<ExportFile>()(contractFilterSchema, DETAIL_READS),
  /** Audit history of the contract, its lines, schedule and attachments, newest first. */
  'contracts.history': method<HistoryEntryDto[]>()(byId, ['audit_log']),
};
