/**
 * The receivables ledger (往来账, issue 5): posting documents, voids,
 * allocation (核销) suggestions, open items, the customer ledger, contract
 * progress and 已发货未开票. DESIGN §4 is the rule book; the services follow it.
 *
 * Conventions: money in integer fen, business dates `YYYY-MM-DD`, enums as
 * the English ids of ledgerEnums.ts. Posted documents are immutable: there is
 * no update method; a mistake is fixed by `ledger.void` plus a new document.
 * The only later annotation is the VAT invoice number/date of an invoice
 * (`ledger.setVatInvoice`), audited.
 *
 * Errors: 'validation' naming the field (`amountFen`, `dueOn`,
 * `allocations.1.amountFen`, …); 'not_found'; 'conflict' (number taken,
 * already voided); 'credit_limit' with `details: CreditLimitCheck` when an
 * invoice would take the customer over the limit — in 'warn' mode resend the
 * same input with `override: {reason}` to post anyway (audited); in 'block'
 * mode no override is accepted.
 */
import { z } from 'zod';
import { MAX_AMOUNT_FEN } from './customerEnums';
import { businessDate, recordId } from './customers';
import { optionalText, requiredText } from '../schemas/fields';
import { formatFenPlain } from '../money/format';
import { toHalfWidth } from '../text/normalize';
import { method } from './define';
import { lockOverrideField } from './periodLock';
import type { ExportFile } from './imports';
import {
  AR_DOC_KINDS,
  CREDIT_LIMIT_MODES,
  CREDIT_NOTE_TYPES,
  RECEIPT_METHODS,
  RECEIPT_METHOD_LABELS,
  CREDIT_NOTE_TYPE_LABELS,
  type CreditLimitMode,
  type CreditNoteType,
  type DocKind,
  type ReceiptMethod,
  type Side,
} from './ledgerEnums';

export * from './ledgerEnums';

// ---------------------------------------------------------------- field builders

/** An amount that must be > 0 (every stored document amount is; the kind gives the sign). */
export const positiveFen = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}必须精确到分` })
    .min(1, { error: `${label}必须大于 0` })
    .max(MAX_AMOUNT_FEN, { error: `${label}超出上限，最大为 999,999,999,999.99` });

/** Opening balance: signed, never 0 (negative = 预收 prepayment, stored as a credit-side opening). */
const signedNonZeroFen = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}必须精确到分` })
    .min(-MAX_AMOUNT_FEN, { error: `${label}超出下限，最小为 -999,999,999,999.99` })
    .max(MAX_AMOUNT_FEN, { error: `${label}超出上限，最大为 999,999,999,999.99` })
    .refine((v) => v !== 0, { error: `${label}不能为 0（正数为客户欠款，负数为预收）` });

/** A typed document number; '' = generate the next number of the kind (see AR_DOC_NO_PREFIX). */
const docNoField = optionalText('单号', 30)
  .transform((v) => toHalfWidth(v).trim())
  .refine((v) => !/\s/.test(v), { error: '单号不能包含空格' });

const memoField = optionalText('摘要', 200);

/** Sent again with the same input after the clerk confirmed the credit-limit warning. */
const overrideField = z
  .object({ reason: requiredText('超出信用额度的原因', 200) }, { error: '超额确认格式不正确' })
  .nullable()
  .default(null);

/**
 * The allocation shown on the receipt screen: null = automatic (FIFO by
 * replay). A list is compared with `ledger.suggestAllocation`; if it is the
 * suggestion unchanged it stays automatic, otherwise it is stored as the
 * clerk's explicit choice (DESIGN §4). Money not allocated here still pays
 * the oldest-due open debits (§4 rule 2); it is never held back.
 */
const allocationsField = z
  .array(
    z.object({ debitId: recordId('应收单'), amountFen: positiveFen('核销金额') }, { error: '核销明细格式不正确' }),
    { error: '核销明细必须是列表' },
  )
  .max(10_000, { error: '核销明细过多' })
  .nullable()
  .default(null);

type AllocationList = { debitId: string; amountFen: number }[] | null;

