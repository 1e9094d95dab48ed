/**
 * Enumerations of contracts. The API and the database use the English ids;
 * the UI, imports and exports show the Chinese labels. Imports accept either.
 */

export const CONTRACT_KINDS = ['sales', 'framework', 'annual'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_KIND_LABELS: Readonly<Record<ContractKind, string>> = {
  sales: '销售合同',
  framework: '框架协议',
  annual: '年度经销协议',
};

/** Stored statuses. */
export const CONTRACT_STATUSES = ['draft', 'active', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Readonly<Record<ContractStatus, string>> = {
  draft: '草稿',
  active: '生效',
  completed: '完成',
  terminated: '终止',
};

/**
 * What a list shows and filters on: the stored status, except that an active
 * contract whose end date has passed is 'expired' (已到期). Derived from the
 * office's today, never stored, so it cannot go stale.
 */
export const CONTRACT_DISPLAY_STATUSES = ['draft', 'active', 'expired', 'completed', 'terminated'] as const;
export type ContractDisplayStatus = (typeof CONTRACT_DISPLAY_STATUSES)[number];
export const CONTRACT_DISPLAY_STATUS_LABELS: Readonly<Record<ContractDisplayStatus, string>> = {
  ...CONTRACT_STATUS_LABELS,
  expired: '已到期',
};

/** Labels offered for installments (free text is allowed too). */
export const INSTALLMENT_LABEL_SUGGESTIONS = ['预付款', '到货款', '验收款', '质保金'] as const;

/** A signed copy (PDF/JPG/PNG) may be at most this large, decoded. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
