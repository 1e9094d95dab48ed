/**
 * Enumerations of the receivables ledger (往来账, issue 5). The API and the
 * database use the English ids; screens, imports, exports and statements show
 * the Chinese labels. Imports accept either.
 */
import type { DocKind, Side } from '../receivables/types';

export type { DocKind, Side };

export const AR_DOC_KINDS = ['opening', 'invoice', 'receipt', 'credit_note', 'write_off', 'refund', 'void'] as const satisfies readonly DocKind[];

export const AR_DOC_KIND_LABELS: Readonly<Record<DocKind, string>> = {
  opening: '期初',
  invoice: '应收单',
  receipt: '回款',
  credit_note: '退货/折让',
  write_off: '坏账核销',
  refund: '退款',
  void: '冲销',
};

/**
 * Prefix of the automatic document number, per kind: PREFIX + YYYYMM of the
 * document date + '-' + a 4-digit (or longer) sequence, e.g. YS202611-0001.
 * The letters are the pinyin initials office staff already use for these
 * slips (应收, 收款, 期初, 退货, 核销, 退款, 冲销). Numbers are unique per kind,
 * so a typed number only has to avoid other documents of its own kind.
 */
export const AR_DOC_NO_PREFIX: Readonly<Record<DocKind, string>> = {
  invoice: 'YS',
  receipt: 'SK',
  opening: 'QC',
  credit_note: 'TH',
  write_off: 'HX',
  refund: 'TK',
  void: 'CX',
};

/** How a receipt (回款) or a refund was paid. */
export const RECEIPT_METHODS = ['bank_transfer', 'cash', 'acceptance_bill', 'wechat', 'alipay', 'other'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];
export const RECEIPT_METHOD_LABELS: Readonly<Record<ReceiptMethod, string>> = {
  bank_transfer: '银行转账',
  cash: '现金',
  acceptance_bill: '承兑汇票',
  wechat: '微信',
  alipay: '支付宝',
  other: '其他',
};

/** What a credit note (贷项) is for: goods returned, a price allowance, or a rebate. */
export const CREDIT_NOTE_TYPES = ['return', 'allowance', 'rebate'] as const;
export type CreditNoteType = (typeof CREDIT_NOTE_TYPES)[number];
export const CREDIT_NOTE_TYPE_LABELS: Readonly<Record<CreditNoteType, string>> = {
  return: '退货',
  allowance: '折让',
  rebate: '返利',
};

/** What posting an invoice / activating a contract does when the customer would pass the credit limit. */
export const CREDIT_LIMIT_MODES = ['warn', 'block'] as const;
export type CreditLimitMode = (typeof CREDIT_LIMIT_MODES)[number];
export const CREDIT_LIMIT_MODE_LABELS: Readonly<Record<CreditLimitMode, string>> = {
  warn: '提醒（填写原因后可继续）',
  block: '禁止',
};