/** Shared checks of a credit document's allocation list: no debit twice, total ≤ the amount. */
function checkAllocationList(allocations: AllocationList, amountFen: number, ctx: z.RefinementCtx): void {
  if (allocations === null) return;
  const seen = new Set<string>();
  let total = 0;
  allocations.forEach((a, i) => {
    if (seen.has(a.debitId)) {
      ctx.addIssue({ code: 'custom', path: ['allocations', i, 'debitId'], message: '同一张应收单在核销明细中出现了两次' });
    }
    seen.add(a.debitId);
    total += a.amountFen;
  });
  if (total > amountFen) {
    ctx.addIssue({
      code: 'custom',
      path: ['allocations'],
      message: `核销金额合计 ${formatFenPlain(total)} 超过本单金额 ${formatFenPlain(amountFen)}`,
    });
  }
}

const receiptMethodField = z.enum(RECEIPT_METHODS, {
  error: `收款方式只能是 ${RECEIPT_METHODS.map((m) => RECEIPT_METHOD_LABELS[m]).join('、')}`,
});

// ---------------------------------------------------------------- posting inputs

export const postInvoiceSchema = z
  .object({
    customerId: recordId('客户'),
    date: businessDate('日期'),
    /** null = date + the customer's 账期 (0 = same day), or the settings default (30 days). */
    dueOn: businessDate('到期日').nullable().default(null),
    amountFen: positiveFen('金额'),
    docNo: docNoField,
    contractId: recordId('合同').nullable().default(null),
    /** A payment-plan line of contractId this shipment is invoiced against. */
    installmentId: recordId('付款计划').nullable().default(null),
    /** The line (product) of contractId this shipment is — what a per-line rebate target counts. */
    contractLineId: recordId('合同行').nullable().default(null),
    vatInvoiceNo: optionalText('发票号码', 40),
    vatInvoiceDate: businessDate('开票日期').nullable().default(null),
    memo: memoField,
    override: overrideField,
    lockOverride: lockOverrideField,
  })
  .superRefine((v, ctx) => {
    if (v.dueOn !== null && v.dueOn < v.date) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: '到期日不能早于日期' });
    if (v.installmentId !== null && v.contractId === null) {
      ctx.addIssue({ code: 'custom', path: ['installmentId'], message: '选择付款计划前请先选择合同' });
    }
    if (v.contractLineId !== null && v.contractId === null) {
      ctx.addIssue({ code: 'custom', path: ['contractLineId'], message: '选择合同行（产品线）前请先选择合同' });
    }
    if (v.vatInvoiceDate !== null && v.vatInvoiceNo === '') {
      ctx.addIssue({ code: 'custom', path: ['vatInvoiceNo'], message: '填写了开票日期，请同时填写发票号码' });
    }
  });
export type PostInvoiceInput = z.input<typeof postInvoiceSchema>;

export const postReceiptSchema = z
  .object({
    customerId: recordId('客户'),
    date: businessDate('日期'),
    amountFen: positiveFen('金额'),
    method: receiptMethodField.default('bank_transfer'),
    /** Bank serial number, voucher number … */
    reference: optionalText('流水号', 60),
    /** 承兑汇票 only: bill number and maturity. The receipt counts as collected on its own date. */
    billNo: optionalText('汇票号码', 40),
    billMaturityOn: businessDate('汇票到期日').nullable().default(null),
    docNo: docNoField,
    memo: memoField,
    allocations: allocationsField,
    lockOverride: lockOverrideField,
  })
  .superRefine((v, ctx) => {
    if (v.method === 'acceptance_bill') {
      if (v.billNo === '') ctx.addIssue({ code: 'custom', path: ['billNo'], message: '承兑汇票请填写汇票号码' });
      if (v.billMaturityOn === null) ctx.addIssue({ code: 'custom', path: ['billMaturityOn'], message: '承兑汇票请填写汇票到期日' });
      else if (v.billMaturityOn < v.date) {
        ctx.addIssue({ code: 'custom', path: ['billMaturityOn'], message: '汇票到期日不能早于收款日期' });
      }
    } else {
      if (v.billNo !== '') ctx.addIssue({ code: 'custom', path: ['billNo'], message: '只有承兑汇票需要填写汇票号码' });
      if (v.billMaturityOn !== null) {
        ctx.addIssue({ code: 'custom', path: ['billMaturityOn'], message: '只有承兑汇票需要填写汇票到期日' });
      }
    }
    checkAllocationList(v.allocations, v.amountFen, ctx);
  });
export type PostReceiptInput = z.input<typeof postReceiptSchema>;

export const postCreditNoteSchema = z
  .object({
    customerId: recordId('客户'),
    date: businessDate('日期'),
    amountFen: positiveFen('金额'),
    noteType: z
      .enum(CREDIT_NOTE_TYPES, { error: `类型只能是 ${CREDIT_NOTE_TYPES.map((t) => CREDIT_NOTE_TYPE_LABELS[t]).join('、')}` })
      .default('return'),
    docNo: docNoField,
    memo: memoField,
    /** Same meaning as on a receipt: e.g. a return against the invoice it came from. */
    allocations: allocationsField,
    lockOverride: lockOverrideField,
  })
  .superRefine((v, ctx) => checkAllocationList(v.allocations, v.amountFen, ctx));
export type PostCreditNoteInput = z.input<typeof postCreditNoteSchema>;

export const postWriteOffSchema = z.object({
  /** The invoice (or debit opening) written off: a write-off always names its target (§4). */
  debitId: recordId('要核销的应收单'),
  date: businessDate('日期'),
  /** At most what is open on the target at this date. */
  amountFen: positiveFen('核销金额'),
  docNo: docNoField,
  memo: requiredText('核销原因', 200),
  lockOverride: lockOverrideField,
});
export type PostWriteOffInput = z.input<typeof postWriteOffSchema>;

export const postRefundSchema = z
  .object({
    customerId: recordId('客户'),
    date: businessDate('日期'),
    amountFen: positiveFen('金额'),
    method: receiptMethodField.default('bank_transfer'),
    reference: optionalText('流水号', 60),
    docNo: docNoField,
    memo: memoField,
    lockOverride: lockOverrideField,
  })
  .superRefine((v, ctx) => {
    if (v.method === 'acceptance_bill') ctx.addIssue({ code: 'custom', path: ['method'], message: '退款不能用承兑汇票方式' });
  });
export type PostRefundInput = z.input<typeof postRefundSchema>;

export const postOpeningSchema = z
  .object({
    customerId: recordId('客户'),
    date: businessDate('日期'),
    /** Positive openings only; null = due on the date. */
    dueOn: businessDate('到期日').nullable().default(null),
    /** > 0: the customer owes us; < 0: prepayment (预收), stored as a credit-side opening. */
    amountFen: signedNonZeroFen('金额'),
    docNo: docNoField,
    memo: memoField,
    lockOverride: lockOverrideField,
  })
  .superRefine((v, ctx) => {
    if (v.dueOn === null) return;
    if (v.amountFen < 0) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: '预收（负数）期初没有到期日' });
    else if (v.dueOn < v.date) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: '到期日不能早于日期' });
  });
export type PostOpeningInput = z.input<typeof postOpeningSchema>;

export const voidSchema = z.object({
  docId: recordId('单据'),
  /** Default today; never before the original's date. */
  date: businessDate('冲销日期').nullable().default(null),
  reason: requiredText('冲销原因', 200),
  /** Also on every posting: the reason for writing into a period the customer confirmed (issue 8). */
  lockOverride: lockOverrideField,
});
export type VoidInput = z.input<typeof voidSchema>;

// ---------------------------------------------------------------- reading inputs

export const suggestAllocationSchema = z.object({
  customerId: recordId('客户'),
  date: businessDate('日期'),
  amountFen: positiveFen('金额'),
  kind: z.enum(['receipt', 'credit_note']).default('receipt'),
  /** The number the document will carry ('' = the next automatic one): it decides same-day order. */
  docNo: docNoField,
});
export type SuggestAllocationInput = z.input<typeof suggestAllocationSchema>;

const customerOnly = z.object({ customerId: recordId('客户') });

export const openItemsSchema = customerOnly.extend({
  /** null = today. Documents and voids dated later have not happened (§4). */
  asOf: businessDate('截止日期').nullable().default(null),
});

const periodShape = {
  /** null = the customer's first document date. */
  from: businessDate('开始日期').nullable().default(null),
  /** null = today. */
  to: businessDate('结束日期').nullable().default(null),
};
const periodCheck = (v: { from: string | null; to: string | null }, ctx: z.RefinementCtx) => {
  if (v.from !== null && v.to !== null && v.from > v.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  }
};

export const customerLedgerSchema = customerOnly.extend(periodShape).superRefine(periodCheck);
export type CustomerLedgerInput = z.input<typeof customerLedgerSchema>;

export const documentListSchema = z
  .object({
    customerId: recordId('客户').nullable().default(null),
    kinds: z.array(z.enum(AR_DOC_KINDS)).default([]),
    from: businessDate('开始日期').nullable().default(null),
    to: businessDate('结束日期').nullable().default(null),
    /** Matches document number, memo, reference, VAT invoice number, bill number. */
    search: z.string().trim().max(100).default(''),
    /** false: hide voided originals and their voids. */
    includeVoided: z.boolean().default(true),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .superRefine(periodCheck);
export type DocumentListInput = z.input<typeof documentListSchema>;

export const uninvoicedSchema = z
  .object({
    customerId: recordId('客户').nullable().default(null),
    from: businessDate('开始日期').nullable().default(null),
    to: businessDate('结束日期').nullable().default(null),
    /** Matches document number, memo and customer code/name. */
    search: z.string().trim().max(100).default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .superRefine(periodCheck);
export type UninvoicedInput = z.input<typeof uninvoicedSchema>;

export const setVatInvoiceSchema = z
  .object({
    docId: recordId('应收单'),
    /** '' clears a wrongly entered number. */
    vatInvoiceNo: optionalText('发票号码', 40),
    vatInvoiceDate: businessDate('开票日期').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.vatInvoiceNo === '' && v.vatInvoiceDate !== null) {
      ctx.addIssue({ code: 'custom', path: ['vatInvoiceNo'], message: '填写了开票日期，请同时填写发票号码' });
    }
  });
export type SetVatInvoiceInput = z.input<typeof setVatInvoiceSchema>;

export const ledgerSettingsSchema = z.object({
  creditLimitMode: z.enum(CREDIT_LIMIT_MODES, { error: '信用额度控制只能是 warn（提醒）或 block（禁止）' }),
});
export type LedgerSettingsInput = z.input<typeof ledgerSettingsSchema>;

// ---------------------------------------------------------------- outputs

export interface CustomerRef {
  id: string;
  code: string;
  name: string;
}

export interface DocRef {
  id: string;
  kind: DocKind;
  docNo: string;
  date: string;
}

export interface ArDocument {
  id: string;
  customerId: string;
  kind: DocKind;
  /** From the kind; a negative opening is a credit, a void is opposite its original. */
  side: Side;
  docNo: string;
  date: string;
  /** Debits: the effective due date resolved when posted (§4). Null on credits and voids. */
  dueOn: string | null;
  /** Always > 0. */
  amountFen: number;
  contractId: string | null;
  /** Invoices: the contract line shipped (per-line rebate targets); null = the contract as a whole. */
  contractLineId: string | null;
  installmentId: string | null;
  /** Receipts and refunds. */
  method: ReceiptMethod | null;
  reference: string;
  billNo: string;
  billMaturityOn: string | null;
  vatInvoiceNo: string;
  vatInvoiceDate: string | null;
  noteType: CreditNoteType | null;
  memo: string;
  /** Void documents: the original they reverse, and why. */
  voidsId: string | null;
  voidReason: string;
  /** Set when this document has been voided. */
  voidedById: string | null;
  voidedOn: string | null;
  /** Debits: what is still open now (0 once voided). Null on credits and voids. */
  openFen: number | null;
  /** Credits: what no debit has taken yet (预收). Null on debits and voids. */
  unappliedFen: number | null;
  importBatchId: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface ArDocumentRow extends ArDocument {
  customerCode: string;
  customerName: string;
}

/** One 核销 row, shown from either side. */
export interface ArAllocationView {
  creditId: string;
  creditKind: DocKind;
  creditDocNo: string;
  creditDate: string;
  debitId: string;
  debitKind: DocKind;
  debitDocNo: string;
  debitDate: string;
  amountFen: number;
  /** The later of the two dates. */
  allocatedOn: string;
  /** Chosen by hand on the receipt screen (or a write-off's target); otherwise automatic FIFO. */
  explicit: boolean;
}

export interface ArDocumentDetail extends ArDocument {
  customer: CustomerRef;
  contractNo: string | null;
  /** A void: the document it reverses. */
  voids: DocRef | null;
  /** The void that reverses this document. */
  voidedBy: (DocRef & { reason: string }) | null;
  /** Credits: the debits they pay; debits: the credits paying them. Current state. */
  allocations: ArAllocationView[];
  /** Credits: the clerk's stored choices (inputs of the replay), in order. */
  explicitTargets: { debitId: string; debitDocNo: string; amountFen: number }[];
}

export interface CustomerArSummary {
  customer: CustomerRef & {
    creditLimitFen: number | null;
    paymentTermDays: number | null;
    /** The 账期 invoices without a due date get. */
    effectivePaymentTermDays: number;
  };
  /** Debits − credits of every document (voids included). */
  balanceFen: number;
  openDebitFen: number;
  unappliedFen: number;
  /** Open on debits whose due date is before today. */
  overdueFen: number;
  /** creditLimitFen − balanceFen, or null without a limit. */
  creditAvailableFen: number | null;
  lastInvoiceOn: string | null;
  lastReceiptOn: string | null;
  docCount: number;
}

/** The figures of a credit-limit check; also `details` of a 'credit_limit' error. */
export interface CreditLimitCheck {
  customerId: string;
  limitFen: number;
  balanceFen: number;
  /** The invoice amount, or the contract's not-yet-invoiced amount. */
  addedFen: number;
  projectedFen: number;
  overByFen: number;
  mode: CreditLimitMode;
  /** false in 'block' mode: posting is refused whatever the reason. */
  overrideAllowed: boolean;
}

export interface PostResult {
  document: ArDocumentDetail;
  summary: CustomerArSummary;
  /** An invoice posted over the credit limit with an override: the figures (also in the audit row). */
  creditLimit: CreditLimitCheck | null;
  /** Things the clerk should know that did not stop the posting. */
  warnings: string[];
}

/** The receipt screen's table: every debit open at the credit's place in the replay, FIFO first. */
export interface AllocationSuggestion {
  customerId: string;
  date: string;
  amountFen: number;
  /** The number the suggestion assumed (decides order among same-day credits). */
  docNo: string;
  lines: {
    debitId: string;
    kind: DocKind;
    docNo: string;
    date: string;
    dueOn: string | null;
    amountFen: number;
    /** Open just before this credit. */
    openFen: number;
    /** What automatic allocation would take from this credit (0 = nothing). */
    suggestedFen: number;
  }[];
  /** What would stay unapplied (预收). */
  unappliedFen: number;
}

export interface OpenItems {
  customer: CustomerRef;
  asOf: string;
  debits: {
    debitId: string;
    kind: DocKind;
    docNo: string;
    date: string;
    dueOn: string | null;
    amountFen: number;
    openFen: number;
    /** asOf − due date, when positive; 0 = not overdue. */
    daysOverdue: number;
    contractId: string | null;
    memo: string;
  }[];
  credits: { creditId: string; kind: DocKind; docNo: string; date: string; amountFen: number; unappliedFen: number; memo: string }[];
  openDebitFen: number;
  unappliedFen: number;
  balanceFen: number;
}

export interface LedgerLineView {
  docId: string;
  date: string;
  docNo: string;
  kind: DocKind;
  memo: string;
  /** Exactly one of debitFen / creditFen is > 0. */
  debitFen: number;
  creditFen: number;
  balanceFen: number;
  /** An original that a void reverses (both lines stay, both marked). */
  voided?: boolean;
  /** The void line itself. */
  isVoid?: boolean;
}

export interface CustomerLedger {
  customer: CustomerRef;
  from: string;
  to: string;
  openingFen: number;
  lines: LedgerLineView[];
  closingFen: number;
  totals: { debitFen: number; creditFen: number };
}

export interface UninvoicedRow {
  docId: string;
  docNo: string;
  date: string;
  dueOn: string | null;
  customer: CustomerRef;
  amountFen: number;
  openFen: number;
  contractId: string | null;
  contractNo: string | null;
  memo: string;
}

export interface UninvoicedPage {
  rows: UninvoicedRow[];
  total: number;
  totalFen: number;
}

export interface DocumentPage {
  rows: ArDocumentRow[];
  total: number;
}

export interface ContractProgress {
  contractId: string;
  contractNo: string;
  customer: CustomerRef;
  amountFen: number;
  /** Non-voided invoices posted against the contract. */
  invoicedFen: number;
  /** Receipts allocated to those invoices. */
  receivedFen: number;
  /** Credit notes and write-offs allocated to those invoices. */
  creditedFen: number;
  /** Still open on those invoices = invoiced − received − credited. */
  outstandingFen: number;
  /** amount − invoiced, not below 0: what is still to be shipped/invoiced. */
  notInvoicedFen: number;
  installments: {
    id: string;
    seq: number;
    label: string;
    dueOn: string | null;
    amountFen: number;
    invoicedFen: number;
    receivedFen: number;
    outstandingFen: number;
  }[];
  invoices: { id: string; docNo: string; date: string; dueOn: string | null; amountFen: number; openFen: number; installmentId: string | null }[];
}

export interface LedgerSettings {
  creditLimitMode: CreditLimitMode;
}

// ---------------------------------------------------------------- methods

const LEDGER_READS = ['ar_documents', 'ar_allocations', 'ar_customer_state', 'customers'] as const;

export const ledgerMethods = {
  'ledger.postInvoice': method<PostResult>()(postInvoiceSchema, []),
  'ledger.postReceipt': method<PostResult>()(postReceiptSchema, []),
  'ledger.postCreditNote': method<PostResult>()(postCreditNoteSchema, []),
  'ledger.postWriteOff': method<PostResult>()(postWriteOffSchema, []),
  'ledger.postRefund': method<PostResult>()(postRefundSchema, []),
  'ledger.postOpening': method<PostResult>()(postOpeningSchema, []),
  'ledger.void': method<PostResult>()(voidSchema, []),
  'ledger.suggestAllocation': method<AllocationSuggestion>()(suggestAllocationSchema, [...LEDGER_READS]),
  'ledger.nextDocNo': method<{ docNo: string }>()(
    z.object({ kind: z.enum(AR_DOC_KINDS), date: businessDate('日期') }),
    ['ar_documents'],
  ),
  'ledger.summary': method<CustomerArSummary>()(customerOnly, [...LEDGER_READS, 'settings']),
  /** Customer by code, case-insensitively (CLI and scripts address customers by 客户编码). */
  'ledger.customerByCode': method<CustomerRef>()(z.object({ code: requiredText('客户编码', 30) }), ['customers']),
  'ledger.openItems': method<OpenItems>()(openItemsSchema, [...LEDGER_READS]),
  'ledger.customerLedger': method<CustomerLedger>()(customerLedgerSchema, [...LEDGER_READS]),
  'ledger.document': method<ArDocumentDetail>()(z.object({ id: recordId('单据') }), [...LEDGER_READS, 'contracts', 'ar_explicit_targets']),
  'ledger.documents': method<DocumentPage>()(documentListSchema, [...LEDGER_READS]),
  'ledger.exportLedgerXlsx': method<ExportFile>()(customerLedgerSchema, []),
  /** The same ledger view as a PDF to print or send (title block, opening, lines, closing). */
  'ledger.exportLedgerPdf': method<ExportFile>()(customerLedgerSchema, []),
  'ledger.uninvoicedShipments': method<UninvoicedPage>()(uninvoicedSchema, [...LEDGER_READS, 'contracts']),
  'ledger.setVatInvoice': method<ArDocumentDetail>()(setVatInvoiceSchema, []),
  'ledger.contractProgress': method<ContractProgress>()(
    z.object({ contractId: recordId('合同') }),
    [...LEDGER_READS, 'contracts', 'contract_installments'],
  ),
  'ledger.settings': method<LedgerSettings>()(z.object({}), ['settings']),
  'ledger.updateSettings': method<LedgerSettings>()(ledgerSettingsSchema, []),
};
